package org.convene.webhook;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.convene.model.Refusal;

/**
 * The events a webhook endpoint can ask for, by the names they carry on the wire ({@code type}).
 * The meeting scripts write them to the outbox (store/lua/meeting/_lib.lua) in the same step as the
 * change each reports.
 */
public enum EventKind {
    INSTANCE_SCHEDULED("instance.scheduled"),
    INSTANCE_RESCHEDULED("instance.rescheduled"),
    INSTANCE_STARTING_SOON("instance.starting_soon"),
    INSTANCE_ACTIVATED("instance.activated"),
    INSTANCE_ENDED("instance.ended"),
    INSTANCE_DELETED("instance.deleted"),
    PARTICIPANT_JOINED("participant.joined"),
    PARTICIPANT_LEFT("participant.left"),
    PARTICIPANT_TIMED_OUT("participant.timed_out"),
    CHAT_MESSAGE_POSTED("chat.message_posted"),
    ATTENDANCE_REPORT_READY("attendance.report_ready"),
    PARTICIPANT_REMOVED("participant.removed"),
    PARTICIPANT_BANNED("participant.banned"),
    PARTICIPANT_UNBANNED("participant.unbanned"),
    CHAT_MESSAGE_DELETED("chat.message_deleted"),
    CHAT_CLEARED("chat.cleared"),
    MEETING_OPTIONS_CHANGED("meeting.options_changed"),
    MEETING_ROLE_CHANGED("meeting.role_changed"),
    MEETING_OWNER_TRANSFERRED("meeting.owner_transferred"),
    LOBBY_WAITING("lobby.waiting"),
    LOBBY_ADMITTED("lobby.admitted"),
    LOBBY_DENIED("lobby.denied"),
    LOBBY_LEFT("lobby.left"),
    LOBBY_CLOSED("lobby.closed"),
    /** Each audit record as it is sealed: only for an endpoint that asks for it by name ("*" leaves it out). */
    AUDIT_RECORD_SEALED("audit.record_sealed"),
    /** Each signed checkpoint of the audit chains' heads: only for an endpoint that asks for it by name. */
    AUDIT_CHECKPOINT_SIGNED("audit.checkpoint_signed");

    private final String wire;

    EventKind(String wire) {
        this.wire = wire;
    }

    /** The name on the wire, such as {@code participant.joined}. */
    public String wire() {
        return wire;
    }

    /** The kind named {@code name}, refusing with the list of known names when there is none. */
    public static EventKind of(String name) {
        String wanted = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(k -> k.wire.equals(wanted)).findFirst()
                .orElseThrow(() -> Refusal.INVALID_INPUT.refuse("events: unknown event type '" + name + "'; known: "
                        + Arrays.stream(values()).map(EventKind::wire).collect(Collectors.joining(", "))));
    }
}
