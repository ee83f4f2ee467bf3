package org.convene.core.port;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.convene.model.Actor;
import org.convene.model.AuditRecord;
import org.convene.model.Ban;
import org.convene.model.GlobalRole;

/**
 * What a meeting's hosts do to keep order: bans, co-hosts, deleting messages, clearing the chat, the meeting's
 * options; and the meeting's audit trail they leave. Each change is one atomic step with its audit record, the
 * actor's right and the ranks checked in it; refusals throw {@link org.convene.model.RefusedException}, having
 * changed nothing.
 */
public interface Moderation {

    /**
     * Bans a user of global role {@code role} from the meeting, taking them out of its active instance in the
     * same step; returns that instance, if they were inside one.
     */
    OptionalLong ban(Ban ban, GlobalRole role, Actor actor, Instant now, String requestId);

    /** Lifts a user's ban from the meeting (nothing if there is none). */
    void lift(long meetingId, long userId, GlobalRole role, Actor actor, Instant now, String requestId);

    /** The bans of a meeting that hold at {@code now}, by user id; refuses a missing meeting. */
    List<Ban> bans(long meetingId, Instant now);

    /** Appoints ({@code appoint}) or revokes a co-host of the meeting; returns the co-hosts after, by id. */
    List<Long> cohost(long meetingId, long userId, boolean appoint, Actor actor, Instant now, String requestId);

    /**
     * Deletes message {@code number} of an instance's chat, written by {@code author} of global role
     * {@code authorRole}: by its author, or by a host who ranks above them.
     */
    void deleteMessage(long instanceId, long number, long author, GlobalRole authorRole, Actor actor, Instant now,
                       String requestId);

    /** Clears an instance's chat; returns how many messages it held. */
    long clearChat(long instanceId, Actor actor, Instant now, String requestId);

    /** Changes the meeting's options given as their stored fields (chatMode...); returns the meeting's version after. */
    long changeOptions(long meetingId, Map<String, String> changes, Actor actor, Instant now, String requestId);

    /** Up to {@code limit} records of the meeting's audit trail with {@code seq} below {@code beforeSeq}, newest first. */
    List<AuditRecord> audit(long meetingId, long beforeSeq, int limit);
}
