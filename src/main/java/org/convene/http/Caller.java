package org.convene.http;

/** Who sent a request: the administrator, or one user with their e-mail. */
record Caller(boolean admin, long userId, String email) {
    static final Caller ADMIN = new Caller(true, 0, "");

    static Caller user(long userId, String email) {
        return new Caller(false, userId, email);
    }

    /** Returns whether this caller may act as user {@code userId}: as themselves, or as the administrator. */
    boolean mayActAs(long userId) {
        return admin || this.userId == userId;
    }

    /** How the request log names the caller; never a token. */
    String logName() {
        return admin ? "admin" : "user:" + userId;
    }
}
