package org.convene.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.stream.Collectors;
import org.convene.model.TimeWindow;
import org.convene.view.Json;
import org.convene.view.UnpairedSurrogateException;

/**
 * Request bodies, read strictly ({@link Json#MAPPER}'s rules): unknown fields, wrong types, fractions for
 * integers, a key given twice, text that is not well-formed Unicode and malformed JSON are 400s that name
 * the field.
 */
final class Bodies {
    private Bodies() {}

    /** Reads a request body as {@code type}, or refuses with a 400 that says what was wrong. */
    static <T> T read(byte[] body, Class<T> type) {
        if (body == null || body.length == 0) throw HttpProblem.badRequest("The request needs a JSON body");
        try {
            T value = Json.MAPPER.readValue(body, type);
            if (value == null) throw HttpProblem.badRequest("The body must be a JSON object");
            return value;
        } catch (UnpairedSurrogateException e) {
            throw HttpProblem.badRequest("Field '" + field(e) + "' is not well-formed Unicode: it has an unpaired surrogate");
        } catch (UnrecognizedPropertyException e) {
            throw HttpProblem.badRequest("Unknown field '" + e.getPropertyName() + "'");
        } catch (MismatchedInputException e) {
            String field = field(e);
            throw HttpProblem.badRequest(field.isEmpty() ? "The body must be a JSON object"
                    : "Field '" + field + "' has the wrong type");
        } catch (JsonProcessingException e) {
            throw HttpProblem.badRequest("The body is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw HttpProblem.badRequest("The body could not be read: " + e.getMessage());
        }
    }

    /** The field a mapping failure is about, as {@code presence.leaseSeconds} or {@code audience.[2]}; empty for the body itself. */
    private static String field(JsonMappingException e) {
        return e.getPath().stream().map(r -> r.getFieldName() == null ? "[" + r.getIndex() + "]"
                : r.getFieldName()).collect(Collectors.joining("."));
    }

    /** The body's JSON tree, once {@link #read} accepted it: to tell a field given as null from one not given. */
    static com.fasterxml.jackson.databind.JsonNode tree(byte[] body) {
        try {
            return Json.MAPPER.readTree(body);
        } catch (IOException e) {
            throw HttpProblem.badRequest("The body is not valid JSON: " + e.getMessage());
        }
    }

    static <T> T required(String field, T value) {
        if (value == null) throw HttpProblem.badRequest("Field '" + field + "' is required");
        return value;
    }

    /** An instant a client gives: ISO-8601 in UTC, between 1970 and 9999, or refused naming the field. */
    static Instant time(String field, String value) {
        Instant at;
        try {
            at = Instant.parse(required(field, value));
        } catch (DateTimeParseException e) {
            throw HttpProblem.badRequest("Field '" + field + "' must be an ISO-8601 UTC time such as 2026-05-10T10:00:00Z");
        }
        return TimeWindow.within(field, at);
    }

    record UserBody(String name, Integer age, String gender, String email) {}

    record MeetingBody(String title, String description, Boolean isPublic, List<String> audience, Integer capacity,
                       PresenceBody presence, Integer reminderMinutes, Long ownerId, String callUrl) {}

    /**
     * A merge patch of a meeting: the details given replace the meeting's (null removes a capacity, presence rule
     * or reminder), the options given change through the hosts' step; what is not given stays.
     */
    record MeetingPatchBody(String title, String description, Boolean isPublic, List<String> audience, Integer capacity,
                            PresenceBody presence, Integer reminderMinutes, Long ownerId, String chatMode,
                            Boolean cohostsCanEnd, String attendanceView, String lobby, String callUrl) {}

    /** A ban's end (absent: for good) and reason. */
    record BanBody(String until, String reason) {}

    /** A meeting's new owner. */
    record OwnerBody(Long userId) {}

    /** A merge patch of a user: only the fields given change; {@code role} and {@code suspended} each come alone. */
    record UserPatchBody(String name, Integer age, String gender, String email, String role, Boolean suspended) {}

    record PresenceBody(Integer leaseSeconds, Integer graceSeconds) {}

    record WindowBody(String from, String to) {}

    record JoinBody(Long userId) {}

    record MessageBody(Long userId, String text) {}
}
