package org.convene.store;

import static org.convene.store.RedisCalls.ms;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.convene.core.port.Moderation;
import org.convene.model.Actor;
import org.convene.model.Ban;
import org.convene.model.GlobalRole;
import org.convene.model.Refusal;

/** Bans, as fields of each meeting's hash (see lua/meeting/ban.lua): the moderation port. */
final class ModerationRecords implements Moderation {
    private static final Script BAN = Script.load("meeting", "ban").announcing().durable();
    private static final String FIELD = "ban:";

    private final RedisCalls calls;
    private final LiveView live;

    ModerationRecords(RedisCalls calls, LiveView live) {
        this.calls = calls;
        this.live = live;
    }

    /** ban's answer: the instance the user was taken out of, or a refusal saying why the actor may not. */
    private record BanReply(OptionalLong removedFrom) {
        static BanReply of(Reply reply) {
            if ("FORBIDDEN".equals(reply.status())) throw Refusal.ROLE_FORBIDDEN.refuse(reply.text(1));
            Reply ok = reply.ok();
            return new BanReply(ok.isNull(2) ? OptionalLong.empty() : OptionalLong.of(ok.number(2)));
        }
    }

    @Override
    public OptionalLong ban(Ban ban, GlobalRole role, Actor actor, Instant now, String requestId) {
        BanReply reply = BanReply.of(run(ban.meetingId(), "ban", ban.userId(), role, actor,
                ban.until() == null ? "0" : ms(ban.until()), ban.reason(), now, requestId));
        reply.removedFrom().ifPresent(live::changed);
        return reply.removedFrom();
    }

    @Override
    public void lift(long meetingId, long userId, GlobalRole role, Actor actor, Instant now, String requestId) {
        BanReply.of(run(meetingId, "lift", userId, role, actor, "0", "", now, requestId));
    }

    private Reply run(long meetingId, String mode, long userId, GlobalRole role, Actor actor, String until, String reason,
                      Instant now, String requestId) {
        return calls.await(calls.inMeeting(meetingId, BAN, mode, Long.toString(userId), role.wire(), actor.kind().wire(),
                Long.toString(actor.userId()), actor.role().wire(), until, reason, ms(now), requestId == null ? "" : requestId));
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
}
