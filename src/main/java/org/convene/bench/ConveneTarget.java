package org.convene.bench;

import org.convene.core.Convene;
import org.convene.model.RefusedException;

/** The workload on Convene. */
final class ConveneTarget implements Target {
    private final Convene convene;

    ConveneTarget(Convene convene) {
        this.convene = convene;
    }

    private static void refusing(Runnable operation) {
        try {
            operation.run();
        } catch (RefusedException e) {
            throw new Refused(e.getMessage());
        }
    }

    @Override
    public void join(long user, long instance) {
        refusing(() -> convene.join(user, instance));
    }

    @Override
    public void leave(long user, long instance) {
        refusing(() -> convene.leave(user, instance));
    }

    @Override
    public void post(long user, long instance, String text) {
        refusing(() -> convene.post(user, instance, text));
    }

    @Override
    public void readChat(long instance) {
        convene.chatBefore(instance, Long.MAX_VALUE, 50);
    }

    @Override
    public void participants(long instance) {
        convene.participants(instance);
    }

    @Override
    public void activeInstances() {
        convene.activeInstances();
    }

    @Override
    public void joinTimes() {
        convene.joinTimes();
    }
}
