package org.convene.model;

import java.time.Instant;

/** One chat message; {@code id} counts 1, 2, 3... within the instance, in posting order. */
public record ChatMessage(long id, long instanceId, long userId, String text, Instant timestamp) {
    public static final int MAX_TEXT = 4_000;

    /** Returns {@code text} if it may be posted, or refuses naming what is wrong with it. */
    public static String checkText(String text) {
        return Check.text("text", text, MAX_TEXT, false);
    }
}
