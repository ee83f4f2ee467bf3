package org.convene.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.convene.core.Convene;
import org.convene.model.MeetingDetails;
import org.convene.model.TimeWindow;
import org.convene.model.UserDetails;
import org.convene.testing.RedisTargets;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The whole store contract on the embedded redis-server 6.2. */
class EmbeddedStoreTest {
    static RedisConnection redis() {
        return RedisTargets.embedded();
    }

    @Test
    void theServerIsTheEmbeddedRedisSixPointTwo() throws Exception {
        assertThat(redis().async().info("server").get()).contains("redis_version:6.2.");
    }

    @Test
    void theEventsLogLivesInDatabaseOneAndTheRestInDatabaseZero() {
        RedisStore store = new RedisStore(redis(), 1);
        store.maintenance().wipe();
        Convene convene = new Convene(store, Clock.systemUTC());
        long user = convene.createUser(new UserDetails("A", 1, "", "a@example.com")).id();
        long meeting = convene.createMeeting(new MeetingDetails("M", "", true, List.of())).id();
        long instance = convene.createInstance(meeting, new TimeWindow(
                Instant.now().minusSeconds(60), Instant.now().plusSeconds(3600))).id();
        long dataKeys = redis().size(0);

        convene.join(user, instance);

        assertThat(redis().size(1)).isEqualTo(2);
        // Layout 2 no longer keeps a set of members beside the attendees' names, which tell the same.
        assertThat(redis().size(0)).as("participants, their e-mails, the user's meetings, the attendance, "
                + "the attendees' names, the user's attended instances").isEqualTo(dataKeys + 6);
    }

    @Nested
    class SignIns extends SignInContract {
        @Override
        RedisConnection redis() {
            return EmbeddedStoreTest.redis();
        }
    }

    @Nested
    class LobbyGuarantees extends LobbyContract {
        @Override
        RedisConnection redis() {
            return EmbeddedStoreTest.redis();
        }
    }

    @Nested
    class Series extends SeriesContract {
        @Override
        RedisConnection redis() {
            return EmbeddedStoreTest.redis();
        }
    }

    @Nested
    class SeriesFailures extends SeriesFailureContract {
        @Override
        RedisConnection redis() {
            return EmbeddedStoreTest.redis();
        }
    }

    @Nested
    class Webhooks extends WebhookContract {
        @Override
        RedisConnection redis() {
            return EmbeddedStoreTest.redis();
        }
    }

    @Nested
    class JoinAndLeave extends JoinAndLeaveContract {
        @Override
        RedisConnection redis() {
            return EmbeddedStoreTest.redis();
        }
    }

    @Nested
    class EndAndChat extends EndAndChatContract {
        @Override
        RedisConnection redis() {
            return EmbeddedStoreTest.redis();
        }
    }

    @Nested
    class Administration extends AdministrationContract {
        @Override
        RedisConnection redis() {
            return EmbeddedStoreTest.redis();
        }
    }

    @Nested
    class Scheduler extends SchedulerContract {
        @Override
        RedisConnection redis() {
            return EmbeddedStoreTest.redis();
        }
    }

    @Nested
    class Concurrency extends ConcurrencyContract {
        @Override
        RedisConnection redis() {
            return EmbeddedStoreTest.redis();
        }
    }

    @Nested
    class Attendance extends AttendanceContract {
        @Override
        RedisConnection redis() {
            return EmbeddedStoreTest.redis();
        }
    }

    @Nested
    class OpenMeetingsIndex extends OpenMeetingsContract {
        @Override
        RedisConnection redis() {
            return EmbeddedStoreTest.redis();
        }
    }

    @Nested
    class Roles extends RolesContract {
        @Override
        RedisConnection redis() {
            return EmbeddedStoreTest.redis();
        }
    }

    @Nested
    class Moderation extends ModerationContract {
        @Override
        RedisConnection redis() {
            return EmbeddedStoreTest.redis();
        }
    }

    @Nested
    class Hosting extends HostingContract {
        @Override
        RedisConnection redis() {
            return EmbeddedStoreTest.redis();
        }
    }

    @Nested
    class AuditSeal extends AuditSealContract {
        @Override
        RedisConnection redis() {
            return EmbeddedStoreTest.redis();
        }
    }

    @Nested
    class PersonalDataOnRequest extends PersonalDataContract {
        @Override
        RedisConnection redis() {
            return EmbeddedStoreTest.redis();
        }
    }
}
