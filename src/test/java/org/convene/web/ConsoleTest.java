package org.convene.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * The web console in a real headless Chromium: three windows, the administrator and two users,
 * each signed in with their own token, driving Convene only through what the page offers. Every
 * scenario saves a screenshot of each window under target/browser-screenshots.
 */
@Tag("browser")
class ConsoleTest extends ConsoleScenarios {
    private static final Duration LIVE = Duration.ofSeconds(1);
    private static final AtomicInteger PEOPLE = new AtomicInteger();

    private Browser admin;
    private Browser alice;
    private Browser bob;
    private ConsoleServer.Account aliceAccount;
    private ConsoleServer.Account bobAccount;

    @BeforeEach
    void openWindows() {
        int n = PEOPLE.incrementAndGet();
        aliceAccount = server.createUser("Alice " + n, "alice" + n + "@example.com");
        bobAccount = server.createUser("Bob " + n, "bob" + n + "@example.com");
        admin = window("admin", 1440, 1000, ConsoleServer.ADMIN);
        alice = window("alice", 1280, 900, aliceAccount.token());
        bob = window("bob", 390, 844, bobAccount.token()); // a phone's narrow screen
    }

    private Browser window(String name, int width, int height, String token) {
        return signedIn(name, width, height, null, token);
    }

    @Test
    void aPrivateInstanceGoesLiveForBothUsersAndOnlyItsAudienceMayJoin() {
        toAdministration(admin);
        openForm(admin, "meeting-form");
        admin.type("meeting-title", "Board review");
        admin.click("meeting-public");
        admin.type("meeting-audience", "alice" + PEOPLE.get() + "@example.com");
        admin.click("#meeting-form button[type=submit]");
        admin.waitForText("meeting-result", "Created meeting Board review", PATIENT);
        assertThat(admin.find("instance-from").getAttribute("value")).as("a start is offered").isNotEmpty();
        pickStart(admin, server.now().plusSeconds(5));
        admin.click("#instance-form button");
        String scheduled = admin.waitUntil(PATIENT, d -> admin.text("instance-result").startsWith("Scheduled occurrence #")
                ? admin.text("instance-result") : null);
        long instance = Long.parseLong(scheduled.replaceAll("Scheduled occurrence #(\\d+),.*", "$1"));

        for (Browser user : List.of(alice, bob)) waitForStatus(user, instance, "scheduled");
        server.advance(Duration.ofSeconds(6));
        for (Browser user : List.of(alice, bob)) waitForStatus(user, instance, "active");

        openInstance(alice, instance);
        alice.click("join");
        alice.waitUntil(LIVE, d -> participantNames(alice).contains("You"));

        openInstance(bob, instance);
        bob.waitUntil(PATIENT, d -> bob.find("instance-private").isDisplayed());
        assertThat(bob.text("instance-private")).startsWith("This meeting is private and you are not in its audience");
        assertThat(bob.find("join").isEnabled()).as("no join to be refused at").isFalse();
    }

    @Test
    void aJoinAndAMessageReachTheOtherWindowWithinASecond() {
        long instance = activePublicInstance("Standup");
        openInstance(alice, instance);
        openInstance(bob, instance);
        assertThat(bob.find("post").isEnabled()).as("no posting before joining").isFalse();
        assertThat(bob.find("message").isEnabled()).isFalse();

        alice.click("join");
        bob.waitUntil(LIVE, d -> participantNames(bob).contains(aliceName()));
        bob.click("join");
        alice.waitUntil(LIVE, d -> participantNames(alice).contains(bobName()));

        alice.find("message").sendKeys("Hello, Bob!");
        assertThat(alice.text("message-count")).isEqualTo("11 / 4000");
        alice.find("message").sendKeys(Keys.ENTER);
        bob.waitUntil(LIVE, d -> chatTexts(bob).contains(aliceName() + "\nHello, Bob!"));
        assertThat(alice.find("message").getAttribute("value")).as("sent and cleared").isEmpty();
        assertThat(bob.texts("#events li"))
                .anyMatch(t -> t.endsWith(aliceName() + " joined")).anyMatch(t -> t.endsWith("You joined"));
    }

    @Test
    void endingAnInstanceShowsItEndedWithNobodyInEverywhere() {
        long instance = activePublicInstance("Retro");
        for (Browser user : List.of(alice, bob)) {
            openInstance(user, instance);
            user.click("join");
            user.waitUntil(PATIENT, d -> participantNames(user).contains("You"));
        }
        openInstance(admin, instance);
        admin.waitUntil(PATIENT, d -> participantNames(admin).size() == 2);
        admin.click("end");
        admin.click("end-confirm");

        for (Browser window : List.of(alice, bob, admin)) {
            window.waitUntil(PATIENT, d -> window.text("instance-status").equals("ENDED")
                    || window.text("instance-status").equalsIgnoreCase("ended"));
            window.waitUntil(PATIENT, d -> participantNames(window).isEmpty());
        }
        assertThat(alice.find("join").isEnabled()).as("no join on an ended instance").isFalse();
        assertThat(bob.texts("#events li")).anyMatch(t -> t.endsWith("You were in when the administrator ended the meeting"));
        assertThat(bob.text("instance-state")).contains("ended by the administrator Today");
    }

    @Test
    void theChatIsAnnouncedAsALogAndOnesOwnMessagesStandApart() {
        long instance = activePublicInstance("Chatty");
        openInstance(alice, instance);
        alice.click("join");
        alice.waitUntil(LIVE, d -> participantNames(alice).contains("You"));

        alice.find("message").sendKeys("Mine", Keys.ENTER);
        alice.waitUntil(LIVE, d -> alice.all("#chat li").size() == 1);

        // The log is the list's container: a list given the role log would no longer be a list to its items.
        assertThat(alice.find("chat-log").getAttribute("role")).isEqualTo("log");
        assertThat(alice.find("chat-log").getAttribute("aria-live")).isEqualTo("polite");
        assertThat(alice.seriousAccessibilityViolations()).isEmpty();
        assertThat(alice.all("#chat li.mine")).hasSize(1);
    }

    @Test
    void anInstancesAddressOpensItAfterSignIn() {
        long instance = activePublicInstance("Linked");
        openInstance(alice, instance);
        String address = (String) alice.script("return location.href;");
        assertThat(address).endsWith("/#/instances/" + instance);

        Browser visitor = new Browser("visitor", 800, 800);
        windows.add(visitor);
        visitor.open(address);
        visitor.signIn(bobAccount.token());

        visitor.waitUntil(PATIENT, d -> visitor.text("instance-title").endsWith("occurrence #" + instance));
    }

