package org.convene.cli;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.convene.http.ConveneServer;
import org.convene.http.ServerSettings;
import org.convene.schedule.InstanceScheduler;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code convene serve}: the HTTP API and the scheduler in one process, until stopped. */
@Command(name = "serve", description = "Serve the REST API and run the scheduler until stopped (Ctrl-C).",
        footer = {"", "Settings: CONVENE_HTTP_HOST, CONVENE_HTTP_PORT, CONVENE_ADMIN_TOKEN and more; see README.md."})
final class ServeCommand implements Callable<Integer> {
    @ParentCommand
    ConveneCommand root;

    @Override
    public Integer call() throws InterruptedException {
        ServerSettings settings = ServerSettings.from(root.context.env());
        root.context.stayUp();
        var store = root.context.store();
        PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        Timer lag = Timer.builder("convene_scheduler_lag").description("From a start or end falling due to its transition")
                .publishPercentileHistogram().register(metrics);
        InstanceScheduler scheduler = new InstanceScheduler(store, root.context.clock(), Duration.ofMillis(200), t -> {
            Counter.builder("convene_scheduler_transitions").tag("kind", t.kind().name().toLowerCase())
                    .register(metrics).increment();
            lag.record(Duration.between(t.dueAt(), root.context.clock().instant()));
        });
        scheduler.start();
        ConveneServer server;
        try {
            server = ConveneServer.start(root.convene(), store, store, settings, metrics, scheduler::isRunning);
        } catch (RuntimeException e) {
            scheduler.close();
            throw e;
        }
        PrintWriter out = root.spec.commandLine().getOut();
        out.println("Convene is serving on " + server.url() + " (data: " + root.context.description() + ")");
        out.println(server.generatedAdminToken()
                .map(token -> "Admin token, shown only now (only its hash is kept): " + token)
                .orElse(settings.adminToken().isPresent() ? "Admin token: the one in CONVENE_ADMIN_TOKEN"
                        : "Admin token: the one made at the first start; 'convene admin-token --rotate' makes a new one"));
        out.println("Web console: open " + server.url() + "/ and sign in with the token; API docs: " + server.url() + "/docs");
        out.flush();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            scheduler.close();
            root.context.close();
            stopped.countDown();
        }, "convene-shutdown"));
        stopped.await();
        return 0;
    }
}
