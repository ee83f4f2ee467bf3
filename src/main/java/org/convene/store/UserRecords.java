package org.convene.store;

import static org.convene.store.RedisCalls.version;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import org.convene.core.port.Credentials;
import org.convene.core.port.UserStore;
import java.time.Instant;
import org.convene.model.Acting;
import org.convene.model.Actor;
import org.convene.model.GlobalRole;
import org.convene.model.Refusal;
import org.convene.model.User;
import org.convene.model.UserDetails;

/**
 * Users and their credentials, all under the {@code {users}} hash tag so that an e-mail is claimed
 * atomically: the users' port and the credentials' port, on one slot.
 */
final class UserRecords implements UserStore, Credentials {
    private static final Script USER_SAVE = Script.load("users", "user_save").durable();
    private static final Script USER_DELETE = Script.load("users", "user_delete");
    private static final Script USER_ROLE = Script.load("users", "user_role").durable();
    private static final Script USER_SUSPEND = Script.load("users", "user_suspend").durable();
    private static final Script USER_FOR_JOIN = Script.load("users", "user_for_join").reading();
    private static final Script USERS_PAGE = Script.load("users", "users_page").reading();
    private static final Script USER_TOKEN = Script.load("users", "user_token");
    private static final Script USER_BY_TOKEN = Script.load("users", "user_by_token").reading();
    private static final Script ADMIN_TOKEN = Script.load("users", "admin_token");
    private static final Script USER_BY_FEED_TOKEN = Script.load("users", "user_by_feed_token").reading();

    private final RedisCalls calls;

    UserRecords(RedisCalls calls) {
        this.calls = calls;
    }

    /** user_save's answer: the user's id, new version and role. */
    private record SaveReply(long userId, long version, GlobalRole role) {
        static SaveReply of(Reply reply) {
            Reply ok = reply.ok();
            return new SaveReply(ok.number(1), ok.number(2), GlobalRole.stored(ok.text(3)));
        }
    }

    /** user_role's and user_suspend's answer: the user's version after the change, or a refusal saying why the actor may not. */
    private record RoleReply(long version) {
        static RoleReply of(Reply reply) {
            if ("FORBIDDEN".equals(reply.status())) throw Refusal.ROLE_FORBIDDEN.refuse(reply.text(1));
            return new RoleReply(reply.ok().number(1));
        }
    }

    /** users_page's answer: each user's hash. */
    private record PageReply(List<Map<String, String>> users) {
        static PageReply of(Reply reply) {
            return new PageReply(reply.ok().list(1).stream().map(Reply::hash).toList());
        }
    }

    /** user_for_join's answer: what a join records of its user. */
    private record JoinerReply(String email, String name, String role, String guestOf, String guestLink) {
        static JoinerReply of(Reply reply) {
            Reply ok = reply.ok();
            return new JoinerReply(ok.text(1), ok.text(2), ok.text(3), ok.text(4), ok.text(5));
        }
    }

    /** user_by_token's and user_by_feed_token's answer: the user and the hash stored for them, if any. */
    private record TokenReply(long userId, String storedHash, String email, GlobalRole role, long guestOf) {
        static Optional<TokenReply> of(Reply reply) {
            if (!reply.isOk()) return Optional.empty();
            return Optional.of(new TokenReply(reply.number(1), reply.text(2), reply.size() > 3 ? reply.text(3) : null,
                    GlobalRole.stored(reply.size() > 4 ? reply.text(4) : null),
                    reply.size() > 5 && reply.textOrNull(5) != null ? Long.parseLong(reply.text(5)) : 0));
        }

        /** Whether the stored hash is the one asked for, compared in constant time. */
        boolean matches(String hash) {
            return MessageDigest.isEqual(hash.getBytes(StandardCharsets.US_ASCII), storedHash.getBytes(StandardCharsets.US_ASCII));
        }
    }

    /** admin_token's answer: the hash in force, if any. */
    private record AdminTokenReply(Optional<String> hash) {
        static AdminTokenReply of(Reply reply) {
            return new AdminTokenReply(reply.isOk() ? Optional.of(reply.text(1)) : Optional.empty());
        }
    }

    @Override
    public User create(UserDetails details, Acting acting, Instant now) {
        return save("", details, OptionalLong.empty(), acting, now);
    }

    @Override
    public User update(long userId, UserDetails details, OptionalLong expectedVersion, Acting acting, Instant now) {
        return save(Long.toString(userId), details, expectedVersion, acting, now);
    }

    /** Creates a user ({@code userId} empty) or replaces one's details if at {@code expected} version ("" for any). */
    private User save(String userId, UserDetails d, OptionalLong expected, Acting acting, Instant now) {
        SaveReply saved = SaveReply.of(calls.await(calls.auditedInUsers(USER_SAVE, userId, version(expected), d.name(),
                d.age() == null ? "" : Integer.toString(d.age()), d.gender(), d.email(), acting.wire()[0], acting.wire()[1], RedisCalls.ms(now),
                acting.requestId())));
        return new User(saved.userId(), d, saved.version(), saved.role());
    }