    @Test
    void endingAsksFirstAndCancellingLeavesTheInstanceRunning() {
        long instance = activePublicInstance("Careful");
        openInstance(admin, instance);

        admin.click("end");
        assertThat(admin.find("end-confirm-row").isDisplayed()).isTrue();
        admin.click("end-cancel");

        assertThat(admin.find("end-confirm-row").isDisplayed()).isFalse();
        admin.waitUntil(PATIENT, d -> admin.text("instance-status").equalsIgnoreCase("live"));
    }

    @Test
    void theAttendanceOfAnEndedInstanceShowsWhoWasInAndUntilWhen() {
        long instance = activePublicInstance("Review");
        openInstance(alice, instance);
        alice.click("join");
        alice.waitUntil(PATIENT, d -> participantNames(alice).contains("You"));
        openInstance(admin, instance);
        admin.waitUntil(PATIENT, d -> participantNames(admin).size() == 1);
        admin.click("end");
        admin.click("end-confirm");
        admin.waitUntil(PATIENT, d -> participantNames(admin).isEmpty());

        admin.click("attendance-show");
        admin.waitUntil(PATIENT, d -> admin.find("attendance-as-table").isDisplayed());
        admin.click("attendance-as-table");

        admin.waitUntil(PATIENT, d -> admin.texts("#attendance-rows tr").size() == 1);
        assertThat(admin.texts("#attendance-rows tr").get(0)).contains(aliceName()).contains("until the end");
        assertThat(admin.text("attendance-summary")).startsWith("1 person");
    }

    @Test
    @SuppressWarnings("unchecked")
    void aDroppedStreamResumesWithoutLosingMessages() {
        long instance = activePublicInstance("Resilience");
        for (Browser user : List.of(alice, bob)) {
            openInstance(user, instance);
            user.click("join");
        }
        bob.waitUntil(PATIENT, d -> participantNames(bob).size() == 2);
        bob.script("window.states = []; new MutationObserver(() => window.states.push(document"
                + ".getElementById('instance-live').dataset.state)).observe(document.getElementById('instance-live'),"
                + " {attributes: true, attributeFilter: ['data-state']});");
        bob.script("window.staleShown = []; new MutationObserver(() => window.staleShown.push(!document"
                + ".getElementById('stale').hidden)).observe(document.getElementById('stale'),"
                + " {attributes: true, attributeFilter: ['hidden']});");

        server.dropStreams();
        for (int i = 1; i <= 3; i++) {
            server.call("POST", "/instances/" + instance + "/messages", aliceAccount.token(),
                    "{\"userId\":" + aliceAccount.id() + ",\"text\":\"while you were away " + i + "\"}");
        }
        bob.waitUntil(PATIENT, d -> chatTexts(bob).size() == 3);
        assertThat(chatTexts(bob)).containsExactly(aliceName() + "\nwhile you were away 1",
                aliceName() + "\nwhile you were away 2", aliceName() + "\nwhile you were away 3");
        bob.waitUntil(PATIENT, d -> "live".equals(bob.find("instance-live").getAttribute("data-state")));
        assertThat((List<Object>) bob.script("return window.states")).as("the drop was shown").contains("reconnecting");
        assertThat((List<Object>) bob.script("return window.staleShown")).as("stale data was said").contains(true);
        bob.waitUntil(PATIENT, d -> !bob.find("stale").isDisplayed());
        assertThat(bob.text("instance-live")).isEqualTo("This meeting: up to date");
    }

    @Test
    void olderMessagesLoadWhenScrollingBack() {
        long instance = activePublicInstance("Long chat");
        server.call("POST", "/instances/" + instance + "/participants", aliceAccount.token(),
                "{\"userId\":" + aliceAccount.id() + "}");
        for (int i = 1; i <= 120; i++) {
            server.call("POST", "/instances/" + instance + "/messages", ConsoleServer.ADMIN,
                    "{\"userId\":" + aliceAccount.id() + ",\"text\":\"message " + i + "\"}");
        }
        openInstance(bob, instance);
        bob.waitUntil(PATIENT, d -> chatTexts(bob).size() == 50);
        assertThat(chatTexts(bob).get(0)).endsWith("message 71");
        bob.click("chat-earlier");
        bob.waitUntil(PATIENT, d -> chatTexts(bob).size() == 100);
        bob.script("document.getElementById('chat').scrollTop = 0;");
        bob.waitUntil(PATIENT, d -> chatTexts(bob).size() == 120);
        List<String> texts = chatTexts(bob);
        for (int i = 0; i < 120; i++) assertThat(texts.get(i)).endsWith("message " + (i + 1));
        assertThat(bob.find("chat-earlier").isDisplayed()).as("nothing older left").isFalse();
    }

    @Test
    void theChatCanShowOneUsersMessagesOnly() {
        long instance = activePublicInstance("Filtered");
        for (ConsoleServer.Account account : List.of(aliceAccount, bobAccount)) {
            server.call("POST", "/instances/" + instance + "/participants", account.token(), "{\"userId\":" + account.id() + "}");
        }
        for (String text : List.of("alice one", "bob one", "alice two")) {
            ConsoleServer.Account author = text.startsWith("alice") ? aliceAccount : bobAccount;
            server.call("POST", "/instances/" + instance + "/messages", author.token(),
                    "{\"userId\":" + author.id() + ",\"text\":\"" + text + "\"}");
        }
        openInstance(bob, instance);
        bob.waitUntil(PATIENT, d -> chatTexts(bob).size() == 3);

        bob.select("chat-filter", Long.toString(aliceAccount.id()));

        bob.waitUntil(PATIENT, d -> chatTexts(bob).size() == 2);
        assertThat(chatTexts(bob)).containsExactly(aliceName() + "\nalice one", aliceName() + "\nalice two");
    }

    @Test
    void theAdministratorCreatesAUserWhoseTokenSignsThemIn() {
        toAdministration(admin, "users");
        openForm(admin, "user-form");
        admin.type("user-name", "Carol Jones");
        admin.type("user-age", "41");
        admin.type("user-email", "carol" + PEOPLE.get() + "@example.com");
        admin.click("#user-form button");
        admin.waitUntil(PATIENT, d -> admin.text("user-result").startsWith("Created Carol Jones"));
        assertThat(admin.find("new-token-box").isDisplayed()).as("the token beside the form").isTrue();
        assertThat(admin.text("new-token-box")).contains("shown only now");
        String token = admin.text("new-token");
        assertThat(admin.texts("#user-list li")).anyMatch(t -> t.startsWith("Carol Jones"));

        Browser carol = new Browser("carol", 800, 800);
        windows.add(carol);
        carol.open(server.url() + "/");
        carol.signIn(token);
        assertThat(carol.text("who")).isEqualTo("Signed in as Carol Jones (carol" + PEOPLE.get() + "@example.com)");
    }

