package org.convene.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.convene.app.Node;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code convene serve}: the HTTP API and the scheduler in one process, until stopped. */
@Command(mixinStandardHelpOptions = true, name = "serve", description = "Serve the REST API and run the scheduler until stopped (Ctrl-C).",
        footer = {"", "Settings: CONVENE_HTTP_HOST, CONVENE_HTTP_PORT, CONVENE_ADMIN_TOKEN and more; see README.md."})
final class ServeCommand implements Callable<Integer> {
    @ParentCommand
    ConveneCommand root;

    @Override
    public Integer call() throws InterruptedException {
        root.context.stayUp();
        Node node = root.context.node();
        Node.Serving serving = node.serve();
        PrintWriter out = root.spec.commandLine().getOut();
        out.println("Convene is serving on " + serving.url() + " (data: " + root.context.description() + ")");
        out.println(serving.generatedAdminToken()
                .map(token -> "Admin token, shown only now (only its hash is kept): " + token)
                .orElse(node.settings().adminTokenConfigured() ? "Admin token: the one in CONVENE_ADMIN_TOKEN"
                        : "Admin token: the one made at the first start; 'convene admin-token --rotate' makes a new one"));
        out.println("Web console: open " + serving.url() + "/ and sign in with the token; API docs: " + serving.url() + "/docs");
        out.flush();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            serving.close();
            root.context.close();
            stopped.countDown();
        }, "convene-shutdown"));
        stopped.await();
        return 0;
    }
}
