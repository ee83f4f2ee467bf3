package org.convene.core.port;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.time.Instant;
import org.convene.model.Acting;
import org.convene.model.GlobalRole;

/** Where token hashes are kept: the port behind bearer-token access. Tokens themselves are never stored. */
public interface Credentials {

    /** Returns the user whose token has this SHA-256 hash (hex), with their e-mail and role, if any. */
    Optional<TokenOwner> userWithTokenHash(String hash);

    /** A user a token belongs to. */
    record TokenOwner(long userId, String email, GlobalRole role, long guestOf) {
        /** The owner of a token who is no guest. */
        public TokenOwner(long userId, String email, GlobalRole role) {
            this(userId, email, role, 0);
        }

        /** The caller the token makes. */
        public org.convene.core.Caller caller() {
            return guestOf != 0 ? org.convene.core.Caller.guest(userId, email, guestOf) : org.convene.core.Caller.user(userId, email, role);
        }
    }

    /** Returns the owners of several token hashes at once (one round trip where the store can); unknown ones are absent. */
    default Map<String, TokenOwner> usersWithTokenHashes(Collection<String> hashes) {
        Map<String, TokenOwner> owners = new HashMap<>();
        for (String hash : hashes) userWithTokenHash(hash).ifPresent(owner -> owners.put(hash, owner));
        return owners;
    }

    /** Gives a user a new token hash, retiring the previous one, recorded in the same step; refuses with "Invalid user ID" for a deleted user. */
    void setUserTokenHash(long userId, String hash, Acting acting, Instant now);

    /** Gives a user a new calendar feed token hash, retiring the previous one; refuses for a deleted user. */
    void setFeedTokenHash(long userId, String hash, Acting acting, Instant now);

    /** Returns the user whose calendar feed token has this hash, if any. */
    OptionalLong userWithFeedTokenHash(String hash);

    /** Returns the stored administrator token hash, if one was made. */
    Optional<String> adminTokenHash();

    /** Stores the administrator's token hash unless one exists; returns the hash in force. */
    String initAdminTokenHash(String hash);

    /** Replaces the stored administrator token hash. */
    void replaceAdminTokenHash(String hash);
}
