package org.convene.store;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.convene.core.port.Credentials.TokenOwner;
import org.convene.core.port.SignInStore;
import org.convene.model.Acting;
import org.convene.model.GlobalRole;
import org.convene.model.ProviderIdentity;

/** People of the identity provider, console sessions and sign-ins under way, in the users' slot beside their users. */
final class SignInRecords implements SignInStore {
    private static final Script IDENTITY_SIGN_IN = Script.load("users", "identity_sign_in").durable();
    private static final Script IDENTITY_READ = Script.load("users", "identity_read").reading();
    private static final Script SESSION = Script.load("users", "session");
    private static final Script LOGIN = Script.load("users", "login_transaction");

    private final RedisCalls calls;

    SignInRecords(RedisCalls calls) {
        this.calls = calls;
    }

    /** identity_sign_in's, identity_read's and session's answer: the user a credential belongs to, if any. */
    private record OwnerReply(Optional<TokenOwner> owner) {
        static OwnerReply of(Reply reply) {
            if (!reply.isOk()) return new OwnerReply(Optional.empty());
            return new OwnerReply(Optional.of(new TokenOwner(reply.number(1), reply.text(2), GlobalRole.stored(reply.text(3)))));
        }
    }

    /** session's answer to ending everywhere: how many sessions were open. */
    private record EndedReply(long ended) {
        static EndedReply of(Reply reply) {
            return new EndedReply(reply.ok().number(1));
        }
    }

    /** login_transaction's answer to a take: the transaction, if it was there. */
    private record LoginReply(Optional<String> transaction) {
        static LoginReply of(Reply reply) {
            return new LoginReply(reply.isOk() ? Optional.of(reply.text(1)) : Optional.empty());
        }
    }

    @Override
    public TokenOwner signIn(ProviderIdentity id, boolean linkByEmail, Instant now) {
        Reply reply = calls.await(calls.auditedInUsers(IDENTITY_SIGN_IN, id.issuer(), id.subject(), id.email(),
                id.emailVerified() ? "1" : "0", id.name(), id.saysRole() ? id.role().wire() : "", linkByEmail ? "1" : "0",
                RedisCalls.ms(now), id.saysEmail() ? "1" : "0"));
        return OwnerReply.of(reply.ok()).owner().orElseThrow();
    }

    @Override
    public Optional<TokenOwner> identityOwner(String issuer, String subject) {
        return OwnerReply.of(calls.await(calls.inUsers(IDENTITY_READ, issuer, subject))).owner();
    }

    @Override
    public void openSession(long userId, String hash, String method, Duration idle, Instant ends, Instant now,
                            String requestId) {
        calls.await(calls.auditedInUsers(SESSION, "open", hash, Long.toString(userId), Long.toString(idle.toMillis()),
                method, RedisCalls.ms(ends), RedisCalls.ms(now), requestId == null ? "" : requestId)).ok();
    }

    @Override
    public Optional<TokenOwner> sessionOwner(String hash, Duration idle, Instant now) {
        return OwnerReply.of(calls.await(calls.inUsers(SESSION, "read", hash, "0", Long.toString(idle.toMillis()),
                "", "0", RedisCalls.ms(now), ""))).owner();
    }

    @Override
    public Map<String, TokenOwner> sessionOwners(Collection<String> hashes, Instant now) {
        Map<String, CompletableFuture<Reply>> replies = new LinkedHashMap<>();
        String at = RedisCalls.ms(now);
        for (String hash : hashes) replies.put(hash, calls.inUsers(SESSION, "peek", hash, "0", "1", "", "0", at, ""));
        calls.awaitAll(replies.values().toArray(CompletableFuture[]::new));
        Map<String, TokenOwner> owners = new HashMap<>();
        replies.forEach((hash, reply) -> OwnerReply.of(calls.result(reply)).owner().ifPresent(o -> owners.put(hash, o)));
        return owners;
    }

    @Override
    public void endSession(String hash) {
        calls.await(calls.inUsers(SESSION, "end", hash, "0", "1", "", "0", "0", "")).ok();
    }

    @Override
    public long endSessions(long userId, Acting acting, Instant now) {
        return EndedReply.of(calls.await(calls.auditedInUsers(SESSION, "end_all", "", Long.toString(userId), "1",
                acting.wire()[0], acting.wire()[1], RedisCalls.ms(now), acting.requestId()))).ended();
    }

    @Override
    public void saveLogin(String state, String transaction, Duration ttl) {
        calls.await(calls.inUsers(LOGIN, "save", state, transaction, Long.toString(ttl.toMillis()))).ok();
    }

    @Override
    public Optional<String> takeLogin(String state) {
        return LoginReply.of(calls.await(calls.inUsers(LOGIN, "take", state))).transaction();
    }
}
