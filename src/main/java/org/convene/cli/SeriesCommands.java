package org.convene.cli;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.convene.model.TimeWindow;
import org.convene.series.Recurrences;
import org.convene.series.Series;
import org.convene.series.SeriesRule;
import org.convene.view.CalendarFeed;
import org.convene.view.SeriesView;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.TypeConversionException;

/** {@code convene series ...}: recurring series of a meeting, and its calendar feed. */
@Command(name = "series", description = "Manage recurring series of a meeting (RFC 5545 rules).", mixinStandardHelpOptions = true)
final class SeriesCommands {
    @ParentCommand
    ConveneCommand root;

    @Command(mixinStandardHelpOptions = true, name = "create",
            description = "Create a series; its occurrences in the next 60 days become instances at once.")
    void create(@Option(names = "--meeting", required = true, paramLabel = "MEETING", converter = Converters.Id.class,
                        description = "The meeting's id.") long meeting,
                @Option(names = "--rrule", required = true, description = "An RFC 5545 rule, such as 'FREQ=WEEKLY;BYDAY=MO;COUNT=10' "
                        + "(held to the rule limits README describes).") String rrule,
                @Option(names = "--start", required = true, description = "The first occurrence, a local date-time such as 2026-12-07T09:00.") String start,
                @Option(names = "--zone", required = true, description = "The IANA time zone of --start, such as Europe/Athens.") String zone,
                @Option(names = "--minutes", required = true, description = "How long each occurrence lasts (1 to 1440).") int minutes) {
        Series made = recurrences().create(meeting, SeriesRule.of(rrule, start, zone, minutes));
        root.output().result("Series " + made.id() + " created: " + line(made), SeriesView.of(made, now()));
    }

    @Command(mixinStandardHelpOptions = true, name = "list", description = "List a meeting's series.")
    void list(@Option(names = "--meeting", required = true, paramLabel = "MEETING", converter = Converters.Id.class,
                      description = "The meeting's id.") long meeting) {
        List<Series> all = recurrences().of(meeting);
        root.output().lines(all.isEmpty() ? List.of("No series") : all.stream().map(SeriesCommands::line).toList(),
                all.stream().map(s -> SeriesView.of(s, now())).toList());
    }

    @Command(mixinStandardHelpOptions = true, name = "delete",
            description = "Delete a series and its occurrences still to come; those that ran stay.")
    void delete(@Option(names = "--meeting", required = true, paramLabel = "MEETING", converter = Converters.Id.class,
                        description = "The meeting's id.") long meeting,
                @Parameters(paramLabel = "SERIES", converter = Converters.Id.class, description = "The series' id.") long series) {
        List<Long> deleted = recurrences().delete(meeting, series);
        root.output().result("Series " + series + " deleted with " + deleted.size() + " occurrences to come",
                Map.of("deletedInstances", deleted));
    }

    @Command(mixinStandardHelpOptions = true, name = "cancel", description = "Cancel one occurrence, made or not yet.")
    void cancel(@Option(names = "--meeting", required = true, paramLabel = "MEETING", converter = Converters.Id.class,
                        description = "The meeting's id.") long meeting,
                @Parameters(index = "0", paramLabel = "SERIES", converter = Converters.Id.class, description = "The series' id.") long series,
                @Parameters(index = "1", paramLabel = "OCCURRENCE",
                        description = "The occurrence's original start (its recurrence id), such as 2026-12-07T07:00:00Z.") String occurrence) {
        recurrences().cancel(meeting, series, instant("OCCURRENCE", occurrence));
        root.output().result("Occurrence " + occurrence + " of series " + series + " cancelled", Map.of("cancelled", occurrence));
    }

    @Command(mixinStandardHelpOptions = true, name = "move", description = "Move one occurrence; it keeps its recurrence id.")
    void move(@Option(names = "--meeting", required = true, paramLabel = "MEETING", converter = Converters.Id.class,
                      description = "The meeting's id.") long meeting,
              @Parameters(index = "0", paramLabel = "SERIES", converter = Converters.Id.class, description = "The series' id.") long series,
              @Parameters(index = "1", paramLabel = "OCCURRENCE",
                      description = "The occurrence's original start (its recurrence id), such as 2026-12-07T07:00:00Z.") String occurrence,
              @Option(names = "--from", required = true, paramLabel = "TIME", description = "Its new start (ISO-8601).") String from,
              @Option(names = "--to", required = true, paramLabel = "TIME", description = "Its new end (ISO-8601).") String to) {
        long instance = recurrences().occurrenceInstance(meeting, series, instant("OCCURRENCE", occurrence));
        var moved = root.convene().updateInstance(instance, new TimeWindow(instant("--from", from),
                instant("--to", to)));
        root.output().result("Occurrence " + occurrence + " moved: " + Output.instance(moved), moved);
    }

    @Command(mixinStandardHelpOptions = true, name = "split",
            description = "Change the series from one occurrence onward: it ends before it and a new series takes over.")
    void split(@Option(names = "--meeting", required = true, paramLabel = "MEETING", converter = Converters.Id.class,
                       description = "The meeting's id.") long meeting,
               @Parameters(index = "0", paramLabel = "SERIES", converter = Converters.Id.class, description = "The series' id.") long series,
               @Parameters(index = "1", paramLabel = "OCCURRENCE",
                       description = "The first occurrence to change, by its original start, such as 2026-12-07T07:00:00Z.") String occurrence,
               @Option(names = "--rrule", description = "The new rule (default: the series' rule, with what remains of its COUNT).") String rrule,
               @Option(names = "--start", description = "The new first start, local (default: the occurrence's).") String start,
               @Option(names = "--zone", description = "The new time zone (default: the series').") String zone,
               @Option(names = "--minutes", description = "The new length (default: the series').") Integer minutes) {
        var at = instant("OCCURRENCE", occurrence);
        Series made = recurrences().split(meeting, series, at,
                Recurrences.changed(recurrences().get(meeting, series), at, rrule, start, zone, minutes));
        root.output().result("Series " + series + " now ends before " + occurrence + "; series " + made.id() + " goes on: "
                + line(made), SeriesView.of(made, now()));
    }

    private Instant instant(String name, String value) {
        try {
            return Converters.Time.parse(value, now());
        } catch (TypeConversionException e) {
            throw new ParameterException(root.spec.commandLine(), "Invalid value for " + name + ": " + e.getMessage());
        }
    }

    @Command(mixinStandardHelpOptions = true, name = "calendar", description = "Print the meeting's iCalendar feed.")
    void calendar(@Option(names = "--meeting", required = true, paramLabel = "MEETING", converter = Converters.Id.class,
                          description = "The meeting's id.") long meeting) {
        var convene = root.convene();
        String ics = CalendarFeed.of(convene.meeting(meeting), recurrences().of(meeting), convene.instancesOf(meeting), now());
        root.output().result(ics.stripTrailing(), Map.of("calendar", ics));
    }

    private Recurrences recurrences() {
        return root.context.services().recurrences();
    }

    private Instant now() {
        return root.context.clock().instant();
    }

    private static String line(Series s) {
        return "#" + s.id() + "  " + s.rule().rrule() + "  from " + s.rule().start() + " " + s.rule().zone().getId() + ", "
                + s.rule().length().toMinutes() + " min, " + s.occurrences().size() + " occurrences made";
    }
}
