package org.convene.core;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.convene.core.port.Credentials;
import org.convene.model.GlobalRole;
import org.convene.model.Refusal;

/** Credentials in a map: for the token rules' own tests, which are about logic, not storage. */
final class InMemoryCredentials implements Credentials {
    final Map<String, TokenOwner> users = new HashMap<>();
    final Map<Long, String> emails = new HashMap<>();
    String admin;

    @Override
    public synchronized Optional<TokenOwner> userWithTokenHash(String hash) {
        return Optional.ofNullable(users.get(hash));
    }

    @Override
    public synchronized void setUserTokenHash(long userId, String hash, org.convene.model.Acting acting, java.time.Instant now) {
        if (!emails.containsKey(userId)) throw Refusal.INVALID_USER.refuse();
        users.values().removeIf(owner -> owner.userId() == userId);
        users.put(hash, new TokenOwner(userId, emails.get(userId), GlobalRole.MEMBER));
    }

    @Override
    public synchronized Optional<String> adminTokenHash() {
        return Optional.ofNullable(admin);
    }

    @Override
    public synchronized String initAdminTokenHash(String hash) {
        if (admin == null) admin = hash;
        return admin;
    }

    @Override
    public synchronized void replaceAdminTokenHash(String hash) {
        admin = hash;
    }

    private final Map<String, Long> feedTokens = new HashMap<>();

    @Override
    public void setFeedTokenHash(long userId, String hash, org.convene.model.Acting acting, java.time.Instant now) {
        feedTokens.values().removeIf(id -> id == userId);
        feedTokens.put(hash, userId);
    }

    @Override
    public OptionalLong userWithFeedTokenHash(String hash) {
        Long id = feedTokens.get(hash);
        return id == null ? OptionalLong.empty() : OptionalLong.of(id);
    }
}
