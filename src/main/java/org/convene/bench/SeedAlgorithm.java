package org.convene.bench;

import io.lettuce.core.KeyValue;
import io.lettuce.core.api.sync.RedisCommands;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The seed report's own algorithm, in Java, for measuring Convene against it: its key layout
 * ({@code user:1}, {@code meeting_instance:2}, {@code chat_message:7}, and events as
 * {@code event:<id>:userID:<u>:meetingInstanceID:<i>:event_type:<type>} in a second database) and
 * its queries, KEYS scans over the events log and over all chat messages, as in its listings. The
 * listings' typos (patterns that could never match) are read as what they meant.
 *
 * <p>Deliberately not atomic and not efficient: that is what is being measured.
 */
public final class SeedAlgorithm {
    private final RedisCommands<String, String> data;
    private final RedisCommands<String, String> events;

    /** Uses {@code data} for users, meetings, instances and chat, and {@code events} for the events log. */
    public SeedAlgorithm(RedisCommands<String, String> data, RedisCommands<String, String> events) {
        this.data = data;
        this.events = events;
    }

    public void addUser(long id, String name, int age, String gender, String email) {
        data.hset("user:" + id, Map.of("userID", Long.toString(id), "name", name, "age", Integer.toString(age),
                "gender", gender, "email", email));
    }

    public void addMeeting(long id, String title, boolean isPublic, List<String> audience) {
        data.hset("meeting:" + id, Map.of("meetingID", Long.toString(id), "title", title, "description", "",
                "isPublic", isPublic ? "True" : "False", "audience", json(audience)));
    }

    public void addInstance(long id, long meetingId, boolean active) {
        data.hset("meeting_instance:" + id, Map.of("meetingID", Long.toString(meetingId), "orderID", "1",
                "isActive", active ? "True" : "False"));
    }

    /** Writes one past event straight into the seed's events log, as its join and leave do; for preloading history. */
    public void addPastEvent(long user, long instance, String type) {
        logEvent(user, instance, type);
    }

    /** Writes one past chat message straight into the seed's layout, as its post does; for preloading history. */
    public void addPastMessage(long user, long instance, String text) {
        long id = data.incr("message_id");
        data.hset("chat_message:" + id, Map.of("messageID", Long.toString(id), "userID", Long.toString(user),
                "meetingInstanceID", Long.toString(instance), "message", text, "timestamp", now()));
    }

    /** Listing 1, join_meeting. */
    public String join(long user, long instance) {
        Map<String, String> u = data.hgetall("user:" + user);
        if (u.isEmpty()) return "Invalid user ID";
        Map<String, String> i = data.hgetall("meeting_instance:" + instance);
        if (i.isEmpty()) return "Invalid meeting instance ID";
        if (!"True".equals(i.get("isActive"))) return "Meeting instance is not active";
        Map<String, String> m = data.hgetall("meeting:" + i.get("meetingID"));
        if (m.isEmpty()) return "Invalid meeting ID";
        boolean allowed = "True".equals(m.get("isPublic")) || m.get("audience").contains("\"" + u.get("email") + "\"");
        if (!allowed) return "User " + user + " not allowed to join the meeting";
        if (inMeeting(user, instance)) return "User is already in the meeting";
        logEvent(user, instance, "join_meeting");
        return "User " + user + " successfully joined meeting";
    }

    /** Listing 3, leave_meeting. */
    public String leave(long user, long instance) {
        if (!inMeeting(user, instance)) return "User has not joined the meeting";
        logEvent(user, instance, "leave_meeting");
        return "User successfully left the meeting";
    }

    /** Listing 2, check_user_in_meeting: every event of the user in the instance, found by KEYS, sorted. */
    boolean inMeeting(long user, long instance) {
        List<String> keys = events.keys("event:*:userID:" + user + ":meetingInstanceID:" + instance + ":event_type:*");
        if (keys.isEmpty()) return false;
        List<Map<String, String>> all = new ArrayList<>();
        for (String key : keys) all.add(events.hgetall(key));
        all.sort(Comparator.comparing((Map<String, String> e) -> e.get("timestamp"))
                .thenComparing(e -> Long.parseLong(e.get("eventID"))));
        return "join_meeting".equals(all.get(all.size() - 1).get("event_type"));
    }

