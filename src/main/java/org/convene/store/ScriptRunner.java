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

    private final RedisClusterAsyncCommands<String, String> redis;
    private final RedisConnection connection;

    ScriptRunner(RedisConnection connection) {
        this.connection = connection;
        this.redis = connection.async();
    }

    CompletableFuture<List<Object>> run(Script script, String[] keys, String... args) {
        CompletableFuture<List<Object>> reply = attempt(script, keys, args, 0);
        ReplicaWait wait = connection.replicaWait();
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

    private static boolean isTransient(Throwable error) {
        return error instanceof RedisCommandExecutionException && error.getMessage() != null
                && (error.getMessage().startsWith("TRYAGAIN") || error.getMessage().startsWith("CLUSTERDOWN"));
    }
}