    @Test
    void deleteIsOfferedOnlyWhereItCanSucceed() {
        long live = activePublicInstance("Ran " + PEOPLE.get());
        ConsoleServer.Account owner = server.createUser("Owen " + PEOPLE.get(), "owen" + PEOPLE.get() + "@example.com");
        server.call("PATCH", "/users/" + owner.id(), ConsoleServer.ADMIN, "{\"role\":\"organizer\"}");
        server.call("POST", "/meetings", owner.token(), "{\"title\":\"Owen's\",\"isPublic\":true}");
        toAdministration(admin);
        admin.waitUntil(PATIENT, d -> !admin.all("[data-admin-instance='" + live + "']").isEmpty());
        assertThat(admin.all("[data-delete-instance='" + live + "']")).as("a live occurrence keeps its history").isEmpty();

        toAdministration(admin, "users");
        admin.waitUntil(PATIENT, d -> !admin.all("[data-undeletable-user='" + owner.id() + "']").isEmpty());
        assertThat(admin.all("[data-delete-user='" + owner.id() + "']")).as("an owner hands over first").isEmpty();
        assertThat(admin.texts("#user-list [data-undeletable-user='" + owner.id() + "']").get(0)).endsWith("hand over to delete");
    }

    @Test
    void timesAreWrittenInOneShortFormOnTheListTheInstanceAndTheNotice() {
        long instance = activePublicInstance("Short " + PEOPLE.get());

        for (Browser window : List.of(alice, bob)) {
            String row = window.texts("[data-instance='" + instance + "']").get(0);
            openInstance(window, instance);

            assertThat(row).containsPattern("(Today|Tomorrow|Yesterday|Mon|Tue|Wed|Thu|Fri|Sat|Sun)\\S* .*\\d{1,2}:\\d{2}.*–");
            String state = window.waitUntil(PATIENT, d -> window.text("instance-state"));
            assertThat(state).containsPattern("(Today|Tomorrow|Yesterday|Mon|Tue|Wed|Thu|Fri|Sat|Sun)\\S* .*\\d{1,2}:\\d{2}.*–");
        }
    }

    @Test
    void onAPhoneAMeetingHasAScreenOfItsOwnWithAWayBackAndTheHeaderIsOneLine() {
        long instance = activePublicInstance("Phone " + PEOPLE.get());

        openInstance(bob, instance);

        bob.waitUntil(PATIENT, d -> !bob.find("meetings").isDisplayed() && bob.find("back-to-list").isDisplayed());
        Number header = (Number) bob.script("return document.querySelector('header.bar').getBoundingClientRect().height;");
        assertThat(header.doubleValue()).as("one line").isLessThan(64);
        bob.click("back-to-list");
        bob.waitUntil(PATIENT, d -> bob.find("meetings").isDisplayed());
        assertThat((String) bob.script("return location.hash;")).isEmpty();
        openInstance(alice, instance);
        assertThat(alice.find("meetings").isDisplayed()).as("the list stays beside it on a wide screen").isTrue();
        assertThat(alice.find("back-to-list").isDisplayed()).isFalse();
    }

    @Test
    void aNewTokenLeavesTheScreenSoonAfterItIsCopied() {
        toAdministration(admin, "users");
        openForm(admin, "user-form");
        admin.type("user-name", "Dora Kept");
        admin.type("user-email", "dora" + PEOPLE.get() + "@example.com");
        admin.click("#user-form button");
        admin.waitUntil(PATIENT, d -> admin.find("new-token-box").isDisplayed());

        admin.click("copy-token");

        admin.waitUntil(PATIENT, d -> !admin.find("new-token-box").isDisplayed());
        assertThat(admin.text("new-token")).isEmpty();
        assertThat(admin.text("user-result")).contains("no longer on screen");
    }

    @Test
    void aRightToLeftNameIsShownIsolatedFromTheTextAroundIt() {
        // Hebrew, then a number: unisolated, the number and the e-mail after it would join the name's run.
        String name = "\u05D3\u05E0\u05D4 " + PEOPLE.get();
        ConsoleServer.Account dana = server.createUser(name, "dana" + PEOPLE.get() + "@example.com");
        Browser another = window("admin-again", 1440, 1000, ConsoleServer.ADMIN);
        toAdministration(another, "users");
        String row = "#user-list [data-user='" + dana.id() + "']";
        another.waitUntil(PATIENT, d -> !d.findElements(By.cssSelector(row)).isEmpty());

        assertThat(another.script("const bdi = document.querySelector(arguments[0] + ' > bdi'); return bdi && bdi.textContent;", row))
                .as("the name in a <bdi> of its own").isEqualTo(name);
    }

    @Test
    void aWrongTokenIsRefusedAtSignIn() {
        Browser stranger = new Browser("stranger", 800, 600);
        windows.add(stranger);
        stranger.open(server.url() + "/");
        stranger.type("token", "cv_not-a-token");
        stranger.click("#sign-in-form button");
        stranger.waitForText("sign-in-error", "That token is not valid.", PATIENT);
        assertThat(stranger.find("console").isDisplayed()).isFalse();
    }

    @Test
    void theMeetingsListGroupsLiveUpcomingAndPastWithDatesAndFindsByTitle() {
        int n = PEOPLE.get();
        long live = activePublicInstance("Alpha " + n);
        long upcoming = instanceVia("Beta " + n, server.now().plusSeconds(3600), Duration.ofMinutes(30));
        long past = instanceVia("Gamma " + n, server.now().plusSeconds(1), Duration.ofSeconds(1));
        server.advance(Duration.ofSeconds(3));
        waitForStatus(alice, past, "ended");
        waitForStatus(alice, upcoming, "scheduled");

        assertThat(alice.all("#group-live [data-instance='" + live + "']")).hasSize(1);
        assertThat(alice.all("#group-upcoming [data-instance='" + upcoming + "']")).hasSize(1);
        assertThat(alice.all("#group-past [data-instance='" + past + "']")).hasSize(1);
        String row = alice.find("group-upcoming").findElement(By.cssSelector("[data-instance='" + upcoming + "']")).getText();
        // The one short form: the day as people say it ("Today", "Tomorrow", or "Wed, Dec 9") and the window's times.
        assertThat(row).contains("Beta " + n).containsPattern("\\d{1,2}:\\d{2}.*–.*\\d{1,2}:\\d{2}")
                .containsPattern("(Today|Tomorrow|Yesterday|Mon|Tue|Wed|Thu|Fri|Sat|Sun)");

        alice.type("meeting-search", "Beta " + n);
        alice.waitUntil(PATIENT, d -> alice.all("[data-instance='" + live + "']").isEmpty());
        assertThat(alice.all("[data-instance='" + upcoming + "']")).hasSize(1);
        alice.type("meeting-search", "no meeting is called this");
        alice.waitUntil(PATIENT, d -> alice.find("meetings-none-found").isDisplayed());
    }

