package org.convene.cli;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.convene.core.AdjustableClock;
import org.convene.app.Node;
import org.convene.core.Convene;
import org.convene.model.MeetingDetails;
import org.convene.model.TimeWindow;
import org.convene.model.UserDetails;

/**
 * The sample data of the seed report's {@code redis_init.py}: John Doe (1) and Jane Smith (2); the
 * public Team Standup (meeting 1) and a review private to John (meeting 2); instance 1 of the
 * standup, on 2023-05-08 with Jane's "Hi, John!" in its chat; instance 2 of the review, active now.
 *
 * <p>It is written through the ordinary operations, on a clock set to 2023 for the part that is history.
 */
final class SeedData {
    static final Instant HISTORY = Instant.parse("2023-05-08T09:55:00Z");

    private SeedData() {}

    static void load(Node node, Instant now) {
        AdjustableClock clock = new AdjustableClock(HISTORY);
        Convene convene = node.convene(clock);
        convene.createUser(new UserDetails("John Doe", 25, "Male", "john.doe@example.com"));
        long jane = convene.createUser(new UserDetails("Jane Smith", 30, "Female", "jane.smith@example.com")).id();
        long standup = convene.createMeeting(new MeetingDetails("Team Standup", "Daily standup meeting for the team",
                true, List.of())).id();
        long review = convene.createMeeting(new MeetingDetails("Project Review", "Monthly project review with John",
                false, List.of("john.doe@example.com"))).id();
        long first = convene.createInstance(standup, new TimeWindow(Instant.parse("2023-05-08T10:00:00Z"),
                Instant.parse("2023-05-08T10:30:00Z"))).id();
        clock.set(Instant.parse("2023-05-08T10:30:00Z"));
        node.scheduler(clock, Duration.ofSeconds(1), t -> { }).tick();
        convene.importMessage(jane, first, "Hi, John!", Instant.parse("2023-05-08T10:12:00Z"));
        clock.set(now);
        convene.createInstance(review, new TimeWindow(now.minus(Duration.ofMinutes(5)), now.plus(Duration.ofHours(1))));
    }
}
