package org.convene.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Period;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import org.convene.model.FeedKind;
import org.convene.model.MeetingDetails;
import org.convene.model.MeetingInstance;
import org.convene.model.Presence;
import org.convene.model.RefusedException;
import org.convene.model.StreamPosition;
import org.convene.model.TimeWindow;
import org.convene.schedule.InstanceScheduler;
import org.convene.schedule.Transition;
import org.convene.series.Recurrences;
import org.convene.series.Series;
import org.convene.series.SeriesRule;
import org.convene.view.CalendarFeed;
import org.junit.jupiter.api.Test;

/**
 * Recurring series on a real Redis, on the adjustable clock (now is Monday 2026-01-05 10:00 UTC): the
 * occurrences within the horizon made as instances, the horizon topped up over simulated months (by two
 * schedulers at once), an overlap refused by name, a deletion that keeps what ran, and the iCalendar feed
 * read back by ical4j to the same occurrences.
 */
abstract class SeriesContract extends SeriesStoreContract {

    List<MeetingInstance> occurrences(long seriesId) {
        return convene.instancesOf(meeting).stream().filter(i -> i.series() != null && i.series().seriesId() == seriesId).toList();
    }

    @Test
    void aSeriesMakesItsOccurrencesWithinTheHorizonAsInstances() {
        Series series = recurrences.create(meeting, SeriesRule.of(TUESDAYS, "2026-01-06T09:00", "UTC", 30));

        List<MeetingInstance> made = occurrences(series.id());
        assertThat(made).hasSize(9);
        assertThat(made.get(0).from()).isEqualTo(Instant.parse("2026-01-06T09:00:00Z"));
        assertThat(made.get(8).from()).isEqualTo(Instant.parse("2026-03-03T09:00:00Z"));
        assertThat(made).allSatisfy(i -> assertThat(i.series().recurrenceId()).isEqualTo(i.from()));
        assertThat(made.stream().map(MeetingInstance::orderId)).doesNotHaveDuplicates();
        assertThat(series.occurrences()).hasSize(9);
    }

    @Test
    void theHorizonMovesOnOverSimulatedMonthsAndTwoSchedulersMakeEachOccurrenceOnce() {
        Series series = recurrences.create(meeting, SeriesRule.of(TUESDAYS, "2026-01-06T09:00", "UTC", 30));
        Recurrences other = new Recurrences(new RedisStore(redis(), 1).series(), clock);

        for (int month = 0; month < 4; month++) {
            clock.advance(Duration.ofDays(30));
            recurrences.topUp();
            other.topUp();
        }

        List<MeetingInstance> made = occurrences(series.id());
        Instant reach = clock.instant().plus(SeriesRule.HORIZON);
        assertThat(made.stream().map(i -> i.series().recurrenceId())).doesNotHaveDuplicates();
        assertThat(made.get(made.size() - 1).from()).isBefore(reach).isAfter(reach.minus(Duration.ofDays(7)));
        assertThat(made).hasSize((int) Duration.between(Instant.parse("2026-01-06T09:00:00Z"), reach).toDays() / 7 + 1);
    }

    @Test
    void aSeriesThatWouldOverlapAnInstanceIsRefusedNamingItAndMakesNothing() {
        MeetingInstance single = convene.createInstance(meeting, new TimeWindow(Instant.parse("2026-01-20T09:15:00Z"),
                Instant.parse("2026-01-20T10:00:00Z")));

        assertThatThrownBy(() -> recurrences.create(meeting, SeriesRule.of(TUESDAYS, "2026-01-06T09:00", "UTC", 30)))
                .isInstanceOf(RefusedException.class).hasMessageContaining("2026-01-20T09:00:00Z")
                .hasMessageContaining("instance " + single.id());
        assertThat(recurrences.of(meeting)).isEmpty();
        assertThat(convene.instancesOf(meeting)).hasSize(1);
    }

