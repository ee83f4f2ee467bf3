package org.convene.model;

import java.util.Locale;

/**
 * Who did something, as an audit record names them: root (the bootstrap token), a user with the role
 * their token resolved to, or the system itself (the scheduler, a migration).
 */
public record Actor(Kind kind, long userId, GlobalRole role) {
    /** What kind of actor: never a token. */
    public enum Kind {
        ROOT, USER, SYSTEM;

        /** The kind as audit records spell it. */
        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public static final Actor ROOT = new Actor(Kind.ROOT, 0, GlobalRole.ADMIN);

    public Actor {
        if (kind == null) throw RefusedException.invalid("actor", "a kind is required");
        if (kind == Kind.USER) Check.positiveId("actor id", userId);
        if (role == null) throw RefusedException.invalid("actor", "a role is required");
    }
}
