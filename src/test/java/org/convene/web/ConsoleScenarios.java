package org.convene.web;

import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInfo;

/**
 * What console scenario classes share: one Convene server for the class (its clock the tests move), and the windows
 * each scenario opens, closed after it with their screenshots and console logs under the scenario's name.
 */
abstract class ConsoleScenarios {
    static final Duration PATIENT = Duration.ofSeconds(15);
    static ConsoleServer server;
    final Windows windows = new Windows();

    @BeforeAll
    static void startServer() {
        Browser.requireChromium();
        server = new ConsoleServer();
    }

    @AfterAll
    static void stopServer() {
        if (server != null) server.close();
    }

    @AfterEach
    void closeWindows(TestInfo test) {
        windows.closeAll(test.getTestMethod().orElseThrow().getName());
    }

    /** Opens the administration (its meetings page, an organizer's "My meetings"). */
    static void toAdministration(Browser window) {
        window.click("nav-admin");
        window.waitUntil(PATIENT, d -> window.find("admin").isDisplayed() && window.find("meetings-card").isDisplayed());
    }

    /** Opens the administration's page {@code page} (meetings, users, webhooks or audit) by its tab. */
    static void toAdministration(Browser window, String page) {
        if (!window.find("admin").isDisplayed()) toAdministration(window);
        // An organizer's "My meetings" is the meetings page alone, with no tabs to click.
        if (!window.find(page + "-card").isDisplayed()) window.click("tab-" + page);
        window.waitUntil(PATIENT, d -> window.find(page + "-card").isDisplayed());
    }

    /** A window of this size, its clock in {@code zone} (null: the machine's), signed in with {@code token}. */
    Browser signedIn(String name, int width, int height, String zone, String token) {
        Browser browser = windows.open(name, width, height);
        if (zone != null) browser.timeZone(zone);
        browser.open(server.url() + "/");
        browser.signIn(token);
        return browser;
    }
}
