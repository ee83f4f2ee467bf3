package org.convene.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.convene.model.Actor;
import org.convene.model.GlobalRole;
import org.convene.model.UserDetails;
import org.convene.testing.ApiServer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Who may do what, route by route. In the seed world John (1) is in private meeting 2's audience and
 * Jane (2) is not; both may see public meeting 1; both are members. Beside them: Olga (3), an organizer
 * who owns meeting 2 and is not in its audience; Otto (4), an organizer who owns nothing; Ada (5), a user
 * with the admin role; Sam (6), suspended. Columns: root (the administrator token), the user themselves (John),
 * another user (Jane acting on John), audience member (John on meeting 2), non-member (Jane on meeting 2),
 * organizer (Otto), owner (Olga), banned (John, banned from meeting 2), co-host (Cora (7), a member who co-hosts
 * meeting 2 and is not in its audience); Ada gets what root gets; Sam, no token and a wrong token get 401. The
 * owner and the co-host see inside meeting 2 and join it by right, whatever its audience says. Gus is a guest of
 * instance 2 by a guest link (link 1), not yet inside: unless a row says otherwise, a guest gets 403 (anything but
 * their own occurrence is out of their scope, and inside it they rank as an outsider until they come in).
 * John also signs in through the organisation's identity provider (an in-process one): PROVIDER is John with the
 * provider's access token (his verified e-mail linked him at its first use), and gets what John gets with his own.
 */
class AccessMatrixTest {
    // A server of its own (not ApiServerTest's), since it also trusts an identity provider.
    static ApiServer api;
    static no.nav.security.mock.oauth2.MockOAuth2Server idp;

    enum Who { ADMIN, ADMIN_USER, SELF, OTHER, MEMBER, NON_MEMBER, ORGANIZER, OWNER, COHOST, BANNED, GUEST, SUSPENDED,
        PROVIDER, NONE, WRONG }

    /** The server trusts an identity provider's access tokens; first sign-ins link users made earlier by verified e-mail. */
    @org.junit.jupiter.api.BeforeAll
    static void startServer() {
        idp = new no.nav.security.mock.oauth2.MockOAuth2Server();
        idp.start();
        api = new ApiServer(org.convene.testing.TestServers.settings(java.util.Optional.of(ApiServer.ADMIN), 1_000_000,
                List.of()), java.util.Map.of("CONVENE_OIDC_ISSUER", idp.issuerUrl("idp").toString(),
                "CONVENE_OIDC_CLIENT_ID", "convene", "CONVENE_OIDC_CLIENT_SECRET", "secret-of-the-console",
                "CONVENE_OIDC_LINK_BY_EMAIL", "true"));
    }

    @org.junit.jupiter.api.AfterAll
    static void stopServer() {
        api.close();
        idp.shutdown();
    }

    static String providers;

    /**
     * A request, and the status each kind of caller gets; the world is re-seeded before each. Unless {@link #and}
     * says otherwise, John banned from meeting 2 gets what he gets as its audience member, and the organizer, the
     * owner and the co-host get what the non-member gets.
     */
    record Row(String method, String path, String body, int admin, int self, int other, int member, int nonMember,
               java.util.Map<Who, Integer> more) {
        Row(String method, String path, String body, int admin, int self, int other, int member, int nonMember,
            int organizer, int owner, int banned) {
            this(method, path, body, admin, self, other, member, nonMember,
                    java.util.Map.of(Who.ORGANIZER, organizer, Who.OWNER, owner, Who.BANNED, banned));
        }

        Row(String method, String path, String body, int admin, int self, int other, int member, int nonMember,
            int organizer, int owner) {
            this(method, path, body, admin, self, other, member, nonMember, organizer, owner, member);
        }

        Row(String method, String path, String body, int admin, int self, int other, int member, int nonMember) {
            this(method, path, body, admin, self, other, member, nonMember, java.util.Map.of());
        }

        /** The same row where {@code who} gets {@code status}. */
        Row and(Who who, int status) {
            var all = new java.util.EnumMap<Who, Integer>(Who.class);
            all.putAll(more);
            all.put(who, status);
            return new Row(method, path, body, admin, self, other, member, nonMember, all);
        }

        int organizer() {
            return more.getOrDefault(Who.ORGANIZER, nonMember);
        }

        int owner() {
            return more.getOrDefault(Who.OWNER, nonMember);
        }

        int cohost() {
            return more.getOrDefault(Who.COHOST, nonMember);
        }

        int banned() {
            return more.getOrDefault(Who.BANNED, member);
        }
    }

