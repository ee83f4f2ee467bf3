package org.convene.core;

import java.time.Clock;
import org.convene.core.port.LobbyStore;
import org.convene.model.Actor;
import org.convene.model.AdmitAll;
import org.convene.model.Lobby;
import org.convene.model.LobbyPlace;
import org.convene.model.LobbyState;

/**
 * The lobby where people wait until a host lets them into an occurrence (the meeting's {@code lobby} option says who
 * waits; a join that must wait puts them there). Seats are people inside plus admissions not used yet, never
 * waiters; an admission keeps a seat for a minute, and a wait lapses a minute after its last renewal (a poll of one's
 * place, a join asked again, or an open stream). The end of the occurrence closes its lobby.
 */
public final class Lobbies {
    /** Waiters listed at most, in a lobby's view and after an admit-all: the rest are counted. */
    public static final int LISTED = 1_000;

    private final LobbyStore store;
    private final Clock clock;

    Lobbies(LobbyStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** The user's own place in the instance's lobby; a waiter's wait is renewed by asking. */
    public LobbyPlace place(long userId, long instanceId) {
        return store.place(userId, instanceId, false, clock.instant());
    }

    /** The user gives up waiting (or their unused admission), freeing its seat; refused if they neither wait nor were admitted. */
    public LobbyPlace leave(long userId, long instanceId) {
        return store.place(userId, instanceId, true, clock.instant());
    }

    /** The instance's lobby as its hosts see it. */
    public Lobby lobby(long instanceId) {
        return store.lobby(instanceId, clock.instant(), LISTED);
    }

    /** A host admits a waiter, keeping a seat for them; admitting someone admitted is that same admission. */
    public LobbyState admit(long instanceId, long userId, Actor actor, String requestId) {
        return store.decide(userId, instanceId, true, actor, clock.instant(), requestId);
    }

    /** A host denies a waiter entry to this occurrence; denying someone denied changes nothing. */
    public LobbyState deny(long instanceId, long userId, Actor actor, String requestId) {
        return store.decide(userId, instanceId, false, actor, clock.instant(), requestId);
    }

    /** A host admits everyone waiting, in arrival order, as far as the seats go. */
    public AdmitAll admitAll(long instanceId, Actor actor, String requestId) {
        return store.admitAll(instanceId, actor, clock.instant(), requestId, LISTED);
    }
}
