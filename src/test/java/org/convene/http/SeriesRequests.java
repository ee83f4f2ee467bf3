package org.convene.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.convene.testing.ApiServer;

/** What the series tests send and how they time a read. */
final class SeriesRequests {
    /** What a read of a series or a calendar may cost, generous for a loaded two-core machine. */
    static final Duration CHEAP_READ = Duration.ofMillis(200);

    private SeriesRequests() {}

    /** A series' fields as the API takes them (null ones included, as a client may send them). */
    static String json(String rrule, String start, String timeZone, Integer minutes) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("rrule", rrule);
        body.put("start", start);
        body.put("timeZone", timeZone);
        body.put("durationMinutes", minutes);
        try {
            return new ObjectMapper().writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A meeting's series and instances as the API shows them. */
    static String meeting(ApiServer api, long id) {
        return api.call("GET", "/meetings/" + id + "/series", ApiServer.ADMIN, null).raw().body() + "\n"
                + api.call("GET", "/meetings/" + id + "/instances", ApiServer.ADMIN, null).raw().body();
    }

    /** How long a read took, the quicker of two: a loaded machine may stall one read, never both for a rule's cost. */
    static Duration readTime(ApiServer api, String path, String token) {
        Duration quickest = null;
        for (int attempt = 0; attempt < 2; attempt++) {
            long started = System.nanoTime();
            var answer = api.call("GET", path, token, null);
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            assertThat(answer.status()).as(path + ": " + answer.raw().body()).isEqualTo(200);
            if (quickest == null || took.compareTo(quickest) < 0) quickest = took;
            if (quickest.compareTo(CHEAP_READ) < 0) break;
        }
        return quickest;
    }
}
