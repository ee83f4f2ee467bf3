package org.convene.schedule;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** What the scheduler needs from storage: due instances, and their transitions applied exactly once. */
public interface TransitionStore {

    /** Returns up to {@code limit} instances with a start or an end due at {@code now}. */
    List<Long> dueInstances(Instant now, int limit);

    /**
     * Applies what is due for each instance at {@code now}, returning the transitions this call
     * made; a transition another caller already made is not returned again.
     */
    List<Transition> settle(List<Long> instanceIds, Instant now);

    /**
     * Rebuilds what the store keeps of its state for fast reads (projections) from the state itself;
     * idempotent, costing what is active, never history. The scheduler runs it at start and now and then.
     */
    default void repairViews(Instant now) {
    }

    /**
     * Sends the "starting soon" notices due at {@code now} (at most {@code limit}), each once however many
     * schedulers call, and returns those this call sent.
     */
    default List<Transition> remind(Instant now, int limit) {
        return List.of();
    }

    /** Returns the earliest start or end still to come, if any. */
    Optional<Instant> nextDue();
}
