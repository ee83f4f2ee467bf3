package org.convene.http;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;

/**
 * Random series as a client might send them, valid or not: every FREQ, BY* lists of any length (out of range too),
 * INTERVALs up to the largest int, COUNTs and UNTILs far out, zones that are IANA names, offsets or nonsense, and
 * starts in years a series may not use (0001, 9999, +10000, -0001).
 */
final class RandomRules {
    private static final String[] FREQS = {"DAILY", "WEEKLY", "MONTHLY", "YEARLY"};
    private static final String[] ANY_FREQS = {"DAILY", "WEEKLY", "MONTHLY", "YEARLY", "HOURLY", "MINUTELY", "SECONDLY"};
    private static final String[] DAYS = {"MO", "TU", "WE", "TH", "FR", "SA", "SU"};
    private static final String[] ZONES = {"UTC", "Europe/Athens", "America/New_York", "Asia/Kolkata", "Australia/Lord_Howe",
        "Pacific/Chatham", "Etc/GMT-14"};
    private static final String[] BAD_ZONES = {"UTC+05:30", "UT+01:00", "UT-03", "+02:00", "GMT+2", "Z", "Mars/Olympus", ""};
    private static final String[] YEARS = {"2026", "2027"};
    private static final String[] BAD_YEARS = {"0001", "9999", "+10000", "-0001", "1999", "2000", "2200", "2201"};
    private static final int[] INTERVALS = {1, 2, 3, 7, 10, 24, 104, 366};
    private static final int[] BAD_INTERVALS = {11, 25, 105, 367, 1000, 2147483647, 0, -1};

    private RandomRules() {}

    /** One series' fields, for the API. */
    record Case(String rrule, String start, String timeZone, Integer durationMinutes) {}

    static Case next(SplittableRandom random) {
        String freq = hostile(random) ? pick(random, ANY_FREQS) : pick(random, FREQS);
        List<String> parts = new ArrayList<>(List.of("FREQ=" + freq));
        if (random.nextInt(3) == 0) {
            parts.add("INTERVAL=" + (hostile(random) ? pick(random, BAD_INTERVALS) : pick(random, INTERVALS)));
        }
        if (random.nextInt(4) == 0) parts.add("BYMONTH=" + numbers(random, 1, 12, false, 4));
        if (random.nextInt(4) == 0) parts.add("BYMONTHDAY=" + numbers(random, 1, 31, true, 5));
        if (random.nextInt(3) == 0) parts.add("BYDAY=" + days(random));
        if (random.nextInt(3) == 0) parts.add("BYHOUR=" + numbers(random, 0, 23, false, hostile(random) ? 24 : 3));
        if (random.nextInt(3) == 0) parts.add("BYMINUTE=" + numbers(random, 0, 59, false, hostile(random) ? 60 : 3));
        if (random.nextInt(12) == 0) parts.add("BYSECOND=" + numbers(random, 0, 59, false, 3));
        if (random.nextInt(8) == 0) parts.add("BYSETPOS=" + numbers(random, 1, 366, true, 2));
        if (random.nextInt(10) == 0) parts.add("BYYEARDAY=" + numbers(random, 1, 366, true, 3));
        if (random.nextInt(10) == 0) parts.add("BYWEEKNO=" + numbers(random, 1, 53, true, 3));
        if (random.nextInt(10) == 0) parts.add("WKST=" + pick(random, DAYS));
        switch (random.nextInt(4)) {
            case 0 -> parts.add("COUNT=" + (hostile(random) ? pick(random, new int[] {1001, 100_000, 2147483647, 0})
                    : 1 + random.nextInt(1000)));
            case 1 -> parts.add(String.format("UNTIL=%04d%02d%02dT%02d0000Z", hostile(random) ? 1990 + random.nextInt(320)
                    : 2026 + random.nextInt(5), 1 + random.nextInt(12), 1 + random.nextInt(28), random.nextInt(24)));
            default -> { }
        }
        String year = hostile(random) ? pick(random, BAD_YEARS) : pick(random, YEARS);
        String start = year + String.format("-%02d-%02dT%02d:%02d", 1 + random.nextInt(12), 1 + random.nextInt(28),
                random.nextInt(24), 15 * random.nextInt(4));
        int roll = random.nextInt(20);
        Integer minutes = roll == 0 ? null : roll == 1 ? 0 : roll == 2 ? 1441 : roll < 6 ? 1 + random.nextInt(1440)
                : 5 + random.nextInt(90);
        return new Case(String.join(";", parts), start, hostile(random) ? pick(random, BAD_ZONES) : pick(random, ZONES), minutes);
    }

    /** One field in six is drawn from what must be refused. */
    private static boolean hostile(SplittableRandom random) {
        return random.nextInt(6) == 0;
    }

    private static int pick(SplittableRandom random, int[] from) {
        return from[random.nextInt(from.length)];
    }

    private static String pick(SplittableRandom random, String[] from) {
        return from[random.nextInt(from.length)];
    }

    /** Up to {@code most} distinct numbers from {@code low} to {@code high}, some negative when {@code signed}. */
    private static String numbers(SplittableRandom random, int low, int high, boolean signed, int most) {
        TreeSet<Integer> chosen = new TreeSet<>();
        int count = 1 + random.nextInt(most);
        for (int i = 0; i < count; i++) {
            int n = low + random.nextInt(high - low + 1);
            chosen.add(signed && random.nextBoolean() ? -n : n);
        }
        return String.join(",", chosen.stream().map(String::valueOf).toList());
    }

    private static String days(SplittableRandom random) {
        List<String> chosen = new ArrayList<>();
        for (String day : DAYS) {
            if (random.nextInt(3) != 0) continue;
            chosen.add(random.nextInt(5) == 0 ? (random.nextBoolean() ? "-" : "") + (1 + random.nextInt(5)) + day : day);
        }
        return chosen.isEmpty() ? pick(random, DAYS) : String.join(",", chosen);
    }
}
