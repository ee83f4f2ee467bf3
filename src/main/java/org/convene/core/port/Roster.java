package org.convene.core.port;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.convene.model.Actor;
import org.convene.model.GlobalRole;
import org.convene.model.ActiveInstance;
import org.convene.model.EndResult;
import org.convene.model.JoinOutcome;
import org.convene.model.LeaveResult;
import org.convene.model.Participant;

/**
 * Who is inside which instance: joins, leaves, the end, presence, and the active instances with their
 * participants. Each change is one atomic step with its events-log entry, and refuses by throwing
 * {@link org.convene.model.RefusedException}, having changed nothing.
 */
public interface Roster {

    /**
     * The user joins an active instance they are allowed into and are not inside yet; or, where the meeting's lobby
     * says they must wait, waits in its lobby (or goes on waiting), or comes in on the seat a host kept for them.
     */
    JoinOutcome join(long userId, long instanceId, Instant now);

    /** The user leaves an instance they are inside. */
    LeaveResult leave(long userId, long instanceId, Instant now);

    /**
     * A host takes a participant of global role {@code role} out of an active instance (a leave whose reason is
     * {@code kicked}), with its audit record in the same step; the actor's right and rank are checked there.
     */
    LeaveResult remove(long userId, GlobalRole role, long instanceId, Actor actor, Instant now, String requestId);

    /** Returns who is inside the instance at {@code now}, with their names and latest join times, by join time. */
    List<Participant> participants(long instanceId, Instant now);

    /** Ends an active instance: everyone still inside leaves with a timeout event. */
    EndResult end(long instanceId, Actor actor, Instant now, String requestId);

    /** Returns every instance active at {@code now} with its meeting, and its participants if asked. */
    List<ActiveInstance> activeInstances(Instant now, boolean withParticipants);

    /** Takes a deleted user out of every instance they are inside, with the reason {@code removed}. */
    void removeEverywhere(long userId, Instant now);

    /**
     * Renews, at {@code now}, the presence of each user in each instance (a sign of life, where the
     * meeting has a presence rule); returns per instance which of them are inside. An instance that
     * does not exist is left out.
     */
    Map<Long, Set<Long>> renewPresence(Map<Long, Set<Long>> usersByInstance, Instant now);
}
