package org.convene.schedule;

import java.time.Instant;
import java.util.List;

/**
 * What the scheduler did to one instance: activated it, ended it with these users timing out, or
 * reaped these users whose presence ran out; {@code dueAt} is the start or end it was due at (for
 * a reaping, when the first of them was due; for a "starting soon" notice, when it was due), so that the
 * time it took shows as lag.
 */
public record Transition(long instanceId, Kind kind, List<Long> timedOutUserIds, Instant dueAt) {
    public enum Kind { ACTIVATED, ENDED, REAPED, REMINDED }
}
