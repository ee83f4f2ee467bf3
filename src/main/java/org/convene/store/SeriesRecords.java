package org.convene.store;

import io.lettuce.core.Limit;
import io.lettuce.core.Range;
import java.time.Duration;
import java.time.Instant;
import org.convene.model.Acting;
import java.util.concurrent.CompletableFuture;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.convene.model.MeetingInstance;
import org.convene.model.Refusal;
import org.convene.model.SeriesLink;
import org.convene.model.TimeWindow;
import org.convene.series.Series;
import org.convene.series.SeriesRule;
import org.convene.series.port.SeriesStore;

/**
 * Recurring series in their meeting's slot (lua/meeting/_lib.lua describes the keys), their occurrences
 * made as instances by {@link MeetingRecords}, and in the catalog when each is next topped up.
 */
final class SeriesRecords implements SeriesStore {
    private static final Script SAVE = Script.load("meeting", "series_save");
    private static final Script GET = Script.load("meeting", "series_get").reading();
    private static final Script UNTIL = Script.load("meeting", "series_until");
    private static final Script DELETE = Script.load("meeting", "series_delete").announcing();
    private static final Script CHECK = Script.load("meeting", "instance_check").reading();
    private static final Script CANCEL = Script.load("meeting", "series_cancel").announcing();
    private static final Script CUT = Script.load("meeting", "series_cut").announcing();
    private static final String NEXT_ID = Keys.CATALOG + ":next:series";
    private static final String DUE = Keys.CATALOG + ":series-due";

    private final RedisCalls calls;
    private final MeetingRecords meetings;
    private final DueTimes due;

    SeriesRecords(RedisCalls calls, MeetingRecords meetings, DueTimes due) {
        this.calls = calls;
        this.meetings = meetings;
        this.due = due;
    }

    /** series_save's answer: the series' hash. */
    private record SaveReply(Map<String, String> series) {
        static SaveReply of(Reply reply) {
            return new SaveReply(reply.ok().hash(1));
        }
    }

    /** series_get's answer: each series asked for, with its occurrences made and its cancelled ones. */
    private record GetReply(List<Series> all) {
        static GetReply of(Reply reply) {
            Reply ok = reply.ok();
            List<Series> found = new ArrayList<>();
            for (int i = 1; i < ok.size(); i++) {
                List<Object> parts = ok.list(i);
                found.add(SeriesRecords.series(Reply.hash(parts.get(0)), Reply.hash(parts.get(1)), Reply.list(parts.get(2))));
            }
            return new GetReply(found);
        }
    }

    /** series_delete's and series_cut's answer: the instances deleted. */
    private record DeletedReply(List<Long> instances) {
        static DeletedReply of(Reply reply) {
            return new DeletedReply(reply.ok().numbers(1));
        }
    }

    /** series_cancel's answer: the instance deleted, if the occurrence was made. */
    private record CancelReply(Optional<Long> instance) {
        static CancelReply of(Reply reply) {
            Reply ok = reply.ok();
            return new CancelReply(ok.isNull(1) ? Optional.empty() : Optional.of(ok.number(1)));
        }
    }

    @Override
    public Series createSeries(long meetingId, SeriesRule rule, Instant now, Acting acting) {
        long id = calls.await(calls.commands.incr(NEXT_ID).toCompletableFuture());
        SaveReply saved = SaveReply.of(calls.await(run(meetingId, SAVE, acting, Long.toString(id),
                Long.toString(meetingId), RedisCalls.ms(now), rule.rrule(), rule.start().toString(), rule.zone().getId(),
                Long.toString(rule.length().toMinutes()))));
        return series(saved.series(), Map.of(), List.of());
    }

    /** Runs a series script with the actor's arguments after {@code args} (recorded), or without them (null: not). */
    private CompletableFuture<Reply> run(long meetingId, Script script, Acting acting, String... args) {
        if (acting == null) return calls.inMeeting(meetingId, script, args);
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(RedisCalls.actor(acting));
        return calls.audited(meetingId, script, all.toArray(String[]::new));
    }

    @Override
    public List<Series> seriesOf(long meetingId) {
        return read(meetingId, "");
    }

