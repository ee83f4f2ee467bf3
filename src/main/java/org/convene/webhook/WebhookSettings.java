package org.convene.webhook;

import java.time.Duration;

/**
 * How webhooks are delivered on a node: whether private targets are allowed (CONVENE_WEBHOOK_ALLOW_PRIVATE),
 * how many deliveries run at once (CONVENE_WEBHOOK_WORKERS), how often the node looks for work
 * (CONVENE_WEBHOOK_POLL_MS), after how long work held by another node is taken over, how long deliveries
 * are kept (CONVENE_WEBHOOK_RETENTION_DAYS), how long an answer may take and how much of it is read,
 * and how often every outbox is swept for an announcement that was lost.
 */
public record WebhookSettings(boolean allowPrivate, int workers, Duration poll, Duration claimAfter, Duration keep,
                              Duration timeout, int maxAnswerBytes, Duration sweepEvery) {

    public WebhookSettings {
        if (workers < 1 || workers > 256) throw new IllegalArgumentException("CONVENE_WEBHOOK_WORKERS must be 1 to 256, was " + workers);
        if (keep.toDays() < 1) throw new IllegalArgumentException("CONVENE_WEBHOOK_RETENTION_DAYS must be at least 1");
        if (claimAfter.compareTo(timeout) <= 0) throw new IllegalArgumentException("work is claimed from another node only after its timeout");
    }

    /** The defaults: 8 workers, a look every 200 ms, 30 days kept, 10 s per answer, 64 KiB of it read. */
    public static WebhookSettings defaults(boolean allowPrivate, int workers, Duration poll, int retentionDays) {
        return new WebhookSettings(allowPrivate, workers, poll, Duration.ofSeconds(60), Duration.ofDays(retentionDays),
                Duration.ofSeconds(10), 64 * 1024, Duration.ofSeconds(30));
    }

    /** The same settings with work held by a silent node taken over after {@code after}: for tests. */
    public WebhookSettings withClaimAfter(Duration after, Duration timeout) {
        return new WebhookSettings(allowPrivate, workers, poll, after, keep, timeout, maxAnswerBytes, sweepEvery);
    }
}