    static String olga;
    static String otto;
    static String ada;
    static String sam;
    static String cora;
    static String gus;

    /** The seed world with Olga owning meeting 2, Otto, Ada and Sam; John banned from meeting 2 for {@code who}. */
    static void world(Who who) {
        api.reset();
        long o = api.convene.createUser(new UserDetails("Olga", 40, "", "olga@example.com")).id();
        long t = api.convene.createUser(new UserDetails("Otto", 41, "", "otto@example.com")).id();
        long a = api.convene.createUser(new UserDetails("Ada", 42, "", "ada@example.com")).id();
        api.convene.roles().change(o, GlobalRole.ORGANIZER, Actor.ROOT, "world");
        api.convene.roles().change(t, GlobalRole.ORGANIZER, Actor.ROOT, "world");
        api.convene.roles().change(a, GlobalRole.ADMIN, Actor.ROOT, "world");
        api.convene.roles().handOver(2, o, Actor.ROOT, "world");
        olga = api.services.tokens().issue(o);
        otto = api.services.tokens().issue(t);
        ada = api.services.tokens().issue(a);
        long m = api.convene.createUser(new UserDetails("Sam", 43, "", "sam@example.com")).id();
        api.convene.roles().suspend(m, true, Actor.ROOT, "world");
        sam = api.services.tokens().issue(m);
        long c = api.convene.createUser(new UserDetails("Cora", 44, "", "cora@example.com")).id();
        api.convene.hosting().appoint(2, c, Actor.ROOT, "world");
        cora = api.services.tokens().issue(c);
        if (who == Who.BANNED) api.convene.bans().ban(2, 1, null, "world", Actor.ROOT, "world");
        api.convene.hosting().changeOptions(2, new org.convene.core.Hosting.OptionChanges(null, null, null, null,
                "https://call.example/room-2"), Actor.ROOT, "world");
        gus = api.convene.guests().open(api.convene.guests().makeLink(2, Actor.ROOT, "world").link(), "Gus").token();
        providers = idp.issueToken("idp", "john-at-the-idp", "convene",
                java.util.Map.of("email", "john.doe@example.com", "email_verified", true)).serialize();
    }

