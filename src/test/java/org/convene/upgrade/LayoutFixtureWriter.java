package org.convene.upgrade;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.convene.store.EmbeddedRedis;
import org.convene.store.RedisConnection;
import org.convene.store.RedisStore;
import org.convene.testing.RedisKeys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Writes the fixture of a release's data layout: {@link LayoutWorld} written by this code on a fresh
 * embedded Redis, every key as stored, and every read's answer. Run it on the commit of a release whose
 * layout a later one must keep reading, never by hand-editing the file:
 * {@code ./mvnw test -Dtest=LayoutFixtureWriter -Dconvene.layoutFixture=N} writes
 * {@code src/test/resources/org/convene/upgrade/layout-N.json}.
 */
@EnabledIfSystemProperty(named = "convene.layoutFixture", matches = "\\d+")
class LayoutFixtureWriter {

    @Test
    void writesTheFixtureOfThisReleasesLayout() throws IOException {
        String layout = System.getProperty("convene.layoutFixture");
        try (EmbeddedRedis server = EmbeddedRedis.ephemeral();
             RedisConnection redis = RedisConnection.open(server.url(), false)) {
            RedisStore store = new RedisStore(redis, 1);
            Map<String, Object> fixture = new LinkedHashMap<>();
            try (LayoutWorld world = new LayoutWorld(store, LayoutWorld.NOW.minus(Duration.ofHours(3)))) {
                LayoutWorld.Tokens tokens = world.write();
                List<Map<String, Object>> reads = new ArrayList<>();
                for (LayoutWorld.Read read : LayoutWorld.reads()) {
                    LayoutWorld.Answer answer = world.read(read, tokens);
                    Map<String, Object> entry = new LinkedHashMap<>();
                    entry.put("read", read);
                    entry.put("status", answer.status());
                    entry.put("body", answer.body());
                    reads.add(entry);
                }
                fixture.put("layout", Integer.parseInt(layout));
                fixture.put("writtenBy", System.getProperty("convene.commit", "unknown"));
                fixture.put("redis", redis.info("server").get("redis_version"));
                fixture.put("tokens", tokens.byName());
                fixture.put("reads", reads);
            }
            fixture.put("keys", RedisKeys.all(server.url()));
            Path file = Path.of("src/test/resources/org/convene/upgrade/layout-" + layout + ".json");
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), fixture);
        }
    }
}