    @Test
    void deletingASeriesRemovesWhatIsToComeAndKeepsWhatRan() {
        Series series = recurrences.create(meeting, SeriesRule.of(TUESDAYS, "2026-01-06T09:00", "UTC", 30));
        long first = occurrences(series.id()).get(0).id();
        clock.advance(Duration.ofDays(1)); // the first occurrence has run

        List<Long> deleted = recurrences.delete(meeting, series.id());

        assertThat(deleted).hasSize(8).doesNotContain(first);
        assertThat(convene.instancesOf(meeting)).extracting(MeetingInstance::id).containsExactly(first);
        assertThatThrownBy(() -> recurrences.get(meeting, series.id())).hasMessage("Invalid series ID");
    }

    @Test
    void theCalendarReadsBackToTheSameOccurrencesWithAMoveAndARemoval() throws Exception {
        Series series = recurrences.create(meeting, SeriesRule.of("FREQ=WEEKLY;BYDAY=TU;COUNT=4", "2026-01-06T09:00",
                "Europe/Athens", 30));
        List<MeetingInstance> made = occurrences(series.id());
        convene.deleteInstance(made.get(1).id());
        convene.updateInstance(made.get(2).id(), new TimeWindow(Instant.parse("2026-01-21T12:00:00Z"),
                Instant.parse("2026-01-21T12:30:00Z")));
        MeetingInstance single = convene.createInstance(meeting, new TimeWindow(Instant.parse("2026-02-10T15:00:00Z"),
                Instant.parse("2026-02-10T16:00:00Z")));

        String ics = CalendarFeed.of(convene.meeting(meeting), recurrences.of(meeting), convene.instancesOf(meeting),
                clock.instant());
        Calendar calendar = new CalendarBuilder().build(new StringReader(ics));

        List<VEvent> events = calendar.getComponents(Component.VEVENT);
        VEvent master = events.stream().filter(e -> e.getProperty(Property.RRULE).isPresent()).findFirst().orElseThrow();
        Set<Instant> fromRule = master.<ZonedDateTime>calculateRecurrenceSet(new Period<>(
                        ZonedDateTime.parse("2026-01-01T00:00:00Z"), ZonedDateTime.parse("2026-03-01T00:00:00Z")))
                .stream().map(p -> Instant.from(p.getStart())).collect(Collectors.toCollection(TreeSet::new));
        assertThat(fromRule).as("the rule less its EXDATE").containsExactly(Instant.parse("2026-01-06T07:00:00Z"),
                Instant.parse("2026-01-20T07:00:00Z"), Instant.parse("2026-01-27T07:00:00Z"));
        VEvent moved = events.stream().filter(e -> e.getProperty(Property.RECURRENCE_ID).isPresent()).findFirst().orElseThrow();
        assertThat(moved.getProperty(Property.UID).orElseThrow().getValue())
                .isEqualTo(master.getProperty(Property.UID).orElseThrow().getValue());
        assertThat(Instant.from((Temporal) moved.getDateTimeStart().getDate()))
                .isEqualTo(Instant.parse("2026-01-21T12:00:00Z"));
        assertThat(events).anySatisfy(e -> assertThat(e.getProperty(Property.UID).orElseThrow().getValue())
                .isEqualTo("instance-" + single.id() + "@convene"));
        assertThat(ics).contains("SUMMARY:Weekly review").contains("DESCRIPTION:Plans\\, risks");
        List<VTimeZone> zones = calendar.getComponents(Component.VTIMEZONE);
        assertThat(zones).singleElement().satisfies(z ->
                assertThat(z.getProperty(Property.TZID).orElseThrow().getValue()).isEqualTo("Europe/Athens"));
    }

