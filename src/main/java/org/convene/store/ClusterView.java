package org.convene.store;

import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.SlotHash;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import io.lettuce.core.cluster.models.partitions.RedisClusterNode;
import io.lettuce.core.protocol.ConnectionIntent;
import java.util.concurrent.CompletableFuture;
import org.convene.core.StoreUnavailableException;

/**
 * A Redis Cluster's nodes as this client sees them now (Lettuce's topology view, read again every few seconds
 * and on redirects): which primary holds a slot, which replica follows it, and the connections to them. A
 * write that must be confirmed runs on a {@link Node} chosen once, so that its WAIT goes on the very connection
 * that carried it: a WAIT on whichever node holds the slot a moment later may count a connection that carried
 * none of it.
 */
final class ClusterView {
    private final StatefulRedisClusterConnection<String, String> cluster;
    private final RedisClusterClient client;

    ClusterView(StatefulRedisClusterConnection<String, String> cluster, RedisClusterClient client) {
        this.cluster = cluster;
        this.client = client;
    }

    /** One node's connection for writes, and the node's id in the cluster. */
    record Node(String id, StatefulRedisConnection<String, String> connection) {
        /** Returns the asynchronous commands of this node's connection. */
        RedisClusterAsyncCommands<String, String> commands() {
            return connection.async();
        }
    }

    /** Returns the connection to the primary that holds {@code key}'s slot in the current view. */
    CompletableFuture<Node> primaryFor(String key) {
        RedisClusterNode primary = cluster.getPartitions().getMasterBySlot(SlotHash.getSlot(key));
        if (primary == null) {
            return CompletableFuture.failedFuture(new StoreUnavailableException("No Redis primary holds " + key + " now", null));
        }
        return connect(primary.getNodeId(), primary.getUri().getHost(), primary.getUri().getPort());
    }

    /** Returns the connection to the node at {@code host:port} (a redirect's target). */
    CompletableFuture<Node> node(String host, int port) {
        RedisClusterNode known = cluster.getPartitions().stream()
                .filter(n -> n.getUri().getHost().equals(host) && n.getUri().getPort() == port).findFirst().orElse(null);
        return connect(known == null ? host + ":" + port : known.getNodeId(), host, port);
    }

    private CompletableFuture<Node> connect(String id, String host, int port) {
        return cluster.getConnectionAsync(host, port, ConnectionIntent.WRITE).thenApply(c -> new Node(id, c));
    }

    /** Asks Lettuce to read the topology again now (after a redirect the view has not caught up with). */
    void refresh() {
        client.refreshPartitionsAsync();
    }

    /**
     * Whether {@code node} is, in the current view, a primary that is up and serves slots. A node that answered
     * a write and is no longer one (a stalled primary whose replica took over while it was stopped answers
     * the commands queued for it before it learns so) has given an answer the cluster will take back.
     */
    boolean servesAsPrimary(Node node) {
        RedisClusterNode found = cluster.getPartitions().getPartitionByNodeId(node.id());
        return found != null && found.is(RedisClusterNode.NodeFlag.UPSTREAM) && up(found) && !found.getSlots().isEmpty();
    }

    /** Whether the current view knows a replica of {@code node} that is connected and not failing. */
    boolean hasReplicaUp(Node node) {
        return cluster.getPartitions().stream().anyMatch(n -> node.id().equals(n.getSlaveOf()) && up(n));
    }

    /**
     * The commands of a connection to a replica of the primary that holds {@code key}, in read-only mode,
     * or null when the view knows none that is up. Chosen by hand: Lettuce's own replica routing counts only
     * replicas whose replication offset its topology read reported, which it leaves at 0.
     */
    CompletableFuture<RedisClusterAsyncCommands<String, String>> replicaFor(String key) {
        var partitions = cluster.getPartitions();
        RedisClusterNode primary = partitions.getMasterBySlot(SlotHash.getSlot(key));
        if (primary == null) return CompletableFuture.completedFuture(null);
        for (RedisClusterNode node : partitions) {
            if (primary.getNodeId().equals(node.getSlaveOf()) && up(node)) {
                return cluster.getConnectionAsync(node.getUri().getHost(), node.getUri().getPort(), ConnectionIntent.READ)
                        .thenApply(c -> (RedisClusterAsyncCommands<String, String>) c.async());
            }
        }
        return CompletableFuture.completedFuture(null);
    }

    private static boolean up(RedisClusterNode node) {
        return node.isConnected() && !node.is(RedisClusterNode.NodeFlag.FAIL)
                && !node.is(RedisClusterNode.NodeFlag.EVENTUAL_FAIL);
    }
}
