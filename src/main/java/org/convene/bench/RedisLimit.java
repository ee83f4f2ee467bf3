package org.convene.bench;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.LongAdder;

/**
 * The Redis server's own limit on this machine, measured the way redis-benchmark does: 32
 * connections, each sending one command and waiting for its answer, for a few seconds; once with
 * GET, once with a 3-key Lua script by EVALSHA (three INCRs under one hash tag: the shape of
 * Convene's own scripts). Convene's throughput is then shown as a share of it, a ratio that holds
 * however busy the machine is.
 */
public final class RedisLimit {
    private static final int CONNECTIONS = 32;
    private static final String SCRIPT = "redis.call('INCR', KEYS[1]); redis.call('INCR', KEYS[2]); "
            + "return redis.call('INCR', KEYS[3])";
    private static final String[] KEYS = {"bench:{limit}:a", "bench:{limit}:b", "bench:{limit}:c"};

    private RedisLimit() {}

    /** Commands a second: GET, and the 3-key script by EVALSHA. */
    public record Result(double getPerSecond, double evalshaPerSecond) {
        public String table() {
            return String.format(Locale.ROOT, "Redis's own limit here (32 connections, one command in flight each):%n"
                    + "GET %10.0f/s%nEVALSHA of a 3-key script %10.0f/s%n", getPerSecond, evalshaPerSecond);
        }
    }

    /** Measures a standalone Redis at {@code url} for {@code each} per command. */
    public static Result measure(String url, Duration each) throws Exception {
        RedisClient client = RedisClient.create(RedisURI.create(url));
        List<StatefulRedisConnection<String, String>> connections = new ArrayList<>();
        try {
            for (int i = 0; i < CONNECTIONS; i++) connections.add(client.connect());
            RedisAsyncCommands<String, String> first = connections.get(0).async();
            String sha = first.scriptLoad(SCRIPT).get();
            first.set(KEYS[0], "0").get();
            double get = run(connections, each, c -> c.get(KEYS[0]).toCompletableFuture());
            double evalsha = run(connections, each, c -> c.<Long>evalsha(sha, ScriptOutputType.INTEGER, KEYS)
                    .toCompletableFuture());
            first.del(KEYS).get();
            return new Result(get, evalsha);
        } finally {
            connections.forEach(StatefulRedisConnection::close);
            client.shutdown();
        }
    }

    private interface Command {
        CompletableFuture<?> send(RedisAsyncCommands<String, String> commands);
    }

    private static double run(List<StatefulRedisConnection<String, String>> connections, Duration each, Command command)
            throws Exception {
        LongAdder done = new LongAdder();
        long start = System.nanoTime();
        long until = start + each.toNanos();
        List<CompletableFuture<Void>> loops = new ArrayList<>();
        for (StatefulRedisConnection<String, String> connection : connections) {
            CompletableFuture<Void> loop = new CompletableFuture<>();
            next(connection.async(), command, until, done, loop);
            loops.add(loop);
        }
        CompletableFuture.allOf(loops.toArray(CompletableFuture[]::new)).get();
        return done.sum() / ((System.nanoTime() - start) / 1e9);
    }

    /** One closed loop: the next command goes when the last one answered, until the time is up. */
    private static void next(RedisAsyncCommands<String, String> commands, Command command, long until, LongAdder done,
                             CompletableFuture<Void> loop) {
        if (System.nanoTime() >= until) {
            loop.complete(null);
            return;
        }
        command.send(commands).whenComplete((reply, error) -> {
            if (error != null) {
                loop.completeExceptionally(error);
                return;
            }
            done.increment();
            next(commands, command, until, done, loop);
        });
    }
}