    @Test
    void theAdministratorEditsAUserGivesThemANewTokenAndDeletesThem() {
        ConsoleServer.Account dora = server.createUser("Dora " + PEOPLE.get(), "dora" + PEOPLE.get() + "@example.com");
        toAdministration(admin, "users");
        String row = "[data-user='" + dora.id() + "']";
        admin.waitUntil(PATIENT, d -> !admin.all("#user-list " + row).isEmpty());

        admin.click("[data-edit-user='" + dora.id() + "']");
        admin.type("edit-user-" + dora.id() + "-name", "Dora Renamed");
        admin.click(row + " form button[type='submit']");
        admin.waitUntil(PATIENT, d -> admin.texts("#user-list " + row).stream().anyMatch(t -> t.startsWith("Dora Renamed")));

        admin.click("[data-token-user='" + dora.id() + "']");
        admin.click(row + " .confirm button.danger");
        admin.waitUntil(PATIENT, d -> !admin.all(row + " .token-box code").isEmpty());
        String token = admin.all(row + " .token-box code").get(0).getText();
        assertThat(admin.texts(row + " .token-box")).anyMatch(t -> t.contains("shown only now"));
        assertThat(server.call("GET", "/me", token, null).get("user").get("name").asText()).isEqualTo("Dora Renamed");

        admin.click("[data-delete-user='" + dora.id() + "']");
        admin.click(row + " .confirm button.danger");
        admin.waitUntil(PATIENT, d -> admin.all("#user-list " + row).isEmpty());
    }

    @Test
    void theAdministratorMakesSomeoneAnOrganizerAndSuspendsThenLetsThemBackIn() {
        ConsoleServer.Account omar = server.createUser("Omar " + PEOPLE.get(), "omar" + PEOPLE.get() + "@example.com");
        toAdministration(admin, "users");
        String row = "[data-user='" + omar.id() + "']";
        admin.waitUntil(PATIENT, d -> !admin.all("#user-list " + row).isEmpty());

        admin.select("user-role-" + omar.id(), "organizer");
        admin.waitUntil(PATIENT, d -> "organizer".equals(server.call("GET", "/users/" + omar.id(), ConsoleServer.ADMIN, null)
                .get("role").asText()));

        admin.click("[data-suspend-user='" + omar.id() + "']");
        admin.click(row + " .confirm button.danger");
        admin.waitUntil(PATIENT, d -> admin.texts("#user-list " + row + " .badge").contains("suspended"));
        admin.click("[data-suspend-user='" + omar.id() + "']");
        admin.waitUntil(PATIENT, d -> !admin.all(row + " .token-box code").isEmpty());
        String token = admin.all(row + " .token-box code").get(0).getText();
        assertThat(server.call("GET", "/me", token, null).get("user").get("role").asText()).isEqualTo("organizer");
    }

    @Test
    void theAdministratorReadsWhoDidWhatInTheAuditTrailVerifiedUpToACheckpoint() {
        ConsoleServer.Account omar = server.createUser("Omar " + PEOPLE.get(), "omar" + PEOPLE.get() + "@example.com");
        server.call("PATCH", "/users/" + omar.id(), ConsoleServer.ADMIN, "{\"role\":\"organizer\"}");
        server.seal();
        toAdministration(admin, "audit");

        admin.type("audit-action", "role_changed");
        admin.click("#audit-form button[type=submit]");

        admin.waitUntil(PATIENT, d -> admin.texts("#audit-rows tr").stream()
                .anyMatch(row -> row.contains("role changed") && row.contains("user:" + omar.id())));
        admin.waitUntil(PATIENT, d -> admin.text("audit-verified").startsWith("Verified up to checkpoint"));
    }

    @Test
    void theAdministratorDeletesAnInstanceAndThenItsMeeting() {
        long instance = instanceVia("Epsilon " + PEOPLE.get(), server.now().plusSeconds(3600), Duration.ofMinutes(30));
        waitForStatus(alice, instance, "scheduled");
        toAdministration(admin);
        String row = "[data-admin-instance='" + instance + "']";
        admin.waitUntil(PATIENT, d -> !admin.all(row).isEmpty());
        String meeting = admin.find("admin-meeting-list").findElement(By.cssSelector(row)).findElement(By.xpath("../.."))
                .getAttribute("data-admin-meeting");

        assertThat(admin.all("[data-delete-meeting='" + meeting + "']")).as("no Delete while it has an occurrence").isEmpty();

        admin.click("[data-delete-instance='" + instance + "']");
        admin.click(row + " .confirm button.danger");
        admin.waitUntil(PATIENT, d -> admin.all(row).isEmpty());
        alice.waitUntil(PATIENT, d -> alice.all("[data-instance='" + instance + "']").isEmpty());

        admin.waitUntil(PATIENT, d -> !admin.all("[data-delete-meeting='" + meeting + "']").isEmpty());
        admin.click("[data-delete-meeting='" + meeting + "']");
        admin.click("[data-admin-meeting='" + meeting + "'] .confirm button.danger");
        admin.waitUntil(PATIENT, d -> admin.all("[data-admin-meeting='" + meeting + "']").isEmpty());
    }

    @Test
    void theAdministratorAddsAWebhookSeesItsSecretOnceAndItsDeliveries() throws Exception {
        try (MockWebServer receiver = new MockWebServer()) {
            List<String> ids = Collections.synchronizedList(new ArrayList<>());
            receiver.setDispatcher(new Dispatcher() {
                @Override
                public MockResponse dispatch(RecordedRequest request) {
                    ids.add(request.getHeaders().get("webhook-id"));
                    return new MockResponse.Builder().code(200).build();
                }
            });
            receiver.start();
            toAdministration(admin, "webhooks");
            openForm(admin, "webhook-form");
            admin.type("webhook-url", receiver.url("/hook").toString());
            admin.click("webhook-all");
            admin.click("[id='webhook-event-participant.joined']");
            admin.click("#webhook-form button");
            admin.waitForText("webhook-result", "Added webhook #", PATIENT);
            assertThat(admin.text("webhook-secret-box")).contains("shown only now").contains("whsec_");
            long endpoint = Long.parseLong(admin.text("webhook-result").replaceAll("Added webhook #(\\d+) .*", "$1"));
            assertThat(admin.texts("[data-webhook='" + endpoint + "']")).anyMatch(t -> t.contains("participant.joined"));

            long instance = activePublicInstance("Hooked " + PEOPLE.get());
            server.call("POST", "/instances/" + instance + "/participants", aliceAccount.token(),
                    "{\"userId\":" + aliceAccount.id() + "}");
            admin.waitUntil(PATIENT, d -> {
                admin.click("[data-webhook-deliveries='" + endpoint + "']");
                return admin.texts("#webhook-delivery-rows tr").stream().anyMatch(t -> t.contains("participant.joined")
                        && t.contains("delivered"));
            });
            admin.click("#webhook-delivery-rows [data-replay]");
            admin.waitForText("webhook-result", "queued again", PATIENT);
            admin.waitUntil(PATIENT, d -> ids.size() >= 2);
            assertThat(ids.get(1)).as("a replay carries the same webhook-id").isEqualTo(ids.get(0));

            admin.click("[data-webhook-toggle='" + endpoint + "']");
            admin.waitUntil(PATIENT, d -> admin.texts("[data-webhook='" + endpoint + "'] .badge").contains("disabled"));
        }
    }

