package org.convene.store;

import java.time.Instant;
import org.convene.core.port.Allowances;

/** Token buckets in the users' slot, so that every node counts against the same one (see users/allowance.lua). */
final class SharedAllowances implements Allowances {
    private static final Script ALLOWANCE = Script.load("users", "allowance");

    private final RedisCalls calls;

    SharedAllowances(RedisCalls calls) {
        this.calls = calls;
    }

    /** allowance's answer: 0 when one was taken, else the seconds until there is one. */
    private record AllowanceReply(int waitSeconds) {
        static AllowanceReply of(Reply reply) {
            return new AllowanceReply((int) reply.ok().number(1));
        }
    }

    @Override
    public int take(String key, int perMinute, Instant now) {
        return AllowanceReply.of(calls.await(calls.inUsers(ALLOWANCE, key, Integer.toString(perMinute), RedisCalls.ms(now))))
                .waitSeconds();
    }
}
