package org.convene.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code convene dump}: the whole database, grouped as the seed's printRedis.py prints it. */
@Command(mixinStandardHelpOptions = true, name = "dump", description = "Print the whole database, grouped as the seed's printRedis.py does.")
final class DumpCommand implements Runnable {
    @ParentCommand
    ConveneCommand root;

    @Override
    public void run() {
        Dump.print(root.convene(), root.spec.commandLine().getOut());
    }
}
