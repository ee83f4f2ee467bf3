package org.convene.model;

/** Thrown when an operation is refused; nothing was changed. */
public final class RefusedException extends RuntimeException {
    private final Refusal refusal;
    private final int retryAfterSeconds;

    public RefusedException(Refusal refusal, String message) {
        this(refusal, message, 0);
    }

    private RefusedException(Refusal refusal, String message, int retryAfterSeconds) {
        super(message, null, false, false);
        this.refusal = refusal;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public Refusal refusal() {
        return refusal;
    }

    /** Seconds after which the same request may succeed, for a refusal of too many requests; else 0. */
    public int retryAfterSeconds() {
        return retryAfterSeconds;
    }

    /** Returns a refusal for bad input, naming the field and what is wrong with it. */
    public static RefusedException invalid(String field, String problem) {
        return Refusal.INVALID_INPUT.refuse(field + " " + problem);
    }

    /** Returns a refusal of too many requests, saying why and after how many seconds to try again. */
    public static RefusedException rateLimited(String message, int retryAfterSeconds) {
        return new RefusedException(Refusal.RATE_LIMITED, message, Math.max(1, retryAfterSeconds));
    }
}
