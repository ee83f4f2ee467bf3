package org.convene.model;

import java.util.List;
import java.util.Optional;

/** What one meeting holds about one person: whether they own or co-host it, their ban from it, and their messages. */
public record PersonalTraces(long meetingId, boolean owner, boolean cohost, Optional<Ban> ban, List<ChatMessage> messages) {
    public PersonalTraces {
        Check.positiveId("meetingId", meetingId);
        ban = ban == null ? Optional.empty() : ban;
        messages = List.copyOf(messages);
    }

    /** Whether the meeting holds anything about them. */
    public boolean any() {
        return owner || cohost || ban.isPresent() || !messages.isEmpty();
    }
}
