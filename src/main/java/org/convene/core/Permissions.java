package org.convene.core;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.convene.model.GlobalRole;
import org.convene.model.MeetingOptions;

/**
 * Who may do what, as data: the one table {@link Access} decides from, and that the access-matrix test
 * follows. What concerns one meeting is decided by the caller's standing towards it (the highest that
 * applies); what concerns Convene as a whole, by their global role, root being allowed everything.
 * The scripts that change a meeting check the same rules again against the meeting at that moment (ranks
 * included: nobody acts on a rank at or above their own), so that a right lost a moment ago cannot be used.
 */
public final class Permissions {

    /** Where a caller stands towards one meeting, highest first. */
    public enum Standing { ROOT, ADMIN, OWNER, COHOST, ATTENDEE, OUTSIDER }

    /** What a caller may ask to do with one meeting. */
    public enum MeetingAction {
        /** Edit or delete the meeting; schedule, move, delete or end its instances; make and change its series. */
        RUN,
        /** See the meeting's audience list. */
        SEE_AUDIENCE,
        /** Remove and ban participants, delete others' messages (each only of those ranked below). */
        MODERATE,
        /** Change the chat mode. */
        SET_CHAT_MODE,
        /** Appoint and revoke co-hosts (a co-host may still resign). */
        APPOINT_COHOSTS,
        /** End an instance for everyone (a co-host only where the meeting's cohostsCanEnd allows). */
        END,
        /** See everyone's attendance with its times (a co-host only where the meeting's attendanceView is hosts). */
        SEE_ATTENDANCE,
        /** Read the meeting's audit trail. */
        SEE_AUDIT,
        /** See inside its instances and join them whatever the audience says (and never wait in the lobby). */
        ENTER_BY_RIGHT,
        /** See who waits in an occurrence's lobby, admit and deny them (every lobby event reaches them). */
        ADMIT
    }

    /** What a caller may ask to do across Convene. */
    public enum GlobalAction {
        /** Make a meeting, which they then own. */
        MAKE_MEETING,
        /** Users, their roles and tokens, webhooks. */
        ADMINISTER
    }

    private static final Set<Standing> ADMINS = EnumSet.of(Standing.ROOT, Standing.ADMIN);
    private static final Set<Standing> RUNNERS = EnumSet.of(Standing.ROOT, Standing.ADMIN, Standing.OWNER);
    private static final Set<Standing> HOSTS = EnumSet.of(Standing.ROOT, Standing.ADMIN, Standing.OWNER, Standing.COHOST);

    private static final Map<MeetingAction, Set<Standing>> BY_STANDING = new EnumMap<>(Map.of(
            MeetingAction.RUN, RUNNERS,
            MeetingAction.SEE_AUDIENCE, HOSTS,
            MeetingAction.MODERATE, HOSTS,
            MeetingAction.SET_CHAT_MODE, HOSTS,
            MeetingAction.APPOINT_COHOSTS, RUNNERS,
            MeetingAction.END, HOSTS,
            MeetingAction.SEE_ATTENDANCE, HOSTS,
            MeetingAction.SEE_AUDIT, HOSTS,
            MeetingAction.ENTER_BY_RIGHT, HOSTS,
            MeetingAction.ADMIT, HOSTS));

    private static final Map<GlobalAction, Set<GlobalRole>> BY_ROLE = new EnumMap<>(Map.of(
            GlobalAction.MAKE_MEETING, EnumSet.of(GlobalRole.ADMIN, GlobalRole.ORGANIZER),
            GlobalAction.ADMINISTER, EnumSet.of(GlobalRole.ADMIN)));

    private Permissions() {}

    /** Whether a caller of this standing towards a meeting may take this action on it, whatever its options say. */
    public static boolean allows(MeetingAction action, Standing standing) {
        return BY_STANDING.get(action).contains(standing);
    }

    /**
     * Whether a caller of this standing may take this action on this meeting, its options applied: a co-host ends an
     * instance only where {@code cohostsCanEnd}, and sees attendance only where {@code attendanceView} is hosts, which
     * {@code admins} narrows to the administrators.
     */
    public static boolean allows(MeetingAction action, Standing standing, MeetingOptions options) {
        if (!allows(action, standing)) return false;
        return switch (action) {
            case END -> standing != Standing.COHOST || options.cohostsCanEnd();
            case SEE_ATTENDANCE -> options.attendanceView() == MeetingOptions.AttendanceView.HOSTS
                    || ADMINS.contains(standing);
            default -> true;
        };
    }

    /** Whether a caller may take this action across Convene: root always, a user by their global role. */
    public static boolean allows(GlobalAction action, Caller caller) {
        return caller.root() || BY_ROLE.get(action).contains(caller.role());
    }
}
