package org.convene.core;

/**
 * Thrown when a node cannot open the store's data as its layout stands: newer than this release knows,
 * or held up by another node's migration. The message is one line, meant for the person running Convene.
 */
public final class LayoutMismatchException extends RuntimeException {
    public LayoutMismatchException(String message) {
        super(message);
    }
}
