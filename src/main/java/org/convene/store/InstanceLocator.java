package org.convene.store;

import io.lettuce.core.KeyValue;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongFunction;
import org.convene.model.Refusal;
import org.convene.model.RefusedException;

/**
 * Which meeting an instance belongs to: the hash tag every script on the instance runs under.
 * Instance ids are never reused and never change meeting, so the mapping is cached (bounded).
 */
final class InstanceLocator {
    private static final int CACHE_LIMIT = 200_000;

    private final RedisCalls calls;
    private final Map<Long, Long> meetingOfInstance = new ConcurrentHashMap<>();

    InstanceLocator(RedisCalls calls) {
        this.calls = calls;
    }

    /**
     * Runs {@code work} with the instance's meeting id, refusing with "Invalid meeting instance ID" if
     * there is none. If a cached id turns out stale (the store was wiped and ids reused), looks it up again once.
     */
    <T> T withMeeting(long instanceId, LongFunction<T> work) {
        boolean cached = meetingOfInstance.containsKey(instanceId);
        Long meetingId = meetingOf(instanceId);
        if (meetingId == null) throw Refusal.INVALID_INSTANCE.refuse();
        try {
            return work.apply(meetingId);
        } catch (RefusedException e) {
            if (!cached || e.refusal() != Refusal.INVALID_INSTANCE) throw e;
            meetingOfInstance.remove(instanceId);
            Long fresh = meetingOf(instanceId);
            if (fresh == null || fresh.equals(meetingId)) throw e;
            return work.apply(fresh);
        }
    }

    /** The instance's meeting id, from the cache or one read of the catalog; null if there is no such instance. */
    Long meetingOf(long instanceId) {
        Long cached = meetingOfInstance.get(instanceId);
        if (cached != null) return cached;
        String found = calls.await(calls.commands.hget(Keys.INSTANCE_MEETING, Long.toString(instanceId))
                .toCompletableFuture());
        if (found == null) return null;
        long meetingId = Long.parseLong(found);
        remember(instanceId, meetingId);
        return meetingId;
    }

    /**
     * The meetings of several instances: those not cached are read in one round trip (one HMGET);
     * instances that do not exist are left out.
     */
    Map<Long, Long> meetingsOf(Collection<Long> instanceIds) {
        Map<Long, Long> found = new HashMap<>();
        List<Long> unknown = new ArrayList<>();
        for (long id : instanceIds) {
            Long cached = meetingOfInstance.get(id);
            if (cached != null) found.put(id, cached);
            else unknown.add(id);
        }
        if (unknown.isEmpty()) return found;
        List<KeyValue<String, String>> read = calls.await(calls.commands.hmget(Keys.INSTANCE_MEETING,
                unknown.stream().map(String::valueOf).toArray(String[]::new)).toCompletableFuture());
        for (KeyValue<String, String> entry : read) {
            if (!entry.hasValue()) continue;
            long instanceId = Long.parseLong(entry.getKey());
            long meetingId = Long.parseLong(entry.getValue());
            remember(instanceId, meetingId);
            found.put(instanceId, meetingId);
        }
        return found;
    }

    void remember(long instanceId, long meetingId) {
        if (meetingOfInstance.size() >= CACHE_LIMIT) meetingOfInstance.clear();
        meetingOfInstance.put(instanceId, meetingId);
    }

    void forgetAll() {
        meetingOfInstance.clear();
    }
}
