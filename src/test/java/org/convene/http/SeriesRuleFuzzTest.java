package org.convene.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import org.convene.model.MeetingDetails;
import org.convene.testing.ApiServer;
import org.junit.jupiter.api.Test;

/**
 * Random series against a real server (seeded: {@code -Dfuzz.seed}, {@code -Dfuzz.cases}, 300 by default), each
 * in a meeting of its own: every answer is 201 or 400 and comes within two seconds, a 400 leaves the meeting as it
 * was, and what was made is cheap to read (its series and its calendar feed).
 */
class SeriesRuleFuzzTest extends ApiServerTest {
    static final long SEED = Long.getLong("fuzz.seed", 20261206L);
    static final int CASES = Integer.getInteger("fuzz.cases", 300);
    static final Duration ANSWER_WITHIN = Duration.ofSeconds(2);

    @Test
    void everyRuleIsMadeOrRefusedQuicklyAndWhatIsMadeIsCheapToRead() {
        api.reset();
        SplittableRandom random = new SplittableRandom(SEED);
        int made = 0;
        Duration slowest = Duration.ZERO;
        Duration slowestRead = Duration.ZERO;
        String slowestCase = "";
        for (int i = 0; i < CASES; i++) {
            RandomRules.Case c = RandomRules.next(random);
            long id = api.convene.createMeeting(new MeetingDetails("Fuzz " + i, "", true, List.of())).id();
            String before = SeriesRequests.meeting(api, id);
            String described = "case " + i + " of seed " + SEED + ": " + c;

            long started = System.nanoTime();
            var answer = api.call("POST", "/meetings/" + id + "/series", ApiServer.ADMIN,
                    SeriesRequests.json(c.rrule(), c.start(), c.timeZone(), c.durationMinutes()));
            Duration took = Duration.ofNanos(System.nanoTime() - started);

            assertThat(answer.status()).as(described + " answered " + answer.raw().body()).isIn(201, 400);
            assertThat(took).as(described).isLessThan(ANSWER_WITHIN);
            if (took.compareTo(slowest) > 0) {
                slowest = took;
                slowestCase = described;
            }
            if (answer.status() == 400) {
                assertThat(SeriesRequests.meeting(api, id)).as(described + " left something behind").isEqualTo(before);
                continue;
            }
            made++;
            for (String read : new String[] {"/meetings/" + id + "/series", "/meetings/" + id + "/calendar.ics"}) {
                Duration cost = SeriesRequests.readTime(api, read, api.john);
                assertThat(cost).as(described + ": " + read).isLessThan(SeriesRequests.CHEAP_READ);
                if (cost.compareTo(slowestRead) > 0) slowestRead = cost;
            }
        }
        System.out.printf("Series fuzz, seed %d: %d cases, %d made, %d refused; slowest answer %d ms (%s); slowest read %d ms%n",
                SEED, CASES, made, CASES - made, slowest.toMillis(), slowestCase, slowestRead.toMillis());
    }
}
