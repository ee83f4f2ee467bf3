package org.convene.web;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One headless window of Debian's Chromium, driven through its own chromedriver (nothing is
 * downloaded), with the few gestures the console's scenarios need.
 */
final class Browser implements AutoCloseable {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of("target", "browser-screenshots");

    private final ChromeDriver driver;
    private final Path profile;
    final String name;

    /**
     * Skips the browser tests, loudly, when Chromium is absent; under CI=true a missing browser
     * fails instead, so that CI never passes without having run them.
     */
    static void requireChromium() {
        if (Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER)) return;
        String message = "Chromium or chromedriver is missing (" + CHROMIUM + ", " + CHROMEDRIVER + "): "
                + "the web console's browser tests cannot run. Install them: apt-get install chromium chromium-driver";
        if ("true".equals(System.getenv("CI"))) throw new IllegalStateException(message + " (CI=true: failing)");
        System.err.println("\n" + "!".repeat(100) + "\n!!! SKIPPED: " + message + "\n" + "!".repeat(100) + "\n");
        Assumptions.abort(message);
    }

    Browser(String name, int width, int height) {
        this.name = name;
        try {
            profile = Files.createTempDirectory("convene-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-quic", "--disable-background-timer-throttling", "--disable-renderer-backgrounding",
                "--window-size=" + width + "," + height, "--user-data-dir=" + profile);
        options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
    }

    void open(String url) {
        driver.get(url);
    }

    /** Opens {@code url} in a new tab of this browser (its cookies shared), which becomes the one driven. */
    void openInNewTab(String url) {
        driver.switchTo().newWindow(org.openqa.selenium.WindowType.TAB);
        driver.get(url);
    }

    /** Makes the browser's time zone {@code zone} (an IANA id), as a person there would have it; before the page loads. */
    void timeZone(String zone) {
        driver.executeCdpCommand("Emulation.setTimezoneOverride", Map.of("timezoneId", zone));
    }

    /** The address the page is at now. */
    String currentUrl() {
        return driver.getCurrentUrl();
    }

    void signIn(String token) {
        type("token", token);
        click("#sign-in-form button");
        waitUntil(Duration.ofSeconds(10), d -> find("console").isDisplayed());
    }

    WebElement find(String id) {
        return driver.findElement(By.id(id));
    }

    List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    /** Clicks the element with this id, or the first matching this CSS selector. */
    void click(String idOrCss) {
        List<WebElement> byId = driver.findElements(By.id(idOrCss));
        (byId.isEmpty() ? driver.findElement(By.cssSelector(idOrCss)) : byId.get(0)).click();
    }

    void type(String id, String text) {
        WebElement field = find(id);
        field.clear();
        field.sendKeys(text);
    }

    /** The visible text of every element matching {@code css}, read in one step. */
    @SuppressWarnings("unchecked")
    List<String> texts(String css) {
        return (List<String>) driver.executeScript(
                "return [...document.querySelectorAll(arguments[0])].map(e => e.innerText);", css);
    }

    String text(String id) {
        return find(id).getText();
    }

    /** The element's whole text, shown or not (a phone's header cuts the name short). */
    String textContent(String id) {
        return String.valueOf(driver.executeScript("return document.getElementById(arguments[0]).textContent", id));
    }

    void select(String id, String value) {
        new Select(find(id)).selectByValue(value);
    }

    /** Waits at most {@code timeout} for {@code condition} to give a non-null, non-false value, and returns it. */
    <T> T waitUntil(Duration timeout, Function<WebDriver, T> condition) {
        // The console redraws lists as entries arrive: an element read mid-redraw is simply read again.
        return new WebDriverWait(driver, timeout, Duration.ofMillis(25))
                .ignoring(StaleElementReferenceException.class).until(condition);
    }

    /** Waits until the element with this id shows {@code text}. */
    void waitForText(String id, String text, Duration timeout) {
        waitUntil(timeout, d -> find(id).getText().contains(text));
    }

    Object script(String script, Object... args) {
        return driver.executeScript(script, args);
    }

    /**
     * The serious and critical accessibility violations axe-core finds on the page as it is now (WCAG 2.1
     * A and AA rules), each as "rule: help (how many elements)"; empty when there are none.
     */
    List<String> seriousAccessibilityViolations() {
        Results results = new AxeBuilder()
                .withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa")).analyze(driver);
        if (results.getPasses().isEmpty()) throw new IllegalStateException("axe-core checked nothing on " + driver.getCurrentUrl());
        return results.getViolations().stream()
                .filter(rule -> "serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact()))
                .map(rule -> rule.getId() + ": " + rule.getHelp() + " (" + rule.getNodes().size() + " elements, e.g. "
                        + rule.getNodes().get(0).getTarget() + ")")
                .toList();
    }

    /** Saves what the window shows as target/browser-screenshots/{@code scenario}-{@code name}.png. */
    Path screenshot(String scenario) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path file = SCREENSHOTS.resolve(scenario + "-" + name + ".png");
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What the page wrote to its console (errors included), for a failing scenario's report. */
    List<String> consoleLog() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .map(entry -> entry.getLevel() + " " + entry.getMessage()).toList();
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (var files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException ignored) {
                // a temp folder left behind is harmless
            }
        }
    }
}
