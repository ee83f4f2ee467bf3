package org.convene.store;

import static org.convene.store.RedisCalls.ms;

import java.util.List;
import org.convene.model.MeetingInstance;

/**
 * The catalog's index of instances by due start and end, and the lifecycle feed written with it
 * (see {@code catalog/hint.lua}): hints that follow each instance's own state, idempotent to apply again.
 */
final class DueTimes {
    private static final Script HINT = Script.load("catalog", "hint").durable();

    private final RedisCalls calls;

    DueTimes(RedisCalls calls) {
        this.calls = calls;
    }

    /** Records an instance's new status (ended or missing need no times). */
    void status(long instanceId, String status) {
        calls.await(calls.inCatalog(HINT, Long.toString(instanceId), status, "0", "0"));
    }

    /** Records a created or moved instance's due times and announces its window on the lifecycle feed. */
    MeetingInstance announce(MeetingInstance instance) {
        calls.await(calls.inCatalog(HINT, Long.toString(instance.id()), "announce:" + instance.status().wireName(),
                ms(instance.from()), ms(instance.to())));
        return instance;
    }

    /** Moves due times earlier only, before a change of window: a crash then makes the scheduler look early, never late. */
    void early(long instanceId, String from, String to) {
        calls.await(calls.inCatalog(HINT, "early", Long.toString(instanceId), "", from, to));
    }

    /** Applies groups of four (instance, status, from, to) at once, as settling a batch reports them. */
    void statuses(List<String> groups) {
        if (!groups.isEmpty()) calls.await(calls.inCatalog(HINT, groups.toArray(String[]::new)));
    }
}
