package org.convene.model;

import java.util.Locale;

/** Where a meeting instance is in its life: scheduled, then active on [from, to), then ended. */
public enum InstanceStatus {
    SCHEDULED, ACTIVE, ENDED;

    /** Returns the lower-case name used in Redis and in output. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static InstanceStatus fromWire(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}
