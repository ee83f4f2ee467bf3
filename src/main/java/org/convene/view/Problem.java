package org.convene.view;

import org.convene.model.RefusedException;

/**
 * An RFC 9457 problem document: how every adapter reports a refusal. {@code type} names the
 * refusal ({@code urn:convene:problem:not-active}) and is stable across versions; {@code detail} is
 * the human message, the seed's where it has one.
 */
public record Problem(String type, String title, int status, String detail, String instance) {
    private static final String PREFIX = "urn:convene:problem:";

    /** A problem of {@code type} (its last part, such as {@code not-active}) at {@code instance}, the path asked for (null for none). */
    public static Problem of(String type, int status, String detail, String instance) {
        return new Problem(PREFIX + type, title(status), status, detail, instance);
    }

    /** The problem a refusal makes, with the HTTP status its kind has. */
    public static Problem of(RefusedException e, String instance) {
        return of(e.refusal().type(), status(e), e.getMessage(), instance);
    }

    /** The HTTP status of a refusal's kind. */
    public static int status(RefusedException e) {
        return switch (e.refusal().kind()) {
            case INVALID -> 400;
            case UNAUTHENTICATED -> 401;
            case FORBIDDEN -> 403;
            case NOT_FOUND -> 404;
            case CONFLICT -> 409;
            case PRECONDITION -> 412;
            case TOO_MANY -> 429;
            case UNAVAILABLE -> 503;
        };
    }

    private static String title(int status) {
        return switch (status) {
            case 400 -> "Invalid request";
            case 401 -> "Unauthorized";
            case 403 -> "Not allowed";
            case 404 -> "Not found";
            case 406 -> "Not acceptable";
            case 409 -> "Conflict";
            case 412 -> "Precondition failed";
            case 413 -> "Payload too large";
            case 414 -> "URI too long";
            case 415 -> "Unsupported media type";
            case 429 -> "Too many requests";
            case 431 -> "Request headers too large";
            case 503 -> "Service unavailable";
            case 505 -> "HTTP version not supported";
            default -> status >= 500 ? "Internal error" : "Error";
        };
    }
}
