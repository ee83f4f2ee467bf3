package org.convene.core.port;

import java.time.Instant;
import org.convene.model.Actor;
import org.convene.model.AdmitAll;
import org.convene.model.Lobby;
import org.convene.model.LobbyPlace;
import org.convene.model.LobbyState;

/**
 * The lobby of each occurrence: who waits, and the hosts' admissions and denials. Waiting itself starts with a join
 * ({@link Roster#join}). Every transition is one atomic step in the meeting's slot with its feed entry, webhook event
 * and, for a host's, its audit record; the actor's right is checked there. Refusals are
 * {@link org.convene.model.RefusedException}s, having changed nothing.
 */
public interface LobbyStore {

    /** The user's own place in the instance's lobby, renewing their wait if they wait; or, with {@code leave}, they give up. */
    LobbyPlace place(long userId, long instanceId, boolean leave, Instant now);

    /** The instance's lobby as its hosts see it: at most {@code limit} waiters, in order. */
    Lobby lobby(long instanceId, Instant now, int limit);

    /** A host admits ({@code admit}) or denies a waiter; returns their state after (admitted or denied). */
    LobbyState decide(long userId, long instanceId, boolean admit, Actor actor, Instant now, String requestId);

    /** A host admits the waiters in arrival order as far as the seats go; {@code shown} of those left are listed. */
    AdmitAll admitAll(long instanceId, Actor actor, Instant now, String requestId, int shown);
}
