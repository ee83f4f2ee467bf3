package org.convene.testing;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.convene.app.Node;
import org.convene.app.Settings;
import org.convene.core.Services;
import org.convene.http.ConveneServer;
import org.convene.http.ServerSettings;
import org.convene.store.RedisStore;

/** The one way tests start a Convene server: on a store and a clock of theirs, wired by the composition root. */
public final class TestServers {
    private TestServers() {}

    /**
     * Test defaults on an ephemeral port: failed sign-ins practically unlimited, since the access tests
     * send hundreds of bad tokens on purpose (the limit has a test of its own).
     */
    public static ServerSettings settings(Optional<String> adminToken, int chatPerMinute, List<String> corsOrigins) {
        ServerSettings d = ServerSettings.defaults(new ServerSettings.Listen("127.0.0.1", 0), adminToken);
        ServerSettings.Admission a = d.admission();
        return d.with(new ServerSettings.Admission(a.adminToken(), corsOrigins, a.tokenCache(), a.metricsToken(),
                a.metricsPublic())).with(new ServerSettings.Limits(d.limits().maxBodyBytes(), chatPerMinute, 1_000_000));
    }

    /** The application's services on {@code store} and {@code clock}, with {@code server}'s settings. */
    public static Services services(RedisStore store, Clock clock, ServerSettings server) {
        return Node.on(store, Settings.from(Map.of()).withServer(server), clock).services();
    }

    /** A server on an ephemeral or given port; {@code ready} says whether a scheduler runs. */
    public static ConveneServer start(RedisStore store, Clock clock, ServerSettings server, BooleanSupplier ready) {
        return ConveneServer.start(services(store, clock, server), server,
                new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), ready);
    }
}