    static final List<Row> ROWS = List.of(
            new Row("GET", "/users", null, 200, 403, 403, 403, 403),
            new Row("GET", "/auth/methods", null, 200, 200, 200, 200, 200).and(Who.GUEST, 200).and(Who.SUSPENDED, 200)
                    .and(Who.NONE, 200).and(Who.WRONG, 200),
            new Row("POST", "/auth/sign-out", null, 200, 200, 200, 200, 200),
            new Row("POST", "/auth/sign-out-everywhere", null, 400, 200, 200, 200, 200).and(Who.ADMIN_USER, 200),
            new Row("DELETE", "/users/1/sessions", null, 200, 403, 403, 403, 403),
            // Local accounts: this server signs people in through its identity provider, so what may be asked is 409.
            new Row("POST", "/invitations", "{\"email\":\"new@example.org\"}", 409, 403, 403, 403, 403),
            new Row("POST", "/invitations", "{\"email\":\"new@example.org\",\"meetingId\":2}", 400, 403, 403, 403, 403,
                    403, 400),
            new Row("POST", "/users/1/password-link", null, 409, 403, 403, 403, 403),
            new Row("POST", "/auth/invitations/look", "{\"invitation\":\"inv_wrong\"}", 409, 409, 409, 409, 409, 409, 409)
                    .and(Who.COHOST, 409).and(Who.GUEST, 409).and(Who.SUSPENDED, 409).and(Who.NONE, 409).and(Who.WRONG, 409),
            new Row("POST", "/auth/invitations/accept", "{\"invitation\":\"inv_wrong\",\"password\":\"a long password\"}",
                    409, 409, 409, 409, 409, 409, 409).and(Who.COHOST, 409).and(Who.GUEST, 409).and(Who.SUSPENDED, 409)
                    .and(Who.NONE, 409).and(Who.WRONG, 409),
            new Row("POST", "/auth/password-link", "{\"link\":\"pw_wrong\",\"password\":\"a long password\"}",
                    409, 409, 409, 409, 409, 409, 409).and(Who.COHOST, 409).and(Who.GUEST, 409).and(Who.SUSPENDED, 409)
                    .and(Who.NONE, 409).and(Who.WRONG, 409),
            new Row("POST", "/auth/password", "{\"email\":\"john.doe@example.com\",\"password\":\"a password\"}",
                    409, 409, 409, 409, 409, 409, 409).and(Who.COHOST, 409).and(Who.GUEST, 409).and(Who.SUSPENDED, 409)
                    .and(Who.NONE, 409).and(Who.WRONG, 409),
            new Row("POST", "/users", "{\"name\":\"N\",\"age\":1,\"email\":\"n@example.com\"}", 201, 403, 403, 403, 403),
            new Row("GET", "/users/1", null, 200, 200, 403, 200, 403),
            new Row("PUT", "/users/1", "{\"name\":\"J\",\"age\":2,\"email\":\"john.doe@example.com\"}", 200, 403, 403, 403, 403),
            new Row("POST", "/users/1/token", null, 200, 403, 403, 403, 403),
            new Row("GET", "/users/1/events", null, 200, 200, 403, 200, 403),
            new Row("GET", "/users/1/attendance", null, 200, 200, 403, 200, 403),
            new Row("GET", "/users/1/calendar?from=2026-01-05T00:00:00Z&to=2026-01-12T00:00:00Z", null, 200, 200, 403, 200, 403),
            new Row("GET", "/users/1/export", null, 200, 200, 403, 200, 403),
            new Row("POST", "/users/1/erase", "{\"reason\":\"asked\"}", 200, 403, 403, 403, 403),
            new Row("DELETE", "/users/1", null, 204, 403, 403, 403, 403),
            new Row("GET", "/meetings/2", null, 200, 200, 200, 200, 200).and(Who.GUEST, 200),
            new Row("POST", "/meetings", "{\"title\":\"T\",\"isPublic\":true}", 201, 403, 403, 403, 403, 201, 201),
            new Row("PUT", "/meetings/2", "{\"title\":\"T\",\"isPublic\":true}", 200, 403, 403, 403, 403, 403, 200),
            new Row("POST", "/meetings/2/owner", "{\"userId\":4}", 200, 403, 403, 403, 403, 403, 200),
            new Row("GET", "/meetings/2/bans", null, 200, 403, 403, 403, 403, 403, 200).and(Who.COHOST, 200),
            new Row("PUT", "/meetings/2/bans/1", "{\"reason\":\"r\"}", 200, 403, 403, 403, 403, 403, 200).and(Who.COHOST, 200),
            new Row("DELETE", "/meetings/2/bans/1", null, 204, 403, 403, 403, 403, 403, 204).and(Who.COHOST, 204),
            new Row("PUT", "/meetings/2/cohosts/1", null, 200, 403, 403, 403, 403, 403, 200),
            new Row("DELETE", "/meetings/2/cohosts/7", null, 200, 403, 403, 403, 403, 403, 200).and(Who.COHOST, 200),
            new Row("PATCH", "/meetings/2", "{\"chatMode\":\"hosts_only\"}", 200, 403, 403, 403, 403, 403, 200)
                    .and(Who.COHOST, 200),
            new Row("PATCH", "/meetings/2", "{\"cohostsCanEnd\":true}", 200, 403, 403, 403, 403, 403, 200),
            new Row("PATCH", "/meetings/2", "{\"reminderMinutes\":5}", 200, 403, 403, 403, 403, 403, 200),
            new Row("GET", "/meetings/2/audit", null, 200, 403, 403, 403, 403, 403, 200).and(Who.COHOST, 200),
            new Row("DELETE", "/instances/2/messages/1", null, 404, 404, 403, 404, 403, 403, 404).and(Who.COHOST, 404),
            new Row("DELETE", "/instances/2/messages", null, 200, 403, 403, 403, 403, 403, 200),
            new Row("PATCH", "/users/1", "{\"role\":\"organizer\"}", 200, 403, 403, 403, 403, 403, 403),
            new Row("PATCH", "/users/1", "{\"age\":3}", 200, 403, 403, 403, 403, 403, 403),
            new Row("PATCH", "/users/1", "{\"suspended\":true}", 200, 403, 403, 403, 403, 403, 403),
            new Row("POST", "/meetings/1/instances", "{\"from\":\"2026-01-06T10:00:00Z\",\"to\":\"2026-01-06T11:00:00Z\"}",
                    201, 403, 403, 403, 403),
            new Row("GET", "/instances/2", null, 200, 200, 200, 200, 200).and(Who.GUEST, 200),
            new Row("GET", "/instances/2/participants", null, 200, 200, 403, 200, 403, 403, 200).and(Who.COHOST, 200),
            new Row("GET", "/instances/2/messages", null, 200, 200, 403, 200, 403, 403, 200).and(Who.COHOST, 200),
            new Row("GET", "/instances/2/events", null, 200, 200, 403, 200, 403, 403, 200).and(Who.COHOST, 200),
            new Row("GET", "/instances/2/attendance", null, 200, 200, 403, 200, 403, 403, 200).and(Who.COHOST, 200),
            new Row("GET", "/instances/1/attendance", null, 200, 200, 200, 200, 200),
            new Row("GET", "/instances/2/attendance.svg", null, 200, 200, 403, 200, 403, 403, 200).and(Who.COHOST, 200),
            new Row("GET", "/instances/2/attendance?format=people", null, 200, 200, 403, 200, 403, 403, 200).and(Who.COHOST, 200),
            // The call's address: hosts at once, the audience once inside (409 until they join), nobody else.
            new Row("GET", "/instances/2/call", null, 200, 409, 403, 409, 403, 403, 200).and(Who.COHOST, 200),
            new Row("PATCH", "/meetings/2", "{\"callUrl\":\"https://call.example/other\"}", 200, 403, 403, 403, 403, 403, 200),
            new Row("POST", "/instances/2/participants", "{\"userId\":1}", 201, 201, 403, 201, 403, 403, 403, 403),
            new Row("POST", "/instances/1/participants", "{\"userId\":1}", 201, 201, 403, 201, 403),
            new Row("POST", "/instances/2/end", null, 200, 403, 403, 403, 403, 403, 200),
            new Row("PATCH", "/meetings/2", "{\"lobby\":\"everyone\"}", 200, 403, 403, 403, 403, 403, 200),
            new Row("GET", "/instances/2/lobby", null, 200, 403, 403, 403, 403, 403, 200).and(Who.COHOST, 200),
            new Row("POST", "/instances/2/lobby/admit-all", null, 200, 403, 403, 403, 403, 403, 200).and(Who.COHOST, 200),
            new Row("POST", "/instances/2/lobby/1/admit", null, 409, 403, 403, 403, 403, 403, 409).and(Who.COHOST, 409),
            new Row("POST", "/instances/2/lobby/1/deny", null, 409, 403, 403, 403, 403, 403, 409).and(Who.COHOST, 409),
            new Row("GET", "/instances/2/lobby/1", null, 200, 200, 403, 200, 403, 403, 403),
            new Row("DELETE", "/instances/2/lobby/1", null, 409, 409, 403, 409, 403, 403, 403),
            new Row("POST", "/instances/2/guest-links", null, 201, 403, 403, 403, 403, 403, 201).and(Who.COHOST, 201),
            new Row("GET", "/instances/2/guest-links", null, 200, 403, 403, 403, 403, 403, 200).and(Who.COHOST, 200),
            new Row("DELETE", "/instances/2/guest-links/1", null, 204, 403, 403, 403, 403, 403, 204).and(Who.COHOST, 204),
            new Row("POST", "/guests", "{\"link\":\"2.1.wrong\",\"name\":\"Gil\"}", 404, 404, 404, 404, 404, 404, 404)
                    .and(Who.COHOST, 404).and(Who.GUEST, 404).and(Who.SUSPENDED, 404).and(Who.NONE, 404)
                    .and(Who.WRONG, 404),
            new Row("GET", "/meetings", null, 200, 200, 200, 200, 200),
            new Row("DELETE", "/meetings/1", null, 409, 403, 403, 403, 403),
            new Row("GET", "/meetings/2/instances", null, 200, 200, 200, 200, 200),
            new Row("PUT", "/instances/2", "{\"from\":\"2026-01-05T09:59:00Z\",\"to\":\"2026-01-05T12:00:00Z\"}",
                    200, 403, 403, 403, 403, 403, 200),
            new Row("DELETE", "/instances/2", null, 409, 403, 403, 403, 403, 403, 409),
            new Row("DELETE", "/instances/2/participants/1", null, 409, 409, 403, 409, 403, 403, 409).and(Who.COHOST, 409),
            new Row("POST", "/instances/2/participants/1/heartbeat", null, 409, 409, 403, 409, 403),
            new Row("POST", "/instances/1/messages", "{\"userId\":1,\"text\":\"hi\"}", 409, 409, 403, 409, 403),
            new Row("GET", "/active-instances", null, 200, 200, 200, 200, 200),
            new Row("GET", "/join-times", null, 200, 200, 200, 200, 200),
            new Row("POST", "/meetings/1/series", "{\"rrule\":\"FREQ=WEEKLY;COUNT=2\",\"start\":\"2026-03-02T08:00\","
                    + "\"timeZone\":\"UTC\",\"durationMinutes\":30}", 201, 403, 403, 403, 403),
            new Row("GET", "/meetings/2/series", null, 200, 200, 200, 200, 200),
            new Row("GET", "/meetings/2/series/1", null, 404, 404, 404, 404, 404),
            new Row("GET", "/meetings/2/series/1/occurrences", null, 404, 404, 404, 404, 404),
            new Row("GET", "/meetings/2/series/1/attendance", null, 404, 403, 403, 403, 403, 403, 404).and(Who.COHOST, 404),
            new Row("GET", "/meetings/2/series/1/attendance.svg", null, 404, 403, 403, 403, 403, 403, 404)
                    .and(Who.COHOST, 404),
            new Row("DELETE", "/meetings/2/series/1", null, 404, 403, 403, 403, 403, 403, 404),
            new Row("GET", "/meetings/2/calendar.ics", null, 200, 200, 200, 200, 200),
            new Row("POST", "/users/1/calendar-token", null, 200, 200, 403, 200, 403),
            new Row("DELETE", "/meetings/2/series/1/occurrences/2026-03-02T08:00:00Z", null, 404, 403, 403, 403, 403, 403, 404),
            new Row("PUT", "/meetings/2/series/1/occurrences/2026-03-02T08:00:00Z",
                    "{\"from\":\"2026-03-02T09:00:00Z\",\"to\":\"2026-03-02T10:00:00Z\"}", 404, 403, 403, 403, 403, 403, 404),
            new Row("POST", "/meetings/2/series/1/split", "{\"from\":\"2026-03-02T08:00:00Z\"}", 404, 403, 403, 403, 403, 403, 404),
            new Row("GET", "/audit", null, 200, 403, 403, 403, 403),
            new Row("GET", "/audit/checkpoint", null, 200, 403, 403, 403, 403),
            new Row("GET", "/audit/export", null, 200, 403, 403, 403, 403),
            new Row("GET", "/audit/verification", null, 200, 403, 403, 403, 403),
            new Row("GET", "/webhooks", null, 200, 403, 403, 403, 403),
            new Row("POST", "/webhooks", "{\"url\":\"https://93.184.215.14/hook\"}", 201, 403, 403, 403, 403),
            new Row("GET", "/webhooks/1", null, 404, 403, 403, 403, 403),
            new Row("PATCH", "/webhooks/1", "{\"enabled\":true}", 404, 403, 403, 403, 403),
            new Row("DELETE", "/webhooks/1", null, 404, 403, 403, 403, 403),
            new Row("POST", "/webhooks/1/secret", null, 404, 403, 403, 403, 403),
            new Row("GET", "/webhooks/1/deliveries", null, 404, 403, 403, 403, 403),
            new Row("POST", "/webhooks/1/deliveries/1/replay", null, 404, 403, 403, 403, 403),
            new Row("POST", "/webhooks/1/replay", "{\"since\":\"2026-01-01T00:00:00Z\"}", 404, 403, 403, 403, 403));

