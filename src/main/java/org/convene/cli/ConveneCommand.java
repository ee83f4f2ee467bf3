package org.convene.cli;

import java.util.List;
import org.convene.core.Caller;
import org.convene.core.Convene;
import org.convene.model.Actor;
import org.convene.model.AttendanceReport;
import org.convene.model.ActiveInstance;
import org.convene.model.ChatMessage;
import org.convene.model.Event;
import org.convene.model.Participant;
import org.convene.view.AttendanceCsv;
import org.convene.view.AttendanceViews;
import org.convene.view.Views;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code convene}: the meeting system from the command line; one subcommand per operation. */
@Command(name = "convene", mixinStandardHelpOptions = true, versionProvider = BuildVersion.class,
        description = "Meeting management on Redis: users, meetings, scheduled instances, events and chat.",
        subcommands = {UserCommands.class, MeetingCommands.class, HostCommands.class, LobbyCommands.class, AuditCommands.class, InstanceCommands.class,
                SeedCommand.class, DumpCommand.class, DemoCommand.class, SchedulerCommand.class,
                ServeCommand.class, AdminTokenCommand.class, BenchCommand.class, WebhookCommands.class, SeriesCommands.class},
        footer = {"", "Runs on an embedded Redis in ./data unless CONVENE_REDIS_URL is set; see README.md."})
final class ConveneCommand {
    @Spec
    CommandSpec spec;

    @Option(names = "--json", scope = ScopeType.INHERIT, description = "Print results as JSON.")
    boolean json;

    final Context context;

    ConveneCommand(Context context) {
        this.context = context;
    }

    Output output() {
        return new Output(spec.commandLine().getOut(), spec.commandLine().getErr(), json);
    }

    Convene convene() {
        return context.convene();
    }

    @Command(mixinStandardHelpOptions = true, name = "join", description = "A user joins an active meeting instance (the seed's function 1).")
    void join(@Parameters(paramLabel = "USER", converter = Converters.Id.class, description = "The user's id.") long user,
              @Parameters(paramLabel = "INSTANCE", converter = Converters.Id.class, description = "The meeting instance's id.") long instance) {
        var outcome = convene().enter(user, instance);
        if (outcome instanceof org.convene.model.Waiting waiting) {
            output().result("User " + user + " waits in the lobby for a host to let them in (number "
                    + waiting.position() + " in line)", waiting);
            return;
        }
        output().result("User " + user + " successfully joined meeting", outcome);
    }

    @Command(mixinStandardHelpOptions = true, name = "leave", description = "A user leaves a meeting instance they joined (the seed's function 2).")
    void leave(@Parameters(paramLabel = "USER", converter = Converters.Id.class, description = "The user's id.") long user,
               @Parameters(paramLabel = "INSTANCE", converter = Converters.Id.class, description = "The meeting instance's id.") long instance) {
        var left = convene().leave(user, instance);
        output().result("User successfully left the meeting", left);
    }

    @Command(mixinStandardHelpOptions = true, name = "remove",
            description = "Take a participant out of an active instance, as root: a leave whose reason is kicked, recorded in the meeting's audit trail.")
    void remove(@Parameters(paramLabel = "USER", converter = Converters.Id.class, description = "The user's id.") long user,
                @Parameters(paramLabel = "INSTANCE", converter = Converters.Id.class, description = "The meeting instance's id.") long instance) {
        var removed = convene().hosting().remove(user, instance, Actor.ROOT, "cli");
        output().result("User " + user + " was removed from the meeting", removed);
    }

    @Command(mixinStandardHelpOptions = true, name = "participants", description = "Current participants of an instance, with join times (the seed's function 3).")
    void participants(@Parameters(paramLabel = "INSTANCE", converter = Converters.Id.class, description = "The meeting instance's id.") long instance) {
        List<Participant> participants = convene().participants(instance);
        output().lines(participants.isEmpty() ? List.of("Meeting instance " + instance + " has no participants")
                : participants.stream().map(Output::participant).toList(), participants);
    }

    @Command(mixinStandardHelpOptions = true, name = "active", description = "Active meeting instances with their meetings (the seed's function 4).")
    void active() {
        List<ActiveInstance> active = convene().activeInstances();
        output().lines(active.isEmpty() ? List.of("No meeting instance is active")
                : active.stream().map(Output::active).toList(), Views.active(active));
    }

    @Command(mixinStandardHelpOptions = true, name = "end", description = "End an active instance; every participant times out (the seed's function 5).")
    void end(@Parameters(paramLabel = "INSTANCE", converter = Converters.Id.class, description = "The meeting instance's id.") long instance) {
        var ended = convene().end(instance);
        output().result("Meeting instance " + instance + " ended", ended);
    }

    @Command(mixinStandardHelpOptions = true, name = "post", description = "A participant posts a chat message (1 to 4,000 characters) (the seed's function 6).")
    void post(@Parameters(paramLabel = "USER", converter = Converters.Id.class, description = "The user's id.") long user,
              @Parameters(paramLabel = "INSTANCE", converter = Converters.Id.class, description = "The meeting instance's id.") long instance,
              @Parameters(paramLabel = "TEXT", arity = "1..*", description = "The message; several words are joined by spaces.")
              List<String> words) {
        ChatMessage posted = convene().post(user, instance, String.join(" ", words));
        output().result("Chat message posted", posted);
    }