    @Test
    void aCancelledOccurrenceIsDeletedAndNeverMadeAgain() {
        Series series = recurrences.create(meeting, SeriesRule.of(TUESDAYS, "2026-01-06T09:00", "UTC", 30));
        Instant third = Instant.parse("2026-01-20T09:00:00Z");
        long instance = series.occurrences().get(third);

        recurrences.cancel(meeting, series.id(), third);
        clock.advance(Duration.ofDays(2));
        recurrences.topUp();

        assertThat(convene.instancesOf(meeting)).extracting(MeetingInstance::id).doesNotContain(instance);
        Series after = recurrences.get(meeting, series.id());
        assertThat(after.occurrences()).doesNotContainKey(third);
        assertThat(after.cancelled()).containsExactly(third);
        assertThat(after.sequence()).isPositive();
    }

    @Test
    void anOccurrenceNotMadeYetCanBeCancelledAndIsSkippedWhenTheHorizonReachesIt() {
        Series series = recurrences.create(meeting, SeriesRule.of(TUESDAYS, "2026-01-06T09:00", "UTC", 30));
        Instant later = Instant.parse("2026-04-07T08:00:00Z").plus(Duration.ofHours(1));

        recurrences.cancel(meeting, series.id(), later);
        clock.advance(Duration.ofDays(60));
        recurrences.topUp();

        assertThat(recurrences.get(meeting, series.id()).occurrences()).doesNotContainKey(later)
                .containsKey(later.minus(Duration.ofDays(7))).containsKey(later.plus(Duration.ofDays(7)));
    }

    @Test
    void anOccurrenceThatRanCannotBeCancelled() {
        Series series = recurrences.create(meeting, SeriesRule.of(TUESDAYS, "2026-01-06T09:00", "UTC", 30));
        clock.advance(Duration.ofDays(1));

        assertThatThrownBy(() -> recurrences.cancel(meeting, series.id(), Instant.parse("2026-01-06T09:00:00Z")))
                .isInstanceOf(RefusedException.class).hasMessageContaining("has ended");
    }

    @Test
    void aMovedOccurrenceKeepsItsRecurrenceIdAndTheSeriesCountsTheChange() {
        Series series = recurrences.create(meeting, SeriesRule.of(TUESDAYS, "2026-01-06T09:00", "UTC", 30));
        Instant second = Instant.parse("2026-01-13T09:00:00Z");
        long instance = recurrences.occurrenceInstance(meeting, series.id(), second);

        MeetingInstance moved = convene.updateInstance(instance, new TimeWindow(second.plus(Duration.ofHours(3)),
                second.plus(Duration.ofHours(4))));

        assertThat(moved.series().recurrenceId()).isEqualTo(second);
        assertThat(recurrences.get(meeting, series.id()).sequence()).isEqualTo(series.sequence() + 1);
    }

    @Test
    void aSplitEndsTheSeriesBeforeAnOccurrenceAndANewRuleTakesOverFromIt() {
        Series series = recurrences.create(meeting, SeriesRule.of("FREQ=WEEKLY;BYDAY=TU;COUNT=6", "2026-01-06T09:00", "UTC", 30));
        Instant fourth = Instant.parse("2026-01-27T09:00:00Z");
        long first = series.occurrences().get(Instant.parse("2026-01-06T09:00:00Z"));

        Series next = recurrences.split(meeting, series.id(), fourth, Recurrences.changed(series, fourth, null, null, null, 45));

        Series old = recurrences.get(meeting, series.id());
        assertThat(old.occurrences().keySet()).containsExactly(Instant.parse("2026-01-06T09:00:00Z"),
                Instant.parse("2026-01-13T09:00:00Z"), Instant.parse("2026-01-20T09:00:00Z"));
        assertThat(old.occurrences()).containsEntry(Instant.parse("2026-01-06T09:00:00Z"), first);
        assertThat(old.rule().rrule()).contains("UNTIL=20260127T085959Z").doesNotContain("COUNT");
        assertThat(next.rule().rrule()).contains("COUNT=3");
        assertThat(next.occurrences().keySet()).containsExactly(fourth, Instant.parse("2026-02-03T09:00:00Z"),
                Instant.parse("2026-02-10T09:00:00Z"));
        assertThat(occurrences(next.id())).allSatisfy(i -> assertThat(Duration.between(i.from(), i.to())).isEqualTo(Duration.ofMinutes(45)));
    }

