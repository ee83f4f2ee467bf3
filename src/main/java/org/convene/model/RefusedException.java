package org.convene.model;

/** Thrown when an operation is refused; nothing was changed. */
public final class RefusedException extends RuntimeException {
    private final Refusal refusal;

    public RefusedException(Refusal refusal, String message) {
        super(message, null, false, false);
        this.refusal = refusal;
    }

    public Refusal refusal() {
        return refusal;
    }

    /** Returns a refusal for bad input, naming the field and what is wrong with it. */
    public static RefusedException invalid(String field, String problem) {
        return Refusal.INVALID_INPUT.refuse(field + " " + problem);
    }
}
