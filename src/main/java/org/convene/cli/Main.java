package org.convene.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import org.convene.core.StoreUnavailableException;
import org.convene.model.RefusedException;
import picocli.CommandLine;

/**
 * The {@code convene} command. Exit codes: 0 done, 1 refused (the message says why), 2 bad usage
 * or configuration, 3 Redis unreachable or failing, 4 anything else.
 */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        int code = run(args, Context.fromEnvironment(System.getenv()), out, err);
        out.flush();
        err.flush();
        System.exit(code);
    }

    static int run(String[] args, Context context, PrintWriter out, PrintWriter err) {
        ConveneCommand root = new ConveneCommand(context);
        CommandLine cli = new CommandLine(root);
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler((e, commandLine, parsed) -> {
            if (e instanceof RefusedException refused) {
                new Output(out, err, root.json).refused(refused);
                return 1;
            }
            if (e instanceof IllegalArgumentException bad && bad.getMessage() != null) {
                err.println("convene: " + bad.getMessage());
                return 2;
            }
            if (e instanceof StoreUnavailableException unavailable) {
                err.println("convene: " + unavailable.getMessage());
                return 3;
            }
            err.println("convene: unexpected error: " + e + (System.getenv("CONVENE_DEBUG") == null
                    ? " (set CONVENE_DEBUG=1 to see where)" : ""));
            if (System.getenv("CONVENE_DEBUG") != null) e.printStackTrace(err);
            return 4;
        });
        try {
            return cli.execute(args);
        } finally {
            context.close();
        }
    }
}
