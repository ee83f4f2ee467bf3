package org.convene.store;

import static org.convene.store.RedisCalls.ms;

import io.lettuce.core.Limit;
import io.lettuce.core.Range;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.convene.core.port.Moderation;
import org.convene.model.Actor;
import org.convene.model.AuditRecord;
import org.convene.model.Ban;
import org.convene.model.GlobalRole;
import org.convene.model.Refusal;

/**
 * The moderation port: bans and co-hosts as fields of each meeting's hash, message deletion, chat clearing and
 * options (see lua/meeting/ban.lua, cohost.lua, message_delete.lua, chat_clear.lua, meeting_options.lua), each with
 * its audit record in the meeting's own chain, which is read here too.
 */
final class ModerationRecords implements Moderation {
    private static final Script BAN = Script.load("meeting", "ban").announcing().durable();
    private static final Script COHOST = Script.load("meeting", "cohost").announcing().durable();
    private static final Script MESSAGE_DELETE = Script.load("meeting", "message_delete").announcing();
    private static final Script CHAT_CLEAR = Script.load("meeting", "chat_clear").announcing();
    private static final Script OPTIONS = Script.load("meeting", "meeting_options").announcing().durable();
    private static final String FIELD = "ban:";

    private final RedisCalls calls;
    private final InstanceLocator locator;
    private final LiveView live;
    private final FeedSignals signals;

    ModerationRecords(RedisCalls calls, InstanceLocator locator, LiveView live, FeedSignals signals) {
        this.calls = calls;
        this.locator = locator;
        this.live = live;
        this.signals = signals;
    }

    /** chat_clear's answer: how many messages went. */
    private record ClearReply(long messages) {
        static ClearReply of(Reply reply) {
            return new ClearReply(AllowedReply.of(reply).number(1));
        }
    }

    /** meeting_options' answer: the meeting's version after, and the active instance told (0: none). */
    private record OptionsReply(long version, long told) {
        static OptionsReply of(Reply reply) {
            Reply ok = AllowedReply.of(reply);
            return new OptionsReply(ok.number(1), ok.isNull(2) ? 0 : ok.number(2));
        }
    }

    /**
     * Wakes the readers of active instance {@code instanceId} (0: none) that a script told of a change to its meeting:
     * its live row (the meeting's version in it makes every node read the meeting again) and its feed.
     */
    private void told(long instanceId) {
        if (instanceId == 0) return;
        live.changed(instanceId);
        signals.posted(instanceId);
    }

    /** How scripts are told who acts: kind, id (0 for root), role. */
    private static String[] actor(Actor actor) {
        return new String[] {actor.kind().wire(), Long.toString(actor.userId()), actor.role().wire()};
    }

    private static String[] args(Object... parts) {
        List<String> all = new ArrayList<>();
        for (Object part : parts) {
            if (part instanceof String[] many) all.addAll(List.of(many));
            else all.add(part == null ? "" : part.toString());
        }
        return all.toArray(String[]::new);
    }

    /** ban's answer: the instance the user was taken out of, or a refusal saying why the actor may not. */
    private record BanReply(OptionalLong removedFrom, long told) {
        static BanReply of(Reply reply) {
            Reply ok = AllowedReply.of(reply);
            return new BanReply(ok.isNull(2) ? OptionalLong.empty() : OptionalLong.of(ok.number(2)),
                    ok.isNull(3) ? 0 : ok.number(3));
        }
    }

    @Override
    public OptionalLong ban(Ban ban, GlobalRole role, Actor actor, Instant now, String requestId) {
        BanReply reply = BanReply.of(run(ban.meetingId(), "ban", ban.userId(), role, actor,
                ban.until() == null ? "0" : ms(ban.until()), ban.reason(), now, requestId));
        told(reply.told());
        return reply.removedFrom();
    }

    @Override
    public void lift(long meetingId, long userId, GlobalRole role, Actor actor, Instant now, String requestId) {
        told(BanReply.of(run(meetingId, "lift", userId, role, actor, "0", "", now, requestId)).told());
    }

