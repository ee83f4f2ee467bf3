package org.convene.cli;

import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.convene.model.Actor;
import org.convene.model.GlobalRole;
import org.convene.model.User;
import org.convene.model.UserDetails;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import org.convene.view.Json;
import org.convene.view.PersonalViews;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code convene user ...}: create, read, change, delete and list users, and give them roles. */
@Command(name = "user", description = "Manage users.", mixinStandardHelpOptions = true)
final class UserCommands {
    @ParentCommand
    ConveneCommand root;

    static final class Fields {
        @Option(names = "--name", required = true, description = "The user's name (up to 200 characters).")
        String name;
        @Option(names = "--age", description = "Optional, 0 to 150.")
        Integer age;
        @Option(names = "--gender", defaultValue = "", description = "Optional, free text.")
        String gender;
        @Option(names = "--email", required = true, description = "Unique, compared case-insensitively.")
        String email;

        UserDetails details() {
            return new UserDetails(name, age, gender, email);
        }
    }

    @Command(mixinStandardHelpOptions = true, name = "create", description = "Create a user.")
    void create(@Mixin Fields fields) {
        User user = root.convene().createUser(fields.details());
        root.output().result("User " + user.id() + " created", user);
    }

    @Command(mixinStandardHelpOptions = true, name = "get", description = "Show a user.")
    void get(@Parameters(paramLabel = "USER", converter = Converters.Id.class, description = "The user's id.") long id) {
        User user = root.convene().user(id);
        root.output().result(Output.user(user), user);
    }

    @Command(mixinStandardHelpOptions = true, name = "list", description = "List users by id.")
    void list(@Option(names = "--after", paramLabel = "ID", defaultValue = "0", description = "Only what comes after this id (0: from the start).") long after,
              @Option(names = "--limit", defaultValue = "100", description = "At most this many (1 to 1000).") int limit) {
        List<User> users = root.convene().users(after, limit);
        root.output().lines(users.isEmpty() ? List.of("No users") : users.stream().map(Output::user).toList(), users);
    }

    @Command(mixinStandardHelpOptions = true, name = "update", description = "Replace a user's details.")
    void update(@Parameters(paramLabel = "USER", converter = Converters.Id.class, description = "The user's id.") long id,
                @Mixin Fields fields,
                @Option(names = "--if-version", description = "Refuse unless the user is at this version.") Long version) {
        User user = root.convene().updateUser(id, fields.details(),
                version == null ? OptionalLong.empty() : OptionalLong.of(version));
        root.output().result("User " + id + " updated", user);
    }

    @Command(mixinStandardHelpOptions = true, name = "role",
            description = "Give a user a global role (admin, organizer or member), as root; recorded in the audit trail.")
    void role(@Parameters(index = "0", paramLabel = "USER", converter = Converters.Id.class, description = "The user's id.") long id,
              @Parameters(index = "1", paramLabel = "ROLE", description = "admin, organizer or member.") String role) {
        User user = root.convene().roles().change(id, GlobalRole.given("role", role), Actor.ROOT, "cli");
        root.output().result("User " + id + " is now " + user.role().wire(), user);
    }

    @Command(mixinStandardHelpOptions = true, name = "suspend",
            description = "Suspend a user, as root: their token and calendar address stop working at once, their meetings go on.")
    void suspend(@Parameters(paramLabel = "USER", converter = Converters.Id.class, description = "The user's id.") long id,
                 @Option(names = "--lift", description = "Lift the suspension instead (then make them a new token).") boolean lift) {
        User user = root.convene().roles().suspend(id, !lift, Actor.ROOT, "cli");
        root.output().result("User " + id + (user.suspended() ? " is suspended" : " is no longer suspended"), user);
    }

    @Command(mixinStandardHelpOptions = true, name = "token", description = "Make a new API token for a user, shown once.")
    void token(@Parameters(paramLabel = "USER", converter = Converters.Id.class, description = "The user's id.") long id) {
        root.convene().user(id);
        String token = root.context.services().tokens().issue(id, org.convene.model.Acting.ROOT);
        root.output().result("New token for user " + id + " (shown only now): " + token,
                Map.of("userId", id, "token", token));
    }

    @Command(mixinStandardHelpOptions = true, name = "delete", description = "Delete a user; their events and chat stay, "
            + "their e-mail is freed. A user who owns meetings is refused unless --hand-to names who takes them over.")
    void delete(@Parameters(paramLabel = "USER", converter = Converters.Id.class, description = "The user's id.") long id,
                @Option(names = "--hand-to", paramLabel = "USER", converter = Converters.Id.class,
                        description = "An organizer or administrator who takes over the meetings the user owns.") Long heir) {
        if (heir == null) root.convene().deleteUser(id);
        else root.convene().roles().deleteHandingOver(id, heir, org.convene.model.Actor.ROOT, null);
        root.output().result("User " + id + " deleted", Map.of("deleted", id));
    }

    @Command(mixinStandardHelpOptions = true, name = "export",
            description = "Everything held about a user (profile, meetings, messages, bans, attendance, events, audit records), as JSON.")
    void export(@Parameters(paramLabel = "USER", converter = Converters.Id.class, description = "The user's id.") long id,
                @Option(names = "--out", paramLabel = "FILE", description = "Write to this file instead of the standard output.")
                java.nio.file.Path out) throws java.io.IOException {
        var view = PersonalViews.ExportView.of(root.context.services().personal().export(id), root.convene().clock().instant());
        String json = Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(view);
        if (out == null) {
            System.out.println(json);
            return;
        }
        java.nio.file.Files.writeString(out, json + System.lineSeparator());
        root.output().result("Wrote the export of user " + id + " to " + out, Map.of("userId", id, "file", out.toString()));
    }

    @Command(mixinStandardHelpOptions = true, name = "erase", description = "Erase a user (deleting them first): their texts "
            + "become [removed], their name 'Erased user #id', their details and the personal fields of their audit records go.")
    void erase(@Parameters(paramLabel = "USER", converter = Converters.Id.class, description = "The user's id.") long id,
               @Option(names = "--reason", required = true, description = "Why (kept in the audit record).") String reason,
               @Option(names = "--hand-to", paramLabel = "USER", converter = Converters.Id.class,
                       description = "An organizer or administrator who takes over the meetings the user owns.") Long heir) {
        var done = root.context.services().personal().erase(id, reason,
                heir == null ? OptionalLong.empty() : OptionalLong.of(heir), org.convene.model.Acting.ROOT);
        root.output().result("User " + id + (done.erasedNow() ? " erased" : " was erased before; what was left is erased now")
                + ": " + done.messages() + " messages removed in " + done.meetings() + " meetings, " + done.deliveries()
                + " webhook messages redacted, " + done.auditRecords() + " audit records blanked", PersonalViews.ErasureView.of(done));
    }
}
