package org.convene.http.live;

import java.time.Instant;
import org.convene.view.Json;
import org.convene.model.EventType;
import org.convene.model.FeedEntry;
import org.convene.model.InstanceActivity;
import org.convene.model.LifecycleChange;

/**
 * An entry as an SSE client receives it: {@code type} is the event's name ({@code join_meeting},
 * {@code leave_meeting}, {@code timeout}, as in the events log, with the seed's {@code code}) or the
 * kind of change ({@code chat}, {@code scheduled}, {@code activated}, {@code ended}, {@code deleted}).
 */
record FeedView(String type, Integer code, long instanceId, Long meetingId, Long userId, Long number, Instant at,
                Instant from, Instant to, String text, String reason) {

    static String json(FeedEntry entry) {
        return Json.toString(of(entry));
    }

    static FeedView of(FeedEntry entry) {
        EventType event = entry.kind().eventType();
        Integer code = event == null ? null : event.code();
        if (entry instanceof InstanceActivity a) {
            return new FeedView(a.kind().wireName(), code, a.instanceId(), a.meetingId(),
                    a.userId() == 0 ? null : a.userId(), a.number() == 0 ? null : a.number(), a.at(), null, null, a.text(),
                    a.reason());
        }
        LifecycleChange c = (LifecycleChange) entry;
        return new FeedView(c.kind().wireName(), code, c.instanceId(), c.meetingId(), null, null, null, c.from(), c.to(),
                null, null);
    }
}