    @Test
    void aMeetingsReminderIsSentOnceBeforeEachInstanceWhateverTheNumberOfSchedulers() {
        MeetingInstance soon = remindedInstanceAtNoon();
        var one = new InstanceScheduler(store.transitions(), clock, Duration.ofMillis(50), t -> { });
        var two = new InstanceScheduler(new RedisStore(redis(), 1).transitions(), clock, Duration.ofMillis(50), t -> { });

        clock.set(Instant.parse("2026-01-05T11:44:59Z"));
        assertThat(one.tick()).noneMatch(t -> t.kind() == Transition.Kind.REMINDED);
        clock.set(Instant.parse("2026-01-05T11:45:00Z"));
        var sent = new ArrayList<Transition>(one.tick());
        sent.addAll(two.tick());
        sent.addAll(one.tick());

        assertThat(sent).filteredOn(t -> t.kind() == Transition.Kind.REMINDED).singleElement()
                .satisfies(t -> assertThat(t.instanceId()).isEqualTo(soon.id()));
        assertThat(convene.activity(soon.id(), StreamPosition.START, 100))
                .filteredOn(a -> a.kind() == FeedKind.REMINDER).hasSize(1);
        assertThat(convene.lifecycle(StreamPosition.START, 1000))
                .filteredOn(c -> c.kind() == FeedKind.REMINDER && c.instanceId() == soon.id()).hasSize(1);
    }

    @Test
    void aMeetingWithoutAReminderSendsNone() {
        MeetingInstance soon = convene.createInstance(meeting, new TimeWindow(Instant.parse("2026-01-05T12:00:00Z"),
                Instant.parse("2026-01-05T12:30:00Z")));
        clock.set(Instant.parse("2026-01-05T11:59:00Z"));

        assertThat(new InstanceScheduler(store.transitions(), clock, Duration.ofMillis(50), t -> { }).tick())
                .noneMatch(t -> t.kind() == Transition.Kind.REMINDED && t.instanceId() == soon.id());
    }

    @Test
    void anInstanceWhoseEndMovesIsNotRemindedOfAgain() {
        MeetingInstance soon = remindedInstanceAtNoon();
        var scheduler = new InstanceScheduler(store.transitions(), clock, Duration.ofMillis(50), t -> { });
        clock.set(Instant.parse("2026-01-05T11:50:00Z"));
        scheduler.tick();

        convene.updateInstance(soon.id(), new TimeWindow(soon.from(), soon.to().plus(Duration.ofMinutes(30))));

        assertThat(scheduler.tick()).noneMatch(t -> t.kind() == Transition.Kind.REMINDED);
    }

    @Test
    void theOccurrencesThatRanStayInTheCalendarWhenTheirSeriesIsDeleted() throws Exception {
        Series series = recurrences.create(meeting, SeriesRule.of(TUESDAYS, "2026-01-06T09:00", "UTC", 30));
        long first = series.occurrences().get(Instant.parse("2026-01-06T09:00:00Z"));
        clock.advance(Duration.ofDays(1));
        recurrences.delete(meeting, series.id());

        String ics = CalendarFeed.of(convene.meeting(meeting), recurrences.of(meeting), convene.instancesOf(meeting),
                clock.instant());

        assertThat(ics).contains("UID:instance-" + first + "@convene");
    }

    /** The meeting asks for a reminder 15 minutes ahead; an instance of it from 12:00 to 12:30 on the first day. */
    private MeetingInstance remindedInstanceAtNoon() {
        var details = convene.meeting(meeting).details();
        convene.updateMeeting(meeting, new MeetingDetails(details.title(), details.description(), true,
                List.of(), 0, Presence.OFF, 15), OptionalLong.empty());
        return convene.createInstance(meeting, new TimeWindow(Instant.parse("2026-01-05T12:00:00Z"),
                Instant.parse("2026-01-05T12:30:00Z")));
    }
}
