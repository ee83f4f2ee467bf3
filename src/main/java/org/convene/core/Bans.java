package org.convene.core;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;
import org.convene.core.port.Moderation;
import org.convene.core.port.UserStore;
import org.convene.model.Actor;
import org.convene.model.Ban;
import org.convene.model.GlobalRole;
import org.convene.model.Refusal;
import org.convene.model.RefusedException;

/**
 * Bans from a meeting, as its hosts give and lift them: each one atomic step with its audit record, which
 * checks the actor's right (an administrator, or the meeting's owner at that moment) and the ranks; a join
 * checks bans in its own step, so a banned user is never inside.
 */
public final class Bans {
    private final Moderation moderation;
    private final UserStore users;
    private final Clock clock;

    Bans(Moderation moderation, UserStore users, Clock clock) {
        this.moderation = moderation;
        this.users = users;
        this.clock = clock;
    }

    /**
     * Bans user {@code userId} from the meeting until {@code until} (null: for good) on behalf of {@code actor};
     * returns the instance they were taken out of, if they were inside one.
     */
    public OptionalLong ban(long meetingId, long userId, Instant until, String reason, Actor actor, String requestId) {
        Instant now = clock.instant();
        if (until != null && !until.isAfter(now)) throw RefusedException.invalid("until", "must be in the future");
        return moderation.ban(new Ban(meetingId, userId, until, reason), role(userId), actor, now, requestId);
    }

    /** Lifts user {@code userId}'s ban from the meeting on behalf of {@code actor}. */
    public void lift(long meetingId, long userId, Actor actor, String requestId) {
        moderation.lift(meetingId, userId, role(userId), actor, clock.instant(), requestId);
    }

    /** The bans of the meeting that hold now, by user id. */
    public List<Ban> of(long meetingId) {
        return moderation.bans(meetingId, clock.instant());
    }

    private GlobalRole role(long userId) {
        return users.user(userId).orElseThrow(Refusal.INVALID_USER::refuse).role();
    }
}
