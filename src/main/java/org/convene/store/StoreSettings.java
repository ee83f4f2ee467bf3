package org.convene.store;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Where Convene keeps its data, read from the environment:
 * <ul>
 *   <li>{@code CONVENE_REDIS_URL}: a {@code redis://} or {@code rediss://} URL, or a comma-separated
 *       list of cluster nodes. Unset: Convene starts its embedded Redis.</li>
 *   <li>{@code CONVENE_REDIS_CLUSTER}: {@code true} if a single URL is a cluster node.</li>
 *   <li>{@code CONVENE_EVENTS_DB}: logical database of the events log (default 1; ignored on a cluster).</li>
 *   <li>{@code CONVENE_DATA_DIR}: the embedded Redis's data directory (default {@code ./data}).</li>
 *   <li>{@code CONVENE_FSYNC}: the embedded Redis's {@code appendfsync}, {@code everysec} (default) or {@code always}.</li>
 * </ul>
 */
public record StoreSettings(Optional<String> redisUrl, boolean cluster, int eventsDatabase, Path dataDir, String fsync) {

    public StoreSettings {
        if (eventsDatabase < 0 || eventsDatabase > 15) {
            throw new IllegalArgumentException("CONVENE_EVENTS_DB must be between 0 and 15, was " + eventsDatabase);
        }
        if (!fsync.equals("everysec") && !fsync.equals("always") && !fsync.equals("no")) {
            throw new IllegalArgumentException("CONVENE_FSYNC must be everysec, always or no, was " + fsync);
        }
    }

    /** Reads the settings from {@code env}, with the defaults above for what is missing. */
    public static StoreSettings from(Map<String, String> env) {
        String url = env.getOrDefault("CONVENE_REDIS_URL", "").trim();
        String events = env.getOrDefault("CONVENE_EVENTS_DB", "1").trim();
        int eventsDb;
        try {
            eventsDb = Integer.parseInt(events);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("CONVENE_EVENTS_DB must be a number, was '" + events + "'");
        }
        return new StoreSettings(url.isEmpty() ? Optional.empty() : Optional.of(url),
                Boolean.parseBoolean(env.getOrDefault("CONVENE_REDIS_CLUSTER", "false").trim()), eventsDb,
                Path.of(env.getOrDefault("CONVENE_DATA_DIR", "data")), env.getOrDefault("CONVENE_FSYNC", "everysec").trim());
    }
}
