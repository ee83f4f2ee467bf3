package org.convene.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * The HTTP workload's client when wrk is not installed: the JDK's HttpClient, in a JVM of its own,
 * so that the client's CPU (about twenty times wrk's per request) is not taken from the server's.
 * The population is planned from the same settings (ids 1..n), so the child needs only those; it
 * prints its result one row a line, which {@link #run} reads back.
 */
public final class HttpLoad {
    private HttpLoad() {}

    /** Runs the workload against {@code server} from a child JVM; the population must already be written. */
    static BenchResult run(URI server, String token, BenchSettings settings) throws IOException, InterruptedException {
        Process child = OwnJvm.start(HttpLoad.class, server.toString(), token,
                Integer.toString(settings.users()), Integer.toString(settings.meetings()),
                Double.toString(settings.privateShare()), Integer.toString(settings.callers()),
                Long.toString(settings.duration().toMillis()), Long.toString(settings.seed()),
                Long.toString(settings.warmup().toMillis()));
        child.getOutputStream().close();
        List<String> lines = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) lines.add(line);
        }
        if (!child.waitFor(60, TimeUnit.SECONDS) || child.exitValue() != 0 || lines.isEmpty()) {
            child.destroyForcibly();
            throw new IllegalStateException("the HTTP load's own JVM failed: " + String.join(" / ", lines));
        }
        String[] total = lines.get(0).split(" ");
        List<BenchResult.Row> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(" ");
            rows.add(new BenchResult.Row(f[0], Long.parseLong(f[1]), Long.parseLong(f[2]), Long.parseLong(f[3]),
                    Long.parseLong(f[4]), Long.parseLong(f[5]), Double.parseDouble(f[6]), Long.parseLong(f[7]),
                    Long.parseLong(f[8]), Long.parseLong(f[9]), -1, -1));
        }
        return new BenchResult("Convene (HTTP API, JDK HttpClient in a JVM of its own)", settings,
                Double.parseDouble(total[0]), rows, Long.parseLong(total[1]));
    }

    /** The child: runs the workload and prints {@code <seconds> <p99>}, then one line per operation. */
    public static void main(String[] args) throws Exception {
        BenchSettings settings = new BenchSettings(Integer.parseInt(args[2]), Integer.parseInt(args[3]),
                Double.parseDouble(args[4]), Integer.parseInt(args[5]), Duration.ofMillis(Long.parseLong(args[6])),
                Long.parseLong(args[7]), Duration.ofMillis(Long.parseLong(args[8])));
        BenchResult result = Benchmark.run("http", new HttpTarget(URI.create(args[0]), args[1]),
                Population.plan(settings), Meter.NONE, settings);
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%f %d%n", result.seconds(), result.p99()));
        for (BenchResult.Row r : result.rows()) {
            out.append(String.format(Locale.ROOT, "%s %d %d %d %d %d %f %d %d %d%n", r.operation(), r.issued(), r.ok(),
                    r.refused(), r.failed(), r.recorded(), r.perSecond(), r.p50(), r.p99(), r.p999()));
        }
        System.out.print(out);
        System.out.flush();
        System.exit(0);
    }
}
