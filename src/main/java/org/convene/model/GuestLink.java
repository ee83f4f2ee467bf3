package org.convene.model;

import java.time.Instant;

/**
 * A guest link of an occurrence, as its hosts see it: who made it and when, and when it was revoked (null: it still
 * opens). The link itself ({@code <instance>.<id>.<secret>}) is shown once, when it is made; only a hash of its secret
 * is kept.
 */
public record GuestLink(long id, long instanceId, Instant madeAt, String madeBy, Instant revokedAt) {}
