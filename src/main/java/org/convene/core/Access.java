package org.convene.core;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.convene.core.Permissions.GlobalAction;
import org.convene.core.Permissions.MeetingAction;
import org.convene.core.Permissions.Standing;
import org.convene.core.port.Audiences;
import org.convene.model.Meeting;
import org.convene.model.Refusal;
import org.convene.model.RefusedException;

/**
 * Every access rule, in one place, deciding from {@link Permissions}' table: root and administrators may
 * do anything; organizers make meetings, which they own and run; a user acts only as themselves; a private
 * meeting's insides (participants, chat, events, attendance, live activity) are seen by its audience only;
 * a meeting's audience list by those who run it. Meetings and instances themselves are seen by every
 * signed-in caller.
 *
 * <p>The join script applies the audience rule again in the same atomic step as the join, so that
 * a concurrent change of the audience can never let a user in; here is where the rule is decided
 * for everything that is read.
 */
public final class Access {
    private final Audiences audiences;

    /** The rules, on the store's knowledge of whom each meeting is open to. */
    public Access(Audiences audiences) {
        this.audiences = audiences;
    }

    /**
     * Refuses a guest anything but the one occurrence their link was for: that instance and what is under it
     * ({@code /instances/<id>...}), its meeting's own page, and themselves ({@code /me}). Anyone else passes. Every
     * authenticated request passes here first; what a guest may do inside their instance is then decided as for
     * anyone (a guest ranks as an attendee).
     */
    public void requireGuestScope(Caller caller, String path) {
        if (!caller.guest()) return;
        String own = "/instances/" + caller.guestOf();
        if (path.equals("/me") || path.equals(own) || path.startsWith(own + "/")) return;
        if (path.equals("/meetings/" + audiences.meetingOf(caller.guestOf()))) return;
        throw Refusal.GUEST_SCOPE.refuse();
    }

    /** Returns the caller if it is root or an administrator, else refuses. */
    public Caller requireAdmin(Caller caller) {
        if (!Permissions.allows(GlobalAction.ADMINISTER, caller)) throw Refusal.ADMIN_ONLY.refuse();
        return caller;
    }

    /** Refuses unless the caller may make meetings (organizers and administrators). */
    public void requireMakesMeetings(Caller caller) {
        if (!Permissions.allows(GlobalAction.MAKE_MEETING, caller)) throw Refusal.ORGANIZERS_ONLY.refuse();
    }

    /** Where the caller stands towards the meeting: the highest standing that applies. */
    public Standing standing(Caller caller, Meeting meeting) {
        if (caller.root()) return Standing.ROOT;
        if (caller.admin()) return Standing.ADMIN;
        if (meeting.ownedBy(caller.userId())) return Standing.OWNER;
        if (meeting.cohostedBy(caller.userId())) return Standing.COHOST;
        return meeting.details().admits(caller.email()) ? Standing.ATTENDEE : Standing.OUTSIDER;
    }

    /**
     * Refuses unless the caller runs the meeting (edits it, its instances and series): root, an administrator
     * or its owner. Refuses with "Invalid meeting ID" when there is no such meeting.
     */
    public void requireRuns(Caller caller, long meetingId) {
        Meeting meeting = audiences.meeting(meetingId).orElseThrow(Refusal.INVALID_MEETING::refuse);
        if (!Permissions.allows(MeetingAction.RUN, standing(caller, meeting))) throw Refusal.HOSTS_ONLY.refuse();
    }

    /** Refuses unless the caller runs the instance's meeting; "Invalid meeting instance ID" when there is none. */
    public void requireRunsInstance(Caller caller, long instanceId) {
        if (caller.admin()) return;
        requireRuns(caller, audiences.meetingOf(instanceId));
    }

    /**
     * Refuses unless the caller may take this action on the meeting, its options applied (a co-host is refused
     * what the meeting does not allow co-hosts); "Invalid meeting ID" when there is none. Returns the meeting.
     */
    public Meeting require(Caller caller, MeetingAction action, long meetingId) {
        Meeting meeting = audiences.meeting(meetingId).orElseThrow(Refusal.INVALID_MEETING::refuse);
        Standing standing = standing(caller, meeting);
        if (!Permissions.allows(action, standing, meeting.options())) {
            // A host refused by the meeting's options is told which option, not only who else may.
            if (action == MeetingAction.END && Permissions.allows(action, standing)) {
                throw Refusal.ROLE_FORBIDDEN.refuse("This meeting does not let co-hosts end it");
            }
            throw (Permissions.allows(MeetingAction.MODERATE, standing) ? Refusal.HOSTS_ONLY
                    : Refusal.MODERATORS_ONLY).refuse();
        }
        return meeting;
    }

    /** The same for the meeting of instance {@code instanceId}; "Invalid meeting instance ID" when there is none. */
    public Meeting requireOnInstance(Caller caller, MeetingAction action, long instanceId) {
        return require(caller, action, audiences.meetingOf(instanceId));
    }

