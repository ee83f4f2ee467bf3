package org.convene.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The console as people organising meetings use it, in a real headless Chromium, each scenario on a desktop and on a
 * phone (where two people take part, one on each): an edit
 * that keeps what it does not change, a person made with a name and an e-mail, a series as one thing in words with
 * one occurrence moved and cancelled by its host, a call link given to those inside while it is live, an
 * administration in pages with a "Start here" for a first meeting, and a webhook's health at a glance.
 */
@Tag("browser")
class OrganisingConsoleTest extends ConsoleScenarios {
    private static final int DESKTOP = 1440;
    private static final int PHONE = 390;
    private static final AtomicInteger RUN = new AtomicInteger();

    private Browser window(String name, int width, int height, String token) {
        return signedIn(name, width, height, "UTC", token);
    }

    private static int height(int width) {
        return width == PHONE ? 844 : 1000;
    }

    /** The other screen: where one person is on a desktop, the other is on a phone. */
    private static int other(int width) {
        return width == PHONE ? DESKTOP : PHONE;
    }

    private static JsonNode meeting(long id) {
        return server.call("GET", "/meetings/" + id, ConsoleServer.ADMIN, null);
    }

    /** A public meeting made through the API with {@code extra} fields, its id. */
    private static long publicMeeting(String title, String extra) {
        return server.call("POST", "/meetings", ConsoleServer.ADMIN, "{\"title\":\"" + title + "\",\"isPublic\":true"
                + extra + "}").get("id").asLong();
    }

    @ParameterizedTest(name = "on a screen {0} px wide")
    @ValueSource(ints = {DESKTOP, PHONE})
    void anEditKeepsTheSettingsItDoesNotChangeAndEverySettingCanBeEdited(int width) {
        long id = publicMeeting("Kept " + RUN.incrementAndGet(), ",\"reminderMinutes\":5,\"capacity\":10,"
                + "\"presence\":{\"leaseSeconds\":60,\"graceSeconds\":10}");
        Browser admin = window("admin-" + width, width, height(width), ConsoleServer.ADMIN);
        toAdministration(admin, "meetings");
        String form = "[data-admin-meeting='" + id + "'] form";
        admin.waitUntil(PATIENT, d -> !admin.all("[data-edit-meeting='" + id + "']").isEmpty());

        admin.click("[data-edit-meeting='" + id + "']");
        admin.type("edit-meeting-" + id + "-description", "Only the description changes");
        // Something else is scheduled meanwhile: the list is drawn again, and the edit under way stays as typed.
        Instant later = server.now().plus(Duration.ofDays(3)).truncatedTo(ChronoUnit.MINUTES);
        long elsewhere = server.call("POST", "/meetings/" + id + "/instances", ConsoleServer.ADMIN,
                "{\"from\":\"" + later + "\",\"to\":\"" + later.plus(Duration.ofHours(1)) + "\"}").get("id").asLong();
        admin.waitUntil(PATIENT, d -> !admin.all("[data-admin-instance='" + elsewhere + "']").isEmpty());
        assertThat(admin.find("edit-meeting-" + id + "-description").getAttribute("value")).isEqualTo("Only the description changes");
        admin.click(form + " button[type=submit]");

        admin.waitUntil(PATIENT, d -> meeting(id).path("version").asLong() == 2);
        JsonNode once = meeting(id);
        assertThat(once.path("description").asText()).isEqualTo("Only the description changes");
        assertThat(once.path("reminderMinutes").asInt()).isEqualTo(5);
        assertThat(once.path("capacity").asInt()).isEqualTo(10);
        assertThat(once.path("presence").path("leaseSeconds").asInt()).isEqualTo(60);

        admin.click("[data-edit-meeting='" + id + "']");
        assertThat(admin.find("edit-meeting-" + id + "-reminder").getAttribute("value")).isEqualTo("5");
        admin.type("edit-meeting-" + id + "-reminder", "15");
        admin.find("edit-meeting-" + id + "-capacity").clear();
        admin.type("edit-meeting-" + id + "-call", "https://meet.jit.si/kept-room");
        assertThat(admin.seriousAccessibilityViolations()).isEmpty();
        admin.click(form + " button[type=submit]");

        admin.waitUntil(PATIENT, d -> meeting(id).path("reminderMinutes").asInt() == 15);
        JsonNode twice = meeting(id);
        assertThat(twice.has("capacity")).as("an emptied capacity is no limit").isFalse();
        assertThat(twice.path("callUrl").asText()).isEqualTo("https://meet.jit.si/kept-room");
        assertThat(twice.path("presence").path("graceSeconds").asInt()).isEqualTo(10);
    }