    private Reply run(long meetingId, String mode, long userId, GlobalRole role, Actor actor, String until, String reason,
                      Instant now, String requestId) {
        return calls.await(calls.audited(meetingId, BAN, args(mode, userId, role.wire(), actor(actor), until, reason,
                ms(now), requestId)));
    }

    @Override
    public List<Ban> bans(long meetingId, Instant now) {
        Map<String, String> meeting = calls.await(calls.commands.hgetall(Keys.meeting(meetingId) + ":meeting").toCompletableFuture());
        if (meeting.isEmpty()) throw Refusal.INVALID_MEETING.refuse();
        List<Ban> bans = new ArrayList<>();
        meeting.forEach((field, value) -> {
            if (!field.startsWith(FIELD)) return;
            int bar = value.indexOf('|');
            long until = Long.parseLong(value.substring(0, bar));
            Ban ban = new Ban(meetingId, Long.parseLong(field.substring(FIELD.length())),
                    until == 0 ? null : Instant.ofEpochMilli(until), value.substring(bar + 1));
            if (ban.holdsAt(now)) bans.add(ban);
        });
        bans.sort(Comparator.comparingLong(Ban::userId));
        return bans;
    }

    /** cohost's answer: whether anything changed, and the co-hosts after. */
    private record CohostReply(List<Long> cohosts, long told) {
        static CohostReply of(Reply reply) {
            Reply ok = AllowedReply.of(reply);
            return new CohostReply(ok.list(2).stream().map(Reply::number).sorted().toList(), ok.isNull(3) ? 0 : ok.number(3));
        }
    }

    @Override
    public List<Long> cohost(long meetingId, long userId, boolean appoint, Actor actor, Instant now, String requestId) {
        CohostReply reply = CohostReply.of(calls.await(calls.audited(meetingId, COHOST,
                args(appoint ? "appoint" : "revoke", userId, actor(actor), ms(now), requestId))));
        told(reply.told());
        return reply.cohosts();
    }

    @Override
    public void deleteMessage(long instanceId, long number, long author, GlobalRole authorRole, Actor actor, Instant now,
                              String requestId) {
        locator.withMeeting(instanceId, meetingId -> {
            AllowedReply.of(calls.await(calls.audited(meetingId, MESSAGE_DELETE, args(instanceId, number, author,
                    authorRole.wire(), actor(actor), ms(now), requestId))));
            signals.posted(instanceId);
            return null;
        });
    }

    @Override
    public long clearChat(long instanceId, Actor actor, Instant now, String requestId) {
        return locator.withMeeting(instanceId, meetingId -> {
            long cleared = ClearReply.of(calls.await(calls.audited(meetingId, CHAT_CLEAR,
                    args(instanceId, actor(actor), ms(now), requestId)))).messages();
            signals.posted(instanceId);
            return cleared;
        });
    }

    @Override
    public long changeOptions(long meetingId, Map<String, String> changes, Actor actor, Instant now, String requestId) {
        List<String> pairs = new ArrayList<>();
        new java.util.TreeMap<>(changes).forEach((name, value) -> {
            pairs.add(name);
            pairs.add(value);
        });
        OptionsReply reply = OptionsReply.of(calls.await(calls.audited(meetingId, OPTIONS,
                args(actor(actor), ms(now), requestId, pairs.toArray(String[]::new)))));
        told(reply.told());
        return reply.version();
    }

    @Override
    public List<AuditRecord> audit(long meetingId, long beforeSeq, int limit) {
        String upper = beforeSeq == Long.MAX_VALUE ? "+" : "(" + beforeSeq + "-0";
        return calls.await(calls.commands.xrevrange(Keys.meeting(meetingId) + ":audit", Range.create("-", upper),
                Limit.create(0, limit)).toCompletableFuture()).stream().map(e -> AuditRecord.of(Replies.streamNumber(e.getId()), e.getBody()))
                .toList();
    }
}
