package org.convene.http.live;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.LongPredicate;
import org.convene.model.RefusedException;
import org.convene.model.StreamPosition;

/**
 * Where a client of the stream of everything is in each feed it follows: the lifecycle feed
 * ({@code l}) and the feed of each instance it is inside, written {@code l=<id>;<instance>=<id>;...}.
 * It is the event id of that stream, so a client that reconnects with it resumes every feed at once.
 * A plain stream id is a lifecycle position alone. Not thread-safe: its sink guards it.
 */
public final class PositionVector {
    /** The most feeds one vector may name: a bound on what a client can make the server read at once. */
    public static final int MAX_POSITIONS = 1000;
    private static final String LIFECYCLE = "l";

    private StreamPosition lifecycle;
    private final Map<Long, StreamPosition> instances = new LinkedHashMap<>();
    /**
     * Each instance's part of the wire form ({@code ;<instance>=<id>}), kept as positions move: a stream of
     * everything sends the vector with every event, and rendering every position anew was most of what its
     * readers allocated.
     */
    private final Map<Long, String> rendered = new LinkedHashMap<>();
    private String wire;
    private int renderedLength;

    private PositionVector(StreamPosition lifecycle) {
        this.lifecycle = lifecycle;
    }

    /** Parses {@code l=<id>;<instance>=<id>...}, a plain stream id, or nothing (the start); refuses anything else. */
    public static PositionVector parse(String lastEventId) {
        if (lastEventId == null || lastEventId.isBlank()) return new PositionVector(StreamPosition.START);
        if (StreamPosition.isValid(lastEventId)) return new PositionVector(StreamPosition.parse("Last-Event-ID", lastEventId));
        String[] parts = lastEventId.split(";", MAX_POSITIONS + 2);
        if (parts.length > MAX_POSITIONS + 1) throw RefusedException.invalid("Last-Event-ID", "names too many positions");
        PositionVector vector = new PositionVector(StreamPosition.START);
        for (String part : parts) {
            int eq = part.indexOf('=');
            String key = eq < 0 ? "" : part.substring(0, eq);
            String id = eq < 0 ? "" : part.substring(eq + 1);
            if (!(key.equals(LIFECYCLE) || key.matches("[1-9]\\d{0,17}")) || !StreamPosition.isValid(id)) {
                throw RefusedException.invalid("Last-Event-ID",
                        "must be a stream id or positions such as l=1700000000000-0;2=0");
            }
            StreamPosition position = StreamPosition.parse("Last-Event-ID", id);
            if (key.equals(LIFECYCLE)) vector.lifecycle = position;
            else vector.set(Long.parseLong(key), position);
        }
        return vector;
    }

    /** The position in the lifecycle feed. */
    public StreamPosition lifecycle() {
        return lifecycle;
    }

    /** Moves the lifecycle position. */
    public void lifecycle(StreamPosition position) {
        lifecycle = position;
        wire = null;
    }

    /** The instances followed, in the order they were added. */
    public Set<Long> instances() {
        return Set.copyOf(instances.keySet());
    }

    /** Whether the instance's feed is followed. */
    public boolean follows(long instanceId) {
        return instances.containsKey(instanceId);
    }

    /** The position in an instance's feed, {@link StreamPosition#START} if it is not followed. */
    public StreamPosition of(long instanceId) {
        return instances.getOrDefault(instanceId, StreamPosition.START);
    }

    /** Follows an instance from {@code position}, or moves its position. */
    public void set(long instanceId, StreamPosition position) {
        instances.put(instanceId, position);
        String part = ";" + instanceId + "=" + position;
        String before = rendered.put(instanceId, part);
        renderedLength += part.length() - (before == null ? 0 : before.length());
        wire = null;
    }

    /** Stops following an instance. */
    public void drop(long instanceId) {
        instances.remove(instanceId);
        String before = rendered.remove(instanceId);
        if (before != null) renderedLength -= before.length();
        wire = null;
    }

    /** Stops following every instance {@code keep} refuses; returns those dropped. */
    public Set<Long> retain(LongPredicate keep) {
        Set<Long> dropped = new TreeSet<>();
        for (long id : instances()) if (!keep.test(id)) dropped.add(id);
        dropped.forEach(this::drop);
        return dropped;
    }

    /** The wire form, {@code l=<id>;<instance>=<id>...}: built once per change of a position. */
    @Override
    public String toString() {
        if (wire == null) {
            String head = LIFECYCLE + "=" + lifecycle;
            StringBuilder all = new StringBuilder(head.length() + renderedLength).append(head);
            rendered.values().forEach(all::append);
            wire = all.toString();
        }
        return wire;
    }
}
