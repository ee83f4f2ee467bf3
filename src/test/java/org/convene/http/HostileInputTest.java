package org.convene.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.convene.testing.ApiServer;
import org.convene.testing.RedisSnapshot;
import org.convene.testing.RedisTargets;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * A fixed corpus of several hundred hostile requests, every one sent as the administrator so that
 * only the input can be at fault: each gets a 4xx problem response, never a 5xx, and Redis is left
 * byte-for-byte as it was.
 */
class HostileInputTest extends ApiServerTest {
    static Map<String, String> pristine;

    @BeforeAll
    static void start() {
        api.call("POST", "/instances/1/participants", ApiServer.ADMIN, "{\"userId\":1}");
        pristine = RedisSnapshot.of(RedisTargets.embedded());
    }

    record Case(String method, String path, byte[] body, String contentType) {
        String name() {
            String shown = body == null ? "" : new String(body, 0, Math.min(body.length, 60), StandardCharsets.UTF_8);
            return method + " " + path + " [" + contentType + "] " + shown.replaceAll("\\p{Cntrl}", "?");
        }
    }

    static final String[] BODY_ROUTES = {
        "POST /users", "PUT /users/1", "POST /meetings", "PUT /meetings/1", "POST /meetings/1/instances",
        "PUT /instances/1", "POST /instances/1/participants", "POST /instances/1/messages"};

    static final String[] BAD_BODIES = {
        "", "{", "}", "[]", "null", "true", "42", "\"text\"", "{\"a\":", "{'single':'quotes'}", "{\"x\":1}{\"y\":2}",
        "{\"name\":null}", "{\"age\":\"thirty\"}", "{\"age\":1e400}", "{\"age\":99999999999999999999}",
        "{\"age\":-1,\"name\":\"x\",\"email\":\"x@example.com\"}", "{\"age\":151,\"name\":\"x\",\"email\":\"x@example.com\"}",
        "{\"name\":\"x\",\"age\":30,\"email\":\"not-an-email\"}", "{\"name\":\"\",\"age\":30,\"email\":\"y@example.com\"}",
        "{\"name\":\"x\",\"age\":30,\"email\":\"john.doe@example.com\",\"extra\":true}",
        "{\"title\":\"\",\"isPublic\":true}", "{\"title\":\"t\",\"isPublic\":\"yes\"}", "{\"title\":\"t\",\"isPublic\":1}",
        "{\"title\":\"t\",\"isPublic\":false,\"audience\":\"a@example.com\"}",
        "{\"title\":\"t\",\"isPublic\":false,\"audience\":[\"bad\"]}", "{\"title\":[],\"isPublic\":true}",
        "{\"from\":\"yesterday\",\"to\":\"tomorrow\"}", "{\"from\":\"2026-01-05T12:00:00Z\"}",
        "{\"from\":\"2026-01-05T12:00:00Z\",\"to\":\"2026-01-05T11:00:00Z\"}", "{\"from\":12,\"to\":13}",
        "{\"userId\":0}", "{\"userId\":-5}", "{\"userId\":\"1\"}", "{\"userId\":1.5}", "{\"userId\":9223372036854775808}",
        "{\"userId\":null}", "{\"userId\":1,\"text\":\"\"}", "{\"userId\":1,\"text\":\"   \"}",
        "{\"userId\":1,\"text\":12}", "{\"userId\":1,\"text\":\"x\",\"more\":1}", "{\"userId\":1,\"text\":\"a\\u0000b\"}",
        "{\"userId\":99,\"text\":\"ghost\"}", "{\"userId\":{\"$gt\":0}}", "{\"__proto__\":{}}",
        "{\"userId\":2,\"userId\":1,\"text\":\"x\"}", "{\"name\":\"x\",\"age\":30,\"email\":\"x@example.com\",\"email\":\"y@example.com\"}",
        "{\"name\":\"x\",\"age\":30.7,\"email\":\"x@example.com\"}",
        "{\"name\":\"x\\ud800\",\"age\":30,\"email\":\"x@example.com\"}", "{\"name\":\"x\",\"age\":30,\"email\":\"a<b@example.com\"}",
        "{\"title\":\"\\u202egnp.exe\",\"isPublic\":true}",
        "{\"from\":\"+999999999-12-31T22:00:00Z\",\"to\":\"+999999999-12-31T23:00:00Z\"}"};