    @Override
    public User suspend(long userId, boolean suspended, Actor actor, Instant now, String requestId) {
        RoleReply.of(calls.await(calls.auditedInUsers(USER_SUSPEND, Long.toString(userId), suspended ? "1" : "0",
                actor.kind().wire(), Long.toString(actor.userId()), RedisCalls.ms(now), requestId == null ? "" : requestId)));
        return user(userId).orElseThrow(Refusal.INVALID_USER::refuse);
    }

    @Override
    public User changeRole(long userId, GlobalRole role, Actor actor, Instant now, String requestId) {
        RoleReply.of(calls.await(calls.auditedInUsers(USER_ROLE, Long.toString(userId), role.wire(), actor.kind().wire(),
                Long.toString(actor.userId()), RedisCalls.ms(now), requestId == null ? "" : requestId)));
        return user(userId).orElseThrow(Refusal.INVALID_USER::refuse);
    }

    @Override
    public void delete(long userId, Acting acting, Instant now) {
        calls.await(calls.auditedInUsers(USER_DELETE, Long.toString(userId), acting.wire()[0], acting.wire()[1],
                RedisCalls.ms(now), acting.requestId())).ok();
    }

    @Override
    public List<String> emailsWithoutUser(List<String> emails) {
        if (emails.isEmpty()) return List.of();
        List<String> without = new java.util.ArrayList<>();
        for (var owner : calls.await(calls.commands.hmget(Keys.USERS + ":emails", emails.toArray(String[]::new)).toCompletableFuture())) {
            if (!owner.hasValue()) without.add(owner.getKey());
        }
        return without;
    }

    @Override
    public Optional<User> user(long userId) {
        Map<String, String> h = calls.await(calls.commands.hgetall(Keys.user(userId)).toCompletableFuture());
        return h.isEmpty() || "1".equals(h.get("deleted")) ? Optional.empty() : Optional.of(Replies.user(h));
    }

    @Override
    public List<User> page(long afterId, int limit) {
        return PageReply.of(calls.await(calls.inUsers(USERS_PAGE, Long.toString(afterId), Integer.toString(limit))))
                .users().stream().map(Replies::user).toList();
    }

    /** What a join needs of a user, read before the join's own script: e-mail and name; refuses a missing user. */
    JoinerDetails forJoin(long userId) {
        JoinerReply joiner = JoinerReply.of(calls.await(calls.inUsers(USER_FOR_JOIN, Long.toString(userId))));
        return new JoinerDetails(joiner.email(), joiner.name(), joiner.role(), joiner.guestOf(), joiner.guestLink());
    }

    /** A user's e-mail and name, as a join records them, and their global role ('' before roles), which lets hosts past the lobby. */
    record JoinerDetails(String email, String name, String role, String guestOf, String guestLink) {}

    @Override
    public Optional<TokenOwner> userWithTokenHash(String hash) {
        return owner(hash, calls.await(calls.inUsers(USER_BY_TOKEN, hash)));
    }

    /** The owners of several token hashes, looked up in one pipelined round trip. */
    @Override
    public Map<String, TokenOwner> usersWithTokenHashes(Collection<String> hashes) {
        Map<String, CompletableFuture<Reply>> replies = new LinkedHashMap<>();
        for (String hash : hashes) replies.put(hash, calls.inUsers(USER_BY_TOKEN, hash));
        calls.awaitAll(replies.values().toArray(CompletableFuture[]::new));
        Map<String, TokenOwner> owners = new HashMap<>();
        replies.forEach((hash, reply) -> owner(hash, calls.result(reply)).ifPresent(o -> owners.put(hash, o)));
        return owners;
    }

    /** The owner a lookup found, once its stored hash is compared with the one asked for in constant time. */
    private static Optional<TokenOwner> owner(String hash, Reply reply) {
        return TokenReply.of(reply).filter(found -> found.matches(hash))
                .map(found -> new TokenOwner(found.userId(), found.email(), found.role(), found.guestOf()));
    }

    @Override
    public void setFeedTokenHash(long userId, String hash, Acting acting, Instant now) {
        calls.await(calls.auditedInUsers(USER_TOKEN, Long.toString(userId), hash, "feed", acting.wire()[0], acting.wire()[1],
                RedisCalls.ms(now), acting.requestId())).ok();
    }

    @Override
    public OptionalLong userWithFeedTokenHash(String hash) {
        return TokenReply.of(calls.await(calls.inUsers(USER_BY_FEED_TOKEN, hash))).filter(found -> found.matches(hash))
                .map(found -> OptionalLong.of(found.userId())).orElse(OptionalLong.empty());
    }

    @Override
    public void setUserTokenHash(long userId, String hash, Acting acting, Instant now) {
        calls.await(calls.auditedInUsers(USER_TOKEN, Long.toString(userId), hash, "api", acting.wire()[0], acting.wire()[1],
                RedisCalls.ms(now), acting.requestId())).ok();
    }

    @Override
    public Optional<String> adminTokenHash() {
        return AdminTokenReply.of(calls.await(calls.inUsers(ADMIN_TOKEN, "get"))).hash();
    }

    @Override
    public String initAdminTokenHash(String hash) {
        return AdminTokenReply.of(calls.await(calls.inUsers(ADMIN_TOKEN, "init", hash)).ok()).hash().orElseThrow();
    }

    @Override
    public void replaceAdminTokenHash(String hash) {
        calls.await(calls.inUsers(ADMIN_TOKEN, "replace", hash)).ok();
    }
}
