package org.convene.store;

import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import io.lettuce.core.output.NestedMultiOutput;
import io.lettuce.core.output.StatusOutput;
import io.lettuce.core.protocol.AsyncCommand;
import io.lettuce.core.protocol.Command;
import io.lettuce.core.protocol.CommandArgs;
import io.lettuce.core.protocol.CommandType;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.convene.core.StoreUnavailableException;

/**
 * Runs scripts by EVALSHA, so that only the digest crosses the network; falls back to EVAL when
 * the server does not have the script yet (NOSCRIPT), and retries while a cluster slot is
 * migrating (TRYAGAIN) or the cluster is briefly down during a failover (CLUSTERDOWN), for about two
 * seconds. Calls do not wait for each other: several in a row are one pipelined batch.
 *
 * <p>A write that must reach replicas ({@link ReplicaWait}, or a {@link Script#durable()} one on a cluster)
 * runs on a node connection chosen once, following MOVED and ASK itself, and its WAIT goes on that same
 * connection: WAIT counts the writes of the connection it is sent on, and a node that holds the slot a
 * moment later may have carried none of them.
 */
final class ScriptRunner {
    private static final int TRY_AGAIN_LIMIT = 40;
    private static final int REDIRECT_LIMIT = 5;
    private static final Duration DURABLE_WAIT = Duration.ofSeconds(1);

    private final RedisClusterAsyncCommands<String, String> redis;
    private final RedisConnection connection;
    /** Cleared when the server does not know EVALSHA_RO (Redis before 7): reading scripts then stay on primaries. */
    private volatile boolean replicasRunScripts = true;

    ScriptRunner(RedisConnection connection) {
        this.connection = connection;
        this.redis = connection.async();
    }

    /** A script's reply, and the node that gave it. */
    private record Written(ClusterView.Node node, List<Object> reply) {
    }

    /** One way of sending a script: by its digest, or (when the server answered NOSCRIPT) by its body. */
    private interface Evaluation {
        CompletableFuture<List<Object>> send(boolean byDigest);
    }

    CompletableFuture<List<Object>> run(Script script, String[] keys, String... args) {
        ClusterView view = connection.view();
        if (script.access() == Script.Access.REPLICA_READ && view != null && replicasRunScripts) {
            return onReplica(view, script, keys, args);
        }
        ReplicaWait wait = connection.replicaWait();
        boolean confirmed = script.writes()
                && (wait.enabled() || (script.access() == Script.Access.DURABLE_WRITE && view != null));
        if (!confirmed) return routed(script, keys, args, 0);
        if (view == null) {
            return routed(script, keys, args, 0).thenCompose(reply -> redis.waitForReplication(wait.replicas(),
                    wait.timeout().toMillis()).toCompletableFuture().thenApply(count -> confirm(count, wait, reply)));
        }
        return view.primaryFor(keys[0]).thenCompose(node -> onNode(view, node, script, keys, args, 0, 0))
                .thenCompose(written -> confirm(view, written, script));
    }

    /** Runs the script where Lettuce routes it (it follows redirects itself). */
    private CompletableFuture<List<Object>> routed(Script script, String[] keys, String[] args, int tries) {
        return evaluate(byDigest -> (byDigest ? redis.<List<Object>>evalsha(script.sha(), ScriptOutputType.MULTI, keys, args)
                : redis.<List<Object>>eval(script.body(), ScriptOutputType.MULTI, keys, args)).toCompletableFuture())
                .handle((reply, cause) -> {
                    if (cause == null) return CompletableFuture.completedFuture(reply);
                    if (isTransient(cause) && tries < TRY_AGAIN_LIMIT) {
                        return later().thenCompose(ignored -> routed(script, keys, args, tries + 1));
                    }
                    return CompletableFuture.<List<Object>>failedFuture(cause);
                }).thenCompose(future -> future);
    }

