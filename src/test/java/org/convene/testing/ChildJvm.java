package org.convene.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * A JVM of the test's own on the test's class path, for the tests about processes that die: it is
 * stopped by its process id only, and always within the test.
 */
public final class ChildJvm implements AutoCloseable {
    private final Process process;
    private final List<String> lines = new CopyOnWriteArrayList<>();

    private ChildJvm(Process process) {
        this.process = process;
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        Thread reader = new Thread(() -> {
            try {
                for (String line = out.readLine(); line != null; line = out.readLine()) lines.add(line);
            } catch (IOException ended) {
                // the child is gone
            }
        }, "child-jvm-output");
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts {@code mainClass} with {@code args} and the extra environment {@code env}. */
    public static ChildJvm start(Class<?> mainClass, Map<String, String> env, String... args) throws IOException {
        return start(mainClass, env, List.of(), args);
    }

    /** Starts {@code mainClass} with {@code args}, the JVM options {@code options} and the extra environment {@code env}. */
    public static ChildJvm start(Class<?> mainClass, Map<String, String> env, List<String> options, String... args)
            throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(options);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), mainClass.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(env);
        return new ChildJvm(builder.start());
    }

    /** Reads output lines until one starts with {@code prefix}, within {@code seconds}; returns it. */
    public String awaitLine(String prefix, long seconds) throws Exception {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < until) {
            for (String line : lines) if (line.startsWith(prefix)) return line;
            if (!process.isAlive()) break;
            Thread.sleep(20);
        }
        throw new IllegalStateException("no line '" + prefix + "' from the child JVM; it printed: " + output());
    }

    /** Everything the child printed so far. */
    public String output() {
        return String.join("\n", lines);
    }

    /** The child's process id. */
    public long pid() {
        return process.pid();
    }

    /** The child's process. */
    public Process process() {
        return process;
    }

    /** SIGKILL, as a crash or an operator's kill -9 would. */
    public void killHard() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    /** SIGKILL if the child still runs. */
    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) killHard();
    }

    /** Waits up to {@code seconds} for process {@code pid} to be gone; returns whether it is. */
    public static boolean awaitGone(long pid, long seconds) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < until) {
            if (ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true)) return true;
            Thread.sleep(20);
        }
        return false;
    }
}
