package org.convene.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code convene demo}: replays the seed report's demonstrations. */
@Command(name = "demo", description = "Replay the seed report's demonstrations, printing each output.")
final class DemoCommand implements Callable<Integer> {
    @ParentCommand
    ConveneCommand root;

    @Option(names = "--reset", description = "Delete everything first. Without it, a store with data is left alone.")
    boolean reset;

    @Override
    public Integer call() {
        var store = root.context.store();
        var out = root.spec.commandLine().getOut();
        if (!Guard.emptyOrReset(store, reset, "demo", root.spec.commandLine().getErr())) return 1;
        out.println("Convene replays the seed report's demonstrations on " + root.context.description() + ".");
        new Demo(store, root.context.clock(), out).run();
        return 0;
    }
}
