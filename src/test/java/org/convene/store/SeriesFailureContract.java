package org.convene.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.convene.model.MeetingDetails;
import org.convene.series.Recurrences;
import org.convene.series.Series;
import org.convene.series.SeriesRule;
import org.convene.series.port.SeriesStore;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Series when something fails, on a real Redis: a series the horizon keeper cannot top up holds up no other,
 * is counted, logged once and tried again within the hour; a creation that fails part-way leaves nothing.
 * Now is Monday 2026-01-05 10:00 UTC.
 */
abstract class SeriesFailureContract extends SeriesStoreContract {

    /** A series of a meeting of its own that can no longer be read (its length garbled), due before any other. */
    Series brokenSeries() throws Exception {
        long other = convene.createMeeting(new MeetingDetails("Broken", "", true, List.of())).id();
        Series broken = recurrences.create(other, SeriesRule.of(TUESDAYS, "2026-01-06T11:00", "UTC", 30));
        redis().async().hset(Keys.meeting(other) + ":series:" + broken.id(), "minutes", "not a number").get();
        store.series().topUpAt(other, broken.id(), T0);
        return broken;
    }

    @Test
    void aSeriesThatCannotBeToppedUpDoesNotHoldUpTheOthers() throws Exception {
        Series healthy = recurrences.create(meeting, SeriesRule.of(TUESDAYS, "2026-01-06T09:00", "UTC", 30));
        brokenSeries();
        clock.advance(Duration.ofDays(30));

        recurrences.topUp();

        assertThat(recurrences.get(meeting, healthy.id()).occurrences().lastKey())
                .isEqualTo(Instant.parse("2026-03-31T09:00:00Z"));
    }

    @Test
    void aSeriesThatCannotBeToppedUpIsCountedLoggedOnceAndTriedAgainWithinTheHour() throws Exception {
        Logger log = (Logger) LoggerFactory.getLogger(Recurrences.class);
        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        logged.start();
        log.addAppender(logged);
        try {
            Series broken = brokenSeries();

            recurrences.topUp();
            recurrences.topUp();
            clock.advance(Recurrences.RETRY_FAILED);
            recurrences.topUp();

            assertThat(recurrences.topUpFailures()).as("once at first, not on the second look, again an hour on").isEqualTo(2);
            assertThat(logged.list).filteredOn(e -> e.getLevel() == Level.WARN).singleElement()
                    .satisfies(e -> assertThat(e.getFormattedMessage()).contains("series " + broken.id() + " of meeting"));
        } finally {
            log.detachAppender(logged);
        }
    }

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
