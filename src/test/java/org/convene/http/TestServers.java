package org.convene.http;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.convene.app.Node;
import org.convene.app.Settings;
import org.convene.core.Services;
import org.convene.store.RedisMeetingStore;

/** The one way tests start a Convene server: on a store and a clock of theirs, wired by the composition root. */
public final class TestServers {
    private TestServers() {}

    /** The application's services on {@code store} and {@code clock}, with {@code server}'s settings. */
    public static Services services(RedisMeetingStore store, Clock clock, ServerSettings server) {
        return Node.on(store, Settings.from(Map.of()).withServer(server), clock).services();
    }

    /** A server on an ephemeral or given port; {@code ready} says whether a scheduler runs. */
    public static ConveneServer start(RedisMeetingStore store, Clock clock, ServerSettings server, BooleanSupplier ready) {
        return ConveneServer.start(services(store, clock, server), server,
                new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), ready);
    }
}
