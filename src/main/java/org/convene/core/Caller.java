package org.convene.core;

import org.convene.model.Actor;
import org.convene.model.GlobalRole;

/**
 * Who asks: root (the bootstrap token, an administrator that is no user), or one user with their
 * (normalised) e-mail and global role as their token resolved them; a guest also with the one instance their
 * guest link was for ({@code guestOf}, 0 for anyone else). Made only by {@link Tokens}.
 */
public record Caller(boolean root, GlobalRole role, long userId, String email, long guestOf) {
    /** Root: the administrator token. */
    public static final Caller ADMIN = new Caller(true, GlobalRole.ADMIN, 0, "", 0);

    /** A caller who is no guest. */
    public Caller(boolean root, GlobalRole role, long userId, String email) {
        this(root, role, userId, email, 0);
    }

    /** Returns a guest of instance {@code instanceId}, acting as guest user {@code userId}. */
    public static Caller guest(long userId, String email, long instanceId) {
        return new Caller(false, GlobalRole.GUEST, userId, email, instanceId);
    }

    /** Whether the caller is a guest, who may act in one instance only. */
    public boolean guest() {
        return guestOf != 0;
    }

    /** Returns a member acting as user {@code userId}. */
    public static Caller user(long userId, String email) {
        return user(userId, email, GlobalRole.MEMBER);
    }

    /** Returns a caller acting as user {@code userId}, of that role. */
    public static Caller user(long userId, String email, GlobalRole role) {
        return new Caller(false, role, userId, email);
    }

    /** Whether the caller may do everything: root, or a user with the admin role. */
    public boolean admin() {
        return root || role == GlobalRole.ADMIN;
    }

    /** The caller as an audit record names them. */
    public Actor actor() {
        return root ? Actor.ROOT : new Actor(Actor.Kind.USER, userId, role);
    }

    /** How logs name the caller; never a token. */
    public String logName() {
        return root ? "admin" : "user:" + userId;
    }
}
