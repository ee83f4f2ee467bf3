package org.convene.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/** {@code convene demo}: replays the seed report's demonstrations. */
@Command(mixinStandardHelpOptions = true, name = "demo", description = "Replay the seed report's demonstrations, printing each output.")
final class DemoCommand implements Callable<Integer> {
    @ParentCommand
    ConveneCommand root;

    @Mixin
    ResetOption reset;

    @Override
    public Integer call() {
        var node = root.context.node();
        var out = root.spec.commandLine().getOut();
        if (!reset.clear(node.services().convene(), "demo", root.spec.commandLine().getErr())) return 1;
        out.println("Convene replays the seed report's demonstrations on " + root.context.description() + ".");
        new Demo(node, root.context.clock(), out).run();
        return 0;
    }
}
