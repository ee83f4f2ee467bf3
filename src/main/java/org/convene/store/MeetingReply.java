package org.convene.store;

import java.util.List;
import java.util.Optional;
import org.convene.model.Meeting;

/**
 * meeting_get's answer: the meeting with its audience, or none. Read by the meetings' records and by
 * the live view, which keeps the meetings of active instances.
 */
record MeetingReply(Optional<Meeting> meeting) {
    static MeetingReply of(Reply reply) {
        if (!reply.isOk()) return new MeetingReply(Optional.empty());
        List<String> audience = reply.list(2).stream().map(String.class::cast).toList();
        return new MeetingReply(Optional.of(Replies.meeting(reply.hash(1), audience)));
    }
}