    /**
     * Runs the script on {@code node}'s own connection; a MOVED sends it to the node named (and has the view
     * read again), an ASK to the importing node with ASKING in front, TRYAGAIN and CLUSTERDOWN to the slot's
     * primary again a little later.
     */
    private CompletableFuture<Written> onNode(ClusterView view, ClusterView.Node node, Script script, String[] keys,
                                              String[] args, int tries, int redirects) {
        RedisClusterAsyncCommands<String, String> commands = node.commands();
        return evaluate(byDigest -> (byDigest ? commands.<List<Object>>evalsha(script.sha(), ScriptOutputType.MULTI, keys, args)
                : commands.<List<Object>>eval(script.body(), ScriptOutputType.MULTI, keys, args)).toCompletableFuture())
                .thenApply(reply -> new Written(node, reply))
                .exceptionallyCompose(cause -> redirected(view, cause, script, keys, args, tries, redirects));
    }

    private CompletableFuture<Written> redirected(ClusterView view, Throwable error, Script script, String[] keys,
                                                  String[] args, int tries, int redirects) {
        Throwable cause = unwrap(error);
        String message = cause.getMessage() == null ? "" : cause.getMessage();
        boolean moved = message.startsWith("MOVED "), asked = message.startsWith("ASK ");
        if ((moved || asked) && redirects < REDIRECT_LIMIT) {
            String target = message.substring(message.lastIndexOf(' ') + 1);
            int colon = target.lastIndexOf(':');
            if (moved) view.refresh();
            return view.node(target.substring(0, colon), Integer.parseInt(target.substring(colon + 1))).thenCompose(next -> moved
                    ? onNode(view, next, script, keys, args, tries, redirects + 1)
                    : evaluate(byDigest -> asking(next, byDigest, script, keys, args)).thenApply(reply -> new Written(next, reply))
                            .exceptionallyCompose(again -> redirected(view, again, script, keys, args, tries, redirects + 1)));
        }
        if (isTransient(cause) && tries < TRY_AGAIN_LIMIT) {
            return later().thenCompose(ignored -> view.primaryFor(keys[0]))
                    .thenCompose(node -> onNode(view, node, script, keys, args, tries + 1, 0));
        }
        return CompletableFuture.failedFuture(cause);
    }

    /** ASKING and the script, sent together so that no other command on the shared connection comes between. */
    private static CompletableFuture<List<Object>> asking(ClusterView.Node node, boolean byDigest, Script script,
                                                          String[] keys, String[] args) {
        CommandArgs<String, String> scriptArgs = new CommandArgs<>(Utf8Codec.INSTANCE).add(byDigest ? script.sha() : script.body())
                .add(keys.length).addKeys(keys).addValues(args);
        AsyncCommand<String, String, String> asking =
                new AsyncCommand<>(new Command<>(CommandType.ASKING, new StatusOutput<>(Utf8Codec.INSTANCE)));
        AsyncCommand<String, String, List<Object>> evaluation = new AsyncCommand<>(new Command<>(
                byDigest ? CommandType.EVALSHA : CommandType.EVAL, new NestedMultiOutput<>(Utf8Codec.INSTANCE), scriptArgs));
        node.connection().dispatch(List.of(asking, evaluation));
        return evaluation;
    }

    /**
     * Completes with the reply once the replicas asked for hold the write. Without CONVENE_REDIS_WAIT_REPLICAS
     * (a durable script): one replica, where the node that ran it still serves as a primary and has one up;
     * a node that no longer serves as a primary gave an answer the cluster will take back.
     */
    private CompletableFuture<List<Object>> confirm(ClusterView view, Written written, Script script) {
        ReplicaWait wait = connection.replicaWait();
        RedisClusterAsyncCommands<String, String> commands = written.node().commands();
        if (wait.enabled()) {
            return commands.waitForReplication(wait.replicas(), wait.timeout().toMillis()).toCompletableFuture()
                    .thenApply(count -> confirm(count, wait, written.reply()));
        }
        if (!view.servesAsPrimary(written.node())) {
            return CompletableFuture.failedFuture(new StoreUnavailableException(script.name() + " was answered by a Redis node "
                    + "that no longer serves as a primary; the cluster may take the write back", null));
        }
        if (!view.hasReplicaUp(written.node())) return CompletableFuture.completedFuture(written.reply());
        return commands.waitForReplication(1, DURABLE_WAIT.toMillis()).toCompletableFuture()
                .thenApply(count -> confirm(count, new ReplicaWait(1, DURABLE_WAIT), written.reply()));
    }

