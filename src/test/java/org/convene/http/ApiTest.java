package org.convene.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.convene.testing.ApiServer;
import org.convene.testing.RedisSnapshot;
import org.convene.testing.RedisTargets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The REST API: each route's success, its refusals with status and problem type, and nothing changed by a refusal. */
class ApiTest {
    static ApiServer shared;
    ApiServer api;

    @BeforeAll
    static void start() {
        shared = new ApiServer(1_000);
    }

    @AfterAll
    static void stop() {
        shared.close();
    }

    @BeforeEach
    void seedWorld() {
        api = shared;
        api.reset();
    }

    ApiServer.Response assertProblem(ApiServer.Response response, int status, String type) {
        assertThat(response.status()).as(response.raw().body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("type").asText()).isEqualTo("urn:convene:problem:" + type);
        assertThat(response.json().get("status").asInt()).isEqualTo(status);
        return response;
    }

    /**
     * Asserts the refusal and that the data is as before. The chat allowance is left out: like the sign-in
     * limit, it counts attempts, refused ones too, which is what keeps a flood of bad posts in check. So is the users'
     * audit chain: a refused privileged attempt is sampled into it, which is its point (PersonalDataApiTest).
     */
    ApiServer.Response refusedAndUnchanged(int status, String type, Supplier<ApiServer.Response> call) {
        Map<String, String> before = data(RedisSnapshot.of(RedisTargets.embedded()));
        ApiServer.Response response = assertProblem(call.get(), status, type);
        assertThat(data(RedisSnapshot.of(RedisTargets.embedded()))).isEqualTo(before);
        return response;
    }

    private static Map<String, String> data(Map<String, String> snapshot) {
        Map<String, String> data = new TreeMap<>(snapshot);
        data.keySet().removeIf(key -> key.contains(":allowance:") || key.matches("0:convene:\\{users}:audit(:seq|:once:.*)?")
                || key.equals("0:convene:{audit}:touched"));
        return data;
    }

