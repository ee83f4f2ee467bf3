package org.convene.core.port;

import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;
import org.convene.model.Actor;
import org.convene.model.Ban;
import org.convene.model.GlobalRole;

/**
 * What a meeting's hosts do to keep order that outlasts one instance: bans. Each is one atomic step with
 * its audit record, the actor's right and the ranks checked in it; refusals throw
 * {@link org.convene.model.RefusedException}, having changed nothing.
 */
public interface Moderation {

    /**
     * Bans a user of global role {@code role} from the meeting, taking them out of its active instance in the
     * same step; returns that instance, if they were inside one.
     */
    OptionalLong ban(Ban ban, GlobalRole role, Actor actor, Instant now, String requestId);

    /** Lifts a user's ban from the meeting (nothing if there is none). */
    void lift(long meetingId, long userId, GlobalRole role, Actor actor, Instant now, String requestId);

    /** The bans of a meeting that hold at {@code now}, by user id; refuses a missing meeting. */
    List<Ban> bans(long meetingId, Instant now);
}
