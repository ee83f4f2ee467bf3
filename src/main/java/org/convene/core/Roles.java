package org.convene.core;

import java.time.Clock;
import java.util.function.BiConsumer;
import org.convene.model.Acting;
import org.convene.core.port.MeetingCatalog;
import org.convene.core.port.UserStore;
import org.convene.model.Actor;
import org.convene.model.GlobalRole;
import org.convene.model.Meeting;
import org.convene.model.Refusal;
import org.convene.model.RefusedException;
import org.convene.model.User;

/**
 * Who is who across Convene: global roles and suspension (each one step in the users' slot with its audit record,
 * the actor's right decided there from their own record), and the ownership of meetings (a hand-over is one step in
 * the meeting's slot, a compare-and-set against the owner at that moment).
 */
public final class Roles {
    private final UserStore users;
    private final MeetingCatalog meetings;
    private final BiConsumer<Long, Acting> deleteUser;
    private final Clock clock;

    Roles(UserStore users, MeetingCatalog meetings, BiConsumer<Long, Acting> deleteUser, Clock clock) {
        this.users = users;
        this.meetings = meetings;
        this.deleteUser = deleteUser;
        this.clock = clock;
    }

    /** Gives a user a global role on behalf of {@code actor}, recorded in the same step; see {@link UserStore#changeRole}. */
    public User change(long userId, GlobalRole role, Actor actor, String requestId) {
        return users.changeRole(userId, role, actor, clock.instant(), requestId);
    }

    /** Suspends a user, or lifts it, on behalf of {@code actor}, recorded in the same step; see {@link UserStore#suspend}. */
    public User suspend(long userId, boolean suspended, Actor actor, String requestId) {
        return users.suspend(userId, suspended, actor, clock.instant(), requestId);
    }

    /**
     * Hands a meeting over to user {@code ownerId}, an organizer or administrator, on behalf of {@code actor}
     * (the owner or an administrator), recorded in the same step.
     */
    public Meeting handOver(long meetingId, long ownerId, Actor actor, String requestId) {
        return meetings.handOver(meetingId, mayOwn(ownerId), actor, clock.instant(), requestId);
    }

    /**
     * Deletes a user after handing every meeting they own to user {@code heirId} (an organizer or administrator) on
     * behalf of {@code actor}, one recorded hand-over per meeting. Each step is idempotent: a call cut short is made
     * again and goes on from where it stopped.
     */
    public void deleteHandingOver(long userId, long heirId, Actor actor, String requestId) {
        if (heirId == userId) throw RefusedException.invalid("handTo", "must be someone other than the user deleted");
        users.user(userId).orElseThrow(Refusal.INVALID_USER::refuse);
        mayOwn(heirId);
        for (long meeting : meetings.ownedBy(userId)) meetings.handOver(meeting, heirId, actor, clock.instant(), requestId);
        deleteUser.accept(userId, new Acting(actor, requestId));
    }

    /** Returns {@code userId} if that user may own meetings (an organizer or administrator), else refuses. */
    long mayOwn(long userId) {
        User user = users.user(userId).orElseThrow(Refusal.INVALID_USER::refuse);
        if (!user.role().makesMeetings()) throw Refusal.OWNER_NOT_ORGANIZER.refuse(userId);
        return userId;
    }
}
