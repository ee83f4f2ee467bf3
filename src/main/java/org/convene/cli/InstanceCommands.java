package org.convene.cli;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.convene.model.MeetingInstance;
import org.convene.model.TimeWindow;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.TypeConversionException;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code convene instance ...}: schedule, read, move, delete and list meeting instances. */
@Command(name = "instance", description = "Manage meeting instances.", mixinStandardHelpOptions = true,
        footer = {"", "Times: ISO-8601 (2026-05-10T10:00:00Z), 'now', or from now: +10m, +1h30m, -5m."})
final class InstanceCommands {
    @ParentCommand
    ConveneCommand root;

    @Command(mixinStandardHelpOptions = true, name = "create", description = "Schedule an instance of a meeting on [from, to).")
    void create(@Option(names = "--meeting", paramLabel = "MEETING", required = true, converter = Converters.Id.class, description = "The meeting's id.") long meeting,
                @Option(names = "--from", required = true, paramLabel = "TIME", description = "When it starts: an ISO-8601 time (2026-12-01T10:00:00Z), now, or a distance from now: +10m, +1h30m, -5m (d, h, m, s).") String from,
                @Option(names = "--to", required = true, paramLabel = "TIME", description = "When it ends: an ISO-8601 time (2026-12-01T10:00:00Z), now, or a distance from now: +10m, +1h30m, -5m (d, h, m, s).") String to) {
        MeetingInstance instance = root.convene().createInstance(meeting, window(from, to));
        root.output().result("Meeting instance " + instance.id() + " created: " + Output.instance(instance), instance);
    }

    /** Reads both times against the command's clock, so that "+10m" means ten minutes from its now. */
    private TimeWindow window(String from, String to) {
        Instant now = root.context.clock().instant();
        return new TimeWindow(time("--from", from, now), time("--to", to, now));
    }

    private Instant time(String option, String value, Instant now) {
        try {
            return Converters.Time.parse(value, now);
        } catch (TypeConversionException e) {
            throw new ParameterException(root.spec.commandLine(),
                    "Invalid value for option '" + option + "': " + e.getMessage());
        }
    }

    @Command(mixinStandardHelpOptions = true, name = "get", description = "Show an instance with its status now.")
    void get(@Parameters(paramLabel = "INSTANCE", converter = Converters.Id.class, description = "The meeting instance's id.") long id) {
        MeetingInstance instance = root.convene().instance(id);
        root.output().result(Output.instance(instance), instance);
    }

    @Command(mixinStandardHelpOptions = true, name = "list", description = "List the instances of a meeting in time order.")
    void list(@Option(names = "--meeting", paramLabel = "MEETING", required = true, converter = Converters.Id.class, description = "The meeting's id.") long meeting) {
        List<MeetingInstance> instances = root.convene().instancesOf(meeting);
        root.output().lines(instances.isEmpty() ? List.of("Meeting " + meeting + " has no instances")
                : instances.stream().map(Output::instance).toList(), instances);
    }

    @Command(mixinStandardHelpOptions = true, name = "update", description = "Move an instance; once started only its end may change.")
    void update(@Parameters(paramLabel = "INSTANCE", converter = Converters.Id.class, description = "The meeting instance's id.") long id,
                @Option(names = "--from", required = true, paramLabel = "TIME", description = "When it starts: an ISO-8601 time (2026-12-01T10:00:00Z), now, or a distance from now: +10m, +1h30m, -5m (d, h, m, s).") String from,
                @Option(names = "--to", required = true, paramLabel = "TIME", description = "When it ends: an ISO-8601 time (2026-12-01T10:00:00Z), now, or a distance from now: +10m, +1h30m, -5m (d, h, m, s).") String to) {
        MeetingInstance instance = root.convene().updateInstance(id, window(from, to));
        root.output().result("Meeting instance " + id + " updated: " + Output.instance(instance), instance);
    }

    @Command(mixinStandardHelpOptions = true, name = "delete", description = "Delete an instance that is not active and has no events or chat.")
    void delete(@Parameters(paramLabel = "INSTANCE", converter = Converters.Id.class, description = "The meeting instance's id.") long id) {
        root.convene().deleteInstance(id);
        root.output().result("Meeting instance " + id + " deleted", Map.of("deleted", id));
    }
}
