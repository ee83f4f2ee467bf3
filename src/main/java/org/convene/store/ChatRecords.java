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
import org.convene.core.port.ChatLog;
import org.convene.model.ChatMessage;
import org.convene.model.GlobalRole;
import org.convene.model.Refusal;

/** An instance's chat: a Redis stream whose ids are the message numbers ({@code <n>-0}), and each author's index. */
final class ChatRecords implements ChatLog {
    private static final Script POST = Script.load("meeting", "post").announcing();
    private static final Script CHAT_OF_USER = Script.load("meeting", "chat").reading();
    private static final Script IMPORT_MESSAGE = Script.load("meeting", "import_message").announcing();

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

    /** post's answer: the message's number, its text and time (the first message's, for a repeated idempotency key). */
    private record PostReply(long number, String text, Instant at) {
        static PostReply of(Reply reply) {
            if ("DELETED".equals(reply.status())) throw Refusal.MESSAGE_DELETED.refuse(reply.number(1));
            if ("CHAT_CLOSED".equals(reply.status())) {
                throw Refusal.CHAT_CLOSED.refuse("hosts_only".equals(reply.text(1)) ? "open to its hosts only" : "off");
            }
            Reply ok = reply.ok();
            return new PostReply(ok.number(1), ok.text(2), Replies.millis(ok.text(3)));
        }
    }

    /** import_message's answer: the message's number. */
    private record ImportReply(long number) {
        static ImportReply of(Reply reply) {
            return new ImportReply(reply.ok().number(1));
        }
    }

    /** chat's answer: one user's messages, as stream entries. */
    private record ChatReply(List<Object> entries) {
        static ChatReply of(Reply reply) {
            return new ChatReply(reply.ok().list(1));
        }
    }

    @Override
    public ChatMessage post(long userId, GlobalRole role, long instanceId, String text, String idempotencyKey,
                            Instant now) {
        return locator.withMeeting(instanceId, meetingId -> {
            PostReply posted = PostReply.of(calls.await(calls.inMeeting(meetingId, POST, Long.toString(instanceId),
                    Long.toString(userId), text, ms(now), idempotencyKey == null ? "" : idempotencyKey, role.wire())));
            signals.posted(instanceId);
            return new ChatMessage(posted.number(), instanceId, userId, posted.text(), posted.at());
        });
    }

    @Override
    public ChatMessage importMessage(long userId, long instanceId, String text, Instant at, Instant now) {
        return locator.withMeeting(instanceId, meetingId -> {
            users.forJoin(userId);
            ImportReply imported = ImportReply.of(calls.await(calls.inMeeting(meetingId, IMPORT_MESSAGE,
                    Long.toString(instanceId), Long.toString(userId), text, ms(at), ms(now))));
            return new ChatMessage(imported.number(), instanceId, userId, text, at);
        });
    }

    /** One user's messages after {@code afterId}: a script, since it reads that user's index and then the chat. */
    @Override
    public List<ChatMessage> ofUser(long instanceId, long userId, long afterId, int limit) {
        return locator.withMeeting(instanceId, meetingId -> Replies.chat(instanceId, ChatReply.of(calls.await(
                calls.inMeeting(meetingId, CHAT_OF_USER, Long.toString(instanceId), Long.toString(afterId),
                        Integer.toString(limit), Long.toString(userId)))).entries()));
    }

    /** The whole chat after {@code afterId}: one stream range as a plain command, no Lua. */
    @Override
    public List<ChatMessage> after(long instanceId, long afterId, int limit) {
        return page(instanceId, (chat, redis) -> redis.commands.xrange(chat, Range.create((afterId + 1) + "-0", "+"),
                Limit.create(0, limit)).toCompletableFuture(), false);
    }

    /** The newest {@code limit} messages below {@code beforeId}, in posting order. */
    @Override
    public List<ChatMessage> before(long instanceId, long beforeId, int limit) {
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
