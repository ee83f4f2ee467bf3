package org.convene.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;
import org.convene.schedule.InstanceScheduler;
import org.convene.schedule.Transition;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code convene scheduler}: activates and ends instances on time until stopped, printing each transition. */
@Command(mixinStandardHelpOptions = true, name = "scheduler", description = "Run the scheduler until stopped (Ctrl-C), printing each transition.")
final class SchedulerCommand implements Callable<Integer> {
    @ParentCommand
    ConveneCommand root;

    @Option(names = "--poll-ms", description = "How often to look for instances other processes added, in ms "
            + "(default: CONVENE_SCHEDULER_POLL_MS, else 200).")
    Long pollMillis;

    @Override
    public Integer call() throws InterruptedException {
        root.context.stayUp();
        PrintWriter out = root.spec.commandLine().getOut();
        out.println("Scheduler running on " + root.context.description() + "; Ctrl-C stops it.");
        out.flush();
        CountDownLatch stopped = new CountDownLatch(1);
        InstanceScheduler scheduler = root.context.node().scheduler(root.context.clock(),
                pollMillis == null ? root.context.node().settings().schedulerPoll() : Duration.ofMillis(Math.max(10, pollMillis)), t -> print(out, t));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            scheduler.close();
            root.context.close();
            stopped.countDown();
        }, "scheduler-shutdown"));
        scheduler.start();
        stopped.await();
        return 0;
    }

    private void print(PrintWriter out, Transition t) {
        String line = root.context.clock().instant().truncatedTo(ChronoUnit.MILLIS) + " "
                + switch (t.kind()) {
                    case ACTIVATED -> "Activating";
                    case ENDED -> "Deactivating";
                    case REAPED -> "Reaping silent participants of";
                    case REMINDED -> "Sending the starting-soon notice of";
                }
                + " meeting instance: " + t.instanceId()
                + (t.timedOutUserIds().isEmpty() ? "" : " (timed out: users "
                + t.timedOutUserIds().stream().map(String::valueOf).collect(Collectors.joining(", ")) + ")");
        if (root.json) line = Output.toJson(t);
        out.println(line);
        out.flush();
    }
}