    @ParameterizedTest(name = "on a screen {0} px wide")
    @ValueSource(ints = {DESKTOP, PHONE})
    void aPersonIsAddedWithANameAndAnEmailAlone(int width) {
        Browser admin = window("admin-" + width, width, height(width), ConsoleServer.ADMIN);
        toAdministration(admin, "users");
        admin.click("details:has(#user-form) summary");
        String email = "nameonly" + RUN.incrementAndGet() + "@example.com";
        admin.type("user-name", "Noa Nameonly");
        admin.type("user-email", email);

        admin.click("#user-form button");

        admin.waitForText("user-result", "Created Noa Nameonly", PATIENT);
        JsonNode made = server.call("GET", "/users?limit=1000", ConsoleServer.ADMIN, null);
        JsonNode noa = null;
        for (JsonNode user : made) if (user.path("email").asText().equals(email)) noa = user;
        assertThat(noa).isNotNull();
        assertThat(noa.has("age")).isFalse();
        admin.waitUntil(PATIENT, d -> admin.texts("#user-list li").stream().anyMatch(t -> t.contains(email) && !t.contains("age")));
        assertThat(admin.seriousAccessibilityViolations()).isEmpty();
    }

    @ParameterizedTest(name = "on a screen {0} px wide")
    @ValueSource(ints = {DESKTOP, PHONE})
    void anAudienceIsPickedFromThePeopleAndAnAddressNobodyHasIsPointedOutAtOnce(int width) {
        String name = "Quinn Pickable " + RUN.incrementAndGet();
        server.createUser(name, "quinn.pickable" + RUN.get() + "@example.com");
        Browser admin = window("admin-" + width, width, height(width), ConsoleServer.ADMIN);
        toAdministration(admin, "meetings");
        admin.click("details:has(#meeting-form) summary");
        admin.click("meeting-public");
        admin.waitUntil(PATIENT, d -> admin.find("meeting-audience-pick").isDisplayed());

        admin.type("meeting-audience-pick", "pickable " + RUN.get());
        admin.click("[data-audience-add='meeting-audience']");

        admin.waitUntil(PATIENT, d -> admin.find("meeting-audience").getAttribute("value")
                .contains("quinn.pickable" + RUN.get() + "@example.com"));
        assertThat(admin.texts("#meeting-form .picker [role=status]")).containsExactly("Added " + name + ".");
        admin.type("meeting-audience-pick", "quinn@exampel.com");
        admin.click("[data-audience-add='meeting-audience']");
        admin.waitUntil(PATIENT, d -> admin.texts("#meeting-form .picker [role=status]").stream()
                .anyMatch(t -> t.contains("nobody has this address yet")));
        assertThat(admin.find("meeting-audience").getAttribute("value").split("\n")).hasSize(2);
        assertThat(admin.seriousAccessibilityViolations()).isEmpty();
    }

