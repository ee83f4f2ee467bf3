package org.convene.bench;

/** The operations of the mixed workload, with how often each is picked (out of 100). */
public enum Operation {
    JOIN(15), LEAVE(10), POST(25), READ_CHAT(25), PARTICIPANTS(15), ACTIVE_INSTANCES(5), JOIN_TIMES(5);

    final int weight;

    Operation(int weight) {
        this.weight = weight;
    }

    /** The operation for a number from 0 to 99, by the weights. */
    static Operation pick(int percent) {
        int sum = 0;
        for (Operation operation : values()) {
            sum += operation.weight;
            if (percent < sum) return operation;
        }
        return values()[values().length - 1];
    }
}
