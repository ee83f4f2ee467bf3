package org.convene.store;

import static org.convene.store.RedisCalls.ms;

import io.lettuce.core.Limit;
import io.lettuce.core.Range;
import io.lettuce.core.StreamMessage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;
import org.convene.model.ChatMessage;
import org.convene.model.Refusal;

/** An instance's chat: a Redis stream whose ids are the message numbers ({@code <n>-0}), and each author's index. */
final class ChatRecords {
    private static final Script POST = Script.load("meeting", "post").announcing();
    private static final Script CHAT_OF_USER = Script.load("meeting", "chat").reading();
    private static final Script IMPORT_MESSAGE = Script.load("meeting", "import_message");

    private final RedisCalls calls;
    private final InstanceLocator locator;
    private final UserRecords users;

    private final FeedSignals signals;

    ChatRecords(RedisCalls calls, InstanceLocator locator, UserRecords users, FeedSignals signals) {
        this.calls = calls;
        this.locator = locator;
        this.users = users;
        this.signals = signals;
    }

    ChatMessage post(long userId, long instanceId, String text, String idempotencyKey, Instant now) {
        return locator.withMeeting(instanceId, meetingId -> {
            Reply reply = calls.await(calls.inMeeting(meetingId, POST, Long.toString(instanceId), Long.toString(userId),
                    text, ms(now), idempotencyKey == null ? "" : idempotencyKey)).ok();
            signals.posted(instanceId);
            return new ChatMessage(reply.number(1), instanceId, userId, reply.text(2), Replies.millis(reply.text(3)));
        });
    }

    ChatMessage importMessage(long userId, long instanceId, String text, Instant at, Instant now) {
        return locator.withMeeting(instanceId, meetingId -> {
            users.forJoin(userId);
            Reply reply = calls.await(calls.inMeeting(meetingId, IMPORT_MESSAGE,
                    Long.toString(instanceId), Long.toString(userId), text, ms(at), ms(now))).ok();
            return new ChatMessage(reply.number(1), instanceId, userId, text, at);
        });
    }

    /** One user's messages after {@code afterId}: a script, since it reads that user's index and then the chat. */
    List<ChatMessage> ofUser(long instanceId, long userId, long afterId, int limit) {
        return locator.withMeeting(instanceId, meetingId -> Replies.chat(instanceId, calls.await(calls.inMeeting(
                meetingId, CHAT_OF_USER, Long.toString(instanceId), Long.toString(afterId), Integer.toString(limit),
                Long.toString(userId))).ok().list(1)));
    }

    /** The whole chat after {@code afterId}: one stream range as a plain command, no Lua. */
    List<ChatMessage> after(long instanceId, long afterId, int limit) {
        return page(instanceId, (chat, redis) -> redis.commands.xrange(chat, Range.create((afterId + 1) + "-0", "+"),
                Limit.create(0, limit)).toCompletableFuture(), false);
    }

    /** The newest {@code limit} messages below {@code beforeId}, in posting order. */
    List<ChatMessage> before(long instanceId, long beforeId, int limit) {
        // Read newest first from just below the cursor; ids are "<n>-0", so n-1 is the last one below.
        return page(instanceId, (chat, redis) -> redis.commands.xrevrange(chat, Range.create("-", (beforeId - 1) + "-0"),
                Limit.create(0, limit)).toCompletableFuture(), true);
    }

    private List<ChatMessage> page(long instanceId,
                                   BiFunction<String, RedisCalls, CompletableFuture<List<StreamMessage<String, String>>>> range,
                                   boolean newestFirst) {
        return locator.withMeeting(instanceId, meetingId -> {
            String instanceKey = Keys.instance(meetingId, instanceId);
            CompletableFuture<Long> exists = calls.commands.exists(instanceKey).toCompletableFuture();
            CompletableFuture<List<StreamMessage<String, String>>> messages = range.apply(instanceKey + ":chat", calls);
            calls.awaitAll(exists, messages);
            if (calls.result(exists) == 0) throw Refusal.INVALID_INSTANCE.refuse();
            List<ChatMessage> page = new ArrayList<>(calls.result(messages).stream()
                    .map(m -> Replies.message(instanceId, m.getId(), m.getBody())).toList());
            if (newestFirst) Collections.reverse(page);
            return page;
        });
    }
}