    @ParameterizedTest(name = "on a screen {0} px wide")
    @ValueSource(ints = {DESKTOP, PHONE})
    void aSeriesIsOneRowInWordsAndItsHostMovesOneOccurrenceAndCancelsAnother(int width) {
        String title = "Twice weekly " + RUN.incrementAndGet();
        long id = publicMeeting(title, "");
        LocalDate wednesday = LocalDate.ofInstant(server.now(), ZoneOffset.UTC).plusDays(1)
                .with(TemporalAdjusters.next(DayOfWeek.WEDNESDAY));
        JsonNode series = server.call("POST", "/meetings/" + id + "/series", ConsoleServer.ADMIN, "{\"rrule\":"
                + "\"FREQ=WEEKLY;BYDAY=WE,SU;COUNT=10\",\"start\":\"" + wednesday + "T19:41\",\"timeZone\":\"UTC\","
                + "\"durationMinutes\":30}");
        long second = series.get("occurrences").get(1).get("instanceId").asLong();
        long third = series.get("occurrences").get(2).get("instanceId").asLong();
        ConsoleServer.Account ada = server.createUser("Ada Series " + RUN.get(), "ada.series" + RUN.get() + "@example.com");
        Browser member = window("ada-" + width, width, height(width), ada.token());

        String row = "#group-upcoming > li[data-series-row='" + series.get("id").asLong() + "']";
        member.waitUntil(PATIENT, d -> member.texts(row).stream().anyMatch(t -> t.startsWith(title)
                && t.contains("Every Wednesday and Sunday at ") && t.contains(", 10 times") && t.contains("9 more to come")));
        assertThat(member.texts("#group-upcoming > li").stream().filter(t -> t.startsWith(title))).hasSize(1);
        assertThat(member.texts(row).get(0)).doesNotContain("FREQ");
        assertThat(member.seriousAccessibilityViolations()).isEmpty();

        Browser admin = window("admin-" + other(width), other(width), height(other(width)), ConsoleServer.ADMIN);
        admin.open(server.url() + "/#/instances/" + second);
        admin.waitUntil(PATIENT, d -> admin.find("occurrence-actions").isDisplayed());
        Instant from = Instant.parse(server.call("GET", "/instances/" + second, ConsoleServer.ADMIN, null).path("from").asText());
        admin.click("occurrence-move");
        admin.script("document.getElementById('occurrence-start').value = arguments[0];",
                from.plus(Duration.ofHours(1)).toString().substring(0, 19));
        assertThat(admin.seriousAccessibilityViolations()).isEmpty();
        admin.click("#occurrence-move-form button[type=submit]");

        admin.waitUntil(PATIENT, d -> server.call("GET", "/instances/" + second, ConsoleServer.ADMIN, null)
                .path("from").asText().equals(from.plus(Duration.ofHours(1)).toString()));
        JsonNode moved = server.call("GET", "/meetings/" + id + "/series/" + series.get("id").asLong()
                + "/occurrences?from=" + from.minus(Duration.ofHours(1)) + "&to=" + from.plus(Duration.ofDays(1)), ConsoleServer.ADMIN, null);
        assertThat(moved.toString()).contains("\"moved\"");

        admin.open(server.url() + "/#/instances/" + third);
        admin.waitUntil(PATIENT, d -> admin.find("occurrence-actions").isDisplayed());
        admin.click("occurrence-cancel");
        admin.click("#instance-confirm .confirm button.danger");

        member.click(row + " [data-series-more]");
        member.waitUntil(PATIENT, d -> member.all("#group-upcoming [data-instance='" + third + "']").isEmpty()
                && member.all(row + " .series-more [data-instance]").size() == 8);
        member.click(row + " [data-series-more]");
        member.waitUntil(PATIENT, d -> member.texts(row).get(0).contains("8 more to come"));
    }