    @Test
    void anOrganizerMakesAMeetingInMyMeetingsAndKeepsOrderInIt() {
        ConsoleServer.Account olive = server.createUser("Olive " + PEOPLE.get(), "olive" + PEOPLE.get() + "@example.com");
        server.call("PATCH", "/users/" + olive.id(), ConsoleServer.ADMIN, "{\"role\":\"organizer\"}");
        Browser organizer = window("olive", 1280, 900, olive.token());
        assertThat(organizer.text("nav-admin")).isEqualTo("My meetings");
        toAdministration(organizer);
        assertThat(organizer.find("users-card").isDisplayed()).as("no users for an organizer").isFalse();
        openForm(organizer, "meeting-form");
        String title = "Olive's standup " + PEOPLE.get();
        organizer.type("meeting-title", title);
        organizer.click("#meeting-form button[type=submit]");
        organizer.waitForText("meeting-result", "Created meeting " + title, PATIENT);
        long meeting = Long.parseLong(organizer.text("meeting-result").replaceAll(".*\\(#(\\d+)\\).*", "$1"));
        Instant from = server.now().plusSeconds(2).truncatedTo(ChronoUnit.SECONDS);
        long instance = server.call("POST", "/meetings/" + meeting + "/instances", olive.token(),
                "{\"from\":\"" + from + "\",\"to\":\"" + from.plusSeconds(3600) + "\"}").get("id").asLong();
        server.advance(Duration.ofSeconds(3));
        server.call("POST", "/instances/" + instance + "/participants", bobAccount.token(), "{\"userId\":" + bobAccount.id() + "}");
        long spam = server.call("POST", "/instances/" + instance + "/messages", bobAccount.token(),
                "{\"userId\":" + bobAccount.id() + ",\"text\":\"buy now\"}").get("id").asLong();
        organizer.click("nav-meetings");
        waitForStatus(organizer, instance, "active");
        openInstance(organizer, instance);
        organizer.waitUntil(PATIENT, d -> organizer.text("host-role").equals("You own this meeting."));
        waitForStatus(bob, instance, "active");
        openInstance(bob, instance);
        bob.waitUntil(PATIENT, d -> chatTexts(bob).size() == 1);

        organizer.click("[data-delete-message='" + spam + "']");
        organizer.click("#instance-confirm button.danger");
        bob.waitUntil(PATIENT, d -> chatTexts(bob).isEmpty());

        organizer.click("[data-remove='" + bobAccount.id() + "']");
        organizer.click("#instance-confirm button.danger");
        bob.waitUntil(PATIENT, d -> !participantNames(bob).contains("You"));
        assertThat(organizer.texts("#events li")).anyMatch(t -> t.endsWith("was removed by a host"));
        organizer.click("host-activity-show");
        // Newest first: the removal, the deletion, then the occurrence scheduled and the meeting made.
        organizer.waitUntil(PATIENT, d -> organizer.texts("#host-activity li").size() == 4);
        assertThat(organizer.texts("#host-activity li").get(0)).endsWith("You removed Bob " + PEOPLE.get());
        assertThat(organizer.texts("#host-activity li").get(3)).endsWith("You made the meeting");
        assertThat(organizer.seriousAccessibilityViolations()).isEmpty();
    }

    @Test
    void someoneOutsideTheAudienceAsksToJoinWaitsAndIsLetInByAHostWithoutReloading() {
        Browser host = organizerWithALobby("Olive's review " + PEOPLE.get());
        long instance = openedInstance(host);
        assertThat(host.text("lobby-empty")).isEqualTo("Nobody is waiting.");

        waitForStatus(bob, instance, "active");
        openInstance(bob, instance);
        bob.waitUntil(PATIENT, d -> bob.find("instance-knock").isDisplayed());
        assertThat(bob.text("join")).isEqualTo("Ask to join");
        bob.click("join");
        bob.waitUntil(PATIENT, d -> bob.text("lobby-wait-text").contains("number 1 in line"));

        host.waitUntil(PATIENT, d -> !host.texts("#lobby-list li").isEmpty());
        assertThat(host.texts("#lobby-list li").get(0)).contains("Bob " + PEOPLE.get());
        assertThat(host.seriousAccessibilityViolations()).isEmpty();
        assertThat(bob.seriousAccessibilityViolations()).isEmpty();
        host.click("[data-admit='" + bobAccount.id() + "']");

        host.waitUntil(PATIENT, d -> host.texts("#participants li").stream().anyMatch(t -> t.startsWith("Bob " + PEOPLE.get())));
        bob.waitUntil(PATIENT, d -> participantNames(bob).contains("You"));
        assertThat(bob.find("message").isEnabled()).as("in, with the chat").isTrue();
        host.waitUntil(PATIENT, d -> host.texts("#lobby-list li").isEmpty());
    }

    @Test
    void aGuestFollowsALinkWaitsIsLetInByAHostAndChats() {
        Browser host = organizerWithALobby("Open house " + PEOPLE.get());
        long instance = openedInstance(host);
        host.click("guest-link-make");
        String link = host.waitUntil(PATIENT, d -> {
            String value = host.find("guest-link-url").getAttribute("value");
            return value == null || value.isEmpty() ? null : value;
        });

        Browser guest = new Browser("guest", 390, 844);
        windows.add(guest);
        guest.open(link);
        guest.waitUntil(PATIENT, d -> guest.find("guest-name").isDisplayed());
        assertThat(guest.seriousAccessibilityViolations()).isEmpty();
        guest.type("guest-name", "Gwen Visitor");
        guest.click("#guest-form button");
        guest.waitUntil(PATIENT, d -> guest.text("instance-title").endsWith("#" + instance));
        guest.click("join");
        guest.waitUntil(PATIENT, d -> guest.text("lobby-wait-text").contains("number 1 in line"));

        host.waitUntil(PATIENT, d -> host.texts("#lobby-list li").stream().anyMatch(t -> t.contains("Gwen Visitor")));
        host.click("[data-admit]");
        guest.waitUntil(PATIENT, d -> participantNames(guest).contains("You"));
        guest.type("message", "Hello from a guest");
        guest.click("post");
        host.waitUntil(PATIENT, d -> chatTexts(host).stream().anyMatch(t -> t.endsWith("Hello from a guest")));
        assertThat(guest.find("meetings").isDisplayed()).as("a guest sees their one meeting only").isFalse();
        assertThat(guest.seriousAccessibilityViolations()).isEmpty();
    }

