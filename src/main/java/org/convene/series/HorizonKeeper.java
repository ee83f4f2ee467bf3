package org.convene.series;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps every series' occurrences made as far as the horizon reaches, on a thread of its own: every
 * {@code every} it tops up the series due. Any number of nodes may run one: an occurrence another node
 * made is recognised by its recurrence id, never made twice. A series that fails holds up no other
 * ({@link Recurrences#topUp()}); what is logged here is a top-up that could not start at all.
 */
public final class HorizonKeeper implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(HorizonKeeper.class);
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "convene-series");
        t.setDaemon(true);
        return t;
    });

    /** Starts topping up {@code recurrences} every {@code every}, the first time at once. */
    public HorizonKeeper(Recurrences recurrences, Duration every) {
        thread.scheduleWithFixedDelay(() -> {
            try {
                recurrences.topUp();
            } catch (RuntimeException e) {
                LOG.warn("Series could not be topped up (tried again in {} s): {}", every.toSeconds(), e.getMessage());
            }
        }, 0, every.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
