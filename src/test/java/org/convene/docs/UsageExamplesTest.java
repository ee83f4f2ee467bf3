package org.convene.docs;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.convene.app.Node;
import org.convene.app.Settings;
import org.convene.bench.BenchResult;
import org.convene.bench.BenchSettings;
import org.convene.bench.Benchmark;
import org.convene.bench.Meter;
import org.convene.bench.ScalingSeries;
import org.convene.core.Convene;
import org.convene.core.Services;
import org.convene.core.StreamAdmission;
import org.convene.http.ConveneServer;
import org.convene.http.ServerSettings;
import org.convene.http.live.FeedHub;
import org.convene.http.live.SseStream;
import org.convene.model.JoinResult;
import org.convene.model.MeetingDetails;
import org.convene.model.MeetingInstance;
import org.convene.model.StreamPosition;
import org.convene.model.TimeWindow;
import org.convene.model.User;
import org.convene.model.UserDetails;
import org.convene.schedule.InstanceScheduler;
import org.convene.schedule.TransitionStore;
import org.convene.store.RedisConnection;
import org.convene.store.RedisStore;
import org.convene.store.StoreSession;
import org.junit.jupiter.api.Test;

/**
 * Every usage example in the Javadoc compiles: each is written out below, in a method named after its
 * class ({@code exampleOf<Class>}), which the compiler checks; the test holds each Javadoc example to
 * its method, line for line, so that neither can change without the other.
 */
class UsageExamplesTest {
    private static final Pattern EXAMPLE = Pattern.compile("<pre>\\{@code\\n(.*?)\\n \\* }</pre>", Pattern.DOTALL);
    private static final Path MAIN = Path.of("src/main/java");
    private static final Path HERE = Path.of("src/test/java/org/convene/docs/UsageExamplesTest.java");

    @Test
    void everyJavadocExampleIsCompiledHereLineForLine() throws IOException {
        String compiled = Files.readString(HERE);
        List<String> checked = new ArrayList<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher example = EXAMPLE.matcher(Files.readString(file));
                while (example.find()) {
                    String name = file.getFileName().toString().replace(".java", "");
                    String method = "exampleOf" + name + "(";
                    assertThat(compiled).as("a method " + method + "...) for the example in " + file).contains(method);
                    String body = compiled.substring(compiled.indexOf(method));
                    body = body.substring(0, body.indexOf("\n    }\n"));
                    assertThat(normalized(body)).as("the example in " + file + ", as compiled here")
                            .contains(normalized(example.group(1).replaceAll("(?m)^ \\* ?", "")));
                    checked.add(name);
                }
            }
        }
        assertThat(checked).as("examples found").hasSizeGreaterThanOrEqualTo(10);
    }

    private static String normalized(String code) {
        return code.replaceAll("\\s+", " ").trim();
    }

    private static void exampleOfConvene(RedisStore store) throws Exception {
        Convene convene = new Convene(store, Clock.systemUTC());
        User john = convene.createUser(new UserDetails("John Doe", 25, "Male", "john.doe@example.com"));
        MeetingInstance standup = convene.createInstance(convene.createMeeting(new MeetingDetails("Standup", "",
                true, List.of())).id(), new TimeWindow(Instant.now(), Instant.now().plusSeconds(3600)));
        JoinResult joined = convene.join(john.id(), standup.id());
        convene.post(john.id(), standup.id(), "Hello, everyone!");
    }

    private static void exampleOfNode() {
        try (Node node = Node.open(Settings.from(System.getenv()), false)) {
            node.services().convene().activeInstances();
        }
    }

    private static void exampleOfConveneServer(Services services, ServerSettings settings, PrometheusMeterRegistry registry) {
        ConveneServer server = ConveneServer.start(services, settings, registry, () -> true);
        System.out.println(server.url());
    }

    private static void exampleOfFeedHub(Convene convene, StreamAdmission admission, SseStream client, String token,
                                         long userId, long instanceId) {
        FeedHub hub = new FeedHub(convene, admission, Duration.ofSeconds(1), Duration.ofSeconds(15), Duration.ofSeconds(1));
        hub.subscribeInstance(client, token, userId, instanceId, StreamPosition.START, entry -> false);
    }

    private static void exampleOfInstanceScheduler(TransitionStore transitions) {
        try (InstanceScheduler scheduler = new InstanceScheduler(transitions, Clock.systemUTC(), Duration.ofMillis(200),
                transition -> System.out.println(transition))) {
            scheduler.start();
        }
    }

    private static void exampleOfRedisConnection() {
        try (RedisConnection redis = RedisConnection.open("redis://localhost:6379", false)) {
            Convene convene = new Convene(new RedisStore(redis, 1), Clock.systemUTC());
        }
    }

    private static void exampleOfStoreSession() {
        try (StoreSession session = StoreSession.open(Settings.from(System.getenv()).store())) {
            Convene convene = new Convene(session.store(), Clock.systemUTC());
        }
    }

    private static void exampleOfRedisStore(String url) {
        RedisStore store = new RedisStore(RedisConnection.open(url, false), 1);
        Convene convene = new Convene(store, Clock.systemUTC());
    }

    private static void exampleOfScalingSeries(Convene convene, Meter meter, BenchSettings settings) throws Exception {
        ScalingSeries.Result series = ScalingSeries.run(convene, meter, settings, List.of(1_000L, 1_000_000L), null, null, 0);
        System.out.println(series.table());
    }

    private static void exampleOfBenchmark(Convene convene, Meter meter) throws Exception {
        BenchResult result = Benchmark.run(convene, meter, new BenchSettings(2_000, 200, 0.3, 32, Duration.ofSeconds(30), 1));
        System.out.println(result.table());
    }
}
