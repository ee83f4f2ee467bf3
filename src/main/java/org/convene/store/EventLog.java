package org.convene.store;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.convene.core.port.EventHistory;
import org.convene.model.Event;

/**
 * The events log (the seed's database 1): per instance a stream whose ids are the event numbers,
 * and per user and meeting a stream of the same events, indexed by the meetings the user joined.
 */
final class EventLog implements EventHistory {
    private static final Script EVENTS = Script.load("meeting", "events").reading();
    private static final Script USER_EVENTS = Script.load("meeting", "user_events").reading();

    private final RedisCalls calls;
    private final InstanceLocator locator;

    EventLog(RedisCalls calls, InstanceLocator locator) {
        this.calls = calls;
        this.locator = locator;
    }

    /** events' and user_events' answer: the entries of an events-log stream. */
    private record EntriesReply(List<Object> entries) {
        static EntriesReply of(Reply reply) {
            return new EntriesReply(reply.ok().list(1));
        }
    }

    @Override
    public List<Event> ofInstance(long instanceId, long afterId, int limit) {
        return page(instanceId, "after", afterId, limit);
    }

    @Override
    public List<Event> before(long instanceId, long beforeId, int limit) {
        return page(instanceId, "before", beforeId, limit);
    }

    /** A page of an instance's log: after {@code cursor}, or the newest before it (in order), by {@code direction}. */
    private List<Event> page(long instanceId, String direction, long cursor, int limit) {
        return locator.withMeeting(instanceId, meetingId -> Replies.instanceEvents(instanceId, EntriesReply.of(calls.await(
                calls.inMeeting(meetingId, EVENTS, Long.toString(instanceId), Long.toString(cursor),
                        Integer.toString(limit), direction))).entries()));
    }

    /** Every event of one user, across the meetings they joined, in time order. */
    @Override
    public List<Event> ofUser(long userId) {
        List<Event> events = new ArrayList<>();
        for (Reply reply : calls.inMeetingsOf(userId, USER_EVENTS, Long.toString(userId))) {
            events.addAll(Replies.userEvents(userId, EntriesReply.of(reply).entries()));
        }
        events.sort(Comparator.comparing(Event::timestamp).thenComparingLong(Event::instanceId)
                .thenComparingLong(Event::id));
        return events;
    }
}
