package org.convene.testing;

import java.util.List;
import org.convene.core.Convene;
import org.convene.model.MeetingDetails;
import org.convene.model.MeetingInstance;
import org.convene.model.TimeWindow;
import org.convene.model.User;
import org.convene.model.UserDetails;

/**
 * The world tests start from, after the seed report's sample data: John (1) and Jane (2); the
 * public Team Standup (meeting 1) and a review private to John (meeting 2); instance 1 of the
 * standup and instance 2 of the review, in the windows the test chooses.
 */
public record SeedWorld(User john, User jane, long standup, long review, MeetingInstance first, MeetingInstance second) {

    /** Writes the world through {@code convene} on an empty store. */
    public static SeedWorld write(Convene convene, TimeWindow standupWindow, TimeWindow reviewWindow) {
        User john = convene.createUser(new UserDetails("John Doe", 25, "Male", "john.doe@example.com"));
        User jane = convene.createUser(new UserDetails("Jane Smith", 30, "Female", "jane.smith@example.com"));
        long standup = convene.createMeeting(new MeetingDetails("Team Standup", "Daily standup meeting for the team",
                true, List.of())).id();
        long review = convene.createMeeting(new MeetingDetails("Project Review", "Monthly review with John",
                false, List.of("john.doe@example.com"))).id();
        MeetingInstance first = convene.createInstance(standup, standupWindow);
        MeetingInstance second = convene.createInstance(review, reviewWindow);
        return new SeedWorld(john, jane, standup, review, first, second);
    }
}
