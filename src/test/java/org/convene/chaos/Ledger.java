package org.convene.chaos;

import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.LongAdder;

/**
 * Every operation of a fault run as invoked, then acknowledged (ok), refused, failed (certainly not
 * applied: it never reached a node) or unknown (sent, no answer, or the store could not say); with what
 * each acknowledged post and join was, and when each instance's operations were acknowledged.
 */
final class Ledger {
    /** How an operation ended, as its caller saw it. */
    enum Outcome { OK, REFUSED, FAILED, UNKNOWN }

    /** An acknowledged post: its instance, the number it was given, its text (unique in the run). */
    record Post(long instanceId, long number, String text) {}

    final LongAdder invoked = new LongAdder();
    final LongAdder ok = new LongAdder();
    final LongAdder refused = new LongAdder();
    final LongAdder failed = new LongAdder();
    final LongAdder unknown = new LongAdder();
    final LongAdder serverErrors = new LongAdder();
    final LongAdder retriedPosts = new LongAdder();
    final Map<String, Post> posts = new ConcurrentHashMap<>();
    /** Moderation actions asked for (message deletions and bans), whatever they were answered. */
    final LongAdder moderations = new LongAdder();
    final Map<String, Integer> joins = new ConcurrentHashMap<>();
    private final Map<Long, Queue<Long>> acknowledged = new ConcurrentHashMap<>();

    void record(Outcome outcome, long instanceId) {
        invoked.increment();
        switch (outcome) {
            case OK -> {
                ok.increment();
                acknowledged.computeIfAbsent(instanceId, k -> new ConcurrentLinkedQueue<>()).add(System.nanoTime());
            }
            case REFUSED -> refused.increment();
            case FAILED -> failed.increment();
            case UNKNOWN -> unknown.increment();
        }
    }

    void joined(long userId, long instanceId) {
        joins.merge(userId + ":" + instanceId, 1, Integer::sum);
    }

    void posted(Post post) {
        posts.put(post.text(), post);
    }

    /** How many operations on {@code instances} (all when empty) were acknowledged between {@code from} and {@code until}. */
    long acknowledgedBetween(List<Long> instances, long from, long until) {
        return acknowledgements(instances, from).stream().filter(t -> t <= until).count();
    }

    /**
     * The longest time without an acknowledged operation on {@code instances} (all when empty) from {@code from}
     * (System.nanoTime) until the first one after {@code until}, in seconds: how long a fault held writes up.
     */
    double longestPause(List<Long> instances, long from, long until) {
        long[] window = pauseWindow(instances, from, until);
        return (window[1] - window[0]) / 1e9;
    }

    /** Where that longest pause was: its first and last moment (System.nanoTime), for the run's timeline. */
    long[] pauseWindow(List<Long> instances, long from, long until) {
        long[] gap = {from, from};
        long previous = from;
        for (long t : acknowledgements(instances, from)) {
            if (t - previous > gap[1] - gap[0]) gap = new long[] {previous, t};
            previous = t;
            // The first acknowledgement after the window closes the gap that was open at its end: a pause that
            // outlasts the fault (writes refused until a replica is back) is measured whole.
            if (t > until) return gap;
        }
        // No acknowledgement after the window: a lower bound.
        return until - previous > gap[1] - gap[0] ? new long[] {previous, until} : gap;
    }

    /** Every acknowledgement from {@code from} on (System.nanoTime), in order: the run's writes for its timeline. */
    List<Long> acknowledgementsSince(long from) {
        return acknowledgements(List.of(), from);
    }

    /** Whether any of {@code instances} (none: all) had a write acknowledged after {@code after}. */
    boolean resumedAfter(List<Long> instances, long after) {
        return !acknowledgements(instances, after + 1).isEmpty();
    }

    private List<Long> acknowledgements(List<Long> instances, long from) {
        return (instances.isEmpty() ? acknowledged.values().stream() : instances.stream()
                .map(i -> acknowledged.getOrDefault(i, new ConcurrentLinkedQueue<>())))
                .flatMap(Queue::stream).filter(t -> t >= from).sorted().toList();
    }
}
