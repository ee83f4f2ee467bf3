package org.convene.bench;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * HTTP load from a separate process: wrk, driving the server from outside its JVM, so that the
 * client's CPU is not taken from the server's share (the JDK HttpClient in the same JVM used 19 times
 * wrk's CPU per request). The mixed workload is a list of requests in the operations' proportions,
 * drawn from the population, that each wrk connection cycles through; joins and leaves of users
 * picked at random are refused about as often as they succeed, and are counted as such.
 */
public final class WrkRun {
    private static final Path WRK = Path.of("/usr/bin/wrk");
    private static final int CONNECTIONS = 32;
    private static final int REQUESTS = 5_000;
    private static final Pattern RATE = Pattern.compile("Requests/sec:\\s+([0-9.]+)");
    private static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses:\\s+(\\d+)");
    private static final Pattern TOTAL = Pattern.compile("(\\d+) requests in");
    private static final Pattern P99 = Pattern.compile("99%\\s+([0-9.]+)(us|ms|s)");

    private WrkRun() {}

    /** Whether wrk is installed ({@code apt-get install wrk}; .ci/run installs it). */
    public static boolean available() {
        return Files.isExecutable(WRK);
    }

    /** What one wrk run measured. */
    public record Result(String what, double perSecond, long requests, long non2xx, double p99Ms) {
        String row() {
            return String.format(Locale.ROOT, "%-22s %9.0f req/s %9d requests %7d refused (4xx) %9.1f ms p99%n", what,
                    perSecond, requests, non2xx, p99Ms);
        }
    }

    /** The mixed workload, then {@code /active-instances} and {@code /join-times} alone, each for {@code each}. */
    public static List<Result> run(URI server, String adminToken, BenchSettings settings, Duration each) throws Exception {
        Population population = Population.plan(settings);
        List<Result> results = new ArrayList<>();
        results.add(wrk("mixed workload", server, adminToken, mixed(population, settings.seed()), each));
        results.add(wrk("GET /active-instances", server, adminToken, List.<String[]>of(new String[] {"GET", "/active-instances", ""}),
                each));
        results.add(wrk("GET /join-times", server, adminToken, List.<String[]>of(new String[] {"GET", "/join-times", ""}), each));
        return results;
    }

    /** The results as a table. */
    public static String table(List<Result> results) {
        StringBuilder out = new StringBuilder("Through the HTTP API, load from wrk in its own process (" + CONNECTIONS
                + " connections, 2 threads):\n");
        results.forEach(r -> out.append(r.row()));
        return out.toString();
    }

    private static List<String[]> mixed(Population population, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<String[]> requests = new ArrayList<>();
        for (int i = 0; i < REQUESTS; i++) {
            int meeting = random.nextInt(population.instances.size());
            long instance = population.instances.get(meeting);
            List<Long> admitted = population.admitted.get(meeting);
            long user = admitted.get(random.nextInt(admitted.size()));
            requests.add(switch (Operation.pick(random.nextInt(100))) {
                case JOIN -> new String[] {"POST", "/instances/" + instance + "/participants", "{\"userId\":" + user + "}"};
                case LEAVE -> new String[] {"DELETE", "/instances/" + instance + "/participants/" + user, ""};
                case POST -> new String[] {"POST", "/instances/" + instance + "/messages",
                        "{\"userId\":" + user + ",\"text\":\"" + Population.MESSAGE + "\"}"};
                case READ_CHAT -> new String[] {"GET", "/instances/" + instance + "/messages?before=9007199254740991&limit=50", ""};
                case PARTICIPANTS -> new String[] {"GET", "/instances/" + instance + "/participants", ""};
                case ACTIVE_INSTANCES -> new String[] {"GET", "/active-instances", ""};
                case JOIN_TIMES -> new String[] {"GET", "/join-times", ""};
            });
        }
        return requests;
    }

    private static Result wrk(String what, URI server, String token, List<String[]> requests, Duration each)
            throws Exception {
        Path script = Files.createTempFile("convene-wrk", ".lua");
        try {
            Files.writeString(script, lua(token, requests), StandardCharsets.UTF_8);
            Process process = new ProcessBuilder(WRK.toString(), "-t2", "-c" + CONNECTIONS, "-d" + each.toSeconds() + "s",
                    "--latency", "-s", script.toString(), server.toString()).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(each.toSeconds() + 30, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("wrk failed: " + output);
            }
            return new Result(what, number(RATE, output).orElse(0.0), number(TOTAL, output).orElse(0.0).longValue(),
                    number(NON_2XX, output).orElse(0.0).longValue(), p99Ms(output));
        } finally {
            Files.deleteIfExists(script);
        }
    }

    private static String lua(String token, List<String[]> requests) {
        StringBuilder lua = new StringBuilder("local requests = {\n");
        for (String[] r : requests) {
            lua.append("  {\"").append(r[0]).append("\", \"").append(r[1]).append("\", '").append(r[2]).append("'},\n");
        }
        lua.append("}\nlocal headers = {[\"Authorization\"] = \"Bearer ").append(token)
                .append("\", [\"Content-Type\"] = \"application/json\"}\n")
                .append("local i = 0\n")
                .append("init = function(args) i = math.random(#requests) end\n")
                .append("request = function()\n  i = i % #requests + 1\n  local r = requests[i]\n")
                .append("  local body = nil\n  if r[3] ~= '' then body = r[3] end\n")
                .append("  return wrk.format(r[1], r[2], headers, body)\nend\n");
        return lua.toString();
    }

    private static Optional<Double> number(Pattern pattern, String output) {
        Matcher m = pattern.matcher(output);
        return m.find() ? Optional.of(Double.parseDouble(m.group(1))) : Optional.empty();
    }

    private static double p99Ms(String output) {
        Matcher m = P99.matcher(output);
        if (!m.find()) return -1;
        double value = Double.parseDouble(m.group(1));
        return switch (m.group(2)) {
            case "us" -> value / 1000;
            case "s" -> value * 1000;
            default -> value;
        };
    }
}
