package org.convene.cli;

import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code convene admin-token --rotate}: a new administrator token for the HTTP API. */
@Command(mixinStandardHelpOptions = true, name = "admin-token", description = "Make a new administrator token for the HTTP API, shown once.")
final class AdminTokenCommand implements Callable<Integer> {
    @ParentCommand
    ConveneCommand root;

    @Option(names = "--rotate", required = true, description = "Retire the current token and make a new one.")
    boolean rotate;

    @Override
    public Integer call() {
        String token = root.context.services().tokens().rotateAdmin();
        root.output().result("New admin token (shown only now; servers accept it within seconds): " + token,
                Map.of("token", token));
        return 0;
    }
}
