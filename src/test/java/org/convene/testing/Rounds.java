package org.convene.testing;

/**
 * How many rounds a race test runs: a short form by default (CI), as many as {@code -Dconvene.rounds=N} asks
 * for when a long run is wanted (scripts/races runs 1,000).
 */
public final class Rounds {
    private Rounds() {}

    /** The rounds to run: {@code convene.rounds} if set, else {@code fallback}. */
    public static int of(int fallback) {
        String asked = System.getProperty("convene.rounds");
        return asked == null || asked.isBlank() ? fallback : Integer.parseInt(asked.strip());
    }
}
