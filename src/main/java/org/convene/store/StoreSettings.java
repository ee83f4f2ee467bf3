package org.convene.store;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Where Convene keeps its data (read from the environment by the composition root):
 * <ul>
 *   <li>{@code CONVENE_REDIS_URL}: a {@code redis://} or {@code rediss://} URL, or a comma-separated
 *       list of cluster nodes. Unset: Convene starts its embedded Redis.</li>
 *   <li>{@code CONVENE_REDIS_CLUSTER}: {@code true} if a single URL is a cluster node.</li>
 *   <li>{@code CONVENE_EVENTS_DB}: logical database of the events log (default 1; ignored on a cluster).</li>
 *   <li>{@code CONVENE_DATA_DIR}: the embedded Redis's data directory (default {@code ./data}).</li>
 *   <li>{@code CONVENE_FSYNC}: the embedded Redis's {@code appendfsync}, {@code everysec} (default) or {@code always}.</li>
 *   <li>{@code CONVENE_REDIS_WAIT_REPLICAS}, {@code CONVENE_REDIS_WAIT_MS}: see {@link ReplicaWait}.</li>
 * </ul>
 */
public record StoreSettings(Optional<String> redisUrl, boolean cluster, int eventsDatabase, Path dataDir, String fsync,
                            ReplicaWait replicaWait) {

    public StoreSettings {
        if (eventsDatabase < 0 || eventsDatabase > 15) {
            throw new IllegalArgumentException("CONVENE_EVENTS_DB must be between 0 and 15, was " + eventsDatabase);
        }
        if (!fsync.equals("everysec") && !fsync.equals("always") && !fsync.equals("no")) {
            throw new IllegalArgumentException("CONVENE_FSYNC must be everysec, always or no, was " + fsync);
        }
    }
}
