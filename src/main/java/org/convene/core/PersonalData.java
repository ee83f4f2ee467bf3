package org.convene.core;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import org.convene.audit.AuditEntry;
import org.convene.audit.AuditTrail;
import org.convene.core.port.PersonalRecords;
import org.convene.model.Acting;
import org.convene.model.AttendanceReport;
import org.convene.model.Event;
import org.convene.model.Meeting;
import org.convene.model.PersonalTraces;
import org.convene.model.RefusedException;
import org.convene.model.User;

/**
 * A person's data on request: everything Convene holds about them as one export, and their erasure. An erasure deletes
 * them (handing over what they own if asked), erases the users' slot in one recorded step, then each meeting they were
 * in, the webhook messages still waiting, and the personal fields of the audit records about them, each step
 * idempotent, so that an erasure cut short is asked again and goes on where it stopped.
 */
public final class PersonalData {
    /** What an erased person's messages read. */
    public static final String REMOVED = "[removed]";
    private static final int PAGE = 500;

    private final Convene convene;
    private final PersonalRecords records;
    private final AuditTrail audit;
    private final Clock clock;

    /** A person's data in {@code convene}'s store, with the audit trail that names them. */
    public PersonalData(Convene convene, PersonalRecords records, AuditTrail audit, Clock clock) {
        this.convene = convene;
        this.records = records;
        this.audit = audit;
        this.clock = clock;
    }

    /** The name an erased person bears from then on. */
    public static String erasedName(long userId) {
        return "Erased user #" + userId;
    }

    /** Everything held about one person, as their export shows it. */
    public record Export(User user, List<Long> owned, List<Long> cohosted, List<PersonalTraces> meetings,
                         List<AttendanceReport> attendance, List<Event> events, List<AuditEntry> audit) {}

    /** What an erasure did: whether the person was erased now, and how much of what they left it changed. */
    public record Erasure(long userId, boolean erasedNow, long messages, int meetings, long deliveries, long auditRecords) {}

    /**
     * The export of user {@code userId}: their profile and role, the meetings they own and co-host, their attendance,
     * events, messages and bans, and the sealed audit records naming them. Reading every meeting's ban of them costs one
     * pipelined read per meeting.
     */
    public Export export(long userId) {
        User user = convene.user(userId);
        Set<Long> meetings = new LinkedHashSet<>(records.meetingsJoined(userId));
        List<Long> cohosted = new ArrayList<>();
        for (long after = 0; ; ) {
            List<Meeting> page = convene.meetings(after, PAGE);
            if (page.isEmpty()) break;
            for (Meeting m : page) {
                meetings.add(m.id());
                if (m.cohosts().contains(userId)) cohosted.add(m.id());
            }
            after = page.get(page.size() - 1).id();
        }
        List<AttendanceReport> attendance = new ArrayList<>();
        for (long after = 0; ; ) {
            List<AttendanceReport> page = convene.attendanceOf(userId, after, PAGE);
            attendance.addAll(page);
            if (page.size() < PAGE) break;
            after = page.get(page.size() - 1).instance().id();
        }
        return new Export(user, convene.meetingsOwnedBy(userId), cohosted, records.traces(userId, meetings), attendance,
                convene.eventsOfUser(userId), audit.naming(userId));
    }

    /**
     * Erases user {@code userId} on behalf of {@code acting} (an administrator), for {@code reason}: their chat texts
     * become "[removed]" and their name "Erased user #id" wherever they were (durations and counts stay), the webhook
     * messages still waiting that carry them are redacted, and the personal fields of the audit records about them are
     * deleted with their salt (the chains still verify). One who owns meetings is refused unless {@code handTo} names
     * an organizer or administrator to hand them to.
     */
    public Erasure erase(long userId, String reason, OptionalLong handTo, Acting acting) {
        if (reason == null || reason.isBlank()) throw RefusedException.invalid("reason", "is required: say why the person is erased");
        if (reason.length() > 500) throw RefusedException.invalid("reason", "must be at most 500 characters");
        String why = reason.strip();
        if (convene.userExists(userId)) {
            if (handTo.isPresent()) convene.roles().deleteHandingOver(userId, handTo.getAsLong(), acting.actor(), acting.requestId());
            else convene.deleteUser(userId, acting);
        }
        boolean now = records.erase(userId, why, acting, clock.instant());
        String name = erasedName(userId);
        long messages = 0;
        Set<Long> instances = new LinkedHashSet<>();
        Set<Long> meetings = records.meetingsJoined(userId);
        for (long meeting : meetings) {
            List<Long> in = records.eraseInMeeting(meeting, userId, name, REMOVED);
            instances.addAll(in);
        }
        for (PersonalTraces t : records.traces(userId, meetings)) messages += t.messages().size();
        long deliveries = records.eraseInDeliveries(userId, name, REMOVED, instances);
        long auditRecords = audit.forget(userId);
        return new Erasure(userId, now, messages, meetings.size(), deliveries, auditRecords);
    }
}
