package org.convene.webhook.port;

import java.net.URI;
import java.util.Map;

/** Sends one webhook request: a POST with these headers and body, no redirects followed, bounded in time and size. */
public interface Courier {

    /** Posts {@code body} to {@code url}; never throws for the target's faults, which come back in the answer. */
    Answer post(URI url, Map<String, String> headers, byte[] body);

    /** The answer: its status code (0 when there was none), how long it took and what went wrong, if anything. */
    record Answer(int code, long latencyMillis, String error) {
        /** Whether the target took the message: a 2xx answer. */
        public boolean delivered() {
            return code >= 200 && code < 300;
        }
    }
}
