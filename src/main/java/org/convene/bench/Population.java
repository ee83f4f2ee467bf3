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
 * A synthetic population: users, public and private meetings (a private one's audience is a random
 * tenth of the users), and one instance of each meeting, active for a day. Planned once from the
 * seed, then written into Convene or into the seed's layout with the same ids (users 1..n,
 * meetings and instances 1..m), so both systems are measured on the same data.
 */
final class Population {
    /** What callers post: 100 characters, the size the memory figures are given for. */
    static final String MESSAGE = "Benchmark message of exactly one hundred characters, posted by a caller to see what chat costs. ok!.";

    final List<Long> users = new ArrayList<>();
    final List<Long> instances = new ArrayList<>();
    final List<List<Long>> admitted = new ArrayList<>();
    final List<Boolean> isPrivate = new ArrayList<>();

    static Population plan(BenchSettings settings) {
        Population population = new Population();
        SplittableRandom random = new SplittableRandom(settings.seed());
        for (long u = 1; u <= settings.users(); u++) population.users.add(u);
        for (int m = 0; m < settings.meetings(); m++) {
            boolean isPrivate = random.nextDouble() < settings.privateShare();
            List<Long> admitted = new ArrayList<>();
            for (long u = 1; u <= settings.users(); u++) if (!isPrivate || random.nextInt(10) == 0) admitted.add(u);
            if (admitted.isEmpty()) admitted.add(1L);
            population.isPrivate.add(isPrivate);
            population.admitted.add(admitted);
            population.instances.add((long) m + 1);
        }
        return population;
    }

    static String email(long user) {
        return "bench" + user + "@example.com";
    }

    private List<String> audience(int meeting) {
        return isPrivate.get(meeting) ? admitted.get(meeting).stream().map(Population::email).toList() : List.of();
    }

    /** Writes the population through Convene's ordinary operations; the store must be empty. */
    Population writeTo(Convene convene) {
        for (long user : users) {
            long id = convene.createUser(new UserDetails("Bench User " + user, 20 + (int) (user % 50), "", email(user))).id();
            if (id != user) throw new IllegalStateException("the store was not empty: user " + user + " got id " + id);
        }
        Instant now = convene.clock().instant();
        for (int m = 0; m < instances.size(); m++) {
            long meeting = convene.createMeeting(new MeetingDetails("Bench meeting " + (m + 1), "", !isPrivate.get(m),
                    audience(m))).id();
            convene.createInstance(meeting, new TimeWindow(now.minus(Duration.ofMinutes(1)), now.plus(Duration.ofDays(1))));
        }
        return this;
    }

    /** Writes the same population in the seed's layout. */
    Population writeTo(SeedAlgorithm seed) {
        for (long user : users) seed.addUser(user, "Bench User " + user, 20 + (int) (user % 50), "", email(user));
        for (int m = 0; m < instances.size(); m++) {
            seed.addMeeting(m + 1, "Bench meeting " + (m + 1), !isPrivate.get(m), audience(m));
            seed.addInstance(m + 1, m + 1, true);
        }
        return this;
    }
}