    /** A stream, and the status each kind of caller gets. */
    record StreamRow(String path, int admin, int member, int nonMember, int host) {
        /** Streams have no "acting as another user": self and other are the member and non-member columns. */
        static boolean asked(Who who) {
            return who != Who.SELF && who != Who.OTHER;
        }

        int expected(Who who) {
            return switch (who) {
                case ADMIN, ADMIN_USER -> admin;
                // A ban keeps John from joining, not from watching: see the note on bans.
                case MEMBER, BANNED, PROVIDER -> member;
                // Olga owns meeting 2 and Cora co-hosts it, neither in its audience: they see inside by right.
                case OWNER, COHOST -> host;
                case NON_MEMBER, ORGANIZER -> nonMember;
                // A guest of instance 2 who has not come in: nothing to follow yet, and nothing else at all.
                case GUEST -> 403;
                default -> 401;
            };
        }
    }

    static final List<StreamRow> STREAMS = List.of(new StreamRow("/instances/2/stream", 200, 200, 403, 200),
            new StreamRow("/instances/1/stream", 200, 200, 200, 200), new StreamRow("/stream", 200, 200, 200, 200));

    /** The streams, separately: a 200 there is an open stream, so the check reads only the status line. */
    @TestFactory
    Stream<DynamicTest> streamsAdmitOnlyWhoMaySeeThem() {
        return STREAMS.stream().flatMap(row -> Stream.of(Who.values()).filter(StreamRow::asked).map(who ->
                DynamicTest.dynamicTest("GET " + row.path() + " as " + who, () -> {
                    world(who);
                    assertThat(streamStatus(row.path(), token(who))).isEqualTo(row.expected(who));
                })));
    }

