package org.convene.model;

/**
 * Who asks for a change and under which request: what the change's audit record names. {@code requestId} is empty when
 * there is none (the command line, a migration).
 */
public record Acting(Actor actor, String requestId) {
    /** Root at the command line (the operator, with the store's own access). */
    public static final Acting ROOT = new Acting(Actor.ROOT, "");

    public Acting {
        if (actor == null) throw RefusedException.invalid("actor", "is required");
        requestId = requestId == null ? "" : requestId;
    }

    /** The actor's kind and id as the scripts take them: {@code root 0}, {@code user 7}. */
    public String[] wire() {
        return new String[] {actor.kind().wire(), Long.toString(actor.userId())};
    }
}
