package org.convene.schedule;

import java.util.List;

/** What the scheduler did to one instance: activated it, or ended it with these users timing out. */
public record Transition(long instanceId, Kind kind, List<Long> timedOutUserIds) {
    public enum Kind { ACTIVATED, ENDED }
}
