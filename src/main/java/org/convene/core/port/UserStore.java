package org.convene.core.port;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.convene.model.Acting;
import org.convene.model.Actor;
import org.convene.model.GlobalRole;
import org.convene.model.User;
import org.convene.model.UserDetails;

/**
 * Users and their details, each e-mail claimed by one user at a time. Writes are atomic and refuse by
 * throwing {@link org.convene.model.RefusedException}, having changed nothing.
 */
public interface UserStore {

    /** Creates a user, with its audit record in the same step; refuses an e-mail another user has. */
    User create(UserDetails details, Acting acting, Instant now);

    /**
     * Replaces a user's details if its version is {@code expectedVersion} (any version when empty), with an audit record
     * naming the fields that changed in the same step.
     */
    User update(long userId, UserDetails details, OptionalLong expectedVersion, Acting acting, Instant now);

    /**
     * Deletes a user: they can no longer be read or act and their e-mail is free; their history stays.
     * Taking them out of the instances they are inside is the roster's ({@link Roster#removeEverywhere}).
     */
    void delete(long userId, Acting acting, Instant now);

    /**
     * Gives a user a global role, with its audit record in the same step; the actor's right is checked there
     * from their own record (only administrators change roles, only root the admin role, nobody their own).
     */
    User changeRole(long userId, GlobalRole role, Actor actor, Instant now, String requestId);

    /**
     * Suspends a user or lifts it, with its audit record in the same step: a suspension retires their token and
     * calendar feed address at once and their meetings go on; the actor's right is checked as for roles.
     */
    User suspend(long userId, boolean suspended, Actor actor, Instant now, String requestId);

    /** Those of {@code emails} (normalised) that no user has: an audience's addresses that may hold a typo. */
    List<String> emailsWithoutUser(List<String> emails);

    /** Returns the user, if there is one that is not deleted. */
    Optional<User> user(long userId);

    /** Returns up to {@code limit} users with ids after {@code afterId}, by id. */
    List<User> page(long afterId, int limit);
}
