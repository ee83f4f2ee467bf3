package org.convene.core.port;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.convene.model.Acting;
import org.convene.model.Actor;
import org.convene.model.Meeting;
import org.convene.model.MeetingDetails;
import org.convene.model.MeetingInstance;
import org.convene.model.TimeWindow;

/**
 * Meetings with their audiences, and their instances. Writes are atomic and refuse by throwing
 * {@link org.convene.model.RefusedException}, having changed nothing; what depends on time takes {@code now}.
 */
public interface MeetingCatalog {

    /** Creates a meeting, owned by {@code owner} if given. */
    Meeting create(MeetingDetails details, OptionalLong owner, Acting acting, Instant now);

    /**
     * Replaces a meeting's details if its version is {@code expectedVersion} (any when empty); whoever
     * is inside its active instance and no longer admitted leaves it in the same step, with the reason {@code removed}.
     */
    Meeting update(long meetingId, MeetingDetails details, OptionalLong expectedVersion, Instant now, Acting acting);

    /**
     * Hands the meeting over to user {@code ownerId}, with its audit record in the same step; refuses unless the
     * actor is an administrator or the meeting's owner at that moment.
     */
    Meeting handOver(long meetingId, long ownerId, Actor actor, Instant now, String requestId);

    /** Deletes a meeting that has no instances. */
    void delete(long meetingId, Acting acting, Instant now);

    Optional<Meeting> meeting(long meetingId);

    /** The meetings user {@code userId} owns now, by id. */
    List<Long> ownedBy(long userId);

    /** Returns up to {@code limit} meetings with ids after {@code afterId}, by id. */
    List<Meeting> page(long afterId, int limit);

    /** Returns every meeting open to a user of this (normalised) e-mail, public or with it in the audience, by id. */
    List<Meeting> meetingsOpenTo(String email);

    /** Schedules an instance; it must end after {@code now} and not overlap the meeting's others. */
    MeetingInstance createInstance(long meetingId, TimeWindow window, Instant now, Acting acting);

    /** Moves an instance that has not ended to another window. */
    MeetingInstance updateInstance(long instanceId, TimeWindow window, Instant now, Acting acting);

    /** Deletes an instance that is not active and has no events or chat. */
    void deleteInstance(long instanceId, Instant now, Acting acting);

    /** Returns the instance with its status at {@code now}. */
    Optional<MeetingInstance> instance(long instanceId, Instant now);

    /** Returns the meeting's instances by start, each with its status at {@code now}. */
    List<MeetingInstance> instancesOf(long meetingId, Instant now);
}
