package org.convene.webhook;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import org.convene.model.Refusal;

/**
 * What an administrator says about a webhook endpoint: where to send ({@code http} or {@code https},
 * no user name or password in it), which events (none listed means all of them) and a description.
 * Refuses bad values, naming the field.
 */
public record EndpointDetails(URI url, Set<EventKind> events, String description) {
    private static final int MAX_URL = 2_000;
    private static final int MAX_DESCRIPTION = 500;

    public EndpointDetails {
        if (url == null) throw Refusal.INVALID_INPUT.refuse("url is required");
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw Refusal.INVALID_INPUT.refuse("url must start with http:// or https://, was '" + url + "'");
        }
        if (url.getHost() == null || url.getHost().isEmpty()) throw Refusal.INVALID_INPUT.refuse("url has no host: '" + url + "'");
        if (url.getRawUserInfo() != null) throw Refusal.INVALID_INPUT.refuse("url must not carry a user name or password");
        if (url.getRawFragment() != null) throw Refusal.INVALID_INPUT.refuse("url must not have a fragment (#...)");
        if (url.toString().length() > MAX_URL) throw Refusal.INVALID_INPUT.refuse("url is longer than " + MAX_URL + " characters");
        events = events == null || events.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(events));
        description = description == null ? "" : description.strip();
        if (description.length() > MAX_DESCRIPTION) {
            throw Refusal.INVALID_INPUT.refuse("description is longer than " + MAX_DESCRIPTION + " characters");
        }
    }

    /** Parses {@code url} as the field {@code url}, refusing what is not an absolute URL. */
    public static URI url(String url) {
        if (url == null || url.isBlank()) throw Refusal.INVALID_INPUT.refuse("url is required");
        try {
            return new URI(url.strip());
        } catch (URISyntaxException e) {
            throw Refusal.INVALID_INPUT.refuse("url is not a valid URL: " + e.getMessage());
        }
    }

    /** Whether the endpoint wants events of this kind. */
    public boolean wants(EventKind kind) {
        return events.isEmpty() || events.contains(kind);
    }
}
