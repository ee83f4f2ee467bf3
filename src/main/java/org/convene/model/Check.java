package org.convene.model;

import java.util.Locale;
import java.util.regex.Pattern;

/** Input rules shared by the value types; each failure names the field. */
final class Check {
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)+");

    private Check() {}

    static long positiveId(String field, long id) {
        if (id <= 0) throw RefusedException.invalid(field, "must be a positive integer, was " + id);
        return id;
    }

    static String text(String field, String value, int maxCodePoints, boolean mayBeBlank) {
        if (value == null) throw RefusedException.invalid(field, "is required");
        if (!mayBeBlank && value.isBlank()) throw RefusedException.invalid(field, "must not be empty");
        int length = value.codePointCount(0, value.length());
        if (length > maxCodePoints) {
            throw RefusedException.invalid(field, "must be at most " + maxCodePoints + " characters, was " + length);
        }
        if (value.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\t' && c != '\r')) {
            throw RefusedException.invalid(field, "must not contain control characters");
        }
        return value;
    }

    /** Returns the e-mail trimmed and lower-cased, the form in which it is compared and stored. */
    static String email(String field, String value) {
        if (value == null) throw RefusedException.invalid(field, "is required");
        String normal = value.trim().toLowerCase(Locale.ROOT);
        if (normal.length() > 254 || !EMAIL.matcher(normal).matches()) {
            throw RefusedException.invalid(field, "is not a valid e-mail address: '" + abbreviate(value) + "'");
        }
        return normal;
    }

    static String abbreviate(String value) {
        return value.length() <= 60 ? value : value.substring(0, 57) + "...";
    }
}
