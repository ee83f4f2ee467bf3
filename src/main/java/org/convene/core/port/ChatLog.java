package org.convene.core.port;

import java.time.Instant;
import java.util.List;
import org.convene.model.ChatMessage;
import org.convene.model.GlobalRole;

/** Each instance's chat, in posting order. Writes refuse by throwing {@link org.convene.model.RefusedException}. */
public interface ChatLog {

    /**
     * Posts a message; a non-null {@code idempotencyKey} this user already used in this instance
     * (within a day) returns the first message and stores nothing.
     */
    ChatMessage post(long userId, GlobalRole role, long instanceId, String text, String idempotencyKey, Instant now);

    /** Returns up to {@code limit} messages after {@code afterId}. */
    List<ChatMessage> after(long instanceId, long afterId, int limit);

    /** Returns up to {@code limit} of one user's messages after {@code afterId}. */
    List<ChatMessage> ofUser(long instanceId, long userId, long afterId, int limit);

    /** Returns the newest {@code limit} messages with ids below {@code beforeId}, in posting order: a page of scroll-back. */
    List<ChatMessage> before(long instanceId, long beforeId, int limit);

    /** Adds a message from another system's history, with its original time, to an instance that has ended. */
    ChatMessage importMessage(long userId, long instanceId, String text, Instant at, Instant now);
}
