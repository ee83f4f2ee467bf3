package org.convene.cli;

import org.convene.core.BuildInfo;
import picocli.CommandLine.IVersionProvider;

/** {@code convene --version}: the build's version and the commit it was built from. */
final class BuildVersion implements IVersionProvider {

    @Override
    public String[] getVersion() {
        BuildInfo build = BuildInfo.current();
        return new String[] {"Convene " + build.version() + " (commit " + build.commit()
                + (build.dirty() ? " with local changes" : "") + ")",
                "Java " + System.getProperty("java.version") + ", " + System.getProperty("os.name")};
    }
}
