package org.convene.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.convene.model.ActiveInstance;
import org.convene.model.ChatMessage;
import org.convene.model.Event;
import org.convene.model.Meeting;
import org.convene.model.MeetingInstance;
import org.convene.model.Participant;
import org.convene.model.RefusedException;
import org.convene.model.User;

/** Prints results for people (the seed's messages and plain lines) or, with {@code --json}, as JSON. */
final class Output {
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

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
            out.println(toJson(Map.of("refused", Map.of("type", e.refusal().name(), "message", e.getMessage()))));
            out.flush();
        } else {
            err.println(e.getMessage());
            err.flush();
        }
    }

    static String toJson(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
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