    /** HEAD on a stream: what its GET would answer, with no stream opened. */
    @TestFactory
    Stream<DynamicTest> aHeadOnAStreamIsHeldToTheSameRules() {
        return STREAMS.stream().flatMap(row -> Stream.of(Who.values()).filter(StreamRow::asked).map(who ->
                DynamicTest.dynamicTest("HEAD " + row.path() + " as " + who, () -> {
                    world(who);
                    assertThat(api.call("HEAD", row.path(), token(who), null, "Accept", "text/event-stream").status())
                            .isEqualTo(row.expected(who));
                })));
    }

    static int streamStatus(String path, String token) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(api.server.url() + path))
                .header("Accept", "text/event-stream");
        if (token != null) request.header("Authorization", "Bearer " + token);
        var response = HttpClient.newHttpClient().sendAsync(request.build(),
                HttpResponse.BodyHandlers.ofInputStream()).get(10, TimeUnit.SECONDS);
        response.body().close();
        return response.statusCode();
    }

    static String token(Who who) {
        return switch (who) {
            case ADMIN -> ApiServer.ADMIN;
            case ADMIN_USER -> ada;
            case ORGANIZER -> otto;
            case OWNER -> olga;
            case COHOST -> cora;
            case GUEST -> gus;
            case PROVIDER -> providers;
            case BANNED -> api.john;
            case SUSPENDED -> sam;
            case SELF, MEMBER -> api.john;
            case OTHER, NON_MEMBER -> api.jane;
            case NONE -> null;
            case WRONG -> "cv_not-a-real-token";
        };
    }

    static int expected(Row row, Who who) {
        return switch (who) {
            case ADMIN, ADMIN_USER -> row.more().getOrDefault(who, row.admin());
            case SELF -> row.self();
            case PROVIDER -> row.more().getOrDefault(who, row.self());
            case OTHER -> row.other();
            case MEMBER -> row.member();
            case NON_MEMBER -> row.nonMember();
            case ORGANIZER -> row.organizer();
            case OWNER -> row.owner();
            case COHOST -> row.cohost();
            case BANNED -> row.banned();
            case GUEST -> row.more().getOrDefault(Who.GUEST, 403);
            case SUSPENDED, NONE, WRONG -> row.more().getOrDefault(who, 401);
        };
    }

    /** HEAD on every GET route: the status its GET gives, whoever asks (Javalin would answer 200 to anyone). */
    @TestFactory
    Stream<DynamicTest> aHeadGetsTheStatusItsGetGets() {
        return ROWS.stream().filter(row -> row.method().equals("GET")).flatMap(row -> Stream.of(Who.values())
                .map(who -> DynamicTest.dynamicTest("HEAD " + row.path() + " as " + who, () -> {
                    world(who);
                    assertThat(api.call("HEAD", row.path(), token(who), null).status()).isEqualTo(expected(row, who));
                })));
    }

    @TestFactory
    Stream<DynamicTest> everyCallerGetsTheStatusTheRulesGive() {
        return ROWS.stream().flatMap(row -> Stream.of(Who.values()).map(who -> DynamicTest.dynamicTest(
                row.method() + " " + row.path() + " as " + who, () -> {
                    world(who);
                    var response = api.call(row.method(), row.path(), token(who), row.body());
                    assertThat(response.status()).as(response.raw().body()).isEqualTo(expected(row, who));
                })));
    }
}
