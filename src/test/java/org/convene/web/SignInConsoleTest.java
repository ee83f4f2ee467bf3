package org.convene.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;
import org.convene.app.Node;
import org.convene.app.Settings;
import org.convene.http.ConveneServer;
import org.convene.http.ServerSettings;
import org.convene.store.RedisStore;
import org.convene.testing.RedisTargets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

/**
 * Signing in as people do, in a real headless Chromium: through the organisation's identity provider's own login page
 * (an in-process one) on two nodes, the callback taken by the other one; and with a local account, from an invitation
 * link through a password to a session that every tab shares, out and in again with e-mail and password.
 */
@Tag("browser")
class SignInConsoleTest {
    private static final Duration PATIENT = Duration.ofSeconds(15);
    private final Windows windows = new Windows();
    private final List<AutoCloseable> started = new ArrayList<>();

    @BeforeAll
    static void requireChromium() {
        Browser.requireChromium();
    }

    @AfterEach
    void close(TestInfo test) throws Exception {
        windows.closeAll(test.getTestMethod().orElseThrow().getName());
        for (AutoCloseable each : started) each.close();
    }

    private Browser window(String name, int width, int height) {
        return windows.open(name, width, height);
    }

    /** A node trusting {@code provider}, sending people back to {@code publicUrl} where given. */
    private ConveneServer node(MockOAuth2Server provider, String publicUrl) {
        Map<String, String> env = new HashMap<>(Map.of("CONVENE_OIDC_ISSUER", provider.issuerUrl("corp").toString(),
                "CONVENE_OIDC_CLIENT_ID", "convene", "CONVENE_OIDC_CLIENT_SECRET", "secret-of-the-console",
                "CONVENE_OIDC_NAME", "Example Corp"));
        if (publicUrl != null) env.put("CONVENE_PUBLIC_URL", publicUrl);
        ServerSettings settings = ServerSettings.defaults(new ServerSettings.Listen("127.0.0.1", 0),
                Optional.of(ConsoleServer.ADMIN));
        Node node = Node.on(new RedisStore(RedisTargets.embedded(), 1), Settings.from(env).withServer(settings),
                Clock.systemUTC());
        ConveneServer server = ConveneServer.start(node.services(), settings,
                new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), () -> true, node.login());
        started.add(server);
        return server;
    }

    @Test
    void aPersonSignsInOnTheProvidersLoginPageAndTheOtherNodeTakesThemBack() {
        new RedisStore(RedisTargets.embedded(), 1).maintenance().wipe();
        MockOAuth2Server provider = new MockOAuth2Server(OAuth2Config.Companion.fromJson("{\"interactiveLogin\":true}"));
        provider.start();
        started.add(provider::shutdown);
        ConveneServer back = node(provider, null);
        ConveneServer first = node(provider, back.url());
        Browser dana = window("dana", 1280, 900);

        dana.open(first.url() + "/");
        dana.waitUntil(PATIENT, d -> dana.find("provider-sign-in").isDisplayed());
        assertThat(dana.text("provider-link")).isEqualTo("Sign in with Example Corp");
        assertThat(dana.seriousAccessibilityViolations()).isEmpty();
        dana.screenshot("signInWithTheProvider");
        dana.click("provider-link");
        dana.waitUntil(PATIENT, d -> !d.findElements(org.openqa.selenium.By.name("username")).isEmpty());
        dana.script("document.querySelector('[name=username]').value = 'dana';"
                + "document.querySelector('[name=claims]').value = arguments[0];",
                "{\"email\":\"dana@example.org\",\"email_verified\":true,\"name\":\"Dana Example\"}");
        dana.click("input[type=submit]");

        dana.waitUntil(PATIENT, d -> dana.textContent("who").contains("Dana Example"));
        assertThat(dana.currentUrl()).startsWith(back.url());
        dana.openInNewTab(first.url() + "/");
        dana.waitUntil(PATIENT, d -> dana.textContent("who").contains("Dana Example"));
        assertThat(dana.script("return document.cookie")).as("the session is out of scripts' reach").isEqualTo("");
        dana.click("sign-out");
        dana.waitUntil(PATIENT, d -> dana.find("sign-in").isDisplayed() || dana.currentUrl().startsWith(provider.baseUrl().toString()));
    }

    @Test
    void anInvitedPersonSetsAPasswordIsSignedInInEveryTabAndSignsInAgainWithIt() {
        try (ConsoleServer server = new ConsoleServer()) {
            Browser admin = window("admin", 1280, 900);
            admin.open(server.url() + "/");
            admin.signIn(ConsoleServer.ADMIN);
            admin.click("nav-admin");
            admin.waitUntil(PATIENT, d -> admin.find("admin").isDisplayed());
            admin.click("tab-users");
            admin.waitUntil(PATIENT, d -> admin.find("invite-box").isDisplayed());
            admin.click("#invite-box summary");
            admin.type("invite-email", "kim@example.org");
            admin.type("invite-name", "Kim Invited");
            admin.click("#invite-form button");
            String link = admin.waitUntil(PATIENT, d -> admin.texts("#user-result code").stream().findFirst().orElse(null));
            assertThat(link).startsWith(server.url() + "/#/invite/inv_");
            assertThat(admin.seriousAccessibilityViolations()).isEmpty();
            Browser kim = window("kim", 390, 844);

            kim.open(link);
            kim.waitUntil(PATIENT, d -> kim.text("account-link-for").contains("kim@example.org"));
            assertThat(kim.find("account-name").getAttribute("value")).isEqualTo("Kim Invited");
            assertThat(kim.seriousAccessibilityViolations()).isEmpty();
            kim.screenshot("invitationPage");
            kim.type("account-password", "correct horse battery");
            kim.type("account-password-again", "correct horse battery");
            kim.click("#account-link-form button");
            kim.waitUntil(PATIENT, d -> kim.textContent("who").contains("Kim Invited"));
            assertThat(kim.currentUrl()).doesNotContain("inv_");

            kim.openInNewTab(server.url() + "/");
            kim.waitUntil(PATIENT, d -> kim.find("console").isDisplayed());
            kim.click("sign-out");
            kim.waitUntil(PATIENT, d -> kim.find("password-form").isDisplayed());
            assertThat(kim.seriousAccessibilityViolations()).isEmpty();
            kim.screenshot("signInWithPassword");
            kim.type("signin-email", "kim@example.org");
            kim.type("signin-password", "not the password");
            kim.click("#password-form button");
            kim.waitUntil(PATIENT, d -> kim.text("password-error").contains("wrong"));
            kim.type("signin-password", "correct horse battery");
            kim.click("#password-form button");
            kim.waitUntil(PATIENT, d -> kim.textContent("who").contains("Kim Invited"));
        }
    }
}
