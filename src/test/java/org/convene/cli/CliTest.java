package org.convene.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.convene.app.Node;
import org.convene.app.Settings;
import org.convene.core.AdjustableClock;
import org.convene.store.RedisStore;
import org.convene.testing.RedisTargets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/** The {@code convene} command line: messages, exit codes, JSON, and that bad input changes nothing. */
class CliTest {
    static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");

    final AdjustableClock clock = new AdjustableClock(NOW);
    RedisStore store;

    /** One audit seal key for every node a test makes, as one deployment shares it. */
    static final String AUDIT_KEY = org.convene.audit.SealKey.generate().privateBase64();

    record Run(int code, String out, String err) {}

    Node node() {
        return Node.on(store, Settings.from(Map.of("CONVENE_AUDIT_KEY", AUDIT_KEY)), clock);
    }

    @BeforeEach
    void seeded() {
        store = new RedisStore(RedisTargets.embedded(), 1);
        store.maintenance().wipe();
        SeedData.load(node(), NOW);
    }

    Run convene(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, Context.of(node(), clock), new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString().strip(), err.toString().strip());
    }

    String dump() {
        return convene("dump").out();
    }

    @Test
    void joinPrintsTheSeedsMessage() {
        assertThat(convene("join", "1", "2")).isEqualTo(new Run(0, "User 1 successfully joined meeting", ""));
    }

    @Test
    void aRefusalExitsWithOneAndTheSeedsMessageOnStandardError() {
        assertThat(convene("join", "2", "2")).isEqualTo(new Run(1, "", "User 2 not allowed to join the meeting"));
    }

    @Test
    void aRefusalInJsonIsTheApisProblemDocument() throws Exception {
        Run run = convene("--json", "join", "3", "2");

        JsonNode refused = new ObjectMapper().readTree(run.out());
        assertThat(run.code()).isEqualTo(1);
        assertThat(refused.get("type").asText()).isEqualTo("urn:convene:problem:invalid-user");
        assertThat(refused.get("status").asInt()).isEqualTo(404);
        assertThat(refused.get("detail").asText()).isEqualTo("Invalid user ID");
    }

    @Test
    void jsonResultsCarryIsoTimes() throws Exception {
        convene("join", "1", "2");

        JsonNode participants = new ObjectMapper().readTree(convene("participants", "2", "--json").out());

        assertThat(participants.get(0).get("joinedAt").asText()).isEqualTo(NOW.toString());
        assertThat(participants.get(0).get("name").asText()).isEqualTo("John Doe");
    }

    @Test
    void rotatingTheAdministratorTokenWhileOneIsConfiguredIsRefusedSayingWhichWins() {
        var configured = Node.on(store, Settings.from(
                Map.of("CONVENE_ADMIN_TOKEN", "configured-admin-token-0123")), clock);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();

        int code = Main.run(new String[] {"admin-token", "--rotate"}, Context.of(configured, clock),
                new PrintWriter(out), new PrintWriter(err));

        assertThat(code).isEqualTo(1);
        assertThat(out.toString()).isEmpty();
        assertThat(err.toString()).contains("CONVENE_ADMIN_TOKEN", "wins");
    }

    @Test
    void eventsInJsonHaveTheApisNamesAndCodes() throws Exception {
        convene("join", "1", "2");

        JsonNode events = new ObjectMapper().readTree(convene("--json", "events", "--instance", "2").out());

        assertThat(events.get(0).get("type").asText()).isEqualTo("join_meeting");
        assertThat(events.get(0).get("code").asInt()).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"*", ":", "{}", "0", "-1", "1.5", "", "99999999999999999999", "１"})
    void anIdThatIsNotAPositiveIntegerIsAUsageErrorAndChangesNothing(String id) {
        String before = dump();

        Run run = convene("join", id, "2");

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("must be a positive integer");
        assertThat(dump()).isEqualTo(before);
    }

    @Test
    void aMegabyteNameIsRefusedAndChangesNothing() {
        String before = dump();

        Run run = convene("user", "create", "--name", "x".repeat(1 << 20), "--age", "30", "--email", "big@example.com");

        assertThat(run.code()).isEqualTo(1);
        assertThat(run.err()).isEqualTo("name must be at most 200 characters, was 1048576");
        assertThat(dump()).isEqualTo(before);
    }

    @Test
    void aMegabyteMessageIsRefusedAndChangesNothing() {
        convene("join", "1", "2");
        String before = dump();

        Run run = convene("post", "1", "2", "y".repeat(1 << 20));

        assertThat(run.err()).isEqualTo("text must be at most 4000 characters, was 1048576");
        assertThat(dump()).isEqualTo(before);
    }

    @Test
    void anInvalidEmailIsRefusedNamingTheField() {
        Run run = convene("user", "create", "--name", "A", "--age", "30", "--email", "not-an-email");

        assertThat(run).isEqualTo(new Run(1, "", "email is not a valid e-mail address: 'not-an-email'"));
    }

    @Test
    void aSeriesOutsideTheRuleLimitsIsRefusedNamingTheFieldAndMakesNothing() {
        String before = dump() + convene("series", "list", "--meeting", "1").out();

        Run run = convene("series", "create", "--meeting", "1", "--rrule", "FREQ=WEEKLY;COUNT=3", "--start", "2026-03-03T09:00",
                "--zone", "UTC+05:30", "--minutes", "30");

        assertThat(run).isEqualTo(new Run(1, "", "timeZone must be an IANA zone name such as Europe/Athens, was 'UTC+05:30'"));
        assertThat(dump() + convene("series", "list", "--meeting", "1").out()).isEqualTo(before);
    }

    @Test
    void instancesTakeTimesRelativeToNow() {
        Run run = convene("instance", "create", "--meeting", "1", "--from", "+10m", "--to", "+1h");

        assertThat(run.out()).isEqualTo("Meeting instance 3 created: Meeting instance 3 of meeting 1 (order 2): "
                + "2026-03-02T09:10:00Z to 2026-03-02T10:00:00Z, scheduled");
    }

    @Test
    void aTimeThatCannotBeReadIsAUsageError() {
        Run run = convene("instance", "create", "--meeting", "1", "--from", "tomorrow", "--to", "+1h");

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("'tomorrow' is not a time");
    }

    @Test
    void seedLeavesAStoreWithDataAloneWithoutReset() {
        String before = dump();

        Run run = convene("seed");

        assertThat(run.code()).isEqualTo(1);
        assertThat(run.err()).contains("convene seed --reset");
        assertThat(dump()).isEqualTo(before);
    }

    @Test
    void demoLeavesAStoreWithDataAloneWithoutReset() {
        convene("join", "1", "2");
        String before = dump();

        assertThat(convene("demo").code()).isEqualTo(1);
        assertThat(dump()).isEqualTo(before);
    }

    @Test
    void seedWithResetStartsOver() {
        convene("join", "1", "2");

        assertThat(convene("seed", "--reset")).isEqualTo(new Run(0, "Redis initialized with sample data.", ""));
        assertThat(convene("participants", "2").out()).isEqualTo("Meeting instance 2 has no participants");
    }

    @Test
    void postJoinsItsWordsIntoOneMessage() {
        convene("join", "1", "2");

        convene("post", "1", "2", "Hello,", "everyone!");

        assertThat(convene("chat", "2").out()).isEqualTo("#1 " + NOW + " user 1: Hello, everyone!");
    }

    @Test
    void attendanceListsEachPersonWithTheirSegments() {
        convene("join", "1", "2");

        String report = convene("attendance", "2").out();

        assertThat(report).startsWith("Instance 2 of meeting 2 (active)").contains("1 attendee")
                .contains("User 1 John Doe: 0 min 0 s present").contains("  " + NOW + " to now (inside)");
    }

    @Test
    void attendanceAsCsvHasAHeaderAndARowPerSegment() {
        convene("join", "1", "2");
        convene("leave", "1", "2");

        List<String> lines = convene("attendance", "2", "--csv").out().lines().toList();

        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).isEqualTo("instanceId,meetingId,userId,name,joinedAt,leftAt,endedBy,seconds");
        assertThat(lines.get(1)).startsWith("2,2,1,").contains("John Doe").endsWith(",left,0");
    }

    @Test
    void attendanceNeedsAnInstanceOrAUserButNotBoth() {
        assertThat(convene("attendance").code()).isEqualTo(2);
        assertThat(convene("attendance", "2", "--user", "1").code()).isEqualTo(2);
    }

    @Test
    void everyCommandAndSubcommandAnswersHelpWithExitZero() {
        CommandLine tree = new CommandLine(new ConveneCommand(Context.of(node(), clock)));
        List<String> paths = new ArrayList<>();
        collect(tree, List.of(), paths);

        assertThat(paths).hasSizeGreaterThan(30);
        for (String path : paths) {
            for (String flag : List.of("--help", "-h")) {
                List<String> args = new ArrayList<>(List.of(path.split(" ")));
                args.removeIf(String::isEmpty);
                args.add(flag);
                Run run = convene(args.toArray(String[]::new));
                assertThat(run.code()).as(String.join(" ", args)).isZero();
                assertThat(run.out()).as(String.join(" ", args)).startsWith("Usage: convene");
            }
        }
    }

    private static void collect(CommandLine command, List<String> prefix, List<String> paths) {
        paths.add(String.join(" ", prefix));
        command.getSubcommands().forEach((name, sub) -> {
            List<String> next = new ArrayList<>(prefix);
            next.add(name);
            collect(sub, next, paths);
        });
    }

    @Test
    void generateCompletionPrintsABashScriptThatKnowsEveryCommand() {
        Run run = convene("generate-completion");

        assertThat(run.code()).isZero();
        assertThat(run.out()).startsWith("#!/usr/bin/env bash").contains("complete -F", "attendance", "join-times");
    }

    @Test
    void helpNamesACommandToExplain() {
        Run run = convene("help", "join");

        assertThat(run.code()).isZero();
        assertThat(run.out()).startsWith("Usage: convene join");
    }

    @Test
    void aMistypedCommandSuggestsTheRightOne() {
        Run run = convene("jion", "1", "2");

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("Did you mean 'convene join'?");
    }

    @Test
    void theVersionIsTheBuildsAndItsCommit() {
        Run run = convene("--version");

        assertThat(run.code()).isZero();
        assertThat(run.out()).startsWith("Convene 0.1.0-SNAPSHOT (commit ");
        assertThat(convene("join", "-V").out()).isEqualTo(run.out());
    }

    @Test
    void aPortInUseIsAConfigurationErrorInOneLine() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            var node = Node.on(store, Settings.from(Map.of(
                    "CONVENE_HTTP_PORT", Integer.toString(taken.getLocalPort()))), clock);
            StringWriter err = new StringWriter();

            int code = Main.run(new String[] {"serve"}, Context.of(node, clock), new PrintWriter(new StringWriter()),
                    new PrintWriter(err));

            assertThat(code).isEqualTo(2);
            assertThat(err.toString().strip()).doesNotContain("\n").doesNotContain("Exception")
                    .startsWith("convene: cannot listen on 127.0.0.1:" + taken.getLocalPort());
        }
    }

    @Test
    void eventsNeedExactlyOneOfInstanceAndUser() {
        assertThat(convene("events").code()).isEqualTo(2);
        assertThat(convene("events", "--instance", "2", "--user", "1").code()).isEqualTo(2);
    }

    @Test
    void dumpGroupsAsThePrintRedisScriptDoes() {
        assertThat(dump()).startsWith("Users:\nUser ID: 1\n  userID: 1\n  name: John Doe\n  age: 25\n  gender: Male\n"
                + "  email: john.doe@example.com").contains("Meetings:", "Meeting instances:", "Chat messages:", "Events:");
    }

    @Test
    void helpNeedsNoRedis() {
        StringWriter out = new StringWriter();
        int code = Main.run(new String[] {"--help"}, Context.fromEnvironment(Map.of(
                "CONVENE_REDIS_URL", "redis://127.0.0.1:1")), new PrintWriter(out), new PrintWriter(new StringWriter()));

        assertThat(code).isZero();
        assertThat(out.toString()).contains("join", "leave", "participants", "active", "end", "post", "chat",
                "join-times", "messages", "seed", "dump", "demo", "scheduler");
    }

    @Test
    void anUnreachableRedisGivesOneLineAndExitCodeThree() {
        StringWriter err = new StringWriter();
        int code = Main.run(new String[] {"active"}, Context.fromEnvironment(Map.of(
                "CONVENE_REDIS_URL", "redis://127.0.0.1:1")), new PrintWriter(new StringWriter()), new PrintWriter(err));

        assertThat(code).isEqualTo(3);
        assertThat(err.toString().strip()).isEqualTo("convene: Cannot reach Redis at redis://127.0.0.1:1: Connection refused");
    }

    @Test
    void aUserIsGivenARoleAndAMeetingHandedOverToThem() {
        assertThat(convene("user", "role", "2", "organizer")).isEqualTo(new Run(0, "User 2 is now organizer", ""));
        assertThat(convene("meeting", "hand-over", "1", "--to", "2")).isEqualTo(new Run(0, "Meeting 1 is now owned by user 2", ""));
        assertThat(convene("--json", "meeting", "get", "1").out()).contains("\"ownerId\":2");
    }

    @Test
    void aRoleThatIsNoneOfTheThreeChangesNothing() {
        Run refused = convene("user", "role", "2", "owner");

        assertThat(refused.code()).isNotZero();
        assertThat(refused.err()).contains("role", "must be admin, organizer or member");
        assertThat(convene("--json", "user", "get", "2").out()).contains("\"role\":\"member\"");
    }

    @Test
    void aUserIsSuspendedAndTheSuspensionLifted() {
        assertThat(convene("user", "suspend", "2")).isEqualTo(new Run(0, "User 2 is suspended", ""));
        assertThat(convene("user", "suspend", "2", "--lift")).isEqualTo(new Run(0, "User 2 is no longer suspended", ""));
    }

    @Test
    void rootRemovesAParticipant() {
        convene("join", "1", "2");

        assertThat(convene("remove", "1", "2")).isEqualTo(new Run(0, "User 1 was removed from the meeting", ""));
        assertThat(convene("remove", "1", "2").code()).isEqualTo(1);
    }

    @Test
    void rootBansAUserFromAMeetingAndLiftsTheBan() {
        assertThat(convene("meeting", "ban", "1", "1", "--reason", "spam")).isEqualTo(new Run(0, "User 1 is banned from meeting 1", ""));
        assertThat(convene("meeting", "ban", "1", "1", "--lift")).isEqualTo(new Run(0, "User 1 may join meeting 1 again", ""));
    }

    @Test
    void rootAppointsACoHostAndTheAuditTrailSaysSo() {
        assertThat(convene("host", "cohost", "2", "2")).isEqualTo(new Run(0, "Meeting 2 co-hosts: [2]", ""));

        assertThat(convene("host", "audit", "2").out()).contains("cohost_appointed by root on user:2: attendee -> cohost");
        assertThat(convene("host", "cohost", "2", "2", "--revoke")).isEqualTo(new Run(0, "Meeting 2 co-hosts: none", ""));
    }

    @Test
    void rootTurnsTheChatOffAndAPostIsRefusedSayingSo() {
        convene("join", "1", "2");

        assertThat(convene("host", "options", "2", "--chat-mode", "off").out()).startsWith("Meeting 2 options changed");
        Run refused = convene("post", "1", "2", "hello");
        assertThat(refused.code()).isEqualTo(1);
        assertThat(refused.err()).contains("The chat of this meeting is off");
    }

    @Test
    void rootOpensTheLobbyToOutsidersLetsOneInAndTheyJoin() {
        assertThat(convene("host", "options", "2", "--lobby", "outsiders").out()).startsWith("Meeting 2 options changed");

        assertThat(convene("join", "2", "2")).isEqualTo(new Run(0,
                "User 2 waits in the lobby for a host to let them in (number 1 in line)", ""));
        assertThat(convene("lobby", "show", "2").out()).startsWith("1 person waits").contains("1. Jane Smith (user 2)");
        assertThat(convene("lobby", "admit", "2", "2")).isEqualTo(new Run(0, "User 2 is admitted", ""));
        assertThat(convene("join", "2", "2").out()).isEqualTo("User 2 successfully joined meeting");
    }

    @Test
    void anUnknownChatModeIsRefusedNamingIt() {
        Run refused = convene("host", "options", "2", "--chat-mode", "quiet");

        assertThat(refused.code()).isNotZero();
        assertThat(refused.err()).contains("chatMode").contains("quiet");
    }

    @Test
    void rootDeletesAMessageAndClearsTheChat() {
        convene("join", "1", "2");
        convene("post", "1", "2", "one");
        convene("post", "1", "2", "two");

        assertThat(convene("host", "delete-message", "2", "1")).isEqualTo(new Run(0, "Message 1 of instance 2 deleted", ""));
        assertThat(convene("host", "clear-chat", "2")).isEqualTo(new Run(0, "1 messages cleared from instance 2", ""));
    }

    @Test
    void anExportOfTheSealedTrailVerifiesOfflineAndAnEditedOneIsNamedAtItsLine(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        convene("host", "cohost", "2", "2");
        // The two users the world made, its two meetings each made with an instance, and the co-host appointed.
        assertThat(convene("audit", "seal").out()).isEqualTo("Sealed 7 records; signed checkpoint 1");
        // The world's history of 2023 is older than the year the trail keeps: the seal trims it behind anchors (sealed
        // at the next seal), each chain keeping its last record: the export holds four records and the checkpoint.
        java.nio.file.Path file = dir.resolve("audit.jsonl");
        assertThat(convene("audit", "export", "--out", file.toString()).out()).isEqualTo("Wrote 5 lines to " + file);
        String key = convene("audit", "public-key").out();

        assertThat(convene("audit", "verify", file.toString(), "--public-key", key))
                .isEqualTo(new Run(0, "Intact: 4 records and 1 checkpoints, verified up to checkpoint 1", ""));
        java.nio.file.Files.writeString(file, java.nio.file.Files.readString(file).replace("user:2", "user:3"));
        assertThat(convene("audit", "verify", file.toString(), "--public-key", key)).isEqualTo(
                new Run(1, "Broken: line 3 (meeting:2 #3): its content does not match its hash (edited)", ""));
    }

    @Test
    void aUsersExportIsOneJsonDocumentWithTheirProfile(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path file = dir.resolve("john.json");

        assertThat(convene("user", "export", "1", "--out", file.toString()).out()).isEqualTo("Wrote the export of user 1 to " + file);

        var export = org.convene.view.Json.MAPPER.readTree(file.toFile());
        assertThat(export.path("profile").path("id").asLong()).isEqualTo(1);
        assertThat(export.path("audit").findValuesAsText("action")).isEmpty(); // nothing is sealed yet
    }

    @Test
    void erasingAUserSaysWhatWasErasedAndAgainThatItWasBefore() {
        assertThat(convene("user", "erase", "1", "--reason", "asked").out())
                .isEqualTo("User 1 erased: 0 messages removed in 0 meetings, 0 webhook messages redacted, 0 audit records blanked");
        assertThat(convene("user", "erase", "1", "--reason", "asked").out()).startsWith("User 1 was erased before");
        assertThat(convene("user", "get", "1").code()).isNotZero();
    }

    @Test
    void theTailShowsTheLatestSealedRecordsOldestFirst() {
        convene("host", "cohost", "2", "2");
        convene("audit", "seal");

        List<String> lines = convene("audit", "tail", "--limit", "2").out().lines().toList();

        assertThat(lines).hasSize(2);
        assertThat(lines.get(1)).contains("meeting:2 #3  cohost_appointed  by root  on user:2");
    }
}
