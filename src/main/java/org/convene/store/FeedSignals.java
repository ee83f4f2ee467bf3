package org.convene.store;

import io.lettuce.core.Limit;
import io.lettuce.core.Range;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.XAddArgs;
import io.lettuce.core.XReadArgs;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.convene.core.port.FeedWatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Word that an instance's feed has new entries, in the {@code {live}} slot: the live view's change
 * stream already names every instance whose status or participants change; chat, which changes
 * neither, names its instance on a capped stream of its own, sent right behind the post's reply and
 * not awaited. A node's live streams block on both (one blocking read on a connection of its own)
 * and read only the feeds named, as soon as they are named. Word is a projection like the view:
 * should it be lost, the readers' periodic sweep of every feed delivers what it announced.
 */
final class FeedSignals {
    private static final Logger LOG = LoggerFactory.getLogger(FeedSignals.class);
    static final String CHANGES = Keys.LIVE + ":changes";
    static final String POSTED = Keys.LIVE + ":posted";
    private static final long POSTED_CAP = 10_000;
    /** Below the connection's command timeout (10 s), so that a quiet wait is never taken for a dead Redis. */
    private static final Duration LONGEST_WAIT = Duration.ofSeconds(5);
    private static final int PAGE = 5_000;

    private final RedisCalls calls;

    FeedSignals(RedisCalls calls) {
        this.calls = calls;
    }

    /** Says that a message was posted in an instance, not awaited; a failure is logged and left to the sweep. */
    void posted(long instanceId) {
        calls.commands.xadd(POSTED, new XAddArgs().maxlen(POSTED_CAP).approximateTrimming(), Map.of("id",
                Long.toString(instanceId))).whenComplete((id, error) -> {
                    if (error != null) LOG.debug("Announcing a post failed (the sweep delivers it): {}", error.getMessage());
                });
    }

    /** Starts a watch from the present: it reports what is written from now on. */
    FeedWatch watch() {
        RedisConnection.Dedicated own = calls.redis.dedicated();
        try {
            return new Watch(own, last(own, CHANGES), last(own, POSTED));
        } catch (RuntimeException e) {
            own.close();
            throw e;
        }
    }

    private static String last(RedisConnection.Dedicated own, String stream) {
        List<StreamMessage<String, String>> newest = own.commands().xrevrange(stream, Range.create("-", "+"),
                Limit.create(0, 1));
        return newest.isEmpty() ? "0-0" : newest.get(0).getId();
    }

    /** One blocking reader of both streams, from where it last read. */
    private static final class Watch implements FeedWatch {
        private final RedisConnection.Dedicated own;
        private String changes;
        private String posted;

        Watch(RedisConnection.Dedicated own, String changes, String posted) {
            this.own = own;
            this.changes = changes;
            this.posted = posted;
        }

        @Override
        public Set<Long> next(Duration max) {
            Duration wait = max.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : max;
            @SuppressWarnings("unchecked")
            List<StreamMessage<String, String>> read = own.commands().xread(
                    XReadArgs.Builder.block(Math.max(1, wait.toMillis())).count(PAGE),
                    XReadArgs.StreamOffset.from(CHANGES, changes), XReadArgs.StreamOffset.from(POSTED, posted));
            Set<Long> touched = new HashSet<>();
            if (read == null) return touched;
            for (StreamMessage<String, String> message : read) {
                if (message.getStream().equals(CHANGES)) changes = message.getId();
                else posted = message.getId();
                String id = message.getBody().get("id");
                if (id != null) touched.add(Long.parseLong(id));
            }
            return touched;
        }

        @Override
        public void close() {
            own.close();
        }
    }
}
