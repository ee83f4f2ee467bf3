package org.convene.view;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.convene.core.PersonalData;
import org.convene.model.PersonalTraces;

/** A person's data as the API and the command line show it: their export, and what an erasure did. */
public final class PersonalViews {
    private PersonalViews() {}

    /** What one meeting holds about the person. */
    public record MeetingTracesView(long meetingId, boolean owner, boolean cohost, Map<String, Object> ban,
                                    List<Views.MessageView> messages) {
        static MeetingTracesView of(PersonalTraces t) {
            Map<String, Object> ban = t.ban().<Map<String, Object>>map(b -> b.until() == null
                    ? Map.of("reason", b.reason()) : Map.of("until", b.until(), "reason", b.reason())).orElse(null);
            return new MeetingTracesView(t.meetingId(), t.owner(), t.cohost(), ban,
                    t.messages().stream().map(Views.MessageView::of).toList());
        }
    }

    /** The export: one document with everything held about the person. */
    public record ExportView(Instant exportedAt, Views.UserView profile, String role, List<Long> meetingsOwned,
                             List<Long> meetingsCohosted, List<MeetingTracesView> meetings,
                             List<AttendanceViews.UserAttendanceView> attendance, List<Views.EventView> events,
                             List<AuditView> audit) {
        /** The export made at {@code at}. */
        public static ExportView of(PersonalData.Export e, Instant at) {
            return new ExportView(at, Views.UserView.of(e.user()), e.user().role().wire(), e.owned(), e.cohosted(),
                    e.meetings().stream().map(MeetingTracesView::of).toList(),
                    e.attendance().stream().map(AttendanceViews.UserAttendanceView::of).toList(),
                    e.events().stream().map(Views.EventView::of).toList(), e.audit().stream().map(AuditView::of).toList());
        }
    }

    /** What an erasure did. */
    public record ErasureView(long userId, boolean erasedNow, String name, long messagesRemoved, int meetings,
                              long webhookMessagesRedacted, long auditRecordsBlanked) {
        public static ErasureView of(PersonalData.Erasure done) {
            return new ErasureView(done.userId(), done.erasedNow(), PersonalData.erasedName(done.userId()), done.messages(),
                    done.meetings(), done.deliveries(), done.auditRecords());
        }
    }
}
