package org.convene.model;

import java.time.Instant;

/**
 * One person's place in an occurrence's lobby as they see it: their state, their position while waiting (0 otherwise),
 * since when, and until when (their wait lapses unless renewed, or the seat kept for them frees itself; null otherwise).
 */
public record LobbyPlace(long userId, long instanceId, LobbyState state, int position, Instant since, Instant until) {
    public LobbyPlace {
        if (state == null) throw new IllegalArgumentException("state is required");
        if (position < 0) throw new IllegalArgumentException("position must not be negative, was " + position);
    }
}
