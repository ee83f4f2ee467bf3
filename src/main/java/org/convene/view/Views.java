package org.convene.view;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import org.convene.core.Access;
import org.convene.core.Caller;
import org.convene.model.ActiveInstance;
import org.convene.model.ChatMessage;
import org.convene.model.Event;
import org.convene.model.Meeting;
import org.convene.model.MeetingInstance;
import org.convene.model.Participant;
import org.convene.model.Presence;
import org.convene.model.User;

/**
 * What callers see of the model, the same through the API and the command line's {@code --json}:
 * the shapes, and what {@link Access} hides from whom (the audience list, a private meeting's participants).
 */
public final class Views {
    private Views() {}

    /** A user with their global role ({@code admin}, {@code organizer} or {@code member}); {@code age} only where given, {@code suspended} only while they are. */
    public record UserView(long id, String name, Integer age, String gender, String email, long version, String role,
                           Boolean suspended) {
        public static UserView of(User u) {
            return new UserView(u.id(), u.name(), u.details().age(), u.details().gender(), u.email(), u.version(),
                    u.role().wire(), u.suspended() ? Boolean.TRUE : null);
        }
    }

    /** The caller: root (the administrator token, no user), or a user with their details and role; admin for both kinds of administrator. */
    /** Who signed in; a guest also with the one occurrence their link was for ({@code guestOf}, absent otherwise). */
    public record Me(boolean admin, UserView user, Long guestOf) {
        public Me(boolean admin, UserView user) {
            this(admin, user, null);
        }
    }

    public record CreatedUser(UserView user, String token) {}

    public record TokenView(long userId, String token) {}

    /** A meeting; its audience is shown only to those {@link Access#seesAudience} allows. */
    /**
     * A meeting; {@code ownerId} is null for one the administrators run (made by root, or before owners existed). Its
     * co-hosts and options are shown to all who see it: they say who keeps order and how. Whether it has a call
     * ({@code hasCallLink}, present only when it has) is said to all; the call's address only to those who see the
     * audience (who run it): the others get it inside a live instance, from {@code GET /instances/{id}/call}.
     */
    public record MeetingView(long id, String title, String description, boolean isPublic, List<String> audience,
                              Integer capacity, Presence presence, Integer reminderMinutes, long version,
                              @JsonInclude(JsonInclude.Include.ALWAYS) Long ownerId, List<Long> cohostIds,
                              String chatMode, boolean cohostsCanEnd, String attendanceView, String lobby,
                              Boolean hasCallLink, String callUrl, List<String> audienceWithoutUser) {
        /** The meeting as shown; {@code withAudience} (the caller runs it) adds its audience and its call's address. */
        public static MeetingView of(Meeting m, boolean withAudience) {
            var d = m.details();
            var o = m.options();
            return new MeetingView(m.id(), d.title(), d.description(), d.isPublic(), withAudience ? d.audience() : null,
                    d.capacity() == 0 ? null : d.capacity(), d.presence().on() ? d.presence() : null,
                    d.reminderMinutes() == 0 ? null : d.reminderMinutes(), m.version(),
                    m.owner().isPresent() ? m.owner().getAsLong() : null, m.cohosts(), o.chatMode().wire(),
                    o.cohostsCanEnd(), o.attendanceView().wire(), o.lobby().wire(), o.callUrl() == null ? null : Boolean.TRUE,
                    withAudience ? o.callUrl() : null, null);
        }

        /**
         * The same, as a save answers it to whoever wrote the audience: with the addresses that belong to nobody yet
         * (absent when there are none), so that a typo is seen at once; such people can still be invited later.
         */
        public MeetingView withAudienceWithoutUser(List<String> addresses) {
            return new MeetingView(id, title, description, isPublic, audience, capacity, presence, reminderMinutes, version,
                    ownerId, cohostIds, chatMode, cohostsCanEnd, attendanceView, lobby, hasCallLink, callUrl,
                    addresses.isEmpty() ? null : addresses);
        }
    }

    /** An instance; once ended, when it actually ended and whether by the administrator (early) or its schedule. */
    public record InstanceView(long id, long meetingId, long orderId, Instant from, Instant to, String status,
                               Instant endedAt, String endedBy, Long seriesId, Instant recurrenceId) {
        public static InstanceView of(MeetingInstance i) {
            Instant ended = i.endedAtOrEnd();
            return new InstanceView(i.id(), i.meetingId(), i.orderId(), i.from(), i.to(), i.status().wireName(), ended,
                    ended == null ? null : i.endedEarly() ? "administrator" : "schedule",
                    i.series() == null ? null : i.series().seriesId(), i.series() == null ? null : i.series().recurrenceId());
        }
    }

    /**
     * An event of the events log, named as the seed names it ({@code join_meeting}...), with the seed's
     * code, and for a leave the user did not ask for, its reason ({@code removed}).
     */
    public record EventView(long id, String type, int code, long userId, long instanceId, Instant timestamp,
                            String reason) {
        public static EventView of(Event e) {
            return new EventView(e.id(), e.type().seedName(), e.type().code(), e.userId(), e.instanceId(), e.timestamp(),
                    e.reason());
        }
    }

    public record MessageView(long id, long instanceId, long userId, String text, Instant timestamp) {
        public static MessageView of(ChatMessage m) {
            return new MessageView(m.id(), m.instanceId(), m.userId(), m.text(), m.timestamp());
        }
    }

    /**
     * An active instance with its meeting, never with the meeting's audience: a list of every active
     * instance would otherwise carry up to 10,000 e-mails per private meeting (GET /meetings/{id} has
     * them). Participants only where asked for and the caller may see them.
     */
    public record ActiveView(InstanceView instance, MeetingView meeting, List<Participant> participants) {
        public static ActiveView of(ActiveInstance a, boolean withParticipants) {
            return new ActiveView(InstanceView.of(a.instance()), MeetingView.of(a.meeting(), false),
                    withParticipants ? a.participants() : null);
        }
    }

    /** The active instances as {@code caller} sees them. */
    public static List<ActiveView> active(List<ActiveInstance> active) {
        return active.stream().map(a -> ActiveView.of(a, false)).toList();
    }

    /** The join times as {@code caller} sees them: a private meeting's participants only for those inside. */
    public static List<ActiveView> joinTimes(List<ActiveInstance> active, Access access, Caller caller) {
        return active.stream().map(a -> ActiveView.of(a, access.seesInside(caller, a.meeting()))).toList();
    }
}
