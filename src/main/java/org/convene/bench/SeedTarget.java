package org.convene.bench;

import java.util.Set;


/** The workload on the seed's own algorithm; its refusals are the messages that are not successes. */
final class SeedTarget implements Target {
    private static final Set<String> SUCCESSES = Set.of("User successfully left the meeting", "Chat message posted");

    private final SeedAlgorithm seed;

    SeedTarget(SeedAlgorithm seed) {
        this.seed = seed;
    }

    private static void outcome(String message) {
        if (!SUCCESSES.contains(message) && !message.endsWith("successfully joined meeting")) throw new Refused(message);
    }

    @Override
    public void join(long user, long instance) {
        outcome(seed.join(user, instance));
    }

    @Override
    public void leave(long user, long instance) {
        outcome(seed.leave(user, instance));
    }

    @Override
    public void post(long user, long instance, String text) {
        outcome(seed.post(user, instance, text));
    }

    @Override
    public void readChat(long instance) {
        seed.chat(instance);
    }

    @Override
    public void participants(long instance) {
        seed.participants(instance);
    }

    @Override
    public void activeInstances() {
        seed.activeInstances();
    }

    /** As the seed would be used for the join times: join times of every active instance. */
    @Override
    public void joinTimes() {
        for (long instance : seed.activeInstances()) seed.joinTimes(instance);
    }
}
