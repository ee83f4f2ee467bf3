package org.convene.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.convene.core.Convene;
import org.convene.model.MeetingDetails;
import org.convene.model.TimeWindow;
import org.convene.model.UserDetails;

/**
 * A synthetic population written through the ordinary operations: users, public and private
 * meetings (a private one's audience is a random tenth of the users), and one instance of each
 * meeting, active for a day. For each instance, the users it admits.
 */
final class Population {
    final List<Long> users = new ArrayList<>();
    final List<Long> instances = new ArrayList<>();
    final List<List<Long>> admitted = new ArrayList<>();

    static Population load(Convene convene, BenchSettings settings) {
        Population population = new Population();
        SplittableRandom random = new SplittableRandom(settings.seed());
        List<String> emails = new ArrayList<>();
        for (int i = 0; i < settings.users(); i++) {
            String email = "bench" + i + "@example.com";
            population.users.add(convene.createUser(new UserDetails("Bench User " + i, 20 + i % 50, "", email)).id());
            emails.add(email);
        }
        Instant now = convene.clock().instant();
        for (int m = 0; m < settings.meetings(); m++) {
            boolean isPrivate = random.nextDouble() < settings.privateShare();
            List<String> audience = new ArrayList<>();
            List<Long> admitted = new ArrayList<>();
            for (int u = 0; u < settings.users(); u++) {
                if (!isPrivate || random.nextInt(10) == 0) {
                    admitted.add(population.users.get(u));
                    if (isPrivate) audience.add(emails.get(u));
                }
            }
            if (admitted.isEmpty()) {
                admitted.add(population.users.get(0));
                audience.add(emails.get(0));
            }
            long meeting = convene.createMeeting(new MeetingDetails("Bench meeting " + m, "", !isPrivate, audience)).id();
            population.instances.add(convene.createInstance(meeting,
                    new TimeWindow(now.minus(Duration.ofMinutes(1)), now.plus(Duration.ofDays(1)))).id());
            population.admitted.add(admitted);
        }
        return population;
    }
}
