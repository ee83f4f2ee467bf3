package org.convene.model;

/** What asking to join an instance came to: in ({@link JoinResult}), or waiting in its lobby ({@link Waiting}). */
public sealed interface JoinOutcome permits JoinResult, Waiting {
    /** The user who asked. */
    long userId();

    /** The instance they asked to join. */
    long instanceId();
}
