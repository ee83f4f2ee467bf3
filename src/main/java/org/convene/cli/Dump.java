package org.convene.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.ToLongFunction;
import org.convene.core.Convene;
import org.convene.model.ChatMessage;
import org.convene.model.Event;
import org.convene.model.InstanceStatus;
import org.convene.model.Meeting;
import org.convene.model.MeetingInstance;
import org.convene.model.User;

/**
 * Prints the whole database grouped as the seed's {@code printRedis.py} does: users, meetings,
 * meeting instances, chat messages, events. Reads through the indexes, page by page, never by SCAN.
 */
final class Dump {
    private static final int PAGE = 500;

    private Dump() {}

    static void print(Convene convene, PrintWriter out) {
        out.println("Users:");
        for (User u : all(convene::users, User::id)) {
            block(out, "User ID: " + u.id(), "userID", u.id(), "name", u.name(), "age", u.details().age() == null ? "" : u.details().age(),
                    "gender", u.details().gender(), "email", u.email());
        }
        List<Meeting> meetings = all(convene::meetings, Meeting::id);
        out.println("Meetings:");
        for (Meeting m : meetings) {
            var d = m.details();
            block(out, "Meeting ID: " + m.id(), "meetingID", m.id(), "title", d.title(), "description", d.description(),
                    "isPublic", d.isPublic() ? "True" : "False", "audience", d.audience());
        }
        List<MeetingInstance> instances = new ArrayList<>();
        meetings.forEach(m -> instances.addAll(convene.instancesOf(m.id())));
        instances.sort((a, b) -> Long.compare(a.id(), b.id()));
        out.println("Meeting instances:");
        for (MeetingInstance i : instances) {
            block(out, "Meeting instance ID: " + i.id(), "meetingInstanceID", i.id(), "meetingID", i.meetingId(),
                    "orderID", i.orderId(), "fromdatetime", i.from(), "todatetime", i.to(),
                    "isActive", i.status() == InstanceStatus.ACTIVE ? "True" : "False",
                    "status", i.status().wireName());
        }
        out.println("Chat messages:");
        for (MeetingInstance i : instances) {
            for (ChatMessage c : all((after, n) -> convene.chat(i.id(), after, n), ChatMessage::id)) {
                block(out, "Message ID: " + c.id() + " (meeting instance " + i.id() + ")", "messageID", c.id(),
                        "userID", c.userId(), "meetingInstanceID", c.instanceId(), "message", c.text(),
                        "timestamp", c.timestamp());
            }
        }
        out.println("Events:");
        for (MeetingInstance i : instances) {
            for (Event e : all((after, n) -> convene.eventsOfInstance(i.id(), after, n), Event::id)) {
                block(out, "Event ID: " + e.id() + " (meeting instance " + i.id() + ")", "eventID", e.id(),
                        "userID", e.userId(), "meetingInstanceID", e.instanceId(), "event_type", e.type().seedName(),
                        "timestamp", e.timestamp());
            }
        }
        out.flush();
    }

    private static void block(PrintWriter out, String title, Object... fields) {
        out.println(title);
        for (int i = 0; i < fields.length; i += 2) out.println("  " + fields[i] + ": " + fields[i + 1]);
        out.println();
    }

    /** Every item of a cursor-paged listing: {@code page} takes the last id seen and a page size. */
    private static <T> List<T> all(BiFunction<Long, Integer, List<T>> page, ToLongFunction<T> id) {
        List<T> all = new ArrayList<>();
        for (List<T> next = page.apply(0L, PAGE); !next.isEmpty();
             next = page.apply(id.applyAsLong(next.get(next.size() - 1)), PAGE)) {
            all.addAll(next);
        }
        return all;
    }
}
