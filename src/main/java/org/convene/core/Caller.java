package org.convene.core;

/** Who asks: the administrator, or one user with their (normalised) e-mail. Made only by {@link Tokens}. */
public record Caller(boolean admin, long userId, String email) {
    /** The administrator. */
    public static final Caller ADMIN = new Caller(true, 0, "");

    /** Returns a caller acting as user {@code userId}. */
    public static Caller user(long userId, String email) {
        return new Caller(false, userId, email);
    }

    /** How logs name the caller; never a token. */
    public String logName() {
        return admin ? "admin" : "user:" + userId;
    }
}
