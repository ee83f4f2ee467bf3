package org.convene.store;

import java.util.concurrent.CompletableFuture;

/** How far one step got: a cursor it reads and moves, kept in Redis so that an interrupted step resumes. */
final class LayoutProgress {
    private final RedisCalls calls;
    private final String key;

    LayoutProgress(RedisCalls calls, String step) {
        this.calls = calls;
        this.key = Keys.LAYOUT + ":cursor:" + step;
    }

    /** Where the step stopped ("" before its first batch). */
    String cursor() {
        String stored = calls.await(calls.commands.get(key).toCompletableFuture());
        return stored == null ? "" : stored;
    }

    /** Records where the step got: written after a batch's writes, so a batch is never skipped. */
    void moveTo(String cursor) {
        CompletableFuture<String> set = calls.commands.set(key, cursor).toCompletableFuture();
        calls.await(set);
    }

    void clear() {
        calls.await(calls.commands.del(key).toCompletableFuture());
    }
}
