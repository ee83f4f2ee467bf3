package org.convene.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.convene.model.ChatMessage;
import org.convene.model.Event;
import org.convene.model.EventType;
import org.convene.model.GlobalRole;
import org.convene.model.InstanceStatus;
import org.convene.model.Meeting;
import org.convene.model.MeetingDetails;
import org.convene.model.MeetingOptions;
import org.convene.model.Presence;
import org.convene.model.MeetingInstance;
import org.convene.model.Participant;
import org.convene.model.SeriesLink;
import org.convene.model.TimeWindow;
import org.convene.model.User;
import org.convene.model.UserDetails;

/** Turns what Redis holds (hashes, stream entries, script rows) into domain values. */
final class Replies {
    private Replies() {}

    static Instant millis(String value) {
        return Instant.ofEpochMilli(Long.parseLong(value));
    }

    /** The number of a stream entry whose id is {@code <n>-0}. */
    static long streamNumber(String id) {
        return Long.parseLong(id.substring(0, id.indexOf('-')));
    }

    /** A stored age: none where noAge is set (age 0 beside it, for nodes of the version before), absent or empty. */
    private static Integer age(Map<String, String> h) {
        String stored = h.get("age");
        return "1".equals(h.get("noAge")) || stored == null || stored.isEmpty() ? null : Integer.valueOf(stored);
    }

    static User user(Map<String, String> h) {
        return new User(Long.parseLong(h.get("id")),
                new UserDetails(h.get("name"), age(h), h.get("gender"), h.get("email")),
                Long.parseLong(h.get("version")), GlobalRole.stored(h.get("role")), "1".equals(h.get("suspended")));
    }

    static Meeting meeting(Map<String, String> h, List<String> emails) {
        return new Meeting(Long.parseLong(h.get("id")),
                new MeetingDetails(h.get("title"), h.get("description"), "1".equals(h.get("public")), emails,
                        Integer.parseInt(h.getOrDefault("capacity", "0")),
                        new Presence(Integer.parseInt(h.getOrDefault("presenceLease", "0")),
                                Integer.parseInt(h.getOrDefault("presenceGrace", "0"))),
                        Integer.parseInt(h.getOrDefault("reminder", "0"))),
                Long.parseLong(h.get("version")),
                h.get("owner") == null ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(h.get("owner"))),
                Meeting.cohosts(h.get("cohosts")), MeetingOptions.stored(h));
    }

    /** The instance with its status as of {@code now}: a window that has passed reads as ended. */
    static MeetingInstance instance(Map<String, String> h, Instant now) {
        MeetingInstance stored = new MeetingInstance(Long.parseLong(h.get("id")), Long.parseLong(h.get("meetingId")),
                Long.parseLong(h.get("orderId")), new TimeWindow(millis(h.get("from")), millis(h.get("to"))),
                InstanceStatus.fromWire(h.get("status")), h.get("endedAt") == null ? null : millis(h.get("endedAt")),
                h.get("seriesId") == null ? null : new SeriesLink(Long.parseLong(h.get("seriesId")),
                        millis(h.get("recurrenceId"))));
        InstanceStatus effective = stored.effectiveStatus(now);
        // A window that passed before anyone applied its end ended at its end.
        return effective == stored.status() ? stored : new MeetingInstance(stored.id(), stored.meetingId(),
                stored.orderId(), stored.window(), effective, effective == InstanceStatus.ENDED ? stored.to() : null,
                stored.series());
    }

    /** Participants from user id -> "{@code <joined ms>:<name>}", by join time. */
    static List<Participant> participants(Map<String, String> stored) {
        List<Participant> result = new ArrayList<>();
        stored.forEach((uid, value) -> {
            int colon = value.indexOf(':');
            result.add(new Participant(Long.parseLong(uid), value.substring(colon + 1), millis(value.substring(0, colon))));
        });
        result.sort((a, b) -> a.joinedAt().equals(b.joinedAt())
                ? Long.compare(a.userId(), b.userId()) : a.joinedAt().compareTo(b.joinedAt()));
        return result;
    }

    /** Stream entries as a script returns them: {id, {field, value...}}. */
    static List<ChatMessage> chat(long instanceId, List<Object> entries) {
        List<ChatMessage> result = new ArrayList<>();
        for (Object item : entries) {
            List<Object> entry = Reply.list(item);
            result.add(message(instanceId, (String) entry.get(0), Reply.hash(entry.get(1))));
        }
        return result;
    }

    /** One chat stream entry: id {@code <n>-0}, fields user, text, at. */
    static ChatMessage message(long instanceId, String id, Map<String, String> f) {
        return new ChatMessage(streamNumber(id), instanceId, Long.parseLong(f.get("user")), f.get("text"),
                millis(f.get("at")));
    }

    static List<Event> instanceEvents(long instanceId, List<Object> entries) {
        List<Event> result = new ArrayList<>();
        for (Object item : entries) {
            List<Object> entry = Reply.list(item);
            Map<String, String> f = Reply.hash(entry.get(1));
            result.add(new Event(streamNumber((String) entry.get(0)), EventType.ofCode(Integer.parseInt(f.get("type"))),
                    Long.parseLong(f.get("user")), instanceId, millis(f.get("at")), f.get("reason")));
        }
        return result;
    }

    static List<Event> userEvents(long userId, List<Object> entries) {
        List<Event> result = new ArrayList<>();
        for (Object item : entries) {
            Map<String, String> f = Reply.hash(Reply.list(item).get(1));
            result.add(new Event(Long.parseLong(f.get("event")), EventType.ofCode(Integer.parseInt(f.get("type"))),
                    userId, Long.parseLong(f.get("instance")), millis(f.get("at")), f.get("reason")));
        }
        return result;
    }
}
