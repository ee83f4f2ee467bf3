package org.convene.core;

/** Thrown when the store cannot be reached or fails; the message is meant for the person running Convene. */
public final class StoreUnavailableException extends RuntimeException {
    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