    @Test
    void creatingAUserAnswers201WithItsLocationAndATokenThatActsAsThem() {
        var created = api.call("POST", "/users", ApiServer.ADMIN, "{\"name\":\"Ann\",\"age\":31,\"email\":\"Ann@Example.com\"}");

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.header("Location")).isEqualTo("/users/3");
        String token = created.json().get("token").asText();
        var self = api.call("GET", "/users/3", token, null);
        assertThat(self.status()).isEqualTo(200);
        assertThat(self.json().get("email").asText()).isEqualTo("ann@example.com");
    }

    @Test
    void aUserCannotReadAnotherUser() {
        refusedAndUnchanged(403, "forbidden", () -> api.call("GET", "/users/1", api.jane, null));
    }

    @Test
    void anUpdateWithAStaleIfMatchIsRefusedWith412() {
        var read = api.call("GET", "/users/1", ApiServer.ADMIN, null);
        assertThat(read.header("ETag")).isEqualTo("\"1\"");
        api.call("PUT", "/users/1", ApiServer.ADMIN, "{\"name\":\"John D\",\"age\":26,\"email\":\"john.doe@example.com\"}",
                "If-Match", "\"1\"");

        refusedAndUnchanged(412, "version-mismatch", () -> api.call("PUT", "/users/1", ApiServer.ADMIN,
                "{\"name\":\"John X\",\"age\":27,\"email\":\"john.doe@example.com\"}", "If-Match", "\"1\""));
    }

    @Test
    void joiningAnswers201AndTheParticipantIsListed() {
        var joined = api.call("POST", "/instances/2/participants", api.john, "{\"userId\":1}");

        assertThat(joined.status()).isEqualTo(201);
        assertThat(joined.header("Location")).isEqualTo("/instances/2/participants/1");
        assertThat(api.call("GET", "/instances/2/participants", api.john, null).json().get(0).get("name").asText())
                .isEqualTo("John Doe");
    }

    @Test
    void joiningAsSomeoneElseIsForbidden() {
        refusedAndUnchanged(403, "forbidden", () -> api.call("POST", "/instances/1/participants", api.jane, "{\"userId\":1}"));
    }

    @Test
    void aUserOutsideAPrivateAudienceGetsTheSeedsRefusal() {
        var refused = refusedAndUnchanged(403, "not-allowed",
                () -> api.call("POST", "/instances/2/participants", api.jane, "{\"userId\":2}"));

        assertThat(refused.json().get("detail").asText()).isEqualTo("User 2 not allowed to join the meeting");
    }

    @Test
    void joiningTwiceIsAConflict() {
        api.call("POST", "/instances/1/participants", api.john, "{\"userId\":1}");

        var refused = refusedAndUnchanged(409, "already-in",
                () -> api.call("POST", "/instances/1/participants", api.john, "{\"userId\":1}"));
        assertThat(refused.json().get("detail").asText()).isEqualTo("User is already in the meeting");
    }

    @Test
    void joiningAnUnknownInstanceIsNotFound() {
        refusedAndUnchanged(404, "invalid-instance", () -> api.call("POST", "/instances/99/participants", api.john,
                "{\"userId\":1}"));
    }

    @Test
    void leavingAnswersWithTheLeaveEvent() {
        api.call("POST", "/instances/1/participants", api.john, "{\"userId\":1}");

        var left = api.call("DELETE", "/instances/1/participants/1", api.john, null);

        assertThat(left.status()).isEqualTo(200);
        assertThat(left.json().get("eventId").asLong()).isEqualTo(2);
        assertProblem(api.call("DELETE", "/instances/1/participants/1", api.john, null), 409, "already-left");
    }

    @Test
    void onlyTheAdministratorEndsAnInstance() {
        api.call("POST", "/instances/1/participants", api.john, "{\"userId\":1}");
        refusedAndUnchanged(403, "forbidden", () -> api.call("POST", "/instances/1/end", api.john, null));

        var ended = api.call("POST", "/instances/1/end", ApiServer.ADMIN, null);

        assertThat(ended.status()).isEqualTo(200);
        assertThat(ended.json().get("timedOutUserIds").get(0).asLong()).isEqualTo(1);
        assertThat(api.call("GET", "/instances/1", api.jane, null).json().get("status").asText()).isEqualTo("ended");
    }

    @Test
    void chatIsPostedAndReadBackByCursor() {
        api.call("POST", "/instances/1/participants", api.john, "{\"userId\":1}");
        for (String text : new String[] {"one", "two", "three"}) {
            assertThat(api.call("POST", "/instances/1/messages", api.john,
                    "{\"userId\":1,\"text\":\"" + text + "\"}").status()).isEqualTo(201);
        }

        var page = api.call("GET", "/instances/1/messages?after=1&limit=1", api.jane, null).json();

        assertThat(page).hasSize(1);
        assertThat(page.get(0).get("text").asText()).isEqualTo("two");
    }

    @Test
    void chatScrollsBackByCursorInPostingOrder() {
        api.call("POST", "/instances/1/participants", api.john, "{\"userId\":1}");
        for (int i = 1; i <= 5; i++) api.call("POST", "/instances/1/messages", api.john, "{\"userId\":1,\"text\":\"m" + i + "\"}");

        var latest = api.call("GET", "/instances/1/messages?before=9007199254740991&limit=2", api.jane, null).json();
        var earlier = api.call("GET", "/instances/1/messages?before=4&limit=2", api.jane, null).json();

        assertThat(latest.findValuesAsText("text")).containsExactly("m4", "m5");
        assertThat(earlier.findValuesAsText("text")).containsExactly("m2", "m3");
    }

    @Test
    void theEventsLogScrollsBackByCursor() {
        api.call("POST", "/instances/1/participants", api.john, "{\"userId\":1}");
        api.call("DELETE", "/instances/1/participants/1", api.john, null);
        api.call("POST", "/instances/1/participants", api.jane, "{\"userId\":2}");

        var latest = api.call("GET", "/instances/1/events?before=9007199254740991&limit=2", api.jane, null).json();
        var first = api.call("GET", "/instances/1/events?before=2", api.jane, null).json();

        assertThat(latest.findValuesAsText("type")).containsExactly("leave_meeting", "join_meeting");
        assertThat(latest.findValuesAsText("id")).containsExactly("2", "3");
        assertThat(first.findValuesAsText("id")).containsExactly("1");
    }

    @Test
    void aCursorBeforeAndAfterAtOnceIsRefused() {
        var refused = refusedAndUnchanged(400, "invalid-input",
                () -> api.call("GET", "/instances/1/messages?before=3&after=1", api.john, null));
        assertThat(refused.json().get("detail").asText()).contains("before").contains("after");
    }

    @Test
    void meTellsAUserWhoTheyAreAndTheAdministratorThatTheyAreTheAdministrator() {
        var john = api.call("GET", "/me", api.john, null).json();
        var admin = api.call("GET", "/me", ApiServer.ADMIN, null).json();

        assertThat(john.get("admin").asBoolean()).isFalse();
        assertThat(john.get("user").get("email").asText()).isEqualTo("john.doe@example.com");
        assertThat(admin.get("admin").asBoolean()).isTrue();
        assertThat(admin.has("user")).isFalse();
    }

    @Test
    void theConsoleIsServedAtTheRootWithoutATokenAndWithAStrictContentSecurityPolicy() {
        var page = api.call("GET", "/", null, null);
        var script = api.call("GET", "/console/console.js", null, null);

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.raw().body()).contains("<script type=\"module\" src=\"/console/console.js\">");
        assertThat(page.header("Content-Security-Policy")).contains("default-src 'self'").contains("script-src 'self'");
        assertThat(script.header("Content-Type")).startsWith("text/javascript");
    }

    @Test
    void anUnknownConsoleFileIsNotFound() {
        assertProblem(api.call("GET", "/console/secrets.txt", null, null), 404, "not-found");
    }

    @Test
    void activeInstancesNeverCarryAnAudienceEvenForTheAdministrator() {
        var active = api.call("GET", "/active-instances", ApiServer.ADMIN, null).json();

        assertThat(active).hasSize(2);
        assertThat(active.get(1).get("meeting").get("title").asText()).isEqualTo("Project Review");
        assertThat(active.get(1).get("meeting").has("audience")).isFalse();
    }

    @Test
    void healthTellsTheServersTime() {
        var health = api.call("GET", "/health", null, null).json();
        assertThat(Instant.parse(health.get("time").asText())).isEqualTo(api.clock.instant());
    }

    @Test
    void aRetriedPostWithTheSameIdempotencyKeyReturnsTheFirstResult() {
        api.call("POST", "/instances/1/participants", api.john, "{\"userId\":1}");
        var first = api.call("POST", "/instances/1/messages", api.john, "{\"userId\":1,\"text\":\"once\"}",
                "Idempotency-Key", "k1");

        var again = api.call("POST", "/instances/1/messages", api.john, "{\"userId\":1,\"text\":\"once\"}",
                "Idempotency-Key", "k1");

        assertThat(again.raw().body()).isEqualTo(first.raw().body());
        assertThat(api.call("GET", "/instances/1/messages", api.john, null).json()).hasSize(1);
    }

    @Test
    void aPrivateMeetingsChatIsHiddenFromUsersOutsideItsAudience() {
        refusedAndUnchanged(403, "forbidden", () -> api.call("GET", "/instances/2/messages", api.jane, null));
        assertThat(api.call("GET", "/instances/2/messages", api.john, null).status()).isEqualTo(200);
    }

    @Test
    void joinTimesLeaveOutPrivateParticipantsForUsersOutsideTheAudience() {
        api.call("POST", "/instances/2/participants", api.john, "{\"userId\":1}");

        var forJane = api.call("GET", "/join-times", api.jane, null).json();
        var forJohn = api.call("GET", "/join-times", api.john, null).json();

        assertThat(forJane.get(1).has("participants")).isFalse();
        assertThat(forJohn.get(1).get("participants").get(0).get("userId").asLong()).isEqualTo(1);
    }

    @Test
    void theAudienceIsShownToTheAdministratorOnly() {
        assertThat(api.call("GET", "/meetings/2", api.john, null).json().has("audience")).isFalse();
        assertThat(api.call("GET", "/meetings/2", ApiServer.ADMIN, null).json().get("audience").get(0).asText())
                .isEqualTo("john.doe@example.com");
    }

    @Test
    void noTokenIs401WithAChallenge() {
        var response = refusedAndUnchanged(401, "unauthorized", () -> api.call("GET", "/active-instances", null, null));

        assertThat(response.header("WWW-Authenticate")).isEqualTo("Bearer");
    }

    @Test
    void aWrongTokenIs401() {
        refusedAndUnchanged(401, "unauthorized", () -> api.call("GET", "/active-instances", "cv_wrong", null));
    }

    @Test
    void theWrongContentTypeIs415() {
        refusedAndUnchanged(415, "unsupported-media-type", () -> api.send("POST", "/users", ApiServer.ADMIN,
                "name=x".getBytes(), "application/x-www-form-urlencoded"));
    }

    @Test
    void aBodyOverTheLimitIs413() {
        Map<String, String> before = RedisSnapshot.of(RedisTargets.embedded());

        var response = api.sendLarge("POST", "/users", ApiServer.ADMIN, new byte[10 << 20]);

        assertThat(response.status()).isEqualTo(413);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(RedisSnapshot.of(RedisTargets.embedded())).isEqualTo(before);
    }

    @Test
    void anUnknownRouteIs404() {
        assertProblem(api.call("GET", "/nowhere", api.john, null), 404, "not-found");
    }

    @Test
    void theChatRateLimitAnswers429WithRetryAfter() {
        api = new ApiServer(2);
        api.call("POST", "/instances/1/participants", api.john, "{\"userId\":1}");
        api.call("POST", "/instances/1/messages", api.john, "{\"userId\":1,\"text\":\"a\"}");
        api.call("POST", "/instances/1/messages", api.john, "{\"userId\":1,\"text\":\"b\"}");

        var limited = refusedAndUnchanged(429, "rate-limited", () -> api.call("POST", "/instances/1/messages", api.john,
                "{\"userId\":1,\"text\":\"c\"}"));

        assertThat(Integer.parseInt(limited.header("Retry-After"))).isPositive();
        api.close();
    }

    @Test
    void healthAndReadinessNeedNoTokenAndMetricsTheAdministrators() {
        assertThat(api.call("GET", "/health", null, null).json().get("status").asText()).isEqualTo("up");
        assertThat(api.call("GET", "/ready", null, null).json().get("redis").asText()).isEqualTo("up");
        api.call("GET", "/active-instances", api.john, null);
        assertThat(api.call("GET", "/metrics", ApiServer.ADMIN, null).raw().body()).contains("convene_http_requests");
    }

    @Test
    void theMetricsHaveTheJvmTheProcessAndJettysThreadPoolWithAHelpLineEach() {
        api.call("GET", "/health", null, null);
        String metrics = api.call("GET", "/metrics", ApiServer.ADMIN, null).raw().body();

        assertThat(metrics).contains("jvm_memory_used_bytes", "process_cpu_usage", "process_files_open_files",
                "jetty_threads_current", "convene_http_requests_seconds_bucket");
        List<String> families = metrics.lines().filter(l -> l.startsWith("# TYPE ")).map(l -> l.split(" ")[2]).toList();
        for (String family : families) assertThat(metrics).as(family).contains("# HELP " + family + " ");
        assertThat(metrics.lines().filter(l -> l.startsWith("convene_http_requests_seconds_bucket{")
                && l.contains("route=\"/health\"")).count()).as("buckets of one series").isLessThanOrEqualTo(11);
    }

    @Test
    void anInstanceEndedByTheAdministratorSaysWhenAndByWhom() {
        api.reset();
        api.clock.advance(Duration.ofMinutes(10));
        api.call("POST", "/instances/1/end", ApiServer.ADMIN, null);

        var ended = api.call("GET", "/instances/1", api.john, null).json();

        assertThat(ended.get("status").asText()).isEqualTo("ended");
        assertThat(ended.get("endedBy").asText()).isEqualTo("administrator");
        assertThat(ended.get("endedAt").asText()).isEqualTo(api.clock.instant().toString());
        assertThat(api.call("GET", "/instances/2", api.john, null).json().has("endedAt")).as("still running").isFalse();
    }

    @Test
    void theMetricsNameTheBuildServingByVersionAndCommit() {
        String metrics = api.call("GET", "/metrics", ApiServer.ADMIN, null).raw().body();

        assertThat(metrics).containsPattern("convene_build_info\\{commit=\"[0-9a-f]{10}\",version=\"0\\.1\\.0-SNAPSHOT\"\\} 1\n");
    }

    @Test
    void schedulingAnInstanceAnswers201AndOverlapIs409() {
        var created = api.call("POST", "/meetings/1/instances", ApiServer.ADMIN,
                "{\"from\":\"2026-01-05T12:00:00Z\",\"to\":\"2026-01-05T13:00:00Z\"}");
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().get("status").asText()).isEqualTo("scheduled");

        refusedAndUnchanged(409, "overlap", () -> api.call("POST", "/meetings/1/instances", ApiServer.ADMIN,
                "{\"from\":\"2026-01-05T12:30:00Z\",\"to\":\"2026-01-05T13:30:00Z\"}"));
    }

    @Test
    void aMeetingWithoutInstancesIsDeletedWith204AndThenNotFound() {
        var created = api.call("POST", "/meetings", ApiServer.ADMIN, "{\"title\":\"Temp\",\"isPublic\":true}");
        String location = created.header("Location");

        assertThat(api.call("DELETE", location, ApiServer.ADMIN, null).status()).isEqualTo(204);
        assertProblem(api.call("GET", location, ApiServer.ADMIN, null), 404, "invalid-meeting");
    }

    @Test
    void aMeetingWithInstancesCannotBeDeleted() {
        refusedAndUnchanged(409, "meeting-has-instances", () -> api.call("DELETE", "/meetings/1", ApiServer.ADMIN, null));
    }

    @Test
    void aMeetingsInstancesAreListedInTimeOrder() {
        api.call("POST", "/meetings/1/instances", ApiServer.ADMIN,
                "{\"from\":\"2026-01-05T12:00:00Z\",\"to\":\"2026-01-05T13:00:00Z\"}");

        var instances = api.call("GET", "/meetings/1/instances", api.jane, null).json();

        assertThat(instances).hasSize(2);
        assertThat(instances.get(1).get("orderId").asInt()).isEqualTo(2);
        assertThat(instances.get(1).get("status").asText()).isEqualTo("scheduled");
    }

    @Test
    void aScheduledInstanceIsMovedAndThenDeleted() {
        String location = api.call("POST", "/meetings/1/instances", ApiServer.ADMIN,
                "{\"from\":\"2026-01-05T12:00:00Z\",\"to\":\"2026-01-05T13:00:00Z\"}").header("Location");

        var moved = api.call("PUT", location, ApiServer.ADMIN,
                "{\"from\":\"2026-01-05T14:00:00Z\",\"to\":\"2026-01-05T15:00:00Z\"}");

        assertThat(moved.json().get("from").asText()).isEqualTo("2026-01-05T14:00:00Z");
        assertThat(api.call("DELETE", location, ApiServer.ADMIN, null).status()).isEqualTo(204);
        assertProblem(api.call("GET", location, api.john, null), 404, "invalid-instance");
    }

    @Test
    void anInstanceWithHistoryCannotBeDeletedAndAnEndedOneCannotBeMoved() {
        api.call("POST", "/instances/1/participants", api.john, "{\"userId\":1}");
        api.call("POST", "/instances/1/end", ApiServer.ADMIN, null);

        refusedAndUnchanged(409, "instance-in-use", () -> api.call("DELETE", "/instances/1", ApiServer.ADMIN, null));
        refusedAndUnchanged(409, "instance-ended", () -> api.call("PUT", "/instances/1", ApiServer.ADMIN,
                "{\"from\":\"2026-01-05T09:59:00Z\",\"to\":\"2026-01-05T12:00:00Z\"}"));
    }

    @Test
    void aTakenEmailIsAConflict() {
        refusedAndUnchanged(409, "email-taken", () -> api.call("POST", "/users", ApiServer.ADMIN,
                "{\"name\":\"Copy\",\"age\":40,\"email\":\"JOHN.DOE@example.com\"}"));
    }

    @Test
    void anUnknownUserIsNotFound() {
        refusedAndUnchanged(404, "invalid-user", () -> api.call("GET", "/users/99", ApiServer.ADMIN, null));
    }

    @Test
    void postingWithoutHavingJoinedIsAConflictWithTheSeedsMessage() {
        var refused = refusedAndUnchanged(409, "not-in-meeting", () -> api.call("POST", "/instances/1/messages", api.john,
                "{\"userId\":1,\"text\":\"Hello, everyone!\"}"));

        assertThat(refused.json().get("detail").asText()).isEqualTo("User is not in the meeting");
    }

    @Test
    void endingAnInstanceThatEndedIsAConflict() {
        api.call("POST", "/instances/1/end", ApiServer.ADMIN, null);

        refusedAndUnchanged(409, "not-active", () -> api.call("POST", "/instances/1/end", ApiServer.ADMIN, null));
    }

    @Test
    void theEventsLogsOfAnInstanceAndOfAUserListJoinsAndLeaves() {
        api.call("POST", "/instances/1/participants", api.john, "{\"userId\":1}");
        api.call("DELETE", "/instances/1/participants/1", api.john, null);

        var ofInstance = api.call("GET", "/instances/1/events?after=1", api.jane, null).json();
        var ofUser = api.call("GET", "/users/1/events", api.john, null).json();

        assertThat(ofInstance).hasSize(1);
        assertThat(ofInstance.get(0).get("type").asText()).isEqualTo("leave_meeting");
        assertThat(ofUser).hasSize(2);
        assertThat(ofUser.get(0).get("type").asText()).isEqualTo("join_meeting");
    }

    @Test
    void aUserTokenRotatedByTheAdministratorReplacesTheOldOne() {
        String fresh = api.call("POST", "/users/1/token", ApiServer.ADMIN, null).json().get("token").asText();

        assertThat(api.call("GET", "/users/1", fresh, null).status()).isEqualTo(200);
    }

    @Test
    void corsIsOffUnlessConfigured() {
        var preflight = api.send("OPTIONS", "/users", null, null, null, "Origin", "http://console.example",
                "Access-Control-Request-Method", "GET");

        assertThat(preflight.header("Access-Control-Allow-Origin")).isNull();
    }

    @Test
    void corsAllowsTheConfiguredOrigins() {
        ApiServer withCors = new ApiServer(60, List.of("http://console.example"));
        try {
            var preflight = withCors.send("OPTIONS", "/users", null, null, null, "Origin", "http://console.example",
                    "Access-Control-Request-Method", "GET");
            var other = withCors.send("OPTIONS", "/users", null, null, null, "Origin", "http://elsewhere.example",
                    "Access-Control-Request-Method", "GET");

            assertThat(preflight.header("Access-Control-Allow-Origin")).isEqualTo("http://console.example");
            assertThat(other.header("Access-Control-Allow-Origin")).isNull();
        } finally {
            withCors.close();
        }
    }

    @Test
    void aRotatedAdministratorTokenIsAcceptedAndTheOldOneRefused() {
        ApiServer generated = new ApiServer(60, List.of(), false);
        try {
            String old = generated.services.tokens().rotateAdmin();
            String rotated = generated.services.tokens().rotateAdmin();

            assertThat(generated.call("GET", "/users", rotated, null).status()).isEqualTo(200);
            assertThat(generated.call("GET", "/users", old, null).status()).isEqualTo(401);
        } finally {
            generated.close();
        }
    }

    @Test
    void aSaveOfAnAudienceNamesTheAddressesNobodyHasYet() {
        var made = api.call("POST", "/meetings", ApiServer.ADMIN,
                "{\"title\":\"Typo\",\"isPublic\":false,\"audience\":[\"john.doe@example.com\",\"jane.smtih@example.com\"]}");
        var patched = api.call("PATCH", "/meetings/" + made.json().path("id").asLong(), ApiServer.ADMIN,
                "{\"audience\":[\"john.doe@example.com\",\"jane.smith@example.com\"]}");

        assertThat(made.status()).isEqualTo(201);
        assertThat(made.json().path("audienceWithoutUser")).extracting(n -> n.asText()).containsExactly("jane.smtih@example.com");
        assertThat(patched.json().has("audienceWithoutUser")).as("every address is someone's now").isFalse();
        assertThat(api.call("GET", "/meetings/" + made.json().path("id").asLong(), ApiServer.ADMIN, null).json()
                .has("audienceWithoutUser")).as("said to whoever saved it, not on every read").isFalse();
    }
}
