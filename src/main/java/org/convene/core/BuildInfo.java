package org.convene.core;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** Which build this is: the version and the commit Maven wrote into the jar ("unknown" where it could not). */
public record BuildInfo(String version, String commit, boolean dirty) {

    /** Reads the build's own description from the jar. */
    public static BuildInfo current() {
        Properties build = new Properties();
        try (InputStream in = BuildInfo.class.getResourceAsStream("/org/convene/version.properties")) {
            if (in != null) build.load(in);
        } catch (IOException unreadable) {
            // reported as unknown
        }
        return new BuildInfo(known(build.getProperty("version")), known(build.getProperty("commit")),
                "true".equals(build.getProperty("dirty")));
    }

    /** A value Maven filled in, or "unknown" where it could not (a build outside git, or from an IDE). */
    private static String known(String value) {
        return value == null || value.isBlank() || value.startsWith("${") ? "unknown" : value;
    }
}
