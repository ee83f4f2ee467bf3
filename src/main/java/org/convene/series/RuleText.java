package org.convene.series;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Edits of an RRULE's text that a split needs: where it ends. */
final class RuleText {
    private static final DateTimeFormatter UNTIL = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private RuleText() {}

    /** {@code rrule} ending just before {@code at}: its COUNT and UNTIL replaced by an UNTIL a second before. */
    static String endingBefore(String rrule, Instant at) {
        List<String> parts = withoutEnd(rrule);
        parts.add("UNTIL=" + UNTIL.format(at.minusSeconds(1)));
        return String.join(";", parts);
    }

    /** The rule of what remains of a series from {@code at}: a COUNT less those before it, or the same UNTIL. */
    static String remaining(SeriesRule rule, Instant at) {
        String upper = rule.rrule().toUpperCase(Locale.ROOT);
        int count = upper.indexOf("COUNT=");
        if (count < 0) return rule.rrule();
        int before = rule.between(Instant.EPOCH, at, Integer.MAX_VALUE).size();
        int total = Integer.parseInt(upper.substring(count + 6).split(";")[0]);
        List<String> parts = withoutEnd(rule.rrule());
        parts.add("COUNT=" + Math.max(1, total - before));
        return String.join(";", parts);
    }

    private static List<String> withoutEnd(String rrule) {
        List<String> parts = new ArrayList<>();
        for (String part : rrule.split(";")) {
            String name = part.split("=")[0].trim().toUpperCase(Locale.ROOT);
            if (!name.equals("COUNT") && !name.equals("UNTIL") && !part.isBlank()) parts.add(part.trim());
        }
        return parts;
    }
}
