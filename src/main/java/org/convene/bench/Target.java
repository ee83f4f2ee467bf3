package org.convene.bench;

/** What the workload runs against: Convene, or the seed's algorithm. A refusal is thrown as {@link Refused}. */
interface Target {
    void join(long user, long instance);

    void leave(long user, long instance);

    void post(long user, long instance, String text);

    void readChat(long instance);

    void participants(long instance);

    void activeInstances();

    void joinTimes();

    /** An operation the system refused; it changed nothing. */
    final class Refused extends RuntimeException {
        Refused(String message) {
            super(message, null, false, false);
        }
    }
}
