package org.convene.model;

import java.util.Locale;
import java.util.Map;

/**
 * How a meeting's hosts run it: who may chat ({@link ChatMode}), whether co-hosts may end an instance for everyone,
 * who sees attendance with its times ({@link AttendanceView}), and who waits in the lobby ({@link LobbyPolicy}).
 * Fields of the meeting; a meeting written before they existed has none and reads as {@link #DEFAULT}.
 */
public record MeetingOptions(ChatMode chatMode, boolean cohostsCanEnd, AttendanceView attendanceView,
                             LobbyPolicy lobby) {
    /** Chat open to everyone inside, co-hosts may not end, hosts see attendance, no lobby. */
    public static final MeetingOptions DEFAULT = new MeetingOptions(ChatMode.OPEN, false, AttendanceView.HOSTS,
            LobbyPolicy.OFF);

    public MeetingOptions {
        if (chatMode == null) chatMode = ChatMode.OPEN;
        if (attendanceView == null) attendanceView = AttendanceView.HOSTS;
        if (lobby == null) lobby = LobbyPolicy.OFF;
    }

    /** The options without a lobby. */
    public MeetingOptions(ChatMode chatMode, boolean cohostsCanEnd, AttendanceView attendanceView) {
        this(chatMode, cohostsCanEnd, attendanceView, LobbyPolicy.OFF);
    }

    /**
     * Who waits in the lobby of an instance until a host admits them: nobody ({@code off}, and those outside a private
     * meeting's audience are refused), those outside a private meeting's audience ({@code outsiders}), or everyone but
     * the hosts ({@code everyone}). Hosts never wait.
     */
    public enum LobbyPolicy {
        OFF, OUTSIDERS, EVERYONE;

        /** The policy as the API and Redis spell it: {@code off}, {@code outsiders}, {@code everyone}. */
        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The policy a client gives, or a refusal naming the field. */
        public static LobbyPolicy given(String value) {
            for (LobbyPolicy policy : values()) if (policy.wire().equals(value)) return policy;
            throw RefusedException.invalid("lobby", "must be off, outsiders or everyone, was "
                    + (value == null ? "null" : "'" + Check.abbreviate(value) + "'"));
        }
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

    /**
     * The options as a meeting's hash keeps them (fields chatMode, cohostsCanEnd, attendanceView, lobby; absent:
     * default).
     */
    public static MeetingOptions stored(Map<String, String> h) {
        String mode = h.get("chatMode");
        String view = h.get("attendanceView");
        String lobby = h.get("lobby");
        return new MeetingOptions(mode == null || mode.isEmpty() ? ChatMode.OPEN : ChatMode.given(mode),
                "1".equals(h.get("cohostsCanEnd")),
                view == null || view.isEmpty() ? AttendanceView.HOSTS : AttendanceView.given(view),
                lobby == null || lobby.isEmpty() ? LobbyPolicy.OFF : LobbyPolicy.given(lobby));
    }

    /** The options as the fields of a meeting's hash, every one of them. */
    public Map<String, String> fields() {
        return Map.of("chatMode", chatMode.wire(), "cohostsCanEnd", cohostsCanEnd ? "1" : "0",
                "attendanceView", attendanceView.wire(), "lobby", lobby.wire());
    }
}
