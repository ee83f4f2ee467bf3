package org.convene.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** {@code convene --version}: the build's version and the commit it was built from, written into the jar by Maven. */
final class BuildVersion implements IVersionProvider {

    @Override
    public String[] getVersion() {
        Properties build = new Properties();
        try (InputStream in = BuildVersion.class.getResourceAsStream("/org/convene/version.properties")) {
            if (in != null) build.load(in);
        } catch (IOException unreadable) {
            // reported as unknown below
        }
        String version = known(build.getProperty("version"));
        String commit = known(build.getProperty("commit"));
        String dirty = "true".equals(build.getProperty("dirty")) ? " with local changes" : "";
        return new String[] {"Convene " + version + " (commit " + commit + dirty + ")",
                "Java " + System.getProperty("java.version") + ", " + System.getProperty("os.name")};
    }

    /** A value Maven filled in, or "unknown" where it could not (a build outside git, or from the IDE). */
    private static String known(String value) {
        return value == null || value.isBlank() || value.startsWith("${") ? "unknown" : value;
    }
}
