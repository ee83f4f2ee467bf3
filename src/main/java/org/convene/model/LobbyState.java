package org.convene.model;

import java.util.Locale;

/**
 * Where one person stands in one occurrence's lobby: waiting, then admitted (a seat kept for them), then joined; or
 * denied, gone (gave up, their wait lapsed, or an admission went unused), or closed by the end; none if they never
 * waited.
 */
public enum LobbyState {
    NONE, WAITING, ADMITTED, JOINED, DENIED, GONE, CLOSED;

    /** The state as the API spells it: {@code waiting}, ... */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The state the store names {@code stored} (as wire()). */
    public static LobbyState ofWire(String stored) {
        return valueOf(stored.toUpperCase(Locale.ROOT));
    }
}
