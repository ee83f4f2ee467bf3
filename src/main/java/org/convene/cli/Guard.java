package org.convene.cli;

import java.io.PrintWriter;
import org.convene.core.MeetingStore;

/** Keeps {@code seed} and {@code demo} from touching existing data unless told to with {@code --reset}. */
final class Guard {
    private Guard() {}

    /** Returns whether the command may go on, wiping the store first when {@code reset} is given. */
    static boolean emptyOrReset(MeetingStore store, boolean reset, String command, PrintWriter err) {
        if (reset) {
            store.wipe();
            return true;
        }
        if (store.isEmpty()) return true;
        err.println("The store already holds data, so '" + command + "' leaves it alone. Run 'convene " + command
                + " --reset' to delete everything in it and start from the seed's sample data.");
        err.flush();
        return false;
    }
}
