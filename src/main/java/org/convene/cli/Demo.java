package org.convene.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.convene.app.Node;
import org.convene.core.AdjustableClock;
import org.convene.core.Convene;
import org.convene.model.ActiveInstance;
import org.convene.model.ChatMessage;
import org.convene.model.Refusal;
import org.convene.model.RefusedException;
import org.convene.schedule.InstanceScheduler;
import org.convene.schedule.Transition;

/**
 * Replays the demonstrations of the seed report, in its order and with its resets, printing each
 * call's output in the report's format. {@link #run()} also returns the outputs, for tests.
 */
final class Demo {
    private static final DateTimeFormatter SCAN_TIME =
            DateTimeFormatter.ofPattern("EEE MMM d HH:mm:ss yyyy", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private final Node node;
    private final Clock clock;
    private final PrintWriter out;
    private final Convene convene;
    private final List<String> results = new ArrayList<>();

    Demo(Node node, Clock clock, PrintWriter out) {
        this.node = node;
        this.clock = clock;
        this.out = out;
        this.convene = node.convene(clock);
    }

    List<String> run() {
        section("Sample data: redis_init.py, then printRedis.py");
        reset();
        out.println("Redis initialized with sample data.");
        out.println();
        out.println("-----");
        out.println();
        Dump.print(convene, out);

        section("scheduler.py: three scans a minute apart, from the end of instance 2");
        reset();
        scans(3);

        section("join_meeting");
        reset();
        call("User 1 joins meeting instance 2", () -> join(1, 2));
        call("User 1 tries to join meeting instance 2 again", () -> join(1, 2));
        call("User 2 tries to join meeting instance 2 without permission", () -> join(2, 2));
        call("User 1 tries to join meeting instance 1 which is not active", () -> join(1, 1));
        call("User 3 (that doesn't exist) tries to join meeting instance 2", () -> join(3, 2));

        section("leave_meeting");
        call("User 1 leaves meeting instance 2", () -> leave(1, 2));
        call("User 2 tries to leave meeting instance 1 that they have not joined", () -> leave(2, 1));
        call("User 1 tries to leave meeting instance 1", () -> leave(1, 1));

        section("show_current_participants");
        call("Show participants of meeting instance 1, should be empty", () -> participants(1));
        call("User 1 joins meeting instance 2", () -> join(1, 2));
        call("Show participants of meeting instance 2, should be user 1", () -> participants(2));
        call("Show participants of meeting instance 3, which doesn't exist", () -> participants(3));

        section("show_active_meetings");
        call("Show active meetings, should be meeting 2", () -> "List of active meetings: " + convene.activeInstances()
                .stream().map(a -> Long.toString(a.meeting().id())).collect(Collectors.joining(", ", "[", "]")));

        section("end_meeting");
        call("End meeting instance 2", () -> end(2));
        call("End meeting instance 1, which is not active", () -> end(1));
        call("Try to end a non-existent meeting instance", () -> end(3));

        section("post_chat_message (from fresh sample data)");
        reset();
        call("User 1 posts a chat message in meeting instance 2, which they have not joined",
                () -> post(1, 2, "Hello, everyone!"));
        call("User 1 joins meeting instance 2", () -> join(1, 2));
        call("User 1 posts a chat message in meeting instance 2", () -> post(1, 2, "Hello, everyone!"));
        call("User 2 posts a chat message in meeting instance 1, which is not active", () -> post(2, 1, "Hello world!"));
        call("Try to post a chat message with an invalid meeting instance ID", () -> post(1, 3, "Invalid meeting"));

        section("get_chat_messages");
        call("Retrieve chat messages for meeting instance 1", () -> messages(convene.chat(1, 0, 1000)));
        call("Retrieve chat messages for meeting instance 2", () -> messages(convene.chat(2, 0, 1000)));
        call("Try to retrieve chat messages for an invalid meeting instance", () -> messages(convene.chat(3, 0, 1000)));

        section("get_participant_join_time");
        call("Join times of all participants in meeting instance 2, which only user 1 has joined", () -> joinTimes(2));

        section("get_user_messages");
        call("All chat messages sent by user 1 in meeting instance 2", () -> messages(convene.chatOf(2, 1, 0, 1000)));

        section("Events demonstration: join, leave and timeout are logged");
        reset();
        out.println("Redis initialized with sample data.");
        call("Logs event", () -> join(1, 2));
        call("Doesn't log event", () -> post(1, 2, "Hello, everyone!"));
        call("Logs event", () -> leave(1, 2));
        call("Logs event", () -> end(2));
        out.println();
        Dump.print(convene, out);
        out.flush();
        return results;
    }

    private void reset() {
        convene.wipe();
        SeedData.load(node, clock.instant());
    }

    private void section(String title) {
        out.println();
        out.println("=== " + title + " ===");
        out.println();
    }

    private void call(String comment, Supplier<String> work) {
        String result;
        try {
            result = work.get();
        } catch (RefusedException e) {
            result = e.getMessage();
        }
        out.println("# " + comment);
        out.println(result);
        results.add(result);
    }

    /** The seed's scheduler scanned once a minute; here three ticks a minute apart on a moved clock. */
    private void scans(int count) {
        AdjustableClock virtual = new AdjustableClock(convene.instance(2).to());
        InstanceScheduler scheduler = node.scheduler(virtual, Duration.ofSeconds(60), t -> { });
        for (int i = 0; i < count; i++) {
            out.println(SCAN_TIME.format(virtual.instant()));
            for (Transition t : scheduler.tick()) {
                String line = (t.kind() == Transition.Kind.ACTIVATED ? "Activating" : "Deactivating")
                        + " meeting instance: " + t.instanceId();
                out.println(line);
                results.add(line);
            }
            out.println("Scan finished.");
            out.println();
            virtual.advance(Duration.ofMinutes(1));
        }
    }

    private String join(long user, long instance) {
        convene.join(user, instance);
        return "User " + user + " successfully joined meeting";
    }

    private String leave(long user, long instance) {
        convene.leave(user, instance);
        return "User successfully left the meeting";
    }

    private String participants(long instance) {
        return "Meeting instance " + instance + " participants: " + convene.participants(instance).stream()
                .map(p -> Long.toString(p.userId())).collect(Collectors.joining(", ", "[", "]"));
    }

    private String end(long instance) {
        convene.end(instance);
        return "Meeting instance " + instance + " ended";
    }

    private String post(long user, long instance, String text) {
        convene.post(user, instance, text);
        return "Chat message posted";
    }

    private String joinTimes(long instance) {
        ActiveInstance active = convene.joinTimes().stream().filter(a -> a.instance().id() == instance).findFirst()
                .orElseThrow(Refusal.NOT_ACTIVE::refuse);
        return active.participants().stream().map(p -> p.userId() + ": '" + p.joinedAt() + "'")
                .collect(Collectors.joining(", ", "{", "}"));
    }

    /** A list of messages as the seed printed it: Python dictionaries of strings. */
    static String messages(List<ChatMessage> messages) {
        return messages.stream().map(m -> "{'messageID': '" + m.id() + "', 'userID': '" + m.userId()
                        + "', 'meetingInstanceID': '" + m.instanceId() + "', 'message': " + quoted(m.text())
                        + ", 'timestamp': '" + m.timestamp() + "'}")
                .collect(Collectors.joining(", ", "[", "]"));
    }

    private static String quoted(String text) {
        return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }
}
