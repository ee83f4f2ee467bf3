package org.convene.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.convene.model.ChatMessage;
import org.convene.model.Event;
import org.convene.model.EventType;
import org.convene.model.InstanceStatus;
import org.convene.model.Meeting;
import org.convene.model.MeetingDetails;
import org.convene.model.MeetingInstance;
import org.convene.model.Participant;
import org.convene.model.Refusal;
import org.convene.model.TimeWindow;
import org.convene.model.User;
import org.convene.model.UserDetails;

/** Turns script replies into domain values. Every script answers {'OK', ...} or {'REFUSAL', args...}. */
final class Replies {
    private Replies() {}

    /** Returns the reply if it is OK, or throws the refusal it names. */
    static List<Object> ok(List<Object> reply) {
        String status = (String) reply.get(0);
        if ("OK".equals(status)) return reply;
        throw Refusal.valueOf(status).refuse(reply.subList(1, reply.size()).toArray());
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object value) {
        return value == null ? List.of() : (List<Object>) value;
    }

    static Map<String, String> hash(Object flat) {
        List<Object> items = list(flat);
        Map<String, String> map = new HashMap<>(items.size());
        for (int i = 0; i + 1 < items.size(); i += 2) map.put((String) items.get(i), (String) items.get(i + 1));
        return map;
    }

    static long number(Object value) {
        return value instanceof Long n ? n : Long.parseLong((String) value);
    }

    static Instant millis(String value) {
        return Instant.ofEpochMilli(Long.parseLong(value));
    }

    /** The number of a stream entry whose id is {@code <n>-0}. */
    static long streamNumber(String id) {
        return Long.parseLong(id.substring(0, id.indexOf('-')));
    }

    static User user(Map<String, String> h) {
        return new User(Long.parseLong(h.get("id")),
                new UserDetails(h.get("name"), Integer.parseInt(h.get("age")), h.get("gender"), h.get("email")),
                Long.parseLong(h.get("version")));
    }

    static Meeting meeting(Map<String, String> h, List<Object> audience) {
        List<String> emails = audience.stream().map(String.class::cast).toList();
        return new Meeting(Long.parseLong(h.get("id")),
                new MeetingDetails(h.get("title"), h.get("description"), "1".equals(h.get("public")), emails),
                Long.parseLong(h.get("version")));
    }

    /** The instance with its status as of {@code now}: a window that has passed reads as ended. */
    static MeetingInstance instance(Map<String, String> h, Instant now) {
        MeetingInstance stored = new MeetingInstance(Long.parseLong(h.get("id")), Long.parseLong(h.get("meetingId")),
                Long.parseLong(h.get("orderId")), new TimeWindow(millis(h.get("from")), millis(h.get("to"))),
                InstanceStatus.fromWire(h.get("status")));
        InstanceStatus effective = stored.effectiveStatus(now);
        return effective == stored.status() ? stored
                : new MeetingInstance(stored.id(), stored.meetingId(), stored.orderId(), stored.window(), effective);
    }

    /** Participants from user id -> "{@code <joined ms>:<name>}", by join time. */
    static List<Participant> participants(Object flat) {
        List<Participant> result = new ArrayList<>();
        hash(flat).forEach((uid, value) -> {
            int colon = value.indexOf(':');
            result.add(new Participant(Long.parseLong(uid), value.substring(colon + 1), millis(value.substring(0, colon))));
        });
        result.sort((a, b) -> a.joinedAt().equals(b.joinedAt())
                ? Long.compare(a.userId(), b.userId()) : a.joinedAt().compareTo(b.joinedAt()));
        return result;
    }

    static List<ChatMessage> chat(long instanceId, Object entries) {
        List<ChatMessage> result = new ArrayList<>();
        for (Object item : list(entries)) {
            List<Object> entry = list(item);
            Map<String, String> f = hash(entry.get(1));
            result.add(new ChatMessage(streamNumber((String) entry.get(0)), instanceId,
                    Long.parseLong(f.get("user")), f.get("text"), millis(f.get("at"))));
        }
        return result;
    }

    static List<Event> instanceEvents(long instanceId, Object entries) {
        List<Event> result = new ArrayList<>();
        for (Object item : list(entries)) {
            List<Object> entry = list(item);
            Map<String, String> f = hash(entry.get(1));
            result.add(new Event(streamNumber((String) entry.get(0)), EventType.ofCode(Integer.parseInt(f.get("type"))),
                    Long.parseLong(f.get("user")), instanceId, millis(f.get("at"))));
        }
        return result;
    }

    static List<Event> userEvents(long userId, Object entries) {
        List<Event> result = new ArrayList<>();
        for (Object item : list(entries)) {
            Map<String, String> f = hash(list(item).get(1));
            result.add(new Event(Long.parseLong(f.get("event")), EventType.ofCode(Integer.parseInt(f.get("type"))),
                    userId, Long.parseLong(f.get("instance")), millis(f.get("at"))));
        }
        return result;
    }
}