    @ParameterizedTest(name = "on a screen {0} px wide")
    @ValueSource(ints = {DESKTOP, PHONE})
    void aMoveOntoAnotherOccurrenceIsRefusedInPeoplesWords(int width) {
        long id = publicMeeting("Words " + RUN.incrementAndGet(), "");
        Instant first = server.now().plus(Duration.ofHours(2)).truncatedTo(ChronoUnit.MINUTES);
        server.call("POST", "/meetings/" + id + "/instances", ConsoleServer.ADMIN,
                "{\"from\":\"" + first + "\",\"to\":\"" + first.plus(Duration.ofHours(1)) + "\"}");
        long second = server.call("POST", "/meetings/" + id + "/instances", ConsoleServer.ADMIN, "{\"from\":\""
                + first.plus(Duration.ofHours(3)) + "\",\"to\":\"" + first.plus(Duration.ofHours(4)) + "\"}").get("id").asLong();
        Browser admin = window("admin-" + width, width, height(width), ConsoleServer.ADMIN);
        admin.open(server.url() + "/#/instances/" + second);
        admin.waitUntil(PATIENT, d -> admin.find("occurrence-actions").isDisplayed());
        // The status line is drawn again each second: read it inside a wait, which reads a redrawn element again.
        admin.waitUntil(PATIENT, d -> admin.text("instance-status").equals("Upcoming"));

        admin.click("occurrence-move");
        admin.script("document.getElementById('occurrence-start').value = arguments[0];",
                first.plus(Duration.ofMinutes(30)).toString().substring(0, 19));
        admin.click("#occurrence-move-form button[type=submit]");

        admin.waitForText("instance-error", "That time overlaps another occurrence of this meeting.", PATIENT);
        String shown = String.valueOf(admin.script("return document.getElementById('instance').innerText;"));
        assertThat(shown.toLowerCase(java.util.Locale.ROOT)).doesNotContain("instance").doesNotContain("scheduled");
        assertThat(admin.seriousAccessibilityViolations()).isEmpty();
    }

    @ParameterizedTest(name = "on a screen {0} px wide")
    @ValueSource(ints = {DESKTOP, PHONE})
    void aCallLinkIsGivenToThoseInsideWhileTheOccurrenceIsLive(int width) {
        String room = "https://meet.jit.si/convene-call-" + RUN.incrementAndGet();
        long id = publicMeeting("Call " + RUN.get(), ",\"callUrl\":\"" + room + "\"");
        Instant from = server.now().plusSeconds(2).truncatedTo(ChronoUnit.SECONDS);
        long instance = server.call("POST", "/meetings/" + id + "/instances", ConsoleServer.ADMIN,
                "{\"from\":\"" + from + "\",\"to\":\"" + from.plusSeconds(3600) + "\"}").get("id").asLong();
        server.advance(Duration.ofSeconds(3));
        ConsoleServer.Account cy = server.createUser("Cy Caller " + RUN.get(), "cy.caller" + RUN.get() + "@example.com");
        ConsoleServer.Account di = server.createUser("Di Outside " + RUN.get(), "di.outside" + RUN.get() + "@example.com");
        Browser joiner = window("cy-" + width, width, height(width), cy.token());
        Browser outsider = window("di-" + other(width), other(width), height(other(width)), di.token());
        for (Browser b : new Browser[] {joiner, outsider}) {
            b.open(server.url() + "/#/instances/" + instance);
            b.waitUntil(PATIENT, d -> b.find("join").isEnabled());
        }
        assertThat(joiner.text("join-meaning")).contains("gives you this meeting's call");
        assertThat(joiner.find("call-box").isDisplayed()).as("not before joining").isFalse();

        joiner.click("join");

        joiner.waitUntil(PATIENT, d -> joiner.find("call-box").isDisplayed());
        assertThat(joiner.find("call-link").getAttribute("href")).isEqualTo(room);
        assertThat(joiner.find("call-link").getAttribute("target")).isEqualTo("_blank");
        assertThat(joiner.find("call-link").getAttribute("rel")).contains("noopener");
        assertThat(outsider.find("call-box").isDisplayed()).as("someone who has not joined").isFalse();
        assertThat(joiner.seriousAccessibilityViolations()).isEmpty();
        assertThat(outsider.seriousAccessibilityViolations()).isEmpty();

        joiner.click("leave");
        joiner.waitUntil(PATIENT, d -> !joiner.find("call-box").isDisplayed());
    }