    @Command(mixinStandardHelpOptions = true, name = "chat", description = "An instance's chat in posting order (the seed's function 7).")
    void chat(@Parameters(paramLabel = "INSTANCE", converter = Converters.Id.class, description = "The meeting instance's id.") long instance,
              @Option(names = "--after", defaultValue = "0", description = "Only messages after this id.") long after,
              @Option(names = "--limit", defaultValue = "100", description = "At most this many (1 to 1000).") int limit) {
        List<ChatMessage> chat = convene().chat(instance, after, limit);
        output().lines(chat.isEmpty() ? List.of("No chat messages") : chat.stream().map(Output::message).toList(), chat);
    }

    @Command(mixinStandardHelpOptions = true, name = "join-times", description = "For each active instance, when its participants joined (the seed's function 8).")
    void joinTimes() {
        List<ActiveInstance> active = convene().joinTimes();
        output().lines(active.isEmpty() ? List.of("No meeting instance is active")
                : active.stream().map(Output::joinTimes).toList(),
                Views.joinTimes(active, context.services().access(), Caller.ADMIN));
    }

    @Command(mixinStandardHelpOptions = true, name = "messages", description = "One user's chat messages in one instance (the seed's function 9).")
    void messages(@Parameters(paramLabel = "INSTANCE", converter = Converters.Id.class, description = "The meeting instance's id.") long instance,
                  @Parameters(paramLabel = "USER", converter = Converters.Id.class, description = "The user's id.") long user,
                  @Option(names = "--after", paramLabel = "ID", defaultValue = "0", description = "Only what comes after this id (0: from the start).") long after,
                  @Option(names = "--limit", defaultValue = "100", description = "At most this many (1 to 1000).") int limit) {
        List<ChatMessage> chat = convene().chatOf(instance, user, after, limit);
        output().lines(chat.isEmpty() ? List.of("No chat messages") : chat.stream().map(Output::message).toList(), chat);
    }

    @Command(mixinStandardHelpOptions = true, name = "attendance", description = "Who was in an instance and for how long: each person's segments, "
            + "time present and share of the window; or, with --user, one user's attendance, newest first.")
    void attendance(@Parameters(paramLabel = "INSTANCE", arity = "0..1", converter = Converters.Id.class,
                            description = "The instance whose report to show.") Long instance,
                    @Option(names = "--user", paramLabel = "USER", converter = Converters.Id.class,
                            description = "Show this user's attendance across instances instead.") Long user,
                    @Option(names = "--csv", description = "The instance's report as CSV, one row per segment.") boolean csv,
                    @Option(names = "--after", paramLabel = "INSTANCE", defaultValue = "0",
                            description = "With --user: the page after this instance.") long after,
                    @Option(names = "--limit", defaultValue = "50", description = "With --user: at most this many (1 to 1000).")
                    int limit) {
        if ((instance == null) == (user == null)) {
            throw new ParameterException(spec.commandLine(), "Give an INSTANCE or --user, not both");
        }
        if (instance != null) {
            AttendanceReport report = convene().attendance(instance);
            if (csv) {
                spec.commandLine().getOut().print(AttendanceCsv.of(report));
                spec.commandLine().getOut().flush();
            } else {
                output().lines(Output.attendance(report), AttendanceViews.InstanceAttendanceView.of(report));
            }
            return;
        }
        if (csv) throw new ParameterException(spec.commandLine(), "--csv is for an instance's report");
        List<AttendanceReport> reports = convene().attendanceOf(user, after, limit);
        output().lines(reports.isEmpty() ? List.of("User " + user + " has attended no instance")
                        : reports.stream().map(Output::userAttendance).toList(),
                reports.stream().map(AttendanceViews.UserAttendanceView::of).toList());
    }

    @Command(mixinStandardHelpOptions = true, name = "events", description = "The events log of an instance, or of a user across meetings.")
    void events(@Option(names = "--instance", paramLabel = "INSTANCE", converter = Converters.Id.class, description = "The events log of this instance.") Long instance,
                @Option(names = "--user", paramLabel = "USER", converter = Converters.Id.class, description = "The events of this user, across meetings.") Long user,
                @Option(names = "--after", paramLabel = "ID", defaultValue = "0", description = "Only what comes after this id (0: from the start).") long after,
                @Option(names = "--limit", defaultValue = "1000", description = "At most this many (1 to 1000).") int limit) {
        if ((instance == null) == (user == null)) {
            throw new ParameterException(spec.commandLine(), "Give exactly one of --instance and --user");
        }
        List<Event> events = instance != null ? convene().eventsOfInstance(instance, after, limit)
                : convene().eventsOfUser(user);
        output().lines(events.isEmpty() ? List.of("No events") : events.stream().map(Output::event).toList(), events);
    }
}
