package org.convene.core;

import java.util.ArrayList;
import java.util.List;
import org.convene.model.Meeting;
import org.convene.model.MeetingInstance;
import org.convene.model.User;
import org.convene.series.Recurrences;
import org.convene.series.Series;

/**
 * What calendar feeds show: one meeting's series and instances, or every meeting a user may join (public,
 * or with them in its audience), as calendar apps poll it through the user's feed token.
 */
public final class Calendars {
    private final Convene convene;
    private final Recurrences recurrences;

    public Calendars(Convene convene, Recurrences recurrences) {
        this.convene = convene;
        this.recurrences = recurrences;
    }

    /** A meeting with its series and its instances. */
    public record MeetingCalendar(Meeting meeting, List<Series> series, List<MeetingInstance> instances) {
    }

    /** One meeting's calendar. */
    public MeetingCalendar of(long meetingId) {
        Meeting meeting = convene.meeting(meetingId);
        return new MeetingCalendar(meeting, recurrences.of(meetingId), convene.instancesOf(meetingId));
    }

    /** The calendars of every meeting user {@code userId} may join, by meeting id. */
    public List<MeetingCalendar> forUser(User user) {
        List<MeetingCalendar> all = new ArrayList<>();
        for (Meeting m : convene.meetingsOpenTo(user)) {
            all.add(new MeetingCalendar(m, recurrences.of(m.id()), convene.instancesOf(m.id())));
        }
        return all;
    }
}