    @Test
    void theAttendanceTimelineDrawsEachStretchAsTheReportHasItAndTheThresholdFilters() {
        long instance = activePublicInstance("Timeline");
        String alice = "{\"userId\":" + aliceAccount.id() + "}";
        server.call("POST", "/instances/" + instance + "/participants", aliceAccount.token(), alice);
        server.advance(Duration.ofMinutes(10));
        server.call("POST", "/instances/" + instance + "/participants", bobAccount.token(), "{\"userId\":" + bobAccount.id() + "}");
        server.call("DELETE", "/instances/" + instance + "/participants/" + aliceAccount.id(), aliceAccount.token(), null);
        server.advance(Duration.ofMinutes(5));
        server.call("POST", "/instances/" + instance + "/participants", aliceAccount.token(), alice);
        server.advance(Duration.ofMinutes(5));
        server.call("DELETE", "/instances/" + instance + "/participants/" + bobAccount.id(), ConsoleServer.ADMIN, null);
        server.advance(Duration.ofMinutes(7));
        server.call("POST", "/instances/" + instance + "/end", ConsoleServer.ADMIN, null);
        JsonNode report = server.call("GET", "/instances/" + instance + "/attendance", ConsoleServer.ADMIN, null);

        openInstance(admin, instance);
        admin.click("attendance-show");
        admin.waitUntil(PATIENT, d -> !admin.all("#attendance-timeline rect[data-kind]").isEmpty());

        for (JsonNode person : report.get("attendees")) {
            List<String> kinds = new ArrayList<>();
            person.get("segments").forEach(s -> kinds.add(s.get("endedBy").asText()));
            assertThat(admin.all("#attendance-timeline g[data-person='" + person.get("userId").asLong() + "'] rect"))
                    .extracting(e -> e.getAttribute("data-kind")).containsExactlyElementsOf(kinds);
        }
        @SuppressWarnings("unchecked")
        List<List<Object>> bars = (List<List<Object>>) admin.script("return [...document.querySelectorAll("
                + "'#attendance-timeline rect[data-kind]')].map(r => [r.getBoundingClientRect().width, "
                + "Date.parse(r.dataset.to) - Date.parse(r.dataset.from)]);");
        double widths = bars.stream().mapToDouble(b -> ((Number) b.get(0)).doubleValue()).sum();
        double millis = bars.stream().mapToDouble(b -> ((Number) b.get(1)).doubleValue()).sum();
        assertThat(bars).allSatisfy(b -> assertThat(((Number) b.get(0)).doubleValue())
                .isCloseTo(((Number) b.get(1)).doubleValue() * widths / millis, org.assertj.core.data.Offset.offset(1.0)));

        assertThat(admin.all("#attendance-timeline path[data-series='inside']")).singleElement()
                .satisfies(p -> assertThat(p.getAttribute("data-max")).isEqualTo(report.get("peakConcurrent").asText()));
        admin.type("attendance-threshold", "50");
        admin.waitUntil(PATIENT, d -> admin.all("#attendance-timeline g.faded").size() == 1);
        assertThat(admin.all("#attendance-timeline g.faded").get(0).getAttribute("data-person")).isEqualTo(
                Long.toString(bobAccount.id()));
        admin.click("attendance-as-table");
        assertThat(admin.all("#attendance-rows tr")).filteredOn(org.openqa.selenium.WebElement::isDisplayed)
                .singleElement().satisfies(row -> assertThat(row.getText()).contains(aliceName()));
        assertThat(admin.seriousAccessibilityViolations()).isEmpty();
        openInstance(bob, instance);
        bob.click("attendance-show");
        bob.waitUntil(PATIENT, d -> !bob.all("#attendance-timeline rect[data-kind]").isEmpty());
        assertThat(bob.seriousAccessibilityViolations()).isEmpty();
        // The screenshots the build keeps show the pictures: the timeline on the phone, faded rows on the desktop.
        admin.click("attendance-as-table");
        for (Browser window : List.of(admin, bob)) {
            window.script("document.getElementById('attendance-timeline').scrollIntoView({block: 'center'});");
        }
    }

    @Test
    void everyViewPassesTheAccessibilityAuditOnADesktopAndAPhone() {
        long instance = activePublicInstance("Audit");
        Map<String, List<String>> found = new LinkedHashMap<>();
        for (int[] size : new int[][] {{1440, 1000}, {390, 844}}) {
            String where = size[0] + "px";
            Browser stranger = new Browser("audit-signed-out-" + where, size[0], size[1]);
            windows.add(stranger);
            stranger.open(server.url() + "/");
            found.put("signed out, " + where, stranger.seriousAccessibilityViolations());
            Browser user = size[0] > 400 ? alice : bob;
            found.put("meetings, " + where, user.seriousAccessibilityViolations());
            openInstance(user, instance);
            found.put("open instance, " + where, user.seriousAccessibilityViolations());
            Browser administrator = size[0] > 400 ? admin : window("audit-admin-" + where, size[0], size[1], ConsoleServer.ADMIN);
            for (String page : List.of("meetings", "users", "webhooks", "audit")) {
                toAdministration(administrator, page);
                found.put("administration's " + page + ", " + where, administrator.seriousAccessibilityViolations());
            }
        }
        assertThat(found).allSatisfy((view, violations) -> assertThat(violations).as(view).isEmpty());
    }

