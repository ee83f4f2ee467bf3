package org.convene.model;

import java.util.List;

/** An instance that was ended, and the users who left it with a timeout event each. */
public record EndResult(long instanceId, List<Long> timedOutUserIds) {}
