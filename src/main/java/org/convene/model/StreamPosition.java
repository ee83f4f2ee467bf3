package org.convene.model;

/**
 * A position in a Redis stream, {@code <ms>-<seq>}, or {@link #START} ("0") before every entry: what
 * a live stream's event id carries, and what a reader sends back to resume after it.
 */
public record StreamPosition(long millis, long sequence) implements Comparable<StreamPosition> {
    /** Before every entry: a reader that sends it receives a feed from the start. */
    public static final StreamPosition START = new StreamPosition(0, 0);

    public StreamPosition {
        if (millis < 0 || sequence < 0) throw new IllegalArgumentException("a stream position is never negative");
    }

    /** Returns whether {@code text} is "0" or {@code <ms>-<seq>} with up to 19 digits each. */
    public static boolean isValid(String text) {
        if (text == null || text.isEmpty()) return false;
        if (text.equals("0")) return true;
        int dash = text.indexOf('-');
        return dash > 0 && dash <= 19 && text.length() - dash - 1 >= 1 && text.length() - dash - 1 <= 19
                && digits(text, 0, dash) && digits(text, dash + 1, text.length()) && fitsLong(text, dash);
    }

    /** Parses "0" or {@code <ms>-<seq>}, refusing anything else with a message naming {@code field}. */
    public static StreamPosition parse(String field, String text) {
        if (!isValid(text)) {
            throw RefusedException.invalid(field, "must be a stream id such as 1700000000000-0");
        }
        if (text.equals("0")) return START;
        int dash = text.indexOf('-');
        return new StreamPosition(Long.parseLong(text.substring(0, dash)), Long.parseLong(text.substring(dash + 1)));
    }

    /** Returns whether this position comes after {@code other}. */
    public boolean isAfter(StreamPosition other) {
        return compareTo(other) > 0;
    }

    @Override
    public int compareTo(StreamPosition other) {
        int byMillis = Long.compare(millis, other.millis);
        return byMillis != 0 ? byMillis : Long.compare(sequence, other.sequence);
    }

    /** The wire form: "0" for the start, else {@code <ms>-<seq>}. */
    @Override
    public String toString() {
        return equals(START) ? "0" : millis + "-" + sequence;
    }

    private static boolean digits(String text, int from, int to) {
        for (int i = from; i < to; i++) if (text.charAt(i) < '0' || text.charAt(i) > '9') return false;
        return from < to;
    }

    private static boolean fitsLong(String text, int dash) {
        try {
            Long.parseLong(text.substring(0, dash));
            Long.parseLong(text.substring(dash + 1));
            return true;
        } catch (NumberFormatException tooLarge) {
            return false;
        }
    }
}