    static final String[] BAD_IDS = {"0", "-1", "*", ":", "%7B1%7D", "abc", "1.5", "99999999999999999999", "%20", "1e3"};

    static List<Case> corpus() {
        List<Case> cases = new ArrayList<>();
        for (String route : BODY_ROUTES) {
            String method = route.split(" ")[0], path = route.split(" ")[1];
            for (String body : BAD_BODIES) cases.add(new Case(method, path, body.getBytes(StandardCharsets.UTF_8), "application/json"));
            cases.add(new Case(method, path, new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xff, (byte) 0xfe, '"', '}'}, "application/json"));
            cases.add(new Case(method, path, "{\"name\":\"x\"}".getBytes(StandardCharsets.UTF_8), "text/plain"));
            cases.add(new Case(method, path, "name=x".getBytes(StandardCharsets.UTF_8), "application/x-www-form-urlencoded"));
            cases.add(new Case(method, path, "<xml/>".getBytes(StandardCharsets.UTF_8), "application/xml"));
        }
        for (String id : BAD_IDS) {
            for (String template : new String[] {"GET /users/%s", "PUT /users/%s", "DELETE /users/%s", "GET /meetings/%s",
                    "DELETE /meetings/%s", "GET /instances/%s", "DELETE /instances/%s", "GET /instances/%s/participants",
                    "POST /instances/%s/participants", "DELETE /instances/1/participants/%s", "POST /instances/%s/end",
                    "GET /instances/%s/messages", "POST /instances/%s/messages", "GET /instances/%s/events",
                    "GET /meetings/%s/instances", "POST /users/%s/token"}) {
                String[] parts = String.format(template, id).split(" ");
                byte[] body = parts[0].equals("GET") || parts[0].equals("DELETE") ? null
                        : "{\"userId\":1,\"text\":\"x\"}".getBytes(StandardCharsets.UTF_8);
                cases.add(new Case(parts[0], parts[1], body, "application/json"));
            }
        }
        for (String query : new String[] {"after=-1", "after=x", "limit=0", "limit=1001", "limit=-3", "limit=ten",
                "userId=0", "userId=*", "after=1e9"}) {
            cases.add(new Case("GET", "/instances/1/messages?" + query, null, null));
            if (!query.startsWith("userId")) cases.add(new Case("GET", "/users?" + query, null, null));
        }
        return cases;
    }

    static byte[] big(int size) {
        byte[] bytes = new byte[size];
        Arrays.fill(bytes, (byte) 'a');
        bytes[0] = '"';
        bytes[size - 1] = '"';
        return bytes;
    }

    @TestFactory
    Stream<DynamicTest> everyHostileRequestIsA4xxProblemAndChangesNothing() {
        List<Case> cases = corpus();
        assertThat(cases).hasSizeGreaterThan(480);
        return cases.stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> {
            var response = api.send(c.method(), c.path(), ApiServer.ADMIN, c.body(), c.contentType());
            assertThat(response.status()).as(response.raw().body()).isBetween(400, 499);
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(response.raw().body()).doesNotContain("Exception", "at org.", "at java.");
        }));
    }

    @TestFactory
    Stream<DynamicTest> aTenMegabyteBodyIs413OnEveryRouteThatTakesABody() {
        return Stream.of(BODY_ROUTES).map(route -> DynamicTest.dynamicTest(route, () -> {
            var response = api.sendLarge(route.split(" ")[0], route.split(" ")[1], ApiServer.ADMIN, big(10 << 20));
            assertThat(response.status()).isEqualTo(413);
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(RedisSnapshot.of(RedisTargets.embedded())).isEqualTo(pristine);
        }));
    }

    @TestFactory
    Stream<DynamicTest> afterTheWholeCorpusRedisIsByteForByteAsItWas() {
        return Stream.of(DynamicTest.dynamicTest("unchanged", () -> {
            for (Case c : corpus()) api.send(c.method(), c.path(), ApiServer.ADMIN, c.body(), c.contentType());
            assertThat(RedisSnapshot.of(RedisTargets.embedded())).isEqualTo(pristine);
        }));
    }
}
