package org.convene.store;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.convene.model.Meeting;

/**
 * Meetings as last read, by id. A meeting's version grows with every change, and readers compare
 * it with the stored one before using an entry, so a stale entry is never used, even when another
 * process changed the meeting. Bounded: when full it starts again empty, which costs one read per
 * meeting and nothing else.
 */
final class MeetingCache {
    private static final int MAX = 50_000;
    private final Map<Long, Meeting> meetings = new ConcurrentHashMap<>();

    /** Whether the cached meeting {@code id} is at {@code version}. */
    boolean fresh(long id, long version) {
        Meeting cached = meetings.get(id);
        return cached != null && cached.version() == version;
    }

    Meeting get(long id) {
        return meetings.get(id);
    }

    void clear() {
        meetings.clear();
    }

    void put(Meeting meeting) {
        if (meetings.size() >= MAX) meetings.clear();
        meetings.merge(meeting.id(), meeting, (old, now) -> now.version() >= old.version() ? now : old);
    }
}
