package org.convene.model;

import java.util.List;

/**
 * What admitting everyone waiting did: who was admitted, in arrival order, and who still waits (the first of them,
 * with their position and why: {@code full} when no seat is free); {@code stillWaiting} counts them all.
 */
public record AdmitAll(long instanceId, List<Long> admitted, List<Left> waiting, int stillWaiting) {
    public AdmitAll {
        admitted = List.copyOf(admitted);
        waiting = List.copyOf(waiting);
    }

    /** Someone still waiting after it: their position and why they wait. */
    public record Left(long userId, int position, String reason) {}
}