    /** The meeting of instance {@code instanceId}; "Invalid meeting instance ID" when there is none. */
    public Meeting meetingOfInstance(long instanceId) {
        return audiences.meeting(audiences.meetingOf(instanceId)).orElseThrow(Refusal.INVALID_INSTANCE::refuse);
    }

    /** Whether the caller may take this action on the meeting, its options applied. */
    public boolean allows(Caller caller, MeetingAction action, Meeting meeting) {
        return Permissions.allows(action, standing(caller, meeting), meeting.options());
    }

    /** Refuses unless the caller may act as user {@code userId}: as themselves, or as the administrator. */
    public void requireActingAs(Caller caller, long userId) {
        if (!mayActAs(caller, userId)) throw Refusal.NOT_SELF.refuse();
    }

    /** Returns whether the caller may act as user {@code userId}. */
    public boolean mayActAs(Caller caller, long userId) {
        return caller.admin() || caller.userId() == userId;
    }

    /**
     * Refuses unless the caller may see inside the instance (its participants, chat, events, live
     * activity); refuses with "Invalid meeting instance ID" when there is no such instance.
     */
    public void requireInside(Caller caller, long instanceId) {
        if (!caller.admin() && !audiences.openTo(instanceId, caller.email(), caller.userId())
                && !entersByRight(caller, instanceId)) {
            throw Refusal.AUDIENCE_ONLY.refuse();
        }
    }

    /** Whether the caller is a host of the instance's meeting (its owner or a co-host), who enter whatever the audience says. */
    private boolean entersByRight(Caller caller, long instanceId) {
        if (caller.root()) return true;
        return audiences.meeting(audiences.meetingOf(instanceId))
                .map(m -> Permissions.allows(MeetingAction.ENTER_BY_RIGHT, standing(caller, m))).orElse(false);
    }

    /** Returns whether the caller may see inside the instance; false for an instance that does not exist. */
    public boolean seesInside(Caller caller, long instanceId) {
        try {
            requireInside(caller, instanceId);
            return true;
        } catch (RefusedException refusedOrGone) {
            return false;
        }
    }

    /**
     * For each caller, which of the instances asked about they may see inside; the store is asked
     * about all of them at once (one round trip where it can). An instance that is gone is seen by nobody.
     */
    public Map<Caller, Set<Long>> seesInside(Map<Caller, Set<Long>> asked) {
        Set<Audiences.Question> questions = new HashSet<>();
        asked.forEach((caller, instances) -> {
            if (!caller.admin()) {
                instances.forEach(i -> questions.add(new Audiences.Question(i, caller.email(), caller.userId())));
            }
        });
        Map<Audiences.Question, Boolean> open = questions.isEmpty() ? Map.of() : audiences.openTo(questions);
        Map<Caller, Set<Long>> seen = new HashMap<>();
        asked.forEach((caller, instances) -> seen.put(caller, instances.stream().filter(i -> caller.admin()
                || open.getOrDefault(new Audiences.Question(i, caller.email(), caller.userId()), false)
                || entersByRightIfThere(caller, i)).collect(Collectors.toSet())));
        return seen;
    }

    /** Whether the caller enters instance {@code instanceId} by right; false for an instance that is gone. */
    private boolean entersByRightIfThere(Caller caller, long instanceId) {
        try {
            return entersByRight(caller, instanceId);
        } catch (RefusedException gone) {
            return false;
        }
    }

    /** Returns whether the caller may see inside the instances of this meeting. */
    public boolean seesInside(Caller caller, Meeting meeting) {
        return caller.admin() || meeting.details().admits(caller.email())
                || Permissions.allows(MeetingAction.ENTER_BY_RIGHT, standing(caller, meeting));
    }

    /**
     * Whether the caller is told of a lobby entry about user {@code userId} in meeting {@code meetingId}: the meeting's
     * hosts of every one, anyone else of their own alone. False for a meeting that is gone.
     */
    public boolean seesLobbyEntry(Caller caller, long meetingId, long userId) {
        if (caller.admin()) return true;
        if (caller.userId() == userId) return true;
        return audiences.meeting(meetingId).map(m -> Permissions.allows(MeetingAction.ADMIT, standing(caller, m)))
                .orElse(false);
    }

    /**
     * Refuses unless the caller may have the address of the meeting's call now: the instance is live ({@code live}),
     * and they are inside it ({@code participant}) or host the meeting (its owner, a co-host, an administrator), who
     * may open the call before joining. Anyone else gets it by joining, with the checks a join makes (audience, bans,
     * lobby, seats).
     */
    public void requireInCall(Caller caller, Meeting meeting, boolean live, boolean participant) {
        if (!live) throw Refusal.NOT_ACTIVE.refuse();
        if (participant || caller.root()) return;
        if (!Permissions.allows(MeetingAction.ENTER_BY_RIGHT, standing(caller, meeting))) throw Refusal.NOT_IN_MEETING.refuse();
    }

    /** Returns whether the caller may see the meeting's audience list. */
    public boolean seesAudience(Caller caller, Meeting meeting) {
        return Permissions.allows(MeetingAction.SEE_AUDIENCE, standing(caller, meeting));
    }
}
