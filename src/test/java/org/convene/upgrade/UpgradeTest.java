package org.convene.upgrade;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.convene.store.DataLayout;
import org.convene.store.EmbeddedRedis;
import org.convene.store.RedisConnection;
import org.convene.store.RedisStore;
import org.convene.testing.RedisKeys;
import org.convene.testing.RedisTargets;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Data written by an earlier release keeps working: the fixture of each layout (written by that
 * release's own code, see {@link LayoutFixtureWriter}) is restored into a fresh Redis, today's code
 * opens it, and every read the release made is made again and must answer as it did. Fields that
 * today's answers add are allowed; nothing the release answered may change or go missing.
 */
class UpgradeTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest(name = "layout {0}")
    @ValueSource(ints = {1, 2, 3})
    void dataWrittenByAnEarlierLayoutReadsBackAsItWasWrittenOnTheEmbeddedRedis(int layout) throws IOException {
        JsonNode fixture = fixture(layout);
        try (EmbeddedRedis server = EmbeddedRedis.ephemeral();
             RedisConnection redis = RedisConnection.open(server.url(), false)) {
            RedisKeys.restore(server.url(), keys(fixture), 1);
            assertReadsBack(new RedisStore(redis, 1), fixture);
        }
    }

    /** The same on Debian's Redis 7 (a 6.2 dump restores into 7), and on a cluster with replicas. */
    @Nested
    @Tag("cluster")
    class OnOtherServers {
        @ParameterizedTest(name = "layout {0}")
        @ValueSource(ints = {1, 2, 3})
        void dataWrittenByAnEarlierLayoutReadsBackAsItWasWrittenOnRedisSeven(int layout) throws IOException {
            RedisConnection redis = RedisTargets.redis7();
            RedisKeys.restore(redis.description(), keys(fixture(layout)), 1);
            assertReadsBack(new RedisStore(redis, 1), fixture(layout));
        }

        @ParameterizedTest(name = "layout {0}")
        @ValueSource(ints = {1, 2, 3})
        void dataWrittenByAnEarlierLayoutReadsBackAsItWasWrittenOnAClusterWithReplicas(int layout) throws IOException {
            RedisConnection redis = RedisTargets.clusterWithReplicas();
            RedisKeys.restoreInCluster(redis.description(), keys(fixture(layout)));
            assertReadsBack(new RedisStore(redis, 1), fixture(layout));
        }
    }

    static JsonNode fixture(int layout) throws IOException {
        try (InputStream in = UpgradeTest.class.getResourceAsStream("layout-" + layout + ".json")) {
            assertThat(in).as("fixture layout-" + layout + ".json").isNotNull();
            return JSON.readTree(in);
        }
    }

    static List<RedisKeys.StoredKey> keys(JsonNode fixture) {
        List<RedisKeys.StoredKey> keys = new ArrayList<>();
        for (JsonNode k : fixture.path("keys")) {
            keys.add(new RedisKeys.StoredKey(k.path("db").asInt(), k.path("key").asText(), k.path("ttlMillis").asLong(),
                    k.path("dump").asText()));
        }
        return keys;
    }

    /**
     * Opens the store as a node would (bringing the data up to this code's layout) and makes every read of
     * the fixture again, comparing each answer.
     */
    static void assertReadsBack(RedisStore store, JsonNode fixture) {
        store.layout().bringUpToDate(Duration.ofMinutes(1));
        assertThat(store.layout().version()).isEqualTo(DataLayout.CURRENT);
        @SuppressWarnings("unchecked")
        Map<String, String> tokens = JSON.convertValue(fixture.path("tokens"), Map.class);
        try (LayoutWorld world = new LayoutWorld(store, LayoutWorld.NOW)) {
            for (JsonNode entry : fixture.path("reads")) {
                JsonNode r = entry.path("read");
                String expected = entry.path("body").asText();
                LayoutWorld.Read read = new LayoutWorld.Read(r.path("name").asText(), r.path("token").isNull() ? null
                        : r.path("token").asText(), r.path("path").asText(), r.path("accept").isNull() ? null
                        : r.path("accept").asText(), r.path("lastEventId").isNull() ? null : r.path("lastEventId").asText(),
                        r.path("events").asInt() == 0 ? 0 : (int) expected.lines().filter(l -> l.startsWith("data: ")).count());
                LayoutWorld.Answer answer = world.read(read, new LayoutWorld.Tokens(tokens));
                assertThat(answer.status()).as(read.name()).isEqualTo(entry.path("status").asInt());
                assertSameOrMore(read.name(), expected, answer.body());
            }
        }
    }

    /** The answer says what the release said: equal text, or JSON with every field the release gave, equal. */
    private static void assertSameOrMore(String what, String expected, String actual) {
        JsonNode before = json(expected);
        if (before == null) {
            assertThat(actual).as(what).isEqualTo(expected);
            return;
        }
        assertContains(what, "$", before, json(actual));
    }

    private static void assertContains(String what, String path, JsonNode before, JsonNode now) {
        assertThat(now).as(what + " at " + path).isNotNull();
        if (before.isObject()) {
            assertThat(now.isObject()).as(what + " at " + path + " is an object").isTrue();
            for (Iterator<Map.Entry<String, JsonNode>> it = before.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                assertContains(what, path + "." + field.getKey(), field.getValue(), now.get(field.getKey()));
            }
        } else if (before.isArray()) {
            assertThat(now.size()).as(what + " at " + path + ": items").isEqualTo(before.size());
            for (int i = 0; i < before.size(); i++) assertContains(what, path + "[" + i + "]", before.get(i), now.get(i));
        } else {
            assertThat(now).as(what + " at " + path).isEqualTo(before);
        }
    }

    private static JsonNode json(String text) {
        if (text.isEmpty() || !(text.startsWith("{") || text.startsWith("["))) return null;
        try {
            return JSON.readTree(text);
        } catch (IOException notJson) {
            return null;
        }
    }
}
