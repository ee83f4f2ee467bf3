package org.convene.model;

/** Parses the integer ids that users type, refusing anything that is not a positive integer. */
public final class Ids {
    private Ids() {}

    /**
     * Returns {@code raw} as a positive id, or refuses with a message naming {@code field}.
     *
     * <p>{@code Ids.parse("user", "12")} is 12; {@code Ids.parse("user", "*")} is refused.
     */
    public static long parse(String field, String raw) {
        if (raw == null || raw.isEmpty() || raw.length() > 18 || !raw.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw RefusedException.invalid(field, "must be a positive integer, was '" + Check.abbreviate(String.valueOf(raw)) + "'");
        }
        return Check.positiveId(field, Long.parseLong(raw));
    }
}
