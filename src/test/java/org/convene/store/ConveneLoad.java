package org.convene.store;

import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.convene.core.Convene;
import org.convene.model.RefusedException;

/**
 * A Convene node of its own, for the fault run to kill with SIGKILL mid-work: joins, posts and leaves of
 * the given users in the given instances on the cluster at the given URLs, until it is killed.
 * Arguments: urls, comma-separated user ids, comma-separated instance ids.
 */
public final class ConveneLoad {
    private ConveneLoad() {}

    public static void main(String[] args) {
        Convene node = new Convene(new RedisMeetingStore(RedisConnection.open(args[0], true), 1), Clock.systemUTC());
        List<Long> users = Arrays.stream(args[1].split(",")).map(Long::parseLong).toList();
        List<Long> instances = Arrays.stream(args[2].split(",")).map(Long::parseLong).toList();
        Random random = new Random();
        System.out.println("running");
        System.out.flush();
        for (long k = 0; ; k++) {
            long user = users.get(random.nextInt(users.size()));
            long instance = instances.get(random.nextInt(instances.size()));
            try {
                switch (random.nextInt(3)) {
                    case 0 -> node.join(user, instance);
                    case 1 -> node.post(user, instance, "child-" + k);
                    default -> node.leave(user, instance);
                }
            } catch (RuntimeException refusedOrUnanswered) {
                // a refusal (not inside, already in) or a fault: the next operation goes on
            }
        }
    }
}
