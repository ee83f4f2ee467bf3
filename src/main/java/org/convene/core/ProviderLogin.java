package org.convene.core;

import java.net.URI;
import java.util.Optional;

/**
 * The console's sign-in through the organisation's identity provider (authorization code with PKCE): started on
 * one node, finished on any, ending in a Convene session (never the provider's tokens in the browser). Implemented
 * outside the core, by the adapter that knows the provider.
 */
public interface ProviderLogin {

    /** The address people reach Convene at, where configured: the provider sends them back there. */
    default Optional<URI> publicUrl() {
        return Optional.empty();
    }

    /** What the console calls the provider ("Sign in with ..."). */
    String name();

    /** A sign-in started: where to send the browser, and the state that binds the callback to this browser. */
    record Started(URI authorize, String state) {}

    /** Starts a sign-in that will come back to {@code callback} and then to the console's {@code returnTo}. */
    Started start(URI callback, String returnTo);

    /** A sign-in finished: the session's value (for the cookie, shown once), who signed in, and where to return. */
    record Finished(String session, Caller caller, String returnTo) {}

    /** Finishes the sign-in {@code state} with the provider's {@code code}, or refuses saying what went wrong. */
    Finished finish(String state, String code, String requestId);

    /** Where to send the browser to end the provider's own session too, coming back to {@code after}; empty if it has none. */
    Optional<URI> signOut(URI after);
}
