package org.convene.store;

import static org.assertj.core.api.Assertions.assertThat;

import org.convene.testing.RedisTargets;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The whole store contract on a real Redis Cluster with replicas: 3 primaries and 3 replicas of Debian's
 * redis-server 7, started from plain processes by scripts/redis-cluster.
 */
@Tag("cluster")
class ReplicatedClusterStoreTest {
    static RedisConnection redis() {
        return RedisTargets.clusterWithReplicas();
    }

    @Test
    void theClusterHasThreePrimariesEachWithAReplica() throws Exception {
        String nodes = redis().async().clusterNodes().get();

        assertThat(redis().async().clusterInfo().get()).contains("cluster_state:ok", "cluster_size:3", "cluster_known_nodes:6");
        assertThat(nodes.lines().filter(l -> l.contains("master"))).hasSize(3);
        assertThat(nodes.lines().filter(l -> l.contains("slave"))).hasSize(3);
    }

    @Nested
    class SignIns extends SignInContract {
        @Override
        RedisConnection redis() {
            return ReplicatedClusterStoreTest.redis();
        }
    }

    @Nested
    class LobbyGuarantees extends LobbyContract {
        @Override
        RedisConnection redis() {
            return ReplicatedClusterStoreTest.redis();
        }
    }

    @Nested
    class Series extends SeriesContract {
        @Override
        RedisConnection redis() {
            return ReplicatedClusterStoreTest.redis();
        }
    }

    @Nested
    class SeriesFailures extends SeriesFailureContract {
        @Override
        RedisConnection redis() {
            return ReplicatedClusterStoreTest.redis();
        }
    }

    @Nested
    class Webhooks extends WebhookContract {
        @Override
        RedisConnection redis() {
            return ReplicatedClusterStoreTest.redis();
        }
    }

    @Nested
    class JoinAndLeave extends JoinAndLeaveContract {
        @Override
        RedisConnection redis() {
            return ReplicatedClusterStoreTest.redis();
        }
    }

    @Nested
    class EndAndChat extends EndAndChatContract {
        @Override
        RedisConnection redis() {
            return ReplicatedClusterStoreTest.redis();
        }
    }

    @Nested
    class Administration extends AdministrationContract {
        @Override
        RedisConnection redis() {
            return ReplicatedClusterStoreTest.redis();
        }
    }

    @Nested
    class Scheduler extends SchedulerContract {
        @Override
        RedisConnection redis() {
            return ReplicatedClusterStoreTest.redis();
        }
    }

    @Nested
    class Concurrency extends ConcurrencyContract {
        @Override
        RedisConnection redis() {
            return ReplicatedClusterStoreTest.redis();
        }
    }

    @Nested
    class Attendance extends AttendanceContract {
        @Override
        RedisConnection redis() {
            return ReplicatedClusterStoreTest.redis();
        }
    }

    @Nested
    class OpenMeetingsIndex extends OpenMeetingsContract {
        @Override
        RedisConnection redis() {
            return ReplicatedClusterStoreTest.redis();
        }
    }

    @Nested
    class Roles extends RolesContract {
        @Override
        RedisConnection redis() {
            return ReplicatedClusterStoreTest.redis();
        }
    }

    @Nested
    class Moderation extends ModerationContract {
        @Override
        RedisConnection redis() {
            return ReplicatedClusterStoreTest.redis();
        }
    }

    @Nested
    class Hosting extends HostingContract {
        @Override
        RedisConnection redis() {
            return ReplicatedClusterStoreTest.redis();
        }
    }

    @Nested
    class AuditSeal extends AuditSealContract {
        @Override
        RedisConnection redis() {
            return ReplicatedClusterStoreTest.redis();
        }
    }

    @Nested
    class PersonalDataOnRequest extends PersonalDataContract {
        @Override
        RedisConnection redis() {
            return ReplicatedClusterStoreTest.redis();
        }
    }
}
