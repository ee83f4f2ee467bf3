package org.convene.bench;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Starts a benchmark client in a JVM of its own (same Java, same class path), so that its CPU is
 * not the server's and its sockets are not counted against the server's file descriptors.
 */
final class OwnJvm {
    private OwnJvm() {}

    /** Starts {@code main}'s class with {@code args}; its standard error goes to ours. */
    static Process start(Class<?> main, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"), "-Xmx1g",
                "-cp", System.getProperty("java.class.path"), main.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    }
}
