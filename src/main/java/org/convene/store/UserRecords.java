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
import org.convene.core.port.Credentials.TokenOwner;
import org.convene.model.User;
import org.convene.model.UserDetails;

/** Users and their credentials, all under the {@code {users}} hash tag so that an e-mail is claimed atomically. */
final class UserRecords {
    private static final Script USER_SAVE = Script.load("users", "user_save").durable();
    private static final Script USER_DELETE = Script.load("users", "user_delete");
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

    /** Creates a user ({@code userId} empty) or replaces one's details if at {@code expected} version ("" for any). */
    User save(String userId, UserDetails d, OptionalLong expected) {
        Reply reply = calls.await(calls.inUsers(USER_SAVE, userId, version(expected), d.name(),
                Integer.toString(d.age()), d.gender(), d.email())).ok();
        return new User(reply.number(1), d, reply.number(2));
    }

    void delete(long userId) {
        calls.await(calls.inUsers(USER_DELETE, Long.toString(userId))).ok();
    }

    Optional<User> user(long userId) {
        Map<String, String> h = calls.await(calls.commands.hgetall(Keys.user(userId)).toCompletableFuture());
        return h.isEmpty() || "1".equals(h.get("deleted")) ? Optional.empty() : Optional.of(Replies.user(h));
    }

    List<User> page(long afterId, int limit) {
        Reply reply = calls.await(calls.inUsers(USERS_PAGE, Long.toString(afterId), Integer.toString(limit))).ok();
        return reply.list(1).stream().map(h -> Replies.user(Reply.hash(h))).toList();
    }

    /** What a join needs of a user, read before the join's own script: e-mail and name; refuses a missing user. */
    JoinerDetails forJoin(long userId) {
        Reply reply = calls.await(calls.inUsers(USER_FOR_JOIN, Long.toString(userId))).ok();
        return new JoinerDetails(reply.text(1), reply.text(2));
    }

    /** A user's e-mail and name, as a join records them. */
    record JoinerDetails(String email, String name) {}

    Optional<TokenOwner> withTokenHash(String hash) {
        return owner(hash, calls.await(calls.inUsers(USER_BY_TOKEN, hash)));
    }

    /** The owners of several token hashes, looked up in one pipelined round trip. */
    Map<String, TokenOwner> withTokenHashes(Collection<String> hashes) {
        Map<String, CompletableFuture<Reply>> replies = new LinkedHashMap<>();
        for (String hash : hashes) replies.put(hash, calls.inUsers(USER_BY_TOKEN, hash));
        calls.awaitAll(replies.values().toArray(CompletableFuture[]::new));
        Map<String, TokenOwner> owners = new HashMap<>();
        replies.forEach((hash, reply) -> owner(hash, calls.result(reply)).ifPresent(o -> owners.put(hash, o)));
        return owners;
    }

    /** The owner a lookup found, once its stored hash is compared with the one asked for in constant time. */
    private static Optional<TokenOwner> owner(String hash, Reply reply) {
        if (!reply.isOk()) return Optional.empty();
        boolean same = MessageDigest.isEqual(hash.getBytes(StandardCharsets.US_ASCII),
                reply.text(2).getBytes(StandardCharsets.US_ASCII));
        return same ? Optional.of(new TokenOwner(reply.number(1), reply.text(3))) : Optional.empty();
    }

    void setFeedTokenHash(long userId, String hash) {
        calls.await(calls.inUsers(USER_TOKEN, Long.toString(userId), hash, "feed")).ok();
    }

    OptionalLong withFeedTokenHash(String hash) {
        Reply reply = calls.await(calls.inUsers(USER_BY_FEED_TOKEN, hash));
        if (!reply.isOk() || !MessageDigest.isEqual(hash.getBytes(StandardCharsets.US_ASCII),
                reply.text(2).getBytes(StandardCharsets.US_ASCII))) return OptionalLong.empty();
        return OptionalLong.of(reply.number(1));
    }

    void setTokenHash(long userId, String hash) {
        calls.await(calls.inUsers(USER_TOKEN, Long.toString(userId), hash, "api")).ok();
    }

    Optional<String> adminTokenHash() {
        Reply reply = calls.await(calls.inUsers(ADMIN_TOKEN, "get"));
        return reply.isOk() ? Optional.of(reply.text(1)) : Optional.empty();
    }

    String initAdminTokenHash(String hash) {
        return calls.await(calls.inUsers(ADMIN_TOKEN, "init", hash)).ok().text(1);
    }

    void replaceAdminTokenHash(String hash) {
        calls.await(calls.inUsers(ADMIN_TOKEN, "replace", hash)).ok();
    }
}
