package org.convene.cli;

import java.io.PrintWriter;
import java.net.BindException;
import java.nio.charset.StandardCharsets;
import org.convene.core.LayoutMismatchException;
import org.convene.core.StoreUnavailableException;
import org.convene.model.RefusedException;
import picocli.AutoComplete;
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
        cli.addSubcommand("help", new CommandLine.HelpCommand());
        // Prints a bash/zsh completion script; the build writes it into the distribution.
        CommandLine completion = new CommandLine(new AutoComplete.GenerateCompletion());
        completion.getCommandSpec().usageMessage().hidden(true);
        cli.addSubcommand("generate-completion", completion);
        versionEverywhere(cli);
        cli.setOut(out);
        cli.setErr(err);
        // A mistake gets its one-line reason and the likely intended command, not a page of usage.
        cli.setParameterExceptionHandler((problem, given) -> {
            CommandLine where = problem.getCommandLine();
            where.getErr().println("convene: " + problem.getMessage());
            String meant = problem instanceof CommandLine.UnmatchedArgumentException unmatched
                    && !unmatched.getUnmatched().isEmpty() ? closestCommand(where, unmatched.getUnmatched().get(0)) : null;
            if (meant != null) {
                where.getErr().println("Did you mean '" + where.getCommandSpec().qualifiedName() + " " + meant + "'?");
            } else {
                where.getErr().println("See '" + where.getCommandSpec().qualifiedName() + " --help'.");
            }
            where.getErr().flush();
            return 2;
        });
        cli.setExecutionExceptionHandler((e, commandLine, parsed) -> {
            if (e instanceof RefusedException refused) {
                new Output(out, err, root.json).refused(refused);
                return 1;
            }
            if (e instanceof IllegalArgumentException bad && bad.getMessage() != null) {
                err.println("convene: " + bad.getMessage());
                return 2;
            }
            BindException taken = causeOf(e, BindException.class);
            if (taken != null) {
                err.println("convene: cannot listen on " + context.node().settings().listenAddress() + " (" + taken.getMessage()
                        + "); stop what uses it or set CONVENE_HTTP_PORT");
                return 2;
            }
            if (e instanceof LayoutMismatchException layout) {
                err.println("convene: " + layout.getMessage());
                return 3;
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

    /**
     * Gives every command the build's {@code --version}: each declares the standard help options,
     * but only the root names the version provider.
     */
    private static void versionEverywhere(CommandLine command) {
        command.getCommandSpec().versionProvider(new BuildVersion());
        command.getSubcommands().values().forEach(Main::versionEverywhere);
    }

    /** The subcommand of {@code command} within two edits of {@code typed}, the nearest, or null. */
    static String closestCommand(CommandLine command, String typed) {
        String best = null;
        int bestDistance = 3;
        for (String name : command.getSubcommands().keySet()) {
            int distance = edits(typed, name);
            if (distance < bestDistance) {
                best = name;
                bestDistance = distance;
            }
        }
        return best;
    }

    /** Levenshtein distance: how many single-character insertions, deletions or substitutions turn a into b. */
    private static int edits(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) previous[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    /** The first cause of {@code e} (itself included) of type {@code type}, or null. */
    private static <T extends Throwable> T causeOf(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) return type.cast(t);
        }
        return null;
    }
}
