package org.convene.model;

/** A stored user; {@code version} grows with every change, for optimistic updates. */
public record User(long id, UserDetails details, long version) {
    public User {
        Check.positiveId("user id", id);
        if (details == null) throw RefusedException.invalid("user", "details are required");
    }

    public String name() {
        return details.name();
    }

    public String email() {
        return details.email();
    }
}
