package org.convene.http.live;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.convene.view.Json;
import org.convene.model.EventType;
import org.convene.model.FeedEntry;
import org.convene.model.InstanceActivity;
import org.convene.model.LifecycleChange;

/**
 * An entry as an SSE client receives it: {@code type} is the event's name ({@code join_meeting},
 * {@code leave_meeting}, {@code timeout}, as in the events log, with the seed's {@code code}) or the
 * kind of change ({@code chat}, {@code scheduled}, {@code activated}, {@code ended}, {@code deleted}), or what a
 * host did ({@code participant_removed}, {@code message_deleted}, ... with the {@code actor}).
 */
record FeedView(String type, Integer code, long instanceId, Long meetingId, Long userId, Long number, Instant at,
                Instant from, Instant to, String text, String reason, String actor) {

    /** The last entry this thread serialised, and its JSON as UTF-8: one feed entry goes to every subscriber in a row. */
    private static final ThreadLocal<Object[]> LAST = ThreadLocal.withInitial(() -> new Object[2]);

    /** The entry's JSON in UTF-8, built once however many subscribers it goes to in a row. */
    static byte[] json(FeedEntry entry) {
        Object[] last = LAST.get();
        if (last[0] != entry) {
            last[0] = entry;
            last[1] = Json.toString(of(entry)).getBytes(StandardCharsets.UTF_8);
        }
        return (byte[]) last[1];
    }

    static FeedView of(FeedEntry entry) {
        EventType event = entry.kind().eventType();
        Integer code = event == null ? null : event.code();
        if (entry instanceof InstanceActivity a) {
            return new FeedView(a.kind().wireName(), code, a.instanceId(), a.meetingId(),
                    a.userId() == 0 ? null : a.userId(), a.number() == 0 ? null : a.number(), a.at(), null, null, a.text(),
                    a.reason(), a.actor());
        }
        LifecycleChange c = (LifecycleChange) entry;
        return new FeedView(c.kind().wireName(), code, c.instanceId(), c.meetingId(), null, null, null, c.from(), c.to(),
                null, null, null);
    }
}
