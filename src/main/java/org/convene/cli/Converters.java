package org.convene.cli;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.convene.model.Ids;
import org.convene.model.RefusedException;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Turns command-line words into ids and times, with messages that say what was wrong. */
final class Converters {
    private Converters() {}

    /** A positive integer id; {@code *}, {@code :}, {@code 0} or {@code -1} are refused. */
    static final class Id implements ITypeConverter<Long> {
        @Override
        public Long convert(String value) {
            try {
                return Ids.parse("id", value);
            } catch (RefusedException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    /**
     * A time read against a given now: an ISO-8601 instant or offset date-time
     * ({@code 2026-05-10T10:00:00Z}), {@code now}, or a distance from it: {@code +10m}, {@code +1h30m}, {@code -5m}.
     */
    static final class Time {
        private Time() {}

        private static final Pattern RELATIVE = Pattern.compile("([+-])((?:\\d+[dhms])+)");
        private static final Pattern PART = Pattern.compile("(\\d+)([dhms])");

        static Instant parse(String value, Instant now) {
            String v = value.trim();
            if (v.equals("now")) return now;
            Matcher relative = RELATIVE.matcher(v);
            if (relative.matches()) {
                Duration total = Duration.ZERO;
                Matcher part = PART.matcher(relative.group(2));
                while (part.find()) {
                    long n = Long.parseLong(part.group(1));
                    total = total.plus(switch (part.group(2)) {
                        case "d" -> Duration.ofDays(n);
                        case "h" -> Duration.ofHours(n);
                        case "m" -> Duration.ofMinutes(n);
                        default -> Duration.ofSeconds(n);
                    });
                }
                return relative.group(1).equals("+") ? now.plus(total) : now.minus(total);
            }
            try {
                return OffsetDateTime.parse(v).toInstant();
            } catch (DateTimeParseException e) {
                throw new TypeConversionException("'" + value + "' is not a time: use an ISO-8601 time such as "
                        + "2026-05-10T10:00:00Z, 'now', or a distance from now such as +10m or +1h30m");
            }
        }
    }
}