    @Override
    public Series series(long meetingId, long seriesId) {
        return read(meetingId, Long.toString(seriesId)).get(0);
    }

    private List<Series> read(long meetingId, String seriesId) {
        return GetReply.of(calls.await(calls.inMeeting(meetingId, GET, seriesId))).all();
    }

    @Override
    public List<Long> deleteSeries(long meetingId, long seriesId, Instant now, Acting acting) {
        List<Long> deleted = DeletedReply.of(calls.await(run(meetingId, DELETE, acting, Long.toString(seriesId),
                RedisCalls.ms(now)))).instances();
        deleted.forEach(id -> due.status(id, "missing"));
        return deleted;
    }

    @Override
    public Optional<Long> cancelOccurrence(long meetingId, long seriesId, Instant recurrenceId, Instant now, Acting acting) {
        Optional<Long> deleted = CancelReply.of(calls.await(run(meetingId, CANCEL, acting, Long.toString(seriesId),
                RedisCalls.ms(recurrenceId), RedisCalls.ms(now)))).instance();
        deleted.ifPresent(id -> due.status(id, "missing"));
        return deleted;
    }

    @Override
    public List<Long> cutSeries(long meetingId, long seriesId, String rrule, Instant at, Instant now, Acting acting) {
        List<Long> deleted = DeletedReply.of(calls.await(run(meetingId, CUT, acting, Long.toString(seriesId), rrule,
                RedisCalls.ms(now), RedisCalls.ms(at)))).instances();
        deleted.forEach(id -> due.status(id, "missing"));
        return deleted;
    }

    @Override
    public MeetingInstance makeOccurrence(long meetingId, TimeWindow window, SeriesLink link, Instant now) {
        return meetings.createInstance(meetingId, window, link, now, null);
    }

    @Override
    public void madeUntil(long meetingId, long seriesId, Instant until) {
        calls.await(calls.inMeeting(meetingId, UNTIL, Long.toString(seriesId), RedisCalls.ms(until))).ok();
    }

    @Override
    public void checkFree(long meetingId, TimeWindow window, Instant now) {
        calls.await(calls.inMeeting(meetingId, CHECK, RedisCalls.ms(window.from()), RedisCalls.ms(window.to()),
                RedisCalls.ms(now))).ok();
    }

    @Override
    public List<long[]> seriesDue(Instant now, int limit) {
        List<String> members = calls.await(calls.commands.zrangebyscore(DUE, Range.create(Double.NEGATIVE_INFINITY,
                (double) now.toEpochMilli()), Limit.create(0, limit)).toCompletableFuture());
        return members.stream().map(m -> new long[] {Long.parseLong(m.substring(0, m.indexOf(':'))),
                Long.parseLong(m.substring(m.indexOf(':') + 1))}).toList();
    }

    @Override
    public void topUpAt(long meetingId, long seriesId, Instant when) {
        String member = meetingId + ":" + seriesId;
        calls.await(when == null ? calls.commands.zrem(DUE, member).toCompletableFuture()
                : calls.commands.zadd(DUE, (double) when.toEpochMilli(), member).toCompletableFuture());
    }

    private static Series series(Map<String, String> h, Map<String, String> occurrences, List<Object> cancelled) {
        SeriesRule rule = new SeriesRule(h.get("rrule"), LocalDateTime.parse(h.get("start")), ZoneId.of(h.get("zone")),
                Duration.ofMinutes(Long.parseLong(h.get("minutes"))));
        TreeMap<Instant, Long> made = new TreeMap<>();
        occurrences.forEach((rid, iid) -> made.put(Replies.millis(rid), Long.parseLong(iid)));
        long until = Long.parseLong(h.getOrDefault("until", "0"));
        return new Series(Long.parseLong(h.get("id")), Long.parseLong(h.get("meetingId")), rule,
                Long.parseLong(h.getOrDefault("sequence", "0")), Replies.millis(h.get("createdAt")),
                until == 0 ? null : Instant.ofEpochMilli(until), made, cancelled.stream().map(c -> Replies.millis((String) c))
                        .collect(Collectors.toCollection(TreeSet::new)));
    }
}
