package org.convene.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

/** The browser windows a scenario opened: closed together, each leaving its screenshot and console log behind. */
final class Windows implements Iterable<Browser> {
    private final List<Browser> open = new ArrayList<>();

    /** Keeps {@code browser} among the scenario's windows, and returns it. */
    Browser add(Browser browser) {
        open.add(browser);
        return browser;
    }

    /** Opens a window of this size, kept among the scenario's. */
    Browser open(String name, int width, int height) {
        return add(new Browser(name, width, height));
    }

    @Override
    public java.util.Iterator<Browser> iterator() {
        return List.copyOf(open).iterator();
    }

    /** Saves each window's screenshot and console log under {@code scenario}'s name, then closes them all. */
    void closeAll(String scenario) {
        for (Browser window : open) {
            try {
                window.screenshot(scenario);
                Files.write(Browser.SCREENSHOTS.resolve(scenario + "-" + window.name + ".log"), window.consoleLog());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                window.close();
            }
        }
        open.clear();
    }
}
