package org.convene.model;

import java.time.Instant;

/**
 * What ties an instance to the series it is an occurrence of: the series, and the occurrence's original
 * start (its recurrence id, as RFC 5545 names it), which stays when the occurrence is moved.
 */
public record SeriesLink(long seriesId, Instant recurrenceId) {
    public SeriesLink {
        Check.positiveId("series id", seriesId);
        if (recurrenceId == null) throw Refusal.INVALID_INPUT.refuse("recurrenceId is required");
    }
}
