package org.convene.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.convene.model.Actor;
import org.convene.model.Meeting;
import org.convene.model.MeetingDetails;
import org.convene.model.Presence;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code convene meeting ...}: create, read, change, delete and list meetings. */
@Command(name = "meeting", description = "Manage meetings.", mixinStandardHelpOptions = true)
final class MeetingCommands {
    @ParentCommand
    ConveneCommand root;

    static final class Fields {
        @Option(names = "--title", required = true, description = "The meeting's title (up to 200 characters).")
        String title;
        @Option(names = "--description", defaultValue = "", description = "What the meeting is for (up to 2,000 characters).")
        String description;
        @Option(names = "--public", description = "Open to every user; otherwise only to the audience.")
        boolean isPublic;
        @Option(names = "--audience", split = ",", description = "E-mails of the users who may join a private meeting.")
        List<String> audience = new ArrayList<>();
        @Option(names = "--capacity", paramLabel = "SEATS",
                description = "The most users inside an instance at once; a join beyond it is refused. Default: no limit.")
        Integer capacity;
        @Option(names = "--presence-lease", paramLabel = "SECONDS", defaultValue = "0",
                description = "Reap a participant who shows no sign of life (a heartbeat or an open stream) for this "
                        + "long plus the grace (at least 30; default 0: never).")
        int presenceLease;
        @Option(names = "--presence-grace", paramLabel = "SECONDS", defaultValue = "0",
                description = "Extra time after the lease before reaping; whoever returns within it goes on in the same segment.")
        int presenceGrace;
        @Option(names = "--reminder", paramLabel = "MINUTES",
                description = "Send a 'starting soon' notice (on /stream and to webhooks) this long before each instance.")
        Integer reminder;

        MeetingDetails details() {
            return new MeetingDetails(title, description, isPublic, audience, MeetingDetails.capacity(capacity),
                    new Presence(presenceLease, presenceGrace), MeetingDetails.reminder(reminder));
        }
    }

    @Command(mixinStandardHelpOptions = true, name = "create", description = "Create a meeting.")
    void create(@Mixin Fields fields,
                @Option(names = "--owner", paramLabel = "USER", description = "Its owner, an organizer or administrator "
                        + "(left out: the administrators run it).") Long owner) {
        Meeting meeting = owner == null ? root.convene().createMeeting(fields.details())
                : root.convene().createMeeting(fields.details(), owner);
        root.output().result("Meeting " + meeting.id() + " created", meeting);
    }

    @Command(mixinStandardHelpOptions = true, name = "ban",
            description = "Ban a user from a meeting, as root, taking them out of its active instance; recorded in its audit trail.")
    void ban(@Parameters(index = "0", paramLabel = "MEETING", converter = Converters.Id.class, description = "The meeting's id.") long id,
             @Parameters(index = "1", paramLabel = "USER", converter = Converters.Id.class, description = "The user's id.") long user,
             @Option(names = "--reason", defaultValue = "", description = "Why (up to 500 characters).") String reason,
             @Option(names = "--lift", description = "Lift the ban instead.") boolean lift) {
        if (lift) {
            root.convene().bans().lift(id, user, Actor.ROOT, "cli");
            root.output().result("User " + user + " may join meeting " + id + " again", Map.of("meetingId", id, "userId", user));
        } else {
            root.convene().bans().ban(id, user, null, reason, Actor.ROOT, "cli");
            root.output().result("User " + user + " is banned from meeting " + id, Map.of("meetingId", id, "userId", user));
        }
    }

    @Command(mixinStandardHelpOptions = true, name = "hand-over",
            description = "Hand a meeting over to another owner (an organizer or administrator), as root; recorded in its audit trail.")
    void handOver(@Parameters(paramLabel = "MEETING", converter = Converters.Id.class, description = "The meeting's id.") long id,
                  @Option(names = "--to", required = true, paramLabel = "USER", description = "The new owner's id.") long owner) {
        Meeting meeting = root.convene().roles().handOver(id, owner, Actor.ROOT, "cli");
        root.output().result("Meeting " + id + " is now owned by user " + owner, meeting);
    }

    @Command(mixinStandardHelpOptions = true, name = "get", description = "Show a meeting.")
    void get(@Parameters(paramLabel = "MEETING", converter = Converters.Id.class, description = "The meeting's id.") long id) {
        Meeting meeting = root.convene().meeting(id);
        root.output().result(Output.meeting(meeting), meeting);
    }

    @Command(mixinStandardHelpOptions = true, name = "list", description = "List meetings by id.")
    void list(@Option(names = "--after", paramLabel = "ID", defaultValue = "0", description = "Only what comes after this id (0: from the start).") long after,
              @Option(names = "--limit", defaultValue = "100", description = "At most this many (1 to 1000).") int limit) {
        List<Meeting> meetings = root.convene().meetings(after, limit);
        root.output().lines(meetings.isEmpty() ? List.of("No meetings")
                : meetings.stream().map(Output::meeting).toList(), meetings);
    }

    @Command(mixinStandardHelpOptions = true, name = "update", description = "Replace a meeting's details and audience.")
    void update(@Parameters(paramLabel = "MEETING", converter = Converters.Id.class, description = "The meeting's id.") long id,
                @Mixin Fields fields,
                @Option(names = "--if-version", description = "Refuse unless the meeting is at this version.") Long version) {
        Meeting meeting = root.convene().updateMeeting(id, fields.details(),
                version == null ? OptionalLong.empty() : OptionalLong.of(version));
        root.output().result("Meeting " + id + " updated", meeting);
    }

    @Command(mixinStandardHelpOptions = true, name = "delete", description = "Delete a meeting that has no instances.")
    void delete(@Parameters(paramLabel = "MEETING", converter = Converters.Id.class, description = "The meeting's id.") long id) {
        root.convene().deleteMeeting(id);
        root.output().result("Meeting " + id + " deleted", Map.of("deleted", id));
    }
}
