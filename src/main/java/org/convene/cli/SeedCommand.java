package org.convene.cli;

import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/** {@code convene seed}: loads the seed report's sample data into an empty store. */
@Command(mixinStandardHelpOptions = true, name = "seed", description = "Load the seed report's sample data (redis_init.py).")
final class SeedCommand implements Callable<Integer> {
    @ParentCommand
    ConveneCommand root;

    @Mixin
    ResetOption reset;

    @Override
    public Integer call() {
        var convene = root.context.convene();
        if (!reset.clear(convene, "seed", root.spec.commandLine().getErr())) return 1;
        SeedData.load(root.context.node(), root.context.clock().instant());
        root.output().result("Redis initialized with sample data.", Map.of("seeded", true));
        return 0;
    }
}