    @Test
    void theAdministratorSeesASeriesAtAGlanceAndOpensAnOccurrenceFromIt() {
        long meeting = server.call("POST", "/meetings", ConsoleServer.ADMIN, "{\"title\":\"Glance " + PEOPLE.get()
                + "\",\"isPublic\":true}").get("id").asLong();
        Instant start = server.now().truncatedTo(ChronoUnit.MINUTES).plus(Duration.ofMinutes(1));
        JsonNode series = server.call("POST", "/meetings/" + meeting + "/series", ConsoleServer.ADMIN, "{\"rrule\":"
                + "\"FREQ=DAILY;COUNT=2\",\"start\":\"" + start.toString().substring(0, 16) + "\",\"timeZone\":\"UTC\","
                + "\"durationMinutes\":60}");
        long first = series.get("occurrences").get(0).get("instanceId").asLong();
        server.advance(Duration.ofMinutes(2));
        server.call("POST", "/instances/" + first + "/participants", aliceAccount.token(), "{\"userId\":" + aliceAccount.id() + "}");
        toAdministration(admin);
        admin.waitUntil(PATIENT, d -> !admin.all("[data-series-attendance='" + series.get("id").asLong() + "']").isEmpty());

        admin.click("[data-series-attendance='" + series.get("id").asLong() + "']");

        admin.waitUntil(PATIENT, d -> !admin.all(".series-glance rect[data-came='true']").isEmpty());
        assertThat(admin.all(".series-glance g[data-person]")).hasSize(1);
        assertThat(admin.seriousAccessibilityViolations()).isEmpty();
        admin.click(".series-glance a[data-occurrence='" + first + "']");
        admin.waitUntil(PATIENT, d -> admin.text("instance-title").endsWith("#" + first));
    }

    @Test
    void theAdministratorSchedulesAWeeklySeriesWithTheRecurrencePicker() {
        String title = "Series " + PEOPLE.get();
        toAdministration(admin);
        openForm(admin, "meeting-form");
        admin.type("meeting-title", title);
        admin.click("#meeting-form button[type=submit]");
        admin.waitForText("meeting-result", "Created meeting " + title, PATIENT);
        pickStart(admin, server.now().plus(Duration.ofDays(1)).truncatedTo(ChronoUnit.MINUTES));
        admin.select("instance-repeats", "WEEKLY");
        admin.type("repeat-count", "3");
        admin.click("#instance-form button");

        admin.waitUntil(PATIENT, d -> admin.text("instance-result").startsWith("Scheduled: Every "));
        assertThat(admin.text("instance-result")).contains(", 3 times.").contains("3 occurrences made").doesNotContain("FREQ");
        admin.waitUntil(PATIENT, d -> admin.texts("#series-list li").stream().anyMatch(t -> t.startsWith(title)));
        // A series is one thing on the list: its next occurrence, in words, the other two folded beneath it.
        alice.waitUntil(PATIENT, d -> alice.texts("#group-upcoming > li").stream().filter(t -> t.startsWith(title)).count() == 1
                && alice.texts("#group-upcoming [data-series-words]").stream().anyMatch(t -> t.contains(", 3 times")));
        String series = "#group-upcoming > li[data-series-row='" + alice.script("return [...document.querySelectorAll("
                + "'#group-upcoming > li[data-series-row]')].find(li => li.innerText.startsWith(arguments[0])).dataset.seriesRow;",
                title) + "']";
        alice.click(series + " [data-series-more]");
        alice.waitUntil(PATIENT, d -> alice.all(series + " .series-more [data-instance]").size() == 2);
    }

    @Test
    void aMeetingsReminderShowsAsStartingSoon() {
        String title = remindedInTwoMinutes("Reminded " + PEOPLE.get());

        // Named by its meeting's title once the page knows the meeting (it may hear of the notice first).
        alice.waitUntil(PATIENT, d -> alice.find("notice").isDisplayed() && alice.text("notice").startsWith("Starting soon: " + title));
    }

    @Test
    void anAudienceAddressThatBelongsToNobodyIsPointedOutWhenTheMeetingIsMade() {
        toAdministration(admin);
        openForm(admin, "meeting-form");
        admin.type("meeting-title", "Typo " + PEOPLE.get());
        admin.click("meeting-public");
        admin.type("meeting-audience", "alice" + PEOPLE.get() + "@example.com\nbob.typo" + PEOPLE.get() + "@example.com");

        admin.click("#meeting-form button[type=submit]");

        admin.waitUntil(PATIENT, d -> admin.text("meeting-result").contains("Nobody has the address bob.typo"));
        assertThat(admin.text("meeting-result")).doesNotContain("alice" + PEOPLE.get() + "@example.com");
    }

    @Test
    void aLiveRowJoinsStraightFromTheListAndSaysYoureInWithLeave() {
        long instance = activePublicInstance("Drop in " + PEOPLE.get());
        for (Browser window : List.of(alice, bob)) { // a desktop and a phone
            window.waitUntil(PATIENT, d -> !window.all("[data-join-instance='" + instance + "']").isEmpty());

            window.click("[data-join-instance='" + instance + "']");

            window.waitUntil(PATIENT, d -> !window.all("[data-inside='" + instance + "']").isEmpty());
        }
        assertThat(server.call("GET", "/instances/" + instance + "/participants", ConsoleServer.ADMIN, null).size()).isEqualTo(2);
        alice.click("[data-leave-instance='" + instance + "']");
        alice.waitUntil(PATIENT, d -> !alice.all("[data-join-instance='" + instance + "']").isEmpty());
        assertThat(server.call("GET", "/instances/" + instance + "/participants", ConsoleServer.ADMIN, null).size()).isEqualTo(1);
    }

    @Test
    void onesPlaceInsideIsKnownAgainAfterAReload() {
        long instance = activePublicInstance("Still in " + PEOPLE.get());
        server.call("POST", "/instances/" + instance + "/participants", aliceAccount.token(), "{\"userId\":" + aliceAccount.id() + "}");

        alice.open(server.url() + "/"); // the tab signs in again with its token

        alice.waitUntil(PATIENT, d -> !alice.all("[data-inside='" + instance + "']").isEmpty());
    }

    @Test
    void aStartingSoonNoticeGoesOnceItsInstanceHasStarted() {
        String title = remindedInTwoMinutes("Started " + PEOPLE.get());
        for (Browser window : List.of(alice, bob)) {
            window.waitUntil(PATIENT, d -> window.find("notice").isDisplayed() && window.text("notice").contains(title));
        }

        server.advance(Duration.ofSeconds(121));

        for (Browser window : List.of(alice, bob)) window.waitUntil(PATIENT, d -> !window.find("notice").isDisplayed());
    }

    @Test
    void signingOutForgetsTheOpenInstanceSoTheNextPersonStartsFromTheList() {
        long instance = activePublicInstance("Left open " + PEOPLE.get());
        for (Browser window : List.of(alice, bob)) {
            openInstance(window, instance);

            window.click("sign-out");

            window.waitUntil(PATIENT, d -> window.find("sign-in").isDisplayed());
            assertThat((String) window.script("return location.hash;")).isEmpty();
        }
    }

