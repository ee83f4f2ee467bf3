package org.convene.core.port;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.convene.model.ActiveInstance;
import org.convene.model.ChatMessage;
import org.convene.model.EndResult;
import org.convene.model.Event;
import org.convene.model.InstanceAttendance;
import org.convene.model.JoinResult;
import org.convene.model.LeaveResult;
import org.convene.model.Meeting;
import org.convene.model.MeetingDetails;
import org.convene.model.MeetingInstance;
import org.convene.model.Participant;
import org.convene.model.TimeWindow;
import org.convene.model.User;
import org.convene.model.UserDetails;

/**
 * Where Convene keeps its state: the port that storage adapters implement. Each write is one
 * atomic step, refuses by throwing {@link org.convene.model.RefusedException} and then has changed
 * nothing. Operations that depend on time take {@code now}, so that the caller owns the clock.
 */
public interface MeetingStore extends Audiences {

    User createUser(UserDetails details);

    /** Replaces a user's details if its version is {@code expectedVersion} (any version when empty). */
    User updateUser(long userId, UserDetails details, OptionalLong expectedVersion);

    /**
     * Deletes a user: they can no longer be read or act, their e-mail is free, their history stays;
     * an instance they are inside at {@code now} they leave, with the reason {@code removed}.
     */
    void deleteUser(long userId, Instant now);

    Optional<User> user(long userId);

    /** Returns up to {@code limit} users with ids after {@code afterId}, by id. */
    List<User> users(long afterId, int limit);

    Meeting createMeeting(MeetingDetails details);

    /**
     * Replaces a meeting's details if its version is {@code expectedVersion} (any when empty); whoever
     * is inside its active instance and no longer admitted leaves it in the same step, with the reason {@code removed}.
     */
    Meeting updateMeeting(long meetingId, MeetingDetails details, OptionalLong expectedVersion, Instant now);

    /** Deletes a meeting that has no instances. */
    void deleteMeeting(long meetingId);

    Optional<Meeting> meeting(long meetingId);

    List<Meeting> meetings(long afterId, int limit);

    MeetingInstance createInstance(long meetingId, TimeWindow window, Instant now);

    MeetingInstance updateInstance(long instanceId, TimeWindow window, Instant now);

    /** Deletes an instance that is not active and has no events or chat. */
    void deleteInstance(long instanceId, Instant now);

    /** Returns the instance with its status at {@code now}. */
    Optional<MeetingInstance> instance(long instanceId, Instant now);

    List<MeetingInstance> instancesOf(long meetingId, Instant now);

    JoinResult join(long userId, long instanceId, Instant now);

    LeaveResult leave(long userId, long instanceId, Instant now);

    List<Participant> participants(long instanceId, Instant now);

    /** Returns every instance active at {@code now} with its meeting, and its participants if asked. */
    List<ActiveInstance> activeInstances(Instant now, boolean withParticipants);

    EndResult end(long instanceId, Instant now);

    /**
     * Posts a message; a non-null {@code idempotencyKey} this user already used in this instance
     * (within a day) returns the first message and stores nothing.
     */
    ChatMessage post(long userId, long instanceId, String text, String idempotencyKey, Instant now);

    /** Returns up to {@code limit} messages after {@code afterId}, of one user when {@code userId} is present. */
    List<ChatMessage> chat(long instanceId, OptionalLong userId, long afterId, int limit);

    /** Adds a message from another system's history, with its original time, to an instance that has ended. */
    ChatMessage importMessage(long userId, long instanceId, String text, Instant at, Instant now);

    List<Event> eventsOfInstance(long instanceId, long afterId, int limit);

    /** Returns the newest {@code limit} messages with ids below {@code beforeId}, in posting order: a page of scroll-back. */
    List<ChatMessage> chatBefore(long instanceId, long beforeId, int limit);

    /** Returns the newest {@code limit} events with ids below {@code beforeId}, in order. */
    List<Event> eventsBefore(long instanceId, long beforeId, int limit);

    /** Returns every event of one user, across meetings, in time order. */
    List<Event> eventsOfUser(long userId);

    /** Returns who was in an instance, with their segments, and the instance as of {@code now}; refuses an unknown one. */
    InstanceAttendance attendance(long instanceId, Instant now);

    /** Returns one user's attendance in every instance they were ever in, each with that user alone. */
    List<InstanceAttendance> attendanceOf(long userId, Instant now);

    /**
     * Renews, at {@code now}, the presence of each user in each instance (a sign of life, where the
     * meeting has a presence rule); returns per instance which of them are inside. An instance that
     * does not exist is left out.
     */
    Map<Long, Set<Long>> renewPresence(Map<Long, Set<Long>> usersByInstance,
                                                          Instant now);
}
