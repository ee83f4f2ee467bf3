package org.convene.core;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.convene.model.GlobalRole;

/**
 * Who may do what, as data: the one table {@link Access} decides from, and that the access-matrix test
 * follows. What concerns one meeting is decided by the caller's standing towards it (the highest that
 * applies); what concerns Convene as a whole, by their global role, root being allowed everything.
 * Co-hosts and moderation are not built yet: their standings and actions slot in here when they are.
 */
public final class Permissions {

    /** Where a caller stands towards one meeting, highest first. */
    public enum Standing { ROOT, ADMIN, OWNER, ATTENDEE, OUTSIDER }

    /** What a caller may ask to do with one meeting. */
    public enum MeetingAction {
        /** Edit or delete the meeting; schedule, move, delete or end its instances; make and change its series. */
        RUN,
        /** See the meeting's audience list. */
        SEE_AUDIENCE
    }

    /** What a caller may ask to do across Convene. */
    public enum GlobalAction {
        /** Make a meeting, which they then own. */
        MAKE_MEETING,
        /** Users, their roles and tokens, webhooks. */
        ADMINISTER
    }

    private static final Map<MeetingAction, Set<Standing>> BY_STANDING = new EnumMap<>(Map.of(
            MeetingAction.RUN, EnumSet.of(Standing.ROOT, Standing.ADMIN, Standing.OWNER),
            MeetingAction.SEE_AUDIENCE, EnumSet.of(Standing.ROOT, Standing.ADMIN, Standing.OWNER)));

    private static final Map<GlobalAction, Set<GlobalRole>> BY_ROLE = new EnumMap<>(Map.of(
            GlobalAction.MAKE_MEETING, EnumSet.of(GlobalRole.ADMIN, GlobalRole.ORGANIZER),
            GlobalAction.ADMINISTER, EnumSet.of(GlobalRole.ADMIN)));

    private Permissions() {}

    /** Whether a caller of this standing towards a meeting may take this action on it. */
    public static boolean allows(MeetingAction action, Standing standing) {
        return BY_STANDING.get(action).contains(standing);
    }

    /** Whether a caller may take this action across Convene: root always, a user by their global role. */
    public static boolean allows(GlobalAction action, Caller caller) {
        return caller.root() || BY_ROLE.get(action).contains(caller.role());
    }
}