    @ParameterizedTest(name = "on a screen {0} px wide")
    @ValueSource(ints = {DESKTOP, PHONE})
    void anOrganizersFirstVisitSaysWhatToDoFirstUntilTheirFirstMeetingExists(int width) {
        ConsoleServer.Account olive = server.createUser("Olive First " + RUN.incrementAndGet(), "olive.first" + RUN.get() + "@example.com");
        server.call("PATCH", "/users/" + olive.id(), ConsoleServer.ADMIN, "{\"role\":\"organizer\"}");
        Browser organizer = window("olive-" + width, width, height(width), olive.token());
        toAdministration(organizer, "meetings");

        organizer.waitUntil(PATIENT, d -> organizer.find("first-run").isDisplayed());
        assertThat(organizer.find("admin-tabs").isDisplayed()).as("an organizer has one page").isFalse();
        assertThat(organizer.find("first-run-people").isDisplayed()).as("adding people is an administrator's").isFalse();
        assertThat(organizer.seriousAccessibilityViolations()).isEmpty();

        organizer.click("details:has(#meeting-form) summary");
        organizer.type("meeting-title", "Olive's first");
        organizer.click("#meeting-form button[type=submit]");

        organizer.waitUntil(PATIENT, d -> !organizer.find("first-run").isDisplayed());
    }

    @ParameterizedTest(name = "on a screen {0} px wide")
    @ValueSource(ints = {DESKTOP, PHONE})
    void theAdministrationIsInPagesEachReachedByItsTabAndItsAddress(int width) {
        Browser admin = window("admin-" + width, width, height(width), ConsoleServer.ADMIN);
        toAdministration(admin, "meetings");

        for (String page : new String[] {"users", "webhooks", "audit", "meetings"}) {
            admin.click("tab-" + page);
            admin.waitUntil(PATIENT, d -> admin.find(page + "-card").isDisplayed());
            assertThat(admin.all("[data-admin-page]").stream().filter(c -> c.isDisplayed()).count()).as(page).isEqualTo(1);
            assertThat(admin.find("tab-" + page).getAttribute("aria-current")).isEqualTo("page");
            assertThat(admin.currentUrl()).endsWith("#/admin/" + page);
        }
        admin.open(server.url() + "/#/admin/webhooks");
        admin.waitUntil(PATIENT, d -> admin.find("webhooks-card").isDisplayed());
        assertThat(admin.find("users-card").isDisplayed()).isFalse();
        assertThat(admin.seriousAccessibilityViolations()).isEmpty();
    }

    @ParameterizedTest(name = "on a screen {0} px wide")
    @ValueSource(ints = {DESKTOP, PHONE})
    void aWebhookThatFailsShowsItsTroubleAtAGlance(int width) throws Exception {
        try (MockWebServer receiver = new MockWebServer()) {
            receiver.setDispatcher(new mockwebserver3.Dispatcher() {
                @Override
                public MockResponse dispatch(mockwebserver3.RecordedRequest request) {
                    return new MockResponse.Builder().code(500).build();
                }
            });
            receiver.start();
            long endpoint = server.call("POST", "/webhooks", ConsoleServer.ADMIN, "{\"url\":\"" + receiver.url("/down")
                    + "\",\"events\":[\"participant.joined\"]}").get("endpoint").get("id").asLong();
            long id = publicMeeting("Hooked " + RUN.incrementAndGet(), "");
            Instant from = server.now().plusSeconds(2).truncatedTo(ChronoUnit.SECONDS);
            long instance = server.call("POST", "/meetings/" + id + "/instances", ConsoleServer.ADMIN,
                    "{\"from\":\"" + from + "\",\"to\":\"" + from.plusSeconds(3600) + "\"}").get("id").asLong();
            server.advance(Duration.ofSeconds(3));
            ConsoleServer.Account eve = server.createUser("Eve Hooked " + RUN.get(), "eve.hooked" + RUN.get() + "@example.com");
            server.call("POST", "/instances/" + instance + "/participants", eve.token(), "{\"userId\":" + eve.id() + "}");
            Browser admin = window("admin-" + width, width, height(width), ConsoleServer.ADMIN);

            String health = "[data-health='" + endpoint + "']";
            admin.waitUntil(PATIENT, d -> {
                toAdministration(admin, "meetings");
                toAdministration(admin, "webhooks");
                return admin.texts(health).stream().anyMatch(t -> t.contains("answered HTTP 500"));
            });

            assertThat(admin.all(health).get(0).getAttribute("data-state")).isIn("retrying", "failed");
            assertThat(admin.texts(health).get(0)).contains("0 delivered").contains("participant.joined");
            assertThat(admin.seriousAccessibilityViolations()).isEmpty();
        }
    }
}