    /** Listing 4, show_current_participants. */
    public List<Long> participants(long instance) {
        Set<Long> users = new LinkedHashSet<>();
        for (String key : events.keys("event:*:userID:*:meetingInstanceID:" + instance + ":event_type:join_meeting")) {
            users.add(Long.parseLong(key.split(":")[3]));
        }
        List<Long> present = new ArrayList<>();
        for (long user : users) if (inMeeting(user, instance)) present.add(user);
        present.sort(Long::compare);
        return present;
    }

    /** Listing 5, show_active_meetings: every instance key, scanned. */
    public List<Long> activeInstances() {
        List<Long> active = new ArrayList<>();
        for (String key : data.keys("meeting_instance:*")) {
            List<KeyValue<String, String>> fields = data.hmget(key, "isActive");
            if ("True".equals(fields.get(0).getValueOrElse(""))) active.add(Long.parseLong(key.substring(17)));
        }
        active.sort(Long::compare);
        return active;
    }

    /** Listing 9, get_participant_join_time: each participant's latest join, found by KEYS. */
    public Map<Long, String> joinTimes(long instance) {
        Map<Long, String> times = new LinkedHashMap<>();
        for (long user : participants(instance)) {
            String latest = "";
            for (String key : events.keys("event:*:userID:" + user + ":meetingInstanceID:" + instance
                    + ":event_type:join_meeting")) {
                String at = events.hget(key, "timestamp");
                if (at.compareTo(latest) > 0) latest = at;
            }
            times.put(user, latest);
        }
        return times;
    }

    /** Listing 7, post_chat_message. */
    public String post(long user, long instance, String text) {
        if (data.hgetall("meeting_instance:" + instance).isEmpty()) return "Invalid meeting instance ID";
        if (!inMeeting(user, instance)) return "User is not in the meeting";
        long id = data.incr("message_id");
        data.hset("chat_message:" + id, Map.of("messageID", Long.toString(id), "userID", Long.toString(user),
                "meetingInstanceID", Long.toString(instance), "message", text, "timestamp", now()));
        return "Chat message posted";
    }

    /** Listing 8, get_chat_messages: every chat message of every instance, scanned and filtered. */
    public List<String> chat(long instance) {
        return messages(instance, null);
    }

    /** Listing 10, get_user_messages. */
    public List<String> chatOf(long instance, long user) {
        return messages(instance, user);
    }

    private List<String> messages(long instance, Long user) {
        List<Map<String, String>> found = new ArrayList<>();
        for (String key : data.keys("chat_message:*")) {
            Map<String, String> message = data.hgetall(key);
            if (message.get("meetingInstanceID").equals(Long.toString(instance))
                    && (user == null || message.get("userID").equals(Long.toString(user)))) {
                found.add(message);
            }
        }
        found.sort(Comparator.comparing((Map<String, String> m) -> m.get("timestamp"))
                .thenComparing(m -> Long.parseLong(m.get("messageID"))));
        return found.stream().map(m -> m.get("message")).toList();
    }

    private void logEvent(long user, long instance, String type) {
        long id = events.incr("event_id");
        Map<String, String> event = new LinkedHashMap<>();
        event.put("eventID", Long.toString(id));
        event.put("userID", Long.toString(user));
        event.put("meetingInstanceID", Long.toString(instance));
        event.put("event_type", type);
        event.put("timestamp", now());
        events.hset("event:" + id + ":userID:" + user + ":meetingInstanceID:" + instance + ":event_type:" + type, event);
    }

    /** ISO-8601 with every fraction digit, so that timestamps sort as text, as the seed sorts them. */
    private static final DateTimeFormatter STAMP = DateTimeFormatter
            .ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSSSS").withZone(ZoneOffset.UTC);

    private static String now() {
        return STAMP.format(Instant.now());
    }

    private static String json(List<String> values) {
        return values.stream().map(v -> "\"" + v + "\"").reduce((a, b) -> a + ", " + b).map(s -> "[" + s + "]")
                .orElse("[]");
    }
}
