package org.convene.model;

/**
 * A stored user with their role, and whether they are suspended (their tokens retired, their meetings going
 * on); {@code version} grows with every change, for optimistic updates.
 */
public record User(long id, UserDetails details, long version, GlobalRole role, boolean suspended) {
    public User {
        Check.positiveId("user id", id);
        if (details == null) throw RefusedException.invalid("user", "details are required");
        if (role == null) throw RefusedException.invalid("role", "is required");
    }

    /** A member: what every user written before roles existed is. */
    public User(long id, UserDetails details, long version) {
        this(id, details, version, GlobalRole.MEMBER, false);
    }

    /** A user who is not suspended. */
    public User(long id, UserDetails details, long version, GlobalRole role) {
        this(id, details, version, role, false);
    }

    public String name() {
        return details.name();
    }

    public String email() {
        return details.email();
    }
}
