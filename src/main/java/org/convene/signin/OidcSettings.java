package org.convene.signin;

import java.net.URI;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The identity provider's settings (CONVENE_OIDC_*): its issuer (whose discovery document is read), this client's id
 * and secret, the audience API access tokens must carry, the claim roles are read from and the values that make an
 * administrator or an organizer, whether claims may make administrators at all, whether a first sign-in may link a
 * user made earlier by verified e-mail, whether the issuer's e-mails count as verified without saying so, the name the
 * console gives it, and the address people reach Convene at (CONVENE_PUBLIC_URL; else the one each request came to),
 * which the redirect back from the provider is built from.
 */
public record OidcSettings(URI issuer, String clientId, String clientSecret, String audience, String roleClaim,
                           Set<String> adminValues, Set<String> organizerValues, boolean allowAdmin, boolean linkByEmail,
                           boolean trustEmails, String name, Optional<URI> publicUrl) {
    public OidcSettings {
        boolean local = "localhost".equals(issuer.getHost()) || "127.0.0.1".equals(issuer.getHost())
                || "[::1]".equals(issuer.getHost());
        // Keys and discovery read over plain HTTP could be changed on the way: only a provider on this machine may.
        if (!"https".equals(issuer.getScheme()) && !("http".equals(issuer.getScheme()) && local)) {
            throw new IllegalArgumentException("CONVENE_OIDC_ISSUER must be an https URL (http only on localhost), was '"
                    + issuer + "'");
        }
        if (linkByEmail && trustEmails) {
            throw new IllegalArgumentException("CONVENE_OIDC_LINK_BY_EMAIL and CONVENE_OIDC_TRUST_EMAILS may not both be "
                    + "true: an e-mail the provider never verified would then take over the user made with it");
        }
        if (clientId.isBlank()) throw new IllegalArgumentException("CONVENE_OIDC_CLIENT_ID must be set with CONVENE_OIDC_ISSUER");
        if (clientSecret.isBlank()) {
            throw new IllegalArgumentException("CONVENE_OIDC_CLIENT_SECRET must be set with CONVENE_OIDC_ISSUER");
        }
        if (audience.isBlank()) audience = clientId;
        adminValues = Set.copyOf(adminValues);
        organizerValues = Set.copyOf(organizerValues);
        if (name.isBlank()) name = issuer.getHost();
        publicUrl.ifPresent(url -> {
            if (!"https".equals(url.getScheme()) && !"http".equals(url.getScheme()) || url.getHost() == null) {
                throw new IllegalArgumentException("CONVENE_PUBLIC_URL must be an http(s) URL, was '" + url + "'");
            }
        });
    }

    /** The settings from {@code env}; empty when no issuer is set (then nothing about signing in changes). */
    public static Optional<OidcSettings> from(Map<String, String> env) {
        String issuer = text(env, "CONVENE_OIDC_ISSUER");
        if (issuer.isEmpty()) return Optional.empty();
        URI uri;
        try {
            uri = URI.create(issuer);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("CONVENE_OIDC_ISSUER must be a URL, was '" + issuer + "'");
        }
        return Optional.of(new OidcSettings(uri, text(env, "CONVENE_OIDC_CLIENT_ID"), text(env, "CONVENE_OIDC_CLIENT_SECRET"),
                text(env, "CONVENE_OIDC_AUDIENCE"), text(env, "CONVENE_OIDC_ROLE_CLAIM"),
                values(env, "CONVENE_OIDC_ADMIN_VALUES"), values(env, "CONVENE_OIDC_ORGANIZER_VALUES"),
                flag(env, "CONVENE_OIDC_ALLOW_ADMIN"), flag(env, "CONVENE_OIDC_LINK_BY_EMAIL"),
                flag(env, "CONVENE_OIDC_TRUST_EMAILS"), text(env, "CONVENE_OIDC_NAME"),
                Optional.of(text(env, "CONVENE_PUBLIC_URL")).filter(s -> !s.isEmpty()).map(OidcSettings::url)));
    }

    private static URI url(String value) {
        try {
            return URI.create(value.endsWith("/") ? value.substring(0, value.length() - 1) : value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("CONVENE_PUBLIC_URL must be a URL, was '" + value + "'");
        }
    }

    private static String text(Map<String, String> env, String name) {
        return env.getOrDefault(name, "").trim();
    }

    private static Set<String> values(Map<String, String> env, String name) {
        return Arrays.stream(text(env, name).split(",")).map(String::trim).filter(s -> !s.isEmpty()).collect(Collectors.toSet());
    }

    private static boolean flag(Map<String, String> env, String name) {
        String value = text(env, name);
        if (value.isEmpty() || value.equals("false")) return false;
        if (value.equals("true")) return true;
        throw new IllegalArgumentException(name + " must be true or false, was '" + value + "'");
    }

    @Override
    public String toString() {
        // Never the client secret: settings may be logged.
        return "OidcSettings[issuer=" + issuer + ", clientId=" + clientId + ", audience=" + audience + "]";
    }
}
