package org.convene.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.convene.series.Recurrences;
import org.convene.series.SeriesRule;
import org.convene.series.port.SeriesStore;
import org.junit.jupiter.api.Test;

/**
 * Series when something fails, on a real Redis: a creation that fails part-way leaves nothing.
 * Now is Monday 2026-01-05 10:00 UTC.
 */
abstract class SeriesFailureContract extends SeriesStoreContract {

    @Test
    void aCreationThatFailsPartWayLeavesNoSeriesAndNoInstances() {
        Recurrences failingOnTheThird = new Recurrences(failingAt(3, store.series()), clock);

        assertThatThrownBy(() -> failingOnTheThird.create(meeting, SeriesRule.of(TUESDAYS, "2026-01-06T09:00", "UTC", 30)))
                .hasMessage("Redis went away");

        assertThat(recurrences.of(meeting)).isEmpty();
        assertThat(convene.instancesOf(meeting)).isEmpty();
        assertThat(store.series().seriesDue(T0.plus(Duration.ofDays(365)), 100)).isEmpty();
    }

    /** The real store, except that its {@code nth} occurrence made fails as a lost connection would. */
    static SeriesStore failingAt(int nth, SeriesStore real) {
        AtomicInteger made = new AtomicInteger();
        return (SeriesStore) Proxy.newProxyInstance(SeriesStore.class.getClassLoader(), new Class<?>[] {SeriesStore.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("makeOccurrence") && made.incrementAndGet() == nth) {
                        throw new IllegalStateException("Redis went away");
                    }
                    try {
                        return method.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
