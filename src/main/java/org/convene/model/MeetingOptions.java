package org.convene.model;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Map;

/**
 * How a meeting's hosts run it: who may chat ({@link ChatMode}), whether co-hosts may end an instance for everyone,
 * who sees attendance with its times ({@link AttendanceView}), who waits in the lobby ({@link LobbyPolicy}), and the
 * address of the meeting's call ({@code callUrl}, null: none), shown to those inside while an instance is live.
 * Fields of the meeting; a meeting written before they existed has none and reads as {@link #DEFAULT}.
 */
public record MeetingOptions(ChatMode chatMode, boolean cohostsCanEnd, AttendanceView attendanceView,
                             LobbyPolicy lobby, String callUrl) {
    /** The longest call address kept; room addresses with their passcode are far shorter. */
    public static final int MAX_CALL_URL = 2_000;

    /** Chat open to everyone inside, co-hosts may not end, hosts see attendance, no lobby. */
    public static final MeetingOptions DEFAULT = new MeetingOptions(ChatMode.OPEN, false, AttendanceView.HOSTS,
            LobbyPolicy.OFF);

    public MeetingOptions {
        if (chatMode == null) chatMode = ChatMode.OPEN;
        if (attendanceView == null) attendanceView = AttendanceView.HOSTS;
        if (lobby == null) lobby = LobbyPolicy.OFF;
        if (callUrl != null && callUrl.isEmpty()) callUrl = null;
    }

    /** The options without a call. */
    public MeetingOptions(ChatMode chatMode, boolean cohostsCanEnd, AttendanceView attendanceView, LobbyPolicy lobby) {
        this(chatMode, cohostsCanEnd, attendanceView, lobby, null);
    }

    /**
     * A call address as a client gives it: an absolute http or https address with a host (a Jitsi, BigBlueButton or
     * Zoom room), at most {@link #MAX_CALL_URL} characters, without spaces or control characters; null or empty
     * removes the call. Anything else (a {@code javascript:} address, a relative path) is refused naming
     * {@code callUrl}, since the console offers it as a link to click.
     */
    public static String callUrl(String given) {
        if (given == null || given.isEmpty()) return "";
        String url = given.strip();
        if (url.length() > MAX_CALL_URL) {
            throw RefusedException.invalid("callUrl", "must be at most " + MAX_CALL_URL + " characters, was " + url.length());
        }
        if (url.chars().anyMatch(c -> c <= ' ' || c == 0x7f || Character.isWhitespace(c))) {
            throw RefusedException.invalid("callUrl", "must not contain spaces or control characters");
        }
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("https") && !scheme.equals("http")) {
                throw RefusedException.invalid("callUrl", "must be an https:// (or http://) address, was '"
                        + Check.abbreviate(url) + "'");
            }
            if (uri.getHost() == null || uri.getHost().isEmpty()) {
                throw RefusedException.invalid("callUrl", "must name a host, was '" + Check.abbreviate(url) + "'");
            }
        } catch (URISyntaxException e) {
            throw RefusedException.invalid("callUrl", "is not an address: " + e.getReason());
        }
        return url;
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
     * The options as a meeting's hash keeps them (fields chatMode, cohostsCanEnd, attendanceView, lobby, callUrl;
     * absent: default).
     */
    public static MeetingOptions stored(Map<String, String> h) {
        String mode = h.get("chatMode");
        String view = h.get("attendanceView");
        String lobby = h.get("lobby");
        return new MeetingOptions(mode == null || mode.isEmpty() ? ChatMode.OPEN : ChatMode.given(mode),
                "1".equals(h.get("cohostsCanEnd")),
                view == null || view.isEmpty() ? AttendanceView.HOSTS : AttendanceView.given(view),
                lobby == null || lobby.isEmpty() ? LobbyPolicy.OFF : LobbyPolicy.given(lobby), h.get("callUrl"));
    }
}
