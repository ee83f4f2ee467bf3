package org.convene.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.convene.core.Convene;
import org.convene.model.ChatMessage;
import org.convene.model.MeetingDetails;
import org.convene.model.Participant;
import org.convene.model.Refusal;
import org.convene.model.RefusedException;
import org.convene.model.TimeWindow;
import org.convene.model.UserDetails;
import org.convene.store.RedisStore;
import org.convene.testing.RedisTargets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The seed's algorithm and Convene give the same answers to the same operations on the same data. */
class SeedAlgorithmTest {
    final List<RedisClient> clients = new ArrayList<>();

    RedisClient client() {
        RedisClient client = RedisClient.create(RedisURI.create(RedisTargets.embedded().description()));
        clients.add(client);
        return client;
    }

    @AfterEach
    void close() {
        clients.forEach(RedisClient::shutdown);
    }

    @Test
    void aRandomSequenceOfOperationsGetsTheSameAnswersFromBoth() {
        RedisStore store = new RedisStore(RedisTargets.embedded(), 1);
        store.maintenance().wipe();
        Convene convene = new Convene(store, Clock.systemUTC());
        StatefulRedisConnection<String, String> data = client().connect(RedisURI.builder(
                RedisURI.create(RedisTargets.embedded().description())).withDatabase(2).build());
        StatefulRedisConnection<String, String> events = client().connect(RedisURI.builder(
                RedisURI.create(RedisTargets.embedded().description())).withDatabase(3).build());
        data.sync().flushdb();
        events.sync().flushdb();
        SeedAlgorithm seed = new SeedAlgorithm(data.sync(), events.sync());

        for (int u = 1; u <= 4; u++) {
            String email = "u" + u + "@example.com";
            convene.createUser(new UserDetails("U" + u, 30, "", email));
            seed.addUser(u, "U" + u, 30, "", email);
        }
        List<String> audience = List.of("u1@example.com", "u2@example.com");
        convene.createMeeting(new MeetingDetails("Public", "", true, List.of()));
        convene.createMeeting(new MeetingDetails("Private", "", false, audience));
        seed.addMeeting(1, "Public", true, List.of());
        seed.addMeeting(2, "Private", false, audience);
        Instant now = Instant.now();
        convene.createInstance(1, new TimeWindow(now.minusSeconds(60), now.plus(Duration.ofHours(1))));
        convene.createInstance(2, new TimeWindow(now.minusSeconds(60), now.plus(Duration.ofHours(1))));
        convene.createInstance(1, new TimeWindow(now.plus(Duration.ofHours(2)), now.plus(Duration.ofHours(3))));
        seed.addInstance(1, 1, true);
        seed.addInstance(2, 2, true);
        seed.addInstance(3, 1, false);

        SplittableRandom random = new SplittableRandom(42);
        for (int step = 0; step < 400; step++) {
            long user = 1 + random.nextInt(5);
            long instance = 1 + random.nextInt(4);
            long existing = 1 + random.nextInt(3);
            String what = switch (random.nextInt(7)) {
                case 0, 1 -> "join " + user + " " + instance;
                case 2 -> "leave " + user + " " + instance;
                case 3, 4 -> "post " + user + " " + instance;
                case 5 -> "read " + existing;
                default -> "mine " + existing + " " + user;
            };
            assertThat(answer(convene, what)).as(what + " at step " + step).isEqualTo(answer(seed, what));
        }
        assertThat(convene.activeInstances()).extracting(a -> a.instance().id()).isEqualTo(seed.activeInstances());
    }

    static String answer(Convene convene, String what) {
        String[] w = what.split(" ");
        long a = Long.parseLong(w[1]);
        try {
            return switch (w[0]) {
                case "join" -> {
                    convene.join(a, Long.parseLong(w[2]));
                    yield "User " + a + " successfully joined meeting";
                }
                case "leave" -> {
                    convene.leave(a, Long.parseLong(w[2]));
                    yield "User successfully left the meeting";
                }
                case "post" -> {
                    convene.post(a, Long.parseLong(w[2]), "m" + what.hashCode());
                    yield "Chat message posted";
                }
                case "read" -> convene.participants(a).stream().map(Participant::userId).sorted().toList() + " "
                        + convene.chat(a, 0, 1000).stream().map(ChatMessage::text).toList();
                default -> convene.chatOf(a, Long.parseLong(w[2]), 0, 1000).stream().map(ChatMessage::text).toList()
                        .toString();
            };
        } catch (RefusedException e) {
            // The seed's leave answers "not joined" for any user not in the instance, known or not.
            if (w[0].equals("leave") && (e.refusal() == Refusal.ALREADY_LEFT || e.refusal() == Refusal.INVALID_INSTANCE)) {
                return "User has not joined the meeting";
            }
            return e.getMessage();
        }
    }

    static String answer(SeedAlgorithm seed, String what) {
        String[] w = what.split(" ");
        long a = Long.parseLong(w[1]);
        return switch (w[0]) {
            case "join" -> seed.join(a, Long.parseLong(w[2]));
            case "leave" -> seed.leave(a, Long.parseLong(w[2]));
            case "post" -> seed.post(a, Long.parseLong(w[2]), "m" + what.hashCode());
            case "read" -> seed.participants(a) + " " + seed.chat(a);
            default -> seed.chatOf(a, Long.parseLong(w[2])).toString();
        };
    }
}
