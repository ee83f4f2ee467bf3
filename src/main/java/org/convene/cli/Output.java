package org.convene.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.stream.Collectors;
import org.convene.model.ActiveInstance;
import org.convene.model.ChatMessage;
import org.convene.model.Event;
import org.convene.model.Meeting;
import org.convene.model.MeetingInstance;
import org.convene.model.Participant;
import org.convene.model.RefusedException;
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

    static String user(User u) {
        return "User " + u.id() + ": " + u.name() + ", " + u.details().age() + ", " + u.details().gender()
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