    private static List<Object> confirm(long count, ReplicaWait wait, List<Object> reply) {
        if (count < wait.replicas()) {
            throw new StoreUnavailableException("The write was not confirmed by " + wait.replicas() + " Redis replica(s) within "
                    + wait.timeout().toMillis() + " ms (" + count + " did); it may be lost if its primary fails", null);
        }
        return reply;
    }

    /**
     * A reading script on a replica of its slot's primary (EVALSHA_RO on a read-only connection to it); the
     * primary when the cluster knows no replica that is up. A replica that fails to answer within a second
     * fails the read (the caller reads again later), rather than letting the primary answer with what its
     * replica may not have.
     */
    private CompletableFuture<List<Object>> onReplica(ClusterView view, Script script, String[] keys, String[] args) {
        return view.replicaFor(keys[0]).thenCompose(replica -> {
            if (replica == null) return routed(script, keys, args, 0);
            // Scripts reach replicas as their effects, not as scripts: each replica learns a script once (NOSCRIPT).
            return evaluate(byDigest -> (byDigest
                    ? replica.<List<Object>>evalshaReadOnly(script.sha(), ScriptOutputType.MULTI, keys, args)
                    : replica.<List<Object>>evalReadOnly(script.body(), ScriptOutputType.MULTI, keys, args))
                    .toCompletableFuture().orTimeout(1, TimeUnit.SECONDS))
                    .exceptionallyCompose(error -> {
                        Throwable cause = unwrap(error);
                        String message = cause.getMessage() == null ? "" : cause.getMessage();
                        if (message.startsWith("ERR unknown command")) {
                            replicasRunScripts = false; // Redis before 7: no EVALSHA_RO
                            return routed(script, keys, args, 0);
                        }
                        if (message.startsWith("MOVED") || message.startsWith("MASTERDOWN") || message.startsWith("LOADING")) {
                            // No longer a replica of that slot, or one still syncing with a new primary: the topology
                            // is changing; the primary answers this once.
                            return routed(script, keys, args, 0);
                        }
                        return CompletableFuture.failedFuture(cause);
                    });
        });
    }

    /** Sends by digest, and by body when the server answers NOSCRIPT; fails with the unwrapped cause. */
    private static CompletableFuture<List<Object>> evaluate(Evaluation evaluation) {
        return evaluation.send(true).handle((reply, error) -> {
            if (error == null) return CompletableFuture.completedFuture(reply);
            Throwable cause = unwrap(error);
            if (cause instanceof RedisNoScriptException) return evaluation.send(false);
            return CompletableFuture.<List<Object>>failedFuture(cause);
        }).thenCompose(future -> future).exceptionallyCompose(error -> CompletableFuture.failedFuture(unwrap(error)));
    }

    private static Throwable unwrap(Throwable error) {
        return error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    }

    private static CompletableFuture<Object> later() {
        return CompletableFuture.supplyAsync(() -> null, CompletableFuture.delayedExecutor(50, TimeUnit.MILLISECONDS));
    }

    private static boolean isTransient(Throwable error) {
        Throwable cause = unwrap(error);
        return cause instanceof RedisCommandExecutionException && cause.getMessage() != null
                && (cause.getMessage().startsWith("TRYAGAIN") || cause.getMessage().startsWith("CLUSTERDOWN"));
    }
}
