package org.convene.cli;

import java.util.List;
import java.util.Map;
import org.convene.core.Hosting;
import org.convene.model.Actor;
import org.convene.model.AuditRecord;
import org.convene.model.MeetingOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Parameters;

/** What a meeting's hosts do, as root: co-hosts, options, deleting a message, clearing the chat, reading the audit trail. */
@Command(name = "host", description = "Keep order in meetings, as root: co-hosts, options, messages, the audit trail.",
        mixinStandardHelpOptions = true)
final class HostCommands {
    @ParentCommand
    ConveneCommand root;

    @Command(mixinStandardHelpOptions = true, name = "cohost", description = "Appoint a co-host of a meeting (or revoke one); recorded.")
    void cohost(@Parameters(index = "0", paramLabel = "MEETING", converter = Converters.Id.class, description = "The meeting's id.") long id,
                @Parameters(index = "1", paramLabel = "USER", converter = Converters.Id.class, description = "The user's id.") long user,
                @Option(names = "--revoke", description = "Revoke instead.") boolean revoke) {
        List<Long> cohosts = revoke ? root.convene().hosting().revoke(id, user, Actor.ROOT, "cli")
                : root.convene().hosting().appoint(id, user, Actor.ROOT, "cli");
        root.output().result("Meeting " + id + " co-hosts: " + (cohosts.isEmpty() ? "none" : cohosts),
                Map.of("meetingId", id, "cohostIds", cohosts));
    }

    @Command(mixinStandardHelpOptions = true, name = "options", description = "Change a meeting's options; recorded.")
    void options(@Parameters(paramLabel = "MEETING", converter = Converters.Id.class, description = "The meeting's id.") long id,
                 @Option(names = "--chat-mode", paramLabel = "MODE", description = "open, hosts_only or off.") String chatMode,
                 @Option(names = "--cohosts-can-end", paramLabel = "BOOL", arity = "1",
                         description = "Whether co-hosts may end an instance for everyone.") Boolean cohostsCanEnd,
                 @Option(names = "--attendance-view", paramLabel = "VIEW",
                         description = "Who sees everyone's attendance: hosts or admins.") String view,
                 @Option(names = "--lobby", paramLabel = "POLICY",
                         description = "Who waits to be let in: off, outsiders or everyone.") String lobby) {
        long version = root.convene().hosting().changeOptions(id, new Hosting.OptionChanges(
                chatMode == null ? null : MeetingOptions.ChatMode.given(chatMode), cohostsCanEnd,
                view == null ? null : MeetingOptions.AttendanceView.given(view),
                lobby == null ? null : MeetingOptions.LobbyPolicy.given(lobby)), Actor.ROOT, "cli");
        root.output().result("Meeting " + id + " options changed (version " + version + ")",
                Map.of("meetingId", id, "version", version));
    }

    @Command(mixinStandardHelpOptions = true, name = "delete-message", description = "Delete a message of an instance's chat; recorded.")
    void deleteMessage(@Parameters(index = "0", paramLabel = "INSTANCE", converter = Converters.Id.class, description = "The instance's id.") long instance,
                       @Parameters(index = "1", paramLabel = "MESSAGE", converter = Converters.Id.class, description = "The message's number.") long number) {
        root.convene().hosting().deleteMessage(instance, number, Actor.ROOT, "cli");
        root.output().result("Message " + number + " of instance " + instance + " deleted",
                Map.of("instanceId", instance, "messageId", number));
    }

    @Command(mixinStandardHelpOptions = true, name = "clear-chat", description = "Clear an instance's chat; recorded.")
    void clearChat(@Parameters(paramLabel = "INSTANCE", converter = Converters.Id.class, description = "The instance's id.") long instance) {
        long gone = root.convene().hosting().clearChat(instance, Actor.ROOT, "cli");
        root.output().result(gone + " messages cleared from instance " + instance, Map.of("instanceId", instance, "messages", gone));
    }

    @Command(mixinStandardHelpOptions = true, name = "audit", description = "A meeting's audit trail, newest first.")
    void audit(@Parameters(paramLabel = "MEETING", converter = Converters.Id.class, description = "The meeting's id.") long id,
               @Option(names = "--before", paramLabel = "SEQ", description = "Only records below this number.") Long before,
               @Option(names = "--limit", defaultValue = "100", description = "At most this many (1 to 1000).") int limit) {
        List<AuditRecord> records = root.convene().hosting().audit(id, before, Math.max(1, Math.min(limit, 1000)));
        StringBuilder text = new StringBuilder();
        for (AuditRecord r : records) {
            if (text.length() > 0) text.append(System.lineSeparator());
            String who = r.actor().kind() == Actor.Kind.USER ? "user " + r.actor().userId() : r.actor().kind().wire();
            text.append('#').append(r.seq()).append(' ').append(r.at()).append(' ').append(r.action()).append(" by ")
                    .append(who).append(" on ").append(r.target());
            if (!r.before().isEmpty() || !r.after().isEmpty()) text.append(": ").append(r.before()).append(" -> ").append(r.after());
        }
        root.output().result(records.isEmpty() ? "No audit records" : text.toString(), records);
    }
}
