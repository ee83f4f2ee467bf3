package org.convene.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Map;

/**
 * Turns a meeting's outbox entry (see lua/meeting/_lib.lua) into the message a webhook sends:
 * {@code {type, timestamp, data}}, where data names the meeting and the instance, carries the instance's
 * own sequence number (gap-free, to order and deduplicate by) and what the type tells. Its id is
 * {@code msg_<meeting>_<outbox entry id>}: stable, so a drain repeated after a crash is recognised.
 */
final class WebhookPayloads {
    private static final ObjectMapper JSON = new ObjectMapper();

    private WebhookPayloads() {}

    /** The message id of outbox entry {@code entryId} of meeting {@code meetingId}. */
    static String messageId(long meetingId, String entryId) {
        return "msg_" + meetingId + "_" + entryId;
    }

    /** The JSON body of an outbox entry's message. */
    static String payload(long meetingId, Map<String, String> entry) {
        ObjectNode root = JSON.createObjectNode();
        String type = entry.get("type");
        root.put("type", type);
        root.put("timestamp", iso(entry.get("at")));
        ObjectNode data = root.putObject("data");
        data.put("meetingId", meetingId);
        // A change to the meeting while none of its instances is active has no instance, and is numbered in the
        // meeting's own sequence instead.
        long instance = Long.parseLong(entry.get("instance"));
        if (instance != 0) data.put("instanceId", instance);
        data.put("sequence", Long.parseLong(entry.get("seq")));
        if (entry.containsKey("actor")) data.put("actor", entry.get("actor"));
        switch (type) {
            case "instance.scheduled", "instance.rescheduled" -> {
                data.put("orderId", Long.parseLong(entry.get("order")));
                data.put("from", iso(entry.get("from")));
                data.put("to", iso(entry.get("to")));
            }
            case "instance.starting_soon" -> {
                data.put("from", iso(entry.get("from")));
                data.put("to", iso(entry.get("to")));
            }
            case "instance.ended" -> {
                data.put("endedAt", iso(entry.get("at")));
                data.put("endedBy", entry.get("endedBy"));
            }
            case "attendance.report_ready" -> {
                data.put("attendees", Long.parseLong(entry.get("attendees")));
                data.put("report", "/instances/" + entry.get("instance") + "/attendance");
            }
            case "participant.joined", "participant.left", "participant.timed_out" -> {
                data.put("userId", Long.parseLong(entry.get("user")));
                data.put("name", entry.getOrDefault("name", ""));
                String reason = entry.getOrDefault("reason", "");
                if (!reason.isEmpty()) data.put("reason", reason);
            }
            case "chat.message_posted" -> {
                data.put("messageNumber", Long.parseLong(entry.get("n")));
                data.put("userId", Long.parseLong(entry.get("user")));
                data.put("text", entry.get("text"));
            }
            case "participant.removed", "participant.unbanned", "meeting.owner_transferred" -> {
                data.put("userId", Long.parseLong(entry.get("user")));
                if (entry.containsKey("previous") && !entry.get("previous").isEmpty()) {
                    data.put("previousOwnerId", Long.parseLong(entry.get("previous")));
                }
            }
            case "participant.banned" -> {
                data.put("userId", Long.parseLong(entry.get("user")));
                if (!"0".equals(entry.get("until"))) data.put("until", iso(entry.get("until")));
                if (!entry.getOrDefault("reason", "").isEmpty()) data.put("reason", entry.get("reason"));
            }
            case "chat.message_deleted" -> {
                data.put("messageNumber", Long.parseLong(entry.get("n")));
                data.put("userId", Long.parseLong(entry.get("user")));
            }
            case "chat.cleared" -> data.put("messages", Long.parseLong(entry.get("messages")));
            case "meeting.role_changed" -> {
                data.put("userId", Long.parseLong(entry.get("user")));
                data.put("role", entry.get("role"));
            }
            case "lobby.waiting", "lobby.admitted", "lobby.denied", "lobby.left", "lobby.closed" -> {
                data.put("userId", Long.parseLong(entry.get("user")));
                data.put("name", entry.getOrDefault("name", ""));
                if (type.equals("lobby.waiting")) data.put("position", Long.parseLong(entry.getOrDefault("position", "0")));
                String reason = entry.getOrDefault("reason", "");
                if (!reason.isEmpty()) data.put("reason", reason);
            }
            case "meeting.options_changed" -> {
                ObjectNode options = data.putObject("options");
                for (String pair : entry.get("options").split(",")) {
                    int eq = pair.indexOf('=');
                    if (eq > 0) options.put(pair.substring(0, eq), pair.substring(eq + 1)); // a pair cut short is skipped
                }
            }
            default -> {
                // instance.activated and instance.deleted carry the common fields only
            }
        }
        try {
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of strings and numbers always writes", e);
        }
    }

    private static String iso(String millis) {
        return Instant.ofEpochMilli(Long.parseLong(millis)).toString();
    }
}
