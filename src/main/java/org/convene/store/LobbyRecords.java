package org.convene.store;

import static org.convene.store.RedisCalls.ms;

import io.lettuce.core.ZAddArgs;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.convene.core.port.LobbyStore;
import org.convene.model.Actor;
import org.convene.model.AdmitAll;
import org.convene.model.InstanceStatus;
import org.convene.model.Lobby;
import org.convene.model.LobbyPlace;
import org.convene.model.LobbyState;

/**
 * The lobby port: each transition one script in the instance's meeting (lua/meeting/lobby_*.lua, and join.lua where
 * waiting starts), on the keys {@code _lib.lua} describes. After each, the instance's feed readers are woken; when a
 * wait or a kept seat has a time to lapse, the scheduler is told to look then (the reaping index, which the settle
 * step's pass over the lobby shares).
 */
final class LobbyRecords implements LobbyStore {
    private static final Script PLACE = Script.load("meeting", "lobby_place").announcing();
    private static final Script READ = Script.load("meeting", "lobby_read").reading();
    private static final Script DECIDE = Script.load("meeting", "lobby_decide").announcing();
    private static final Script ADMIT_ALL = Script.load("meeting", "lobby_admit_all").announcing();

    private final RedisCalls calls;
    private final InstanceLocator locator;
    private final LiveView live;
    private final FeedSignals signals;

    LobbyRecords(RedisCalls calls, InstanceLocator locator, LiveView live, FeedSignals signals) {
        this.calls = calls;
        this.locator = locator;
        this.live = live;
        this.signals = signals;
    }

    /** lobby_place's answer: state, position, since, until. */
    private record PlaceReply(LobbyState state, int position, Instant since, Instant until) {
        static PlaceReply of(Reply reply) {
            Reply ok = reply.ok();
            return new PlaceReply(LobbyState.ofWire(ok.text(1)), (int) ok.number(2), time(ok.textOrNull(3)),
                    time(ok.textOrNull(4)));
        }
    }

    /** lobby_read's answer: the lobby of instance {@code instanceId}. */
    private record LobbyReply(Lobby lobby) {
        static LobbyReply of(long instanceId, Reply reply) {
            Reply ok = reply.ok();
            List<Object> flat = ok.list(2);
            List<Lobby.Waiter> waiting = new ArrayList<>();
            for (int i = 0; i + 2 < flat.size(); i += 3) {
                waiting.add(new Lobby.Waiter(Reply.number(flat.get(i)), (String) flat.get(i + 2), waiting.size() + 1,
                        time((String) flat.get(i + 1))));
            }
            List<Object> seats = ok.list(3);
            List<Lobby.Admitted> admitted = new ArrayList<>();
            for (int i = 0; i + 2 < seats.size(); i += 3) {
                admitted.add(new Lobby.Admitted(Reply.number(seats.get(i)), (String) seats.get(i + 2),
                        time((String) seats.get(i + 1))));
            }
            return new LobbyReply(new Lobby(instanceId, InstanceStatus.fromWire(ok.text(1)), waiting, admitted,
                    (int) ok.number(4), (int) ok.number(5), (int) ok.number(6)));
        }
    }

    /** lobby_decide's answer: the state after, whether this call decided, when the kept seat frees (null: none). */
    private record DecideReply(LobbyState state, boolean decided, String seatFrees) {
        static DecideReply of(Reply reply) {
            Reply ok = AllowedReply.of(reply);
            return new DecideReply(LobbyState.ofWire(ok.text(1)), ok.number(2) == 1, ok.textOrNull(3));
        }
    }

    /** lobby_admit_all's answer: what it did, and when the first seat it kept frees (null: none kept). */
    private record AdmitAllReply(AdmitAll result, String seatFrees) {
        static AdmitAllReply of(long instanceId, Reply reply) {
            Reply ok = AllowedReply.of(reply);
            String reason = ok.text(4).isEmpty() ? "waiting" : ok.text(4);
            List<Object> flat = ok.list(2);
            List<AdmitAll.Left> left = new ArrayList<>();
            for (int i = 0; i + 1 < flat.size(); i += 2) {
                left.add(new AdmitAll.Left(Reply.number(flat.get(i)), (int) Reply.number(flat.get(i + 1)), reason));
            }
            return new AdmitAllReply(new AdmitAll(instanceId, ok.numbers(1), left, (int) ok.number(3)), ok.textOrNull(5));
        }
    }

    @Override
    public LobbyPlace place(long userId, long instanceId, boolean leave, Instant now) {
        return locator.withMeeting(instanceId, meetingId -> {
            PlaceReply place = PlaceReply.of(calls.await(calls.inMeeting(meetingId, PLACE, Long.toString(instanceId),
                    Long.toString(userId), ms(now), leave ? "leave" : "renew")));
            if (leave) told(instanceId);
            return new LobbyPlace(userId, instanceId, place.state(), place.position(), place.since(), place.until());
        });
    }

    @Override
    public Lobby lobby(long instanceId, Instant now, int limit) {
        return locator.withMeeting(instanceId, meetingId -> LobbyReply.of(instanceId, calls.await(calls.inMeeting(
                meetingId, READ, Long.toString(instanceId), ms(now), Integer.toString(limit)))).lobby());
    }

    @Override
    public LobbyState decide(long userId, long instanceId, boolean admit, Actor actor, Instant now, String requestId) {
        return locator.withMeeting(instanceId, meetingId -> {
            DecideReply decided = DecideReply.of(calls.await(calls.audited(meetingId, DECIDE, Long.toString(instanceId),
                    Long.toString(userId), admit ? "admit" : "deny", actor.kind().wire(), Long.toString(actor.userId()),
                    actor.role().wire(), ms(now), requestId == null ? "" : requestId)));
            if (decided.decided()) {
                told(instanceId);
                lapseNoLaterThan(instanceId, decided.seatFrees());
            }
            return decided.state();
        });
    }

    @Override
    public AdmitAll admitAll(long instanceId, Actor actor, Instant now, String requestId, int shown) {
        return locator.withMeeting(instanceId, meetingId -> {
            AdmitAllReply reply = AdmitAllReply.of(instanceId, calls.await(calls.audited(meetingId, ADMIT_ALL,
                    Long.toString(instanceId), actor.kind().wire(), Long.toString(actor.userId()), actor.role().wire(),
                    ms(now), requestId == null ? "" : requestId, Integer.toString(shown))));
            if (!reply.result().admitted().isEmpty()) {
                told(instanceId);
                lapseNoLaterThan(instanceId, reply.seatFrees());
            }
            return reply.result();
        });
    }

    /** Wakes the instance's feed readers, and the live rows (the seats kept change who may come in). */
    private void told(long instanceId) {
        live.changed(instanceId);
        signals.posted(instanceId);
    }

    /**
     * Tells the scheduler to look at the instance no later than {@code dueMillis} (null: nothing due), when a kept seat
     * frees itself; not awaited. Lost, the next step in the instance lets it lapse all the same.
     */
    private void lapseNoLaterThan(long instanceId, String dueMillis) {
        if (dueMillis == null) return;
        calls.commands.zadd(Keys.REAPS, ZAddArgs.Builder.lt(), Double.parseDouble(dueMillis), Long.toString(instanceId));
    }

    private static Instant time(String millis) {
        return millis == null ? null : Replies.millis(millis);
    }
}
