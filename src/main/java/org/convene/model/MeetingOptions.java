package org.convene.model;

import java.util.Locale;
import java.util.Map;

/**
 * How a meeting's hosts run it: who may chat ({@link ChatMode}), whether co-hosts may end an instance for everyone,
 * and who sees attendance with its times ({@link AttendanceView}). Fields of the meeting; a meeting written before
 * they existed has none and reads as {@link #DEFAULT}.
 */
public record MeetingOptions(ChatMode chatMode, boolean cohostsCanEnd, AttendanceView attendanceView) {
    /** Chat open to everyone inside, co-hosts may not end, hosts see attendance. */
    public static final MeetingOptions DEFAULT = new MeetingOptions(ChatMode.OPEN, false, AttendanceView.HOSTS);

    public MeetingOptions {
        if (chatMode == null) chatMode = ChatMode.OPEN;
        if (attendanceView == null) attendanceView = AttendanceView.HOSTS;
    }

    /** Who may post: everyone inside, the hosts only, or nobody. */
    public enum ChatMode {
        OPEN, HOSTS_ONLY, OFF;

        /** The mode as the API and Redis spell it: {@code open}, {@code hosts_only}, {@code off}. */
        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The mode a client gives, or a refusal naming the field. */
        public static ChatMode given(String value) {
            for (ChatMode mode : values()) if (mode.wire().equals(value)) return mode;
            throw RefusedException.invalid("chatMode", "must be open, hosts_only or off, was "
                    + (value == null ? "null" : "'" + Check.abbreviate(value) + "'"));
        }
    }

    /** Who sees everyone's attendance with its times (everyone sees their own): the hosts, or administrators only. */
    public enum AttendanceView {
        HOSTS, ADMINS;

        /** The view as the API and Redis spell it: {@code hosts}, {@code admins}. */
        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The view a client gives, or a refusal naming the field. */
        public static AttendanceView given(String value) {
            for (AttendanceView view : values()) if (view.wire().equals(value)) return view;
            throw RefusedException.invalid("attendanceView", "must be hosts or admins, was "
                    + (value == null ? "null" : "'" + Check.abbreviate(value) + "'"));
        }
    }

    /** The options as a meeting's hash keeps them (fields chatMode, cohostsCanEnd, attendanceView; absent: default). */
    public static MeetingOptions stored(Map<String, String> h) {
        String mode = h.get("chatMode");
        String view = h.get("attendanceView");
        return new MeetingOptions(mode == null || mode.isEmpty() ? ChatMode.OPEN : ChatMode.given(mode),
                "1".equals(h.get("cohostsCanEnd")),
                view == null || view.isEmpty() ? AttendanceView.HOSTS : AttendanceView.given(view));
    }

    /** The options as the fields of a meeting's hash, every one of them. */
    public Map<String, String> fields() {
        return Map.of("chatMode", chatMode.wire(), "cohostsCanEnd", cohostsCanEnd ? "1" : "0",
                "attendanceView", attendanceView.wire());
    }
}
