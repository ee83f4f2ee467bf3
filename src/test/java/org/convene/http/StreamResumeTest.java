package org.convene.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.convene.model.FeedEntry;
import org.convene.model.FeedKind;
import org.convene.model.InstanceActivity;
import org.convene.model.LifecycleChange;
import org.convene.model.StreamPosition;
import org.convene.testing.ApiServer;
import org.convene.testing.SseListener;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Resuming the stream of everything from any position vector: each entry after the vector's positions
 * is delivered once, an instance's activation before its activity, its end after it. A property test:
 * random vectors (the start, an old position, the current one, one ahead, unknown instances, several
 * instances at once) against the entries' true order, read from the feeds themselves.
 */
class StreamResumeTest extends ApiServerTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int CASES = 40;

    private List<LifecycleChange> lifecycle;
    private final Map<Long, List<InstanceActivity>> activity = new LinkedHashMap<>();

    /**
     * A history with every kind of entry: instance 1 with joins, chat and a leave; instance 2 (private to
     * John, whom the administrator sees into) with a join and chat; instance 3 ended by hand after activity;
     * instance 4 still to start; instance 5 made and deleted.
     */
    @BeforeEach
    void history() {
        api.reset();
        call("POST", "/instances/1/participants", api.john, "{\"userId\":1}");
        call("POST", "/instances/1/messages", api.john, "{\"userId\":1,\"text\":\"one\"}");
        call("POST", "/instances/1/participants", api.jane, "{\"userId\":2}");
        call("DELETE", "/instances/1/participants/1", api.john, null);
        call("POST", "/instances/2/participants", api.john, "{\"userId\":1}");
        call("POST", "/instances/2/messages", api.john, "{\"userId\":1,\"text\":\"two\"}");
        long meeting = api.call("POST", "/meetings", ApiServer.ADMIN, "{\"title\":\"Third\",\"isPublic\":true}")
                .json().path("id").asLong();
        String window = "{\"from\":\"" + api.clock.instant().minusSeconds(30) + "\",\"to\":\"" + api.clock.instant().plusSeconds(600) + "\"}";
        call("POST", "/meetings/" + meeting + "/instances", ApiServer.ADMIN, window);
        call("POST", "/instances/3/participants", api.jane, "{\"userId\":2}");
        call("POST", "/instances/3/messages", api.jane, "{\"userId\":2,\"text\":\"three\"}");
        call("POST", "/instances/3/end", ApiServer.ADMIN, null);
        String later = "{\"from\":\"" + api.clock.instant().plusSeconds(7200) + "\",\"to\":\"" + api.clock.instant().plusSeconds(9000) + "\"}";
        call("POST", "/meetings/" + meeting + "/instances", ApiServer.ADMIN, later);
        String latest = "{\"from\":\"" + api.clock.instant().plusSeconds(90000) + "\",\"to\":\"" + api.clock.instant().plusSeconds(93600) + "\"}";
        call("POST", "/meetings/" + meeting + "/instances", ApiServer.ADMIN, latest);
        call("DELETE", "/instances/5", ApiServer.ADMIN, null);
        lifecycle = api.convene.lifecycle(StreamPosition.START, 1000);
        for (long i = 1; i <= 5; i++) {
            try {
                activity.put(i, api.convene.activity(i, StreamPosition.START, 1000));
            } catch (RuntimeException deleted) {
                activity.put(i, List.of());
            }
        }
    }

    @Test
    void aResumeOfAnEndedInstanceFromTheStartDeliversEachEntryOnceInTheOrderTheyHappened() {
        assertDeliveredOnceInOrder(new Vector(StreamPosition.START, Map.of(3L, StreamPosition.START)));
    }

    @Test
    void aResumeFromAnyVectorDeliversEachEntryAfterItOnceInTheOrderTheyHappened() {
        SplittableRandom random = new SplittableRandom(25);
        for (int n = 0; n < CASES; n++) assertDeliveredOnceInOrder(randomVector(random));
    }

    /** A vector the stream could have given, or a client could make up: positions at the start, old, current, ahead. */
    private Vector randomVector(SplittableRandom random) {
        StreamPosition l = pick(random, lifecycle);
        Map<Long, StreamPosition> instances = new LinkedHashMap<>();
        for (long i = 1; i <= 5; i++) if (random.nextInt(3) == 0) instances.put(i, pick(random, activity.get(i)));
        if (random.nextInt(4) == 0) instances.put(999L, StreamPosition.START);
        return new Vector(l, instances);
    }

    private static StreamPosition pick(SplittableRandom random, List<? extends FeedEntry> entries) {
        int choice = random.nextInt(4);
        if (choice == 0 || entries.isEmpty()) return StreamPosition.START;
        StreamPosition last = entries.get(entries.size() - 1).position();
        if (choice == 1) return entries.get(random.nextInt(entries.size())).position();
        if (choice == 2) return last;
        return new StreamPosition(last.millis() + 1, 0);
    }

    /** A position vector: the lifecycle's position and each named instance's. */
    record Vector(StreamPosition lifecycle, Map<Long, StreamPosition> instances) {
        String wire() {
            StringBuilder id = new StringBuilder("l=" + lifecycle);
            instances.forEach((i, p) -> id.append(';').append(i).append('=').append(p));
            return id.toString();
        }
    }

    /** One delivered event: its name, instance, and number (0 for the lifecycle's). */
    record Seen(String type, long instanceId, long number) {}

    private void assertDeliveredOnceInOrder(Vector vector) {
        List<Seen> expected = expected(vector);
        SseListener listener = new SseListener(api.server.url() + "/stream", ApiServer.ADMIN, vector.wire());
        try {
            assertThat(listener.await(expected.size(), 10)).as(vector.wire() + ": " + expected.size() + " events").isTrue();
            List<Seen> seen = seen(listener).subList(0, expected.size());
            assertThat(seen).as(vector.wire()).containsExactlyInAnyOrderElementsOf(expected);
            for (long i = 1; i <= 5; i++) assertInOrder(vector, seen, i);
        } finally {
            listener.drop();
        }
    }

    /** What a resume from {@code vector} must deliver: lifecycle entries after its position; activity after each instance's. */
    private List<Seen> expected(Vector vector) {
        List<Seen> all = new ArrayList<>();
        for (LifecycleChange c : lifecycle) {
            if (c.position().isAfter(vector.lifecycle())) all.add(new Seen(c.kind().wireName(), c.instanceId(), 0));
        }
        for (long i = 1; i <= 5; i++) {
            StreamPosition from;
            if (vector.instances().containsKey(i)) {
                from = vector.instances().get(i);
            } else if (activatedAfter(vector.lifecycle(), i)) {
                from = StreamPosition.START;
            } else {
                continue;
            }
            for (InstanceActivity a : activity.get(i)) {
                if (a.position().isAfter(from) && a.kind() != FeedKind.ACTIVATED && a.kind() != FeedKind.ENDED) {
                    all.add(new Seen(a.kind().wireName(), i, a.number()));
                }
            }
        }
        return all;
    }

    private boolean activatedAfter(StreamPosition position, long instance) {
        return lifecycle.stream().anyMatch(c -> c.instanceId() == instance && c.kind() == FeedKind.ACTIVATED
                && c.position().isAfter(position));
    }

    /** Instance {@code i}'s activation before its activity, its end after it, its activity in the feed's order. */
    private void assertInOrder(Vector vector, List<Seen> seen, long i) {
        List<Seen> mine = seen.stream().filter(s -> s.instanceId() == i).toList();
        int activated = indexOf(mine, "activated");
        int ended = Math.max(indexOf(mine, "ended"), indexOf(mine, "deleted"));
        List<Seen> inside = mine.stream().filter(s -> s.number() != 0).toList();
        for (Seen s : inside) {
            int at = mine.indexOf(s);
            if (activated >= 0) assertThat(at).as(vector.wire() + ": " + s + " after the activation").isGreaterThan(activated);
            if (ended >= 0) assertThat(at).as(vector.wire() + ": " + s + " before the end").isLessThan(ended);
        }
        assertThat(inside).as(vector.wire() + ": instance " + i + "'s activity in order").isEqualTo(activity.get(i).stream()
                .map(a -> new Seen(a.kind().wireName(), i, a.number())).filter(inside::contains).toList());
    }

    private static int indexOf(List<Seen> seen, String type) {
        for (int i = 0; i < seen.size(); i++) if (seen.get(i).type().equals(type)) return i;
        return -1;
    }

    private static List<Seen> seen(SseListener listener) {
        List<Seen> seen = new ArrayList<>();
        String type = null;
        for (String line : listener.lines) {
            if (line.startsWith("event: ")) type = line.substring(7);
            if (line.startsWith("data: ") && type != null) {
                try {
                    JsonNode data = JSON.readTree(line.substring(6));
                    seen.add(new Seen(type, data.path("instanceId").asLong(), data.path("number").asLong(0)));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                type = null;
            }
        }
        return seen;
    }

    private static void call(String method, String path, String token, String body) {
        int status = api.call(method, path, token, body).status();
        assertThat(status).as(method + " " + path).isBetween(200, 299);
    }
}
