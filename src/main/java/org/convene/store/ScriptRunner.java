package org.convene.store;

import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.convene.core.StoreUnavailableException;

/**
 * Runs scripts by EVALSHA, so that only the digest crosses the network; falls back to EVAL when
 * the server does not have the script yet (NOSCRIPT), and retries while a cluster slot is
 * migrating (TRYAGAIN) or the cluster is briefly down during a failover (CLUSTERDOWN), for about two
 * seconds. Calls do not wait for each other: several in a row are one pipelined batch. When writes must
 * reach replicas ({@link ReplicaWait}), a script that writes completes only once they confirmed it.
 */
final class ScriptRunner {
    private static final int TRY_AGAIN_LIMIT = 40;
    private static final java.time.Duration DURABLE_WAIT = java.time.Duration.ofSeconds(1);

    private final RedisClusterAsyncCommands<String, String> redis;
    private final RedisConnection connection;
    /** Cleared when the server does not know EVALSHA_RO (Redis before 7): reading scripts then stay on primaries. */
    private volatile boolean replicasRunScripts = true;

    ScriptRunner(RedisConnection connection) {
        this.connection = connection;
        this.redis = connection.async();
    }

    CompletableFuture<List<Object>> run(Script script, String[] keys, String... args) {
        if (script.replicaRead() && connection.isCluster() && replicasRunScripts) return onReplica(script, keys, args);
        CompletableFuture<List<Object>> reply = attempt(script, keys, args, 0);
        ReplicaWait wait = connection.replicaWait();
        if (script.waitsForReplica() && !wait.enabled() && connection.isCluster()) {
            return reply.thenCompose(result -> connection.settleOnReplica(keys[0], DURABLE_WAIT).thenApply(done -> result));
        }
        if (!wait.enabled() || !script.writes()) return reply;
        return reply.thenCompose(result -> connection.waitForReplicas(keys[0]).thenApply(confirmed -> {
            if (confirmed < wait.replicas()) {
                throw new StoreUnavailableException("The write was not confirmed by " + wait.replicas() + " Redis replica(s) within "
                        + wait.timeout().toMillis() + " ms (" + confirmed + " did); it may be lost if its primary fails", null);
            }
            return result;
        }));
    }

    private CompletableFuture<List<Object>> attempt(Script script, String[] keys, String[] args, int tries) {
        CompletableFuture<List<Object>> evalsha =
                redis.<List<Object>>evalsha(script.sha(), ScriptOutputType.MULTI, keys, args).toCompletableFuture();
        return evalsha.handle((reply, error) -> {
            if (error == null) return CompletableFuture.completedFuture(reply);
            Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
            if (cause instanceof RedisNoScriptException) {
                return redis.<List<Object>>eval(script.body(), ScriptOutputType.MULTI, keys, args).toCompletableFuture();
            }
            if (isTransient(cause) && tries < TRY_AGAIN_LIMIT) {
                return CompletableFuture.supplyAsync(() -> null, CompletableFuture.delayedExecutor(50, TimeUnit.MILLISECONDS))
                        .thenCompose(ignored -> attempt(script, keys, args, tries + 1));
            }
            return CompletableFuture.<List<Object>>failedFuture(cause);
        }).thenCompose(future -> future);
    }

    /**
     * A reading script on a replica of its slot's primary (EVALSHA_RO on a read-only connection to it); the
     * primary when the cluster knows no replica that is up. A replica that fails to answer within a second
     * fails the read (the caller reads again later), rather than letting the primary answer with what its
     * replica may not have.
     */
    private CompletableFuture<List<Object>> onReplica(Script script, String[] keys, String[] args) {
        return connection.replicaFor(keys[0]).thenCompose(replica -> {
            if (replica == null) return attempt(script, keys, args, 0);
            CompletableFuture<List<Object>> evalsha = replica.<List<Object>>evalshaReadOnly(script.sha(), ScriptOutputType.MULTI,
                    keys, args).toCompletableFuture().orTimeout(1, TimeUnit.SECONDS);
            return evalsha.handle((reply, error) -> {
                if (error == null) return CompletableFuture.completedFuture(reply);
                Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
                String message = cause.getMessage() == null ? "" : cause.getMessage();
                if (cause instanceof RedisNoScriptException) {
                    // Scripts reach replicas as their effects, not as scripts: each replica learns a script once.
                    return replica.<List<Object>>evalReadOnly(script.body(), ScriptOutputType.MULTI, keys, args)
                            .toCompletableFuture().orTimeout(1, TimeUnit.SECONDS);
                }
                if (message.startsWith("ERR unknown command")) {
                    replicasRunScripts = false; // Redis before 7: no EVALSHA_RO
                    return attempt(script, keys, args, 0);
                }
                if (message.startsWith("MOVED") || message.startsWith("MASTERDOWN") || message.startsWith("LOADING")) {
                    // No longer a replica of that slot, or one still syncing with a new primary: the topology is
                    // changing; the primary answers this once.
                    return attempt(script, keys, args, 0);
                }
                return CompletableFuture.<List<Object>>failedFuture(cause);
            }).thenCompose(future -> future);
        });
    }

    private static boolean isTransient(Throwable error) {
        return error instanceof RedisCommandExecutionException && error.getMessage() != null
                && (error.getMessage().startsWith("TRYAGAIN") || error.getMessage().startsWith("CLUSTERDOWN"));
    }
}
