package org.convene.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.convene.model.ActiveInstance;
import org.convene.model.AttendanceReport;
import org.convene.model.ChatMessage;
import org.convene.model.Event;
import org.convene.model.Meeting;
import org.convene.model.MeetingInstance;
import org.convene.model.Participant;
import org.convene.model.RefusedException;
import org.convene.model.Segment;
import org.convene.model.User;
import org.convene.view.Json;
import org.convene.view.Problem;
import org.convene.view.Views;

/**
 * Prints results for people (the seed's messages and plain lines) or, with {@code --json}, as JSON
 * in the API's shapes ({@link Views}) and refusals as the API's problem documents.
 */
final class Output {
    private final PrintWriter out;
    private final PrintWriter err;
    private final boolean json;

    Output(PrintWriter out, PrintWriter err, boolean json) {
        this.out = out;
        this.err = err;
        this.json = json;
    }

    /** Prints {@code human} for people, or {@code value} as JSON. */
    void result(String human, Object value) {
        if (json) out.println(toJson(value));
        else out.println(human);
        out.flush();
    }

    void lines(List<String> human, Object value) {
        result(String.join(System.lineSeparator(), human), value);
    }

    void refused(RefusedException e) {
        if (json) {
            out.println(toJson(Problem.of(e, null)));
            out.flush();
        } else {
            err.println(e.getMessage());
            err.flush();
        }
    }

    static String toJson(Object value) {
        return Json.toString(shaped(value));
    }

    /** The API's view of a model value (the command line runs as the administrator, so audiences are shown). */
    private static Object shaped(Object value) {
        if (value instanceof List<?> list) return list.stream().map(Output::shaped).toList();
        if (value instanceof User u) return Views.UserView.of(u);
        if (value instanceof Meeting m) return Views.MeetingView.of(m, true);
        if (value instanceof MeetingInstance i) return Views.InstanceView.of(i);
        if (value instanceof Event e) return Views.EventView.of(e);
        if (value instanceof ChatMessage m) return Views.MessageView.of(m);
        return value;
    }

    /** An instance's report: a heading with its windows and totals, then each attendee and their segments. */
    static List<String> attendance(AttendanceReport r) {
        List<String> lines = new ArrayList<>();
        var i = r.instance();
        lines.add("Instance " + i.id() + " of meeting " + i.meetingId() + " (" + i.status().wireName() + "), scheduled "
                + i.from() + " to " + i.to() + (r.actualFrom() == null ? ", not started"
                : ", actual " + r.actualFrom() + " to " + (r.actualTo() == null ? "now" : r.actualTo())));
        lines.add(r.uniqueAttendees() + (r.uniqueAttendees() == 1 ? " attendee" : " attendees")
                + (r.peakAt() == null ? "" : ", at most " + r.peakConcurrent() + " at once (first at " + r.peakAt() + ")"));
        for (AttendanceReport.Row row : r.attendees()) {
            lines.add(attendee(row));
            for (Segment s : row.attendee().segments()) {
                lines.add("  " + s.joinedAt() + " to " + (s.open() ? "now (inside)" : s.leftAt() + " " + s.endedBy().wireName()));
            }
        }
        return lines;
    }

    /** One instance of a user's attendance, on one line. */
    static String userAttendance(AttendanceReport r) {
        return "Instance " + r.instance().id() + " of meeting " + r.instance().meetingId() + ": "
                + presence(r.attendees().get(0));
    }

    private static String attendee(AttendanceReport.Row row) {
        return "User " + row.attendee().userId() + " " + row.attendee().name() + ": " + presence(row);
    }

    /** Time present, its shares, rejoins. */
    private static String presence(AttendanceReport.Row row) {
        var a = row.attendee();
        long seconds = row.present().toSeconds();
        return (seconds / 60) + " min " + (seconds % 60) + " s present ("
                + percent(row.shareOfActual()) + " of the actual window, " + percent(row.shareOfScheduled())
                + " of the scheduled), " + a.rejoins() + (a.rejoins() == 1 ? " rejoin" : " rejoins")
                + (a.inside() ? ", inside now" : "");
    }

    private static String percent(double share) {
        return Math.round(share * 100) + "%";
    }

    static String user(User u) {
        return "User " + u.id() + ": " + u.name() + ", " + (u.details().age() == null ? "" : u.details().age()) + ", " + u.details().gender()
                + ", " + u.email() + " (version " + u.version() + ")";
    }

    static String meeting(Meeting m) {
        var d = m.details();
        String access = d.isPublic() ? "public" : "private, audience: " + String.join(", ", d.audience());
        return "Meeting " + m.id() + ": " + d.title() + " (" + access + ", version " + m.version() + ")"
                + (d.description().isEmpty() ? "" : System.lineSeparator() + "  " + d.description());
    }

    static String instance(MeetingInstance i) {
        return "Meeting instance " + i.id() + " of meeting " + i.meetingId() + " (order " + i.orderId() + "): "
                + i.from() + " to " + i.to() + ", " + i.status().wireName();
    }

    static String participant(Participant p) {
        return "User " + p.userId() + " (" + p.name() + ") joined at " + p.joinedAt();
    }

    static String message(ChatMessage m) {
        return "#" + m.id() + " " + m.timestamp() + " user " + m.userId() + ": " + m.text();
    }

    static String event(Event e) {
        return "Event " + e.id() + " of instance " + e.instanceId() + ": " + e.type().seedName() + ", user "
                + e.userId() + ", " + e.timestamp();
    }

    static String active(ActiveInstance a) {
        return instance(a.instance()) + " - " + a.meeting().details().title();
    }

    static String joinTimes(ActiveInstance a) {
        return "Meeting instance " + a.instance().id() + ": " + a.participants().stream()
                .map(p -> p.userId() + ": '" + p.joinedAt() + "'").collect(Collectors.joining(", ", "{", "}"));
    }
}
