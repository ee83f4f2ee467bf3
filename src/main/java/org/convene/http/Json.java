package org.convene.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.stream.Collectors;

/**
 * JSON in and out. Reading is strict: unknown fields, wrong types and numbers where text belongs
 * are 400s that name the field, never silent coercions.
 */
final class Json {
    static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .serializationInclusion(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            // A number or a boolean where text belongs is a wrong type, not text: 12 is not "12".
            .withCoercionConfig(LogicalType.Textual, c -> c.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
            .build();

    private Json() {}

    /** Reads a request body as {@code type}, or refuses with a 400 that says what was wrong. */
    static <T> T read(byte[] body, Class<T> type) {
        if (body == null || body.length == 0) throw HttpProblem.badRequest("The request needs a JSON body");
        try {
            T value = MAPPER.readValue(body, type);
            if (value == null) throw HttpProblem.badRequest("The body must be a JSON object");
            return value;
        } catch (UnrecognizedPropertyException e) {
            throw HttpProblem.badRequest("Unknown field '" + e.getPropertyName() + "'");
        } catch (MismatchedInputException e) {
            String field = e.getPath().stream().map(r -> r.getFieldName() == null ? "[" + r.getIndex() + "]"
                    : r.getFieldName()).collect(Collectors.joining("."));
            throw HttpProblem.badRequest(field.isEmpty() ? "The body must be a JSON object"
                    : "Field '" + field + "' has the wrong type");
        } catch (JsonProcessingException e) {
            throw HttpProblem.badRequest("The body is not valid JSON: " + e.getOriginalMessage());
        } catch (java.io.IOException e) {
            throw HttpProblem.badRequest("The body could not be read: " + e.getMessage());
        }
    }

    static String toString(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static <T> T required(String field, T value) {
        if (value == null) throw HttpProblem.badRequest("Field '" + field + "' is required");
        return value;
    }

    static Instant time(String field, String value) {
        try {
            return Instant.parse(required(field, value));
        } catch (DateTimeParseException e) {
            throw HttpProblem.badRequest("Field '" + field + "' must be an ISO-8601 UTC time such as 2026-05-10T10:00:00Z");
        }
    }

    /** Request bodies. */
    record UserBody(String name, Integer age, String gender, String email) {}

    record MeetingBody(String title, String description, Boolean isPublic, List<String> audience) {}

    record WindowBody(String from, String to) {}

    record JoinBody(Long userId) {}

    record MessageBody(Long userId, String text) {}
}
