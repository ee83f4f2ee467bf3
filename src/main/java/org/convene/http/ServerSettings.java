package org.convene.http;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The HTTP server's settings, read from the environment:
 * {@code CONVENE_HTTP_HOST} (127.0.0.1), {@code CONVENE_HTTP_PORT} (8080), {@code CONVENE_ADMIN_TOKEN}
 * (unset: generated at first start, its hash stored), {@code CONVENE_MAX_BODY_BYTES} (65536),
 * {@code CONVENE_CHAT_PER_MINUTE} (60 messages per user), {@code CONVENE_CORS_ORIGINS} (comma-separated; unset: off).
 */
public record ServerSettings(String host, int port, Optional<String> adminToken, long maxBodyBytes, int chatPerMinute,
                             List<String> corsOrigins) {

    public ServerSettings {
        if (port < 0 || port > 65535) throw new IllegalArgumentException("CONVENE_HTTP_PORT must be 0 to 65535, was " + port);
        if (maxBodyBytes < 1024) throw new IllegalArgumentException("CONVENE_MAX_BODY_BYTES must be at least 1024");
        if (chatPerMinute < 1) throw new IllegalArgumentException("CONVENE_CHAT_PER_MINUTE must be at least 1");
        if (adminToken.isPresent() && adminToken.get().length() < 16) {
            throw new IllegalArgumentException("CONVENE_ADMIN_TOKEN must be at least 16 characters");
        }
    }

    public static ServerSettings from(Map<String, String> env) {
        String origins = env.getOrDefault("CONVENE_CORS_ORIGINS", "").trim();
        return new ServerSettings(env.getOrDefault("CONVENE_HTTP_HOST", "127.0.0.1"),
                number(env, "CONVENE_HTTP_PORT", 8080),
                Optional.ofNullable(env.get("CONVENE_ADMIN_TOKEN")).map(String::trim).filter(s -> !s.isEmpty()),
                number(env, "CONVENE_MAX_BODY_BYTES", 65_536), (int) number(env, "CONVENE_CHAT_PER_MINUTE", 60),
                origins.isEmpty() ? List.of() : Arrays.stream(origins.split(",")).map(String::trim).toList());
    }

    private static int number(Map<String, String> env, String name, int fallback) {
        String value = env.getOrDefault(name, Integer.toString(fallback)).trim();
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a number, was '" + value + "'");
        }
    }
}
