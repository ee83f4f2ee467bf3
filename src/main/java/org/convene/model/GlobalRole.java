package org.convene.model;

import java.util.Locale;

/**
 * A user's role across Convene: an administrator may do everything, an organizer makes and runs meetings of
 * their own, a member (everyone else) joins, chats and reads what the audience rules allow. A guest is no one's
 * to make by hand: an identity a guest link gives, for one occurrence only. The bootstrap token is root, an
 * administrator that always exists and is no user.
 */
public enum GlobalRole {
    ADMIN, ORGANIZER, MEMBER, GUEST;

    /** The role as the API and Redis spell it: {@code admin}, {@code organizer}, {@code member}. */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The stored role; a user written before roles existed has none and is a member. */
    public static GlobalRole stored(String value) {
        return value == null || value.isEmpty() ? MEMBER : valueOf(value.toUpperCase(Locale.ROOT));
    }

    /** The role a client gives, or a refusal naming the field. */
    public static GlobalRole given(String field, String value) {
        if (value != null) {
            for (GlobalRole role : values()) if (role != GUEST && role.wire().equals(value)) return role;
        }
        throw RefusedException.invalid(field, "must be admin, organizer or member, was "
                + (value == null ? "null" : "'" + Check.abbreviate(value) + "'"));
    }

    /** Whether a user of this role may make meetings of their own. */
    public boolean makesMeetings() {
        return this == ADMIN || this == ORGANIZER;
    }
}
