package org.convene.http;

import java.time.Instant;
import java.util.List;
import org.convene.model.ActiveInstance;
import org.convene.model.Event;
import org.convene.model.Meeting;
import org.convene.model.MeetingInstance;
import org.convene.model.Participant;
import org.convene.model.User;

/** The JSON shapes of the API's answers. */
final class Views {
    private Views() {}

    record UserView(long id, String name, int age, String gender, String email, long version) {
        static UserView of(User u) {
            return new UserView(u.id(), u.name(), u.details().age(), u.details().gender(), u.email(), u.version());
        }
    }

    /** The caller: the administrator, or a user with their details. */
    record Me(boolean admin, UserView user) {}

    record CreatedUser(UserView user, String token) {}

    record TokenView(long userId, String token) {}

    /** A meeting; its audience is shown to the administrator only. */
    record MeetingView(long id, String title, String description, boolean isPublic, List<String> audience, long version) {
        static MeetingView of(Meeting m, Caller caller) {
            var d = m.details();
            return new MeetingView(m.id(), d.title(), d.description(), d.isPublic(), caller.admin() ? d.audience() : null,
                    m.version());
        }
    }

    record InstanceView(long id, long meetingId, long orderId, Instant from, Instant to, String status) {
        static InstanceView of(MeetingInstance i) {
            return new InstanceView(i.id(), i.meetingId(), i.orderId(), i.from(), i.to(), i.status().wireName());
        }
    }

    record EventView(long id, String type, long userId, long instanceId, Instant timestamp) {
        static EventView of(Event e) {
            return new EventView(e.id(), e.type().seedName(), e.userId(), e.instanceId(), e.timestamp());
        }
    }

    /**
     * An active instance with its meeting, never with the meeting's audience: a list of every active
     * instance would otherwise carry up to 10,000 e-mails per private meeting (GET /meetings/{id} has them).
     */
    record ActiveView(InstanceView instance, MeetingView meeting, List<Participant> participants) {
        static ActiveView of(ActiveInstance a, boolean withParticipants) {
            return new ActiveView(InstanceView.of(a.instance()), MeetingView.of(a.meeting(), Caller.user(0, "")),
                    withParticipants ? a.participants() : null);
        }
    }

    record Problem(String type, String title, int status, String detail, String instance) {}
}
