package org.convene.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import com.sun.management.ThreadMXBean;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * What the collector did in this JVM while a run went on: how many collections, their pauses (total and
 * longest) and how many bytes the JVM's threads allocated meanwhile (summed over the threads alive at each
 * reading: about right where, as here, the threads live through the run).
 */
final class GcWatch implements AutoCloseable {
    private final List<NotificationEmitter> emitters = new ArrayList<>();
    private final NotificationListener listener;
    private final AtomicLong collections = new AtomicLong();
    private final AtomicLong pauseMillis = new AtomicLong();
    private final AtomicLong longestMillis = new AtomicLong();
    private final long allocatedBefore;

    /** What was watched: collections, their pauses in milliseconds, and the bytes allocated. */
    record Figures(long collections, long pauseMillis, long longestPauseMillis, long allocatedBytes) {
        String line() {
            return String.format(Locale.ROOT, "server JVM: %d collections, %d ms paused in all, the longest %d ms; "
                    + "%.0f MB allocated", collections, pauseMillis, longestPauseMillis, allocatedBytes / 1e6);
        }
    }

    GcWatch() {
        listener = (Notification notification, Object handback) -> {
            if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) return;
            GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from(
                    (CompositeData) notification.getUserData());
            long millis = info.getGcInfo().getDuration();
            collections.incrementAndGet();
            pauseMillis.addAndGet(millis);
            longestMillis.accumulateAndGet(millis, Math::max);
        };
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener(listener, null, null);
                emitters.add(emitter);
            }
        }
        allocatedBefore = allocated();
    }

    /** The figures so far. */
    Figures figures() {
        return new Figures(collections.get(), pauseMillis.get(), longestMillis.get(), Math.max(0, allocated() - allocatedBefore));
    }

    private static long allocated() {
        if (!(ManagementFactory.getThreadMXBean() instanceof ThreadMXBean threads)) return 0;
        long total = 0;
        for (long bytes : threads.getThreadAllocatedBytes(threads.getAllThreadIds())) if (bytes > 0) total += bytes;
        return total;
    }

    @Override
    public void close() {
        for (NotificationEmitter emitter : emitters) {
            try {
                emitter.removeNotificationListener(listener);
            } catch (ListenerNotFoundException gone) {
                // already removed
            }
        }
    }
}
