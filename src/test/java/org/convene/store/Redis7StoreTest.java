package org.convene.store;

import static org.assertj.core.api.Assertions.assertThat;

import org.convene.testing.RedisTargets;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The whole store contract on Debian's redis-server 7. */
@Tag("redis7")
class Redis7StoreTest {
    static RedisConnection redis() {
        return RedisTargets.redis7();
    }

    @Test
    void theServerIsRedisSeven() throws Exception {
        assertThat(redis().async().info("server").get()).contains("redis_version:7.");
    }

    @Nested
    class SignIns extends SignInContract {
        @Override
        RedisConnection redis() {
            return Redis7StoreTest.redis();
        }
    }

    @Nested
    class LobbyGuarantees extends LobbyContract {
        @Override
        RedisConnection redis() {
            return Redis7StoreTest.redis();
        }
    }

    @Nested
    class Series extends SeriesContract {
        @Override
        RedisConnection redis() {
            return Redis7StoreTest.redis();
        }
    }

    @Nested
    class SeriesFailures extends SeriesFailureContract {
        @Override
        RedisConnection redis() {
            return Redis7StoreTest.redis();
        }
    }

    @Nested
    class Webhooks extends WebhookContract {
        @Override
        RedisConnection redis() {
            return Redis7StoreTest.redis();
        }
    }

    @Nested
    class JoinAndLeave extends JoinAndLeaveContract {
        @Override
        RedisConnection redis() {
            return Redis7StoreTest.redis();
        }
    }

    @Nested
    class EndAndChat extends EndAndChatContract {
        @Override
        RedisConnection redis() {
            return Redis7StoreTest.redis();
        }
    }

    @Nested
    class Administration extends AdministrationContract {
        @Override
        RedisConnection redis() {
            return Redis7StoreTest.redis();
        }
    }

    @Nested
    class Scheduler extends SchedulerContract {
        @Override
        RedisConnection redis() {
            return Redis7StoreTest.redis();
        }
    }

    @Nested
    class Concurrency extends ConcurrencyContract {
        @Override
        RedisConnection redis() {
            return Redis7StoreTest.redis();
        }
    }

    @Nested
    class Attendance extends AttendanceContract {
        @Override
        RedisConnection redis() {
            return Redis7StoreTest.redis();
        }
    }

    @Nested
    class OpenMeetingsIndex extends OpenMeetingsContract {
        @Override
        RedisConnection redis() {
            return Redis7StoreTest.redis();
        }
    }

    @Nested
    class Roles extends RolesContract {
        @Override
        RedisConnection redis() {
            return Redis7StoreTest.redis();
        }
    }

    @Nested
    class Moderation extends ModerationContract {
        @Override
        RedisConnection redis() {
            return Redis7StoreTest.redis();
        }
    }

    @Nested
    class Hosting extends HostingContract {
        @Override
        RedisConnection redis() {
            return Redis7StoreTest.redis();
        }
    }

    @Nested
    class AuditSeal extends AuditSealContract {
        @Override
        RedisConnection redis() {
            return Redis7StoreTest.redis();
        }
    }

    @Nested
    class PersonalDataOnRequest extends PersonalDataContract {
        @Override
        RedisConnection redis() {
            return Redis7StoreTest.redis();
        }
    }
}