    @Test
    void onesOwnJoinTimeIsTheServersAsEveryoneElseSeesIt() {
        long instance = activePublicInstance("Joined " + PEOPLE.get());
        openInstance(alice, instance);

        alice.click("join");

        // Read in one step in the page: the list is drawn again when the stream confirms the join.
        String shown = (String) alice.waitUntil(PATIENT, d -> alice.script(
                "const t = document.querySelector('#participants li time'); return t ? t.getAttribute('datetime') : null;"));
        String joinedAt = server.call("GET", "/instances/" + instance + "/participants", ConsoleServer.ADMIN, null).get(0)
                .get("joinedAt").asText();
        assertThat(Instant.parse(shown)).isEqualTo(Instant.parse(joinedAt));

        openInstance(bob, instance); // on a phone, the same: one's own row carries the server's time
        bob.click("join");
        String bobs = (String) bob.waitUntil(PATIENT, d -> bob.script("const t = document.querySelector("
                + "'#participants li[data-user=\"' + arguments[0] + '\"] time'); return t ? t.getAttribute('datetime') : null;",
                bobAccount.id()));
        JsonNode inside = server.call("GET", "/instances/" + instance + "/participants", ConsoleServer.ADMIN, null);
        String bobJoined = java.util.stream.StreamSupport.stream(inside.spliterator(), false)
                .filter(p -> p.get("userId").asLong() == bobAccount.id()).findFirst().orElseThrow().get("joinedAt").asText();
        assertThat(Instant.parse(bobs)).isEqualTo(Instant.parse(bobJoined));
    }

    // ---- helpers -----------------------------------------------------------------------------


    /** Opens the folded section holding form {@code formId}. */
    private static void openForm(Browser window, String formId) {
        window.click("details:has(#" + formId + ") summary");
    }

    /** Sets the instance form's start to {@code at}, written as the date-time picker takes it in the browser's zone. */
    private static void pickStart(Browser window, Instant at) {
        window.script("const d = new Date(arguments[0]); const p = (n) => String(n).padStart(2, '0');"
                + "document.getElementById('instance-from').value = `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}"
                + "T${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;", at.toEpochMilli());
    }

    /** A public meeting titled {@code title} with one instance from {@code from}, made through the API. */
    private long instanceVia(String title, Instant from, Duration length) {
        long meeting = server.call("POST", "/meetings", ConsoleServer.ADMIN,
                "{\"title\":\"" + title + "\",\"isPublic\":true}").get("id").asLong();
        Instant start = from.truncatedTo(ChronoUnit.SECONDS);
        return server.call("POST", "/meetings/" + meeting + "/instances", ConsoleServer.ADMIN,
                "{\"from\":\"" + start + "\",\"to\":\"" + start.plus(length) + "\"}").get("id").asLong();
    }

    /** A public meeting with an instance the scheduler has just activated, made through the API. */
    /** A public meeting {@code title} with a 5-minute reminder and an instance starting in two minutes; its title. */
    private static String remindedInTwoMinutes(String title) {
        long meeting = server.call("POST", "/meetings", ConsoleServer.ADMIN,
                "{\"title\":\"" + title + "\",\"isPublic\":true,\"reminderMinutes\":5}").get("id").asLong();
        Instant from = server.now().plusSeconds(120).truncatedTo(ChronoUnit.SECONDS);
        server.call("POST", "/meetings/" + meeting + "/instances", ConsoleServer.ADMIN,
                "{\"from\":\"" + from + "\",\"to\":\"" + from.plusSeconds(600) + "\"}");
        server.advance(Duration.ofMillis(1));
        return title;
    }

    private long activePublicInstance(String title) {
        long meeting = server.call("POST", "/meetings", ConsoleServer.ADMIN,
                "{\"title\":\"" + title + "\",\"isPublic\":true}").get("id").asLong();
        Instant from = server.now().plusSeconds(2).truncatedTo(ChronoUnit.SECONDS);
        long instance = server.call("POST", "/meetings/" + meeting + "/instances", ConsoleServer.ADMIN,
                "{\"from\":\"" + from + "\",\"to\":\"" + from.plusSeconds(3600) + "\"}").get("id").asLong();
        server.advance(Duration.ofSeconds(3));
        for (Browser window : windows) waitForStatus(window, instance, "active");
        return instance;
    }

    /**
     * Olive, an organizer, runs a private meeting called {@code title} whose lobby holds outsiders, with an occurrence
     * live now; her window has it open with the Lobby panel shown.
     */
    private Browser organizerWithALobby(String title) {
        ConsoleServer.Account olive = server.createUser("Olive " + PEOPLE.get(), "olive" + PEOPLE.get() + "@example.com");
        server.call("PATCH", "/users/" + olive.id(), ConsoleServer.ADMIN, "{\"role\":\"organizer\"}");
        long meeting = server.call("POST", "/meetings", olive.token(), "{\"title\":\"" + title
                + "\",\"isPublic\":false}").get("id").asLong();
        server.call("PATCH", "/meetings/" + meeting, olive.token(), "{\"lobby\":\"outsiders\"}");
        Instant from = server.now().plusSeconds(2).truncatedTo(ChronoUnit.SECONDS);
        long instance = server.call("POST", "/meetings/" + meeting + "/instances", olive.token(),
                "{\"from\":\"" + from + "\",\"to\":\"" + from.plusSeconds(3600) + "\"}").get("id").asLong();
        server.advance(Duration.ofSeconds(3));
        Browser host = window("olive", 1280, 900, olive.token());
        waitForStatus(host, instance, "active");
        openInstance(host, instance);
        host.waitUntil(PATIENT, d -> host.find("lobby-panel").isDisplayed());
        return host;
    }

    /** The occurrence open in {@code window}, by the number its title ends with. */
    private static long openedInstance(Browser window) {
        return Long.parseLong(window.text("instance-title").replaceAll(".*#(\\d+)$", "$1"));
    }

    private static void waitForStatus(Browser window, long instance, String status) {
        window.waitUntil(PATIENT, d -> d.findElements(By.cssSelector(
                "[data-instance='" + instance + "'][data-status='" + status + "']")).size() == 1);
    }

    private static void openInstance(Browser window, long instance) {
        window.click("[data-instance='" + instance + "']");
        window.waitUntil(PATIENT, d -> window.text("instance-title").endsWith("#" + instance));
    }

    private static List<String> participantNames(Browser window) {
        return window.texts("#participants li").stream().map(t -> t.replaceAll(" joined.*", "")).toList();
    }

    private static List<String> chatTexts(Browser window) {
        @SuppressWarnings("unchecked")
        List<String> texts = (List<String>) window.script("return [...document.querySelectorAll('#chat li')]"
                + ".map(li => li.querySelector('.author').innerText + '\\n' + li.querySelector('.text').innerText);");
        return texts;
    }

    private String aliceName() {
        return "Alice " + PEOPLE.get();
    }

    private String bobName() {
        return "Bob " + PEOPLE.get();
    }
}
