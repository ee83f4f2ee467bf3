package org.convene.cli;

import java.io.PrintWriter;
import org.convene.core.Convene;
import picocli.CommandLine.Option;

/** {@code --reset}: keeps {@code seed} and {@code demo} from touching existing data unless told to. */
final class ResetOption {
    @Option(names = "--reset", description = "Delete everything first. Without it, a store with data is left alone.")
    boolean reset;

    /** Returns whether the command may go on, wiping the store first when {@code --reset} was given. */
    boolean clear(Convene store, String command, PrintWriter err) {
        if (reset) {
            store.wipe();
            return true;
        }
        if (store.isEmpty()) return true;
        err.println("The store already holds data, so '" + command + "' leaves it alone. Run 'convene " + command
                + " --reset' to delete everything in it first.");
        err.flush();
        return false;
    }
}
