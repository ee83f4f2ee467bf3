package org.convene.core;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import org.convene.core.port.AttendanceLog;
import org.convene.core.port.ChatLog;
import org.convene.core.port.EventHistory;
import org.convene.core.port.LiveFeeds;
import org.convene.core.port.Maintenance;
import org.convene.core.port.MeetingCatalog;
import org.convene.core.port.Roster;
import org.convene.core.port.Storage;
import org.convene.core.port.UserStore;
import org.convene.model.Acting;
import org.convene.model.ActiveInstance;
import org.convene.model.Actor;
import org.convene.model.AttendanceReport;
import org.convene.model.ChatMessage;
import org.convene.model.EndResult;
import org.convene.model.Event;
import org.convene.model.GlobalRole;
import org.convene.model.InstanceActivity;
import org.convene.model.JoinOutcome;
import org.convene.model.JoinResult;
import org.convene.model.Waiting;
import org.convene.model.LeaveResult;
import org.convene.model.LifecycleChange;
import org.convene.model.Meeting;
import org.convene.model.MeetingDetails;
import org.convene.model.MeetingInstance;
import org.convene.model.Participant;
import org.convene.model.Refusal;
import org.convene.model.RefusedException;
import org.convene.model.StreamPosition;
import org.convene.model.TimeWindow;
import org.convene.model.User;
import org.convene.model.UserDetails;

/**
 * The meeting system: the seed's joins, leaves, participants, active instances, ends and chat, the
 * administration around them and the live feeds, on the store's capability ports and a {@link Clock}.
 * Every method either succeeds or throws {@link RefusedException} having changed nothing; the time
 * each operation happens at is this clock's, and the bounds of pages and cursors are checked here.
 * Who may call what is {@link Access}'s to decide. Longer than most classes here because it is the one
 * door to every operation; each method is a few lines.
 *
 * <pre>{@code
 * Convene convene = new Convene(store, Clock.systemUTC());
 * User john = convene.createUser(new UserDetails("John Doe", 25, "Male", "john.doe@example.com"));
 * MeetingInstance standup = convene.createInstance(convene.createMeeting(new MeetingDetails("Standup", "",
 *         true, List.of())).id(), new TimeWindow(Instant.now(), Instant.now().plusSeconds(3600)));
 * JoinResult joined = convene.join(john.id(), standup.id());
 * convene.post(john.id(), standup.id(), "Hello, everyone!");
 * }</pre>
 */
public final class Convene {
    public static final int MAX_PAGE = 1_000;

    private final Storage store;
    private final UserStore users;
    private final MeetingCatalog meetings;
    private final Roster roster;
    private final ChatLog chat;
    private final EventHistory history;
    private final AttendanceLog attendance;
    private final LiveFeeds feeds;
    private final Maintenance maintenance;
    private final Clock clock;
    private final Bans bans;
    private final Hosting hosting;
    private final Lobbies lobbies;
    private final Guests guests;
    private final Roles roles;

    /** The application on a store; its live feeds are the store's committed ones ({@link LiveFeeds#committed()}). */
    public Convene(Storage store, Clock clock) {
        this(store, store.feeds().committed(), clock);
    }

    /** The application on a store whose live feeds are read from {@code feeds}. */
    public Convene(Storage store, LiveFeeds feeds, Clock clock) {
        this.store = store;
        this.users = store.users();
        this.meetings = store.meetings();
        this.roster = store.roster();
        this.chat = store.chat();
        this.history = store.history();
        this.attendance = store.attendance();
        this.feeds = feeds;
        this.maintenance = store.maintenance();
        this.bans = new Bans(store.moderation(), store.users(), clock);
        this.hosting = new Hosting(store.moderation(), store.users(), store.chat(), store.roster(), clock);
        this.lobbies = new Lobbies(store.lobby(), clock);
        this.guests = new Guests(store.guests(), clock);
        this.roles = new Roles(store.users(), store.meetings(), this::deleteUser, clock);
        this.clock = clock;
    }

    /** The same application on the same store, on another clock: for a benchmark that sets times, or a replay. */
    public Convene on(Clock other) {
        return new Convene(store, feeds, other);
    }

    /** Returns the clock this instance reads; operations take their time from it. */
    public Clock clock() {
        return clock;
    }

    /** Creates a user as root (the command line); refuses an e-mail another user has. */
    public User createUser(UserDetails details) {
        return createUser(details, Acting.ROOT);
    }

    /** Creates a user on behalf of {@code acting}, recorded in the same step; refuses an e-mail another user has. */
    public User createUser(UserDetails details, Acting acting) {
        return users.create(details, acting, now());
    }

    /** Replaces a user's details as root if its version is {@code expectedVersion} (any when empty). */
    public User updateUser(long userId, UserDetails details, OptionalLong expectedVersion) {
        return updateUser(userId, details, expectedVersion, Acting.ROOT);
    }

    /** Replaces a user's details on behalf of {@code acting}, recorded in the same step, if at {@code expectedVersion}. */
    public User updateUser(long userId, UserDetails details, OptionalLong expectedVersion, Acting acting) {
        return users.update(userId, details, expectedVersion, acting, now());
    }

    /** Deletes a user as root (the command line); see {@link #deleteUser(long, Acting)}. */
    public void deleteUser(long userId) {
        deleteUser(userId, Acting.ROOT);
    }

    /**
     * Deletes a user: their e-mail is free, their history stays, and they leave (reason {@code removed})
     * every instance they are inside. The deletion (with its audit record) comes first, so that they can join nothing
     * meanwhile.
     */
    public void deleteUser(long userId, Acting acting) {
        List<Long> owned = meetings.ownedBy(userId);
        if (!owned.isEmpty()) {
            throw Refusal.OWNS_MEETINGS.refuse(userId, (owned.size() == 1 ? "meeting " : "meetings ")
                    + owned.stream().map(String::valueOf).collect(Collectors.joining(", ")));
        }
        users.delete(userId, acting, now());
        roster.removeEverywhere(userId, now());
    }

    /** Returns the user, or refuses with "Invalid user ID". */
    public User user(long userId) {
        return users.user(userId).orElseThrow(Refusal.INVALID_USER::refuse);
    }

    /** The addresses of a meeting's audience that belong to nobody yet: what the console warns of (a typo?). */
    public List<String> audienceWithoutUser(Meeting meeting) {
        return users.emailsWithoutUser(meeting.details().audience());
    }

    /** Whether user {@code userId} exists and is not deleted. */
    public boolean userExists(long userId) {
        return users.user(userId).isPresent();
    }

    /** The meetings user {@code userId} owns, by id. */
    public List<Long> meetingsOwnedBy(long userId) {
        return meetings.ownedBy(userId);
    }

    /** Returns up to {@code limit} users with ids after {@code afterId}, by id. */
    public List<User> users(long afterId, int limit) {
        return users.page(afterId, page(limit));
    }

    /** Creates a meeting with no owner as root: the administrators run it. */
    public Meeting createMeeting(MeetingDetails details) {
        return meetings.create(details, OptionalLong.empty(), Acting.ROOT, now());
    }

    /** Creates a meeting owned by user {@code ownerId}, who must be an organizer or an administrator, as root. */
    public Meeting createMeeting(MeetingDetails details, long ownerId) {
        return createMeeting(details, OptionalLong.of(ownerId), Acting.ROOT);
    }

    /** Creates a meeting owned by {@code ownerId} (none: the administrators run it) on behalf of {@code acting}, recorded. */
    public Meeting createMeeting(MeetingDetails details, OptionalLong ownerId, Acting acting) {
        OptionalLong owner = ownerId.isPresent() ? OptionalLong.of(roles.mayOwn(ownerId.getAsLong())) : ownerId;
        return meetings.create(details, owner, acting, now());
    }

    /** Replaces a meeting's details now as root; whoever is inside its active instance and no longer admitted leaves it. */
    public Meeting updateMeeting(long meetingId, MeetingDetails details, OptionalLong expectedVersion) {
        return updateMeeting(meetingId, details, expectedVersion, Acting.ROOT);
    }

    /** Replaces a meeting's details on behalf of {@code acting}, recorded with the fields that changed. */
    public Meeting updateMeeting(long meetingId, MeetingDetails details, OptionalLong expectedVersion, Acting acting) {
        return meetings.update(meetingId, details, expectedVersion, now(), acting);
    }

    /** Global roles, suspension, ownership and its hand-over, as administrators and owners change them. */
    public Roles roles() {
        return roles;
    }

    /** Bans from meetings, as their hosts give and lift them. */
    public Bans bans() {
        return bans;
    }

    /** Removals, co-hosts, message deletion, chat clearing, options and the audit trail of meetings, as their hosts use them. */
    public Hosting hosting() {
        return hosting;
    }

    /** Deletes a meeting that has no instances, as root. */
    public void deleteMeeting(long meetingId) {
        deleteMeeting(meetingId, Acting.ROOT);
    }

    /** Deletes a meeting that has no instances on behalf of {@code acting}, recorded; its trail stays. */
    public void deleteMeeting(long meetingId, Acting acting) {
        meetings.delete(meetingId, acting, now());
    }

    /** Returns the meeting, or refuses with "Invalid meeting ID". */
    public Meeting meeting(long meetingId) {
        return meetings.meeting(meetingId).orElseThrow(Refusal.INVALID_MEETING::refuse);
    }

    /** Returns up to {@code limit} meetings with ids after {@code afterId}, by id. */
    public List<Meeting> meetings(long afterId, int limit) {
        return meetings.page(afterId, page(limit));
    }

    /** Returns every meeting the user may join (public, or with them in its audience), by id. */
    public List<Meeting> meetingsOpenTo(User user) {
        return meetings.meetingsOpenTo(user.details().email());
    }

    /** Schedules a new instance of a meeting as root; it must end in the future and not overlap the meeting's others. */
    public MeetingInstance createInstance(long meetingId, TimeWindow window) {
        return createInstance(meetingId, window, Acting.ROOT);
    }

    /** Schedules a new instance on behalf of {@code acting}, recorded in the same step. */
    public MeetingInstance createInstance(long meetingId, TimeWindow window, Acting acting) {
        return meetings.createInstance(meetingId, window, now(), acting);
    }

    /** Moves an instance that has not ended to another window, as root. */
    public MeetingInstance updateInstance(long instanceId, TimeWindow window) {
        return updateInstance(instanceId, window, Acting.ROOT);
    }

    /** Moves an instance that has not ended on behalf of {@code acting}, recorded in the same step. */
    public MeetingInstance updateInstance(long instanceId, TimeWindow window, Acting acting) {
        return meetings.updateInstance(instanceId, window, now(), acting);
    }

    /** Deletes an instance that is not active and has no events or chat, as root. */
    public void deleteInstance(long instanceId) {
        deleteInstance(instanceId, Acting.ROOT);
    }

    /** Deletes an instance that is not active and has no events or chat on behalf of {@code acting}, recorded. */
    public void deleteInstance(long instanceId, Acting acting) {
        meetings.deleteInstance(instanceId, now(), acting);
    }

    /** Returns the instance with its status now, or refuses with "Invalid meeting instance ID". */
    public MeetingInstance instance(long instanceId) {
        return meetings.instance(instanceId, now()).orElseThrow(Refusal.INVALID_INSTANCE::refuse);
    }

    /** Returns the meeting's instances by start, with their status now. */
    public List<MeetingInstance> instancesOf(long meetingId) {
        return meetings.instancesOf(meetingId, now());
    }

    /** The user joins an active instance they are allowed into and are not yet in. */
    public JoinResult join(long userId, long instanceId) {
        JoinOutcome outcome = enter(userId, instanceId);
        if (outcome instanceof JoinResult joined) return joined;
        Waiting waiting = (Waiting) outcome;
        throw Refusal.INVALID_INPUT.refuse("User " + userId + " waits in the lobby (position " + waiting.position()
                + ") until a host lets them in");
    }

    /**
     * The user asks to join an active instance: they are in, or (where the meeting's lobby says they must wait) they
     * wait in its lobby until a host admits them, when asking again lets them in.
     */
    public JoinOutcome enter(long userId, long instanceId) {
        return roster.join(userId, instanceId, now());
    }

    /** The occurrences' lobbies: waiting, and the hosts' admissions and denials. */
    public Lobbies lobbies() {
        return lobbies;
    }

    /** Guest links, and the guests who open them. */
    public Guests guests() {
        return guests;
    }

    /** The user leaves an instance they are in. */
    public LeaveResult leave(long userId, long instanceId) {
        return roster.leave(userId, instanceId, now());
    }

    /** The instance's current participants, with their names and latest join times. */
    public List<Participant> participants(long instanceId) {
        return roster.participants(instanceId, now());
    }

    /** Every active instance with its meeting. */
    public List<ActiveInstance> activeInstances() {
        return roster.activeInstances(now(), false);
    }

    /** Ends an active instance as root; every participant still in leaves with a timeout event. */
    public EndResult end(long instanceId) {
        return end(instanceId, Actor.ROOT, null);
    }

    /**
     * Ends an active instance for everyone on behalf of {@code actor} (root, an administrator, the owner, or a co-host
     * where the meeting allows it), recorded in the same step.
     */
    public EndResult end(long instanceId, Actor actor, String requestId) {
        return roster.end(instanceId, actor, now(), requestId);
    }

    /** A participant posts a message of 1 to 4,000 characters to an active instance. */
    public ChatMessage post(long userId, long instanceId, String text) {
        return chat.post(userId, GlobalRole.MEMBER, instanceId, ChatMessage.checkText(text), null, now());
    }

    /** A post that is safe to retry: a repeated {@code idempotencyKey} returns the first result and stores nothing new. */
    public ChatMessage post(long userId, long instanceId, String text, String idempotencyKey) {
        return post(userId, GlobalRole.MEMBER, instanceId, text, idempotencyKey);
    }

    /**
     * The same by a user of global role {@code role} as their token resolved it (an administrator may post where the
     * chat is open to hosts only).
     */
    public ChatMessage post(long userId, GlobalRole role, long instanceId, String text, String idempotencyKey) {
        if (idempotencyKey != null && !idempotencyKey.matches("[\\x21-\\x7e]{1,128}")) {
            throw RefusedException.invalid("Idempotency-Key", "must be 1 to 128 visible ASCII characters");
        }
        return chat.post(userId, role, instanceId, ChatMessage.checkText(text), idempotencyKey, now());
    }

    /** The instance's chat in posting order, {@code limit} messages after {@code afterId}. */
    public List<ChatMessage> chat(long instanceId, long afterId, int limit) {
        return chat.after(instanceId, cursor(afterId), page(limit));
    }

    /**
     * The page of chat just before message {@code beforeId}, in posting order: the newest {@code limit}
     * messages with smaller ids. A reader scrolling back passes the oldest id it has; any id above the
     * newest (such as {@link Long#MAX_VALUE}) gives the latest page.
     */
    public List<ChatMessage> chatBefore(long instanceId, long beforeId, int limit) {
        return chat.before(instanceId, before(beforeId), page(limit));
    }

    /** Every active instance with its current participants and their latest join times. */
    public List<ActiveInstance> joinTimes() {
        return roster.activeInstances(now(), true);
    }

    /** One user's messages in one instance, in posting order. */
    public List<ChatMessage> chatOf(long instanceId, long userId, long afterId, int limit) {
        return chat.ofUser(instanceId, userId, cursor(afterId), page(limit));
    }

    /**
     * Adds a message from another system's history (the seed's sample data, a migration) with its
     * original time; only to an instance that has ended, within its window.
     */
    public ChatMessage importMessage(long userId, long instanceId, String text, Instant at) {
        return chat.importMessage(userId, instanceId, ChatMessage.checkText(text), at, now());
    }

    /** The events log of one instance, {@code limit} events after {@code afterId}. */
    public List<Event> eventsOfInstance(long instanceId, long afterId, int limit) {
        return history.ofInstance(instanceId, cursor(afterId), page(limit));
    }

    /** The page of one instance's events log just before event {@code beforeId}, in order (see {@link #chatBefore}). */
    public List<Event> eventsBefore(long instanceId, long beforeId, int limit) {
        return history.before(instanceId, before(beforeId), page(limit));
    }

    /** Who was in an instance and for how long, as of now; kept after the end, exact to the events log. */
    public AttendanceReport attendance(long instanceId) {
        Instant now = now();
        return AttendanceReport.of(attendance.ofInstance(instanceId, now), now);
    }

    /**
     * One user's attendance, an instance a report with that user alone, newest first join first: up to
     * {@code limit} of them, those after instance {@code afterInstance} in that order (0: from the newest).
     */
    public List<AttendanceReport> attendanceOf(long userId, long afterInstance, int limit) {
        user(userId);
        int size = page(limit);
        Instant now = now();
        List<AttendanceReport> all = attendance.ofUser(userId, now).stream().map(kept -> AttendanceReport.of(kept, now))
                .sorted(Comparator.comparing((AttendanceReport r) -> r.attendees().get(0).attendee().firstJoin())
                        .thenComparingLong(r -> r.instance().id()).reversed())
                .toList();
        int from = 0;
        if (afterInstance > 0) {
            while (from < all.size() && all.get(from).instance().id() != afterInstance) from++;
            if (from == all.size()) {
                throw RefusedException.invalid("after", "names no instance user " + userId + " attended");
            }
            from++;
        }
        return all.subList(from, Math.min(all.size(), from + size));
    }

    /**
     * A participant's sign of life: renews their presence where the meeting has a presence rule
     * (a no-op where it has none); refused for one who is not inside, who should join again.
     */
    public void heartbeat(long userId, long instanceId) {
        Map<Long, Set<Long>> inside = roster.renewPresence(
                Map.of(instanceId, Set.of(userId)), now());
        if (!inside.containsKey(instanceId)) throw Refusal.INVALID_INSTANCE.refuse();
        if (!inside.get(instanceId).contains(userId)) throw Refusal.NOT_IN_MEETING.refuse();
    }

    /** Renews the presence of each user with an instance's stream open, by instance: an open stream is a sign of life. */
    public void renewPresence(Map<Long, Set<Long>> streamsOpen) {
        if (!streamsOpen.isEmpty()) roster.renewPresence(streamsOpen, now());
    }

    /** The events log of one user across all meetings, in time order. */
    public List<Event> eventsOfUser(long userId) {
        user(userId);
        return history.ofUser(userId);
    }

    /** Up to {@code limit} entries of an instance's live feed after {@code after}; refused once the instance is gone. */
    public List<InstanceActivity> activity(long instanceId, StreamPosition after, int limit) {
        return feeds.activity(instanceId, after, limit);
    }

    /**
     * Up to {@code limit} entries of each instance's feed after its position in {@code after}, in one
     * round trip; instances that are gone are left out.
     */
    public Map<Long, List<InstanceActivity>> activity(Map<Long, StreamPosition> after, int limit) {
        return feeds.activity(after, limit);
    }

    /** Starts watching for writes to the live feeds; the caller closes the watch. */
    public FeedChanges watchFeeds() {
        return new FeedChanges(feeds.watch());
    }

    /** Up to {@code limit} entries of the lifecycle feed of all instances after {@code after}. */
    public List<LifecycleChange> lifecycle(StreamPosition after, int limit) {
        return feeds.lifecycle(after, limit);
    }

    /** Returns normally if the store answers within {@code within}; throws {@link StoreUnavailableException} if not. */
    public void ping(Duration within) {
        maintenance.ping(within);
    }

    /** Returns whether the store holds no users, meetings or history. */
    public boolean isEmpty() {
        return maintenance.isEmpty();
    }

    /** Deletes every user, meeting, instance, event and message: for explicit resets only. */
    public void wipe() {
        maintenance.wipe();
    }

    /** The time by Convene's clock, to the millisecond: what clients should count their countdowns from. */
    public Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private static int page(int limit) {
        if (limit < 1 || limit > MAX_PAGE) {
            throw RefusedException.invalid("limit", "must be between 1 and " + MAX_PAGE + ", was " + limit);
        }
        return limit;
    }

    private static long before(long beforeId) {
        if (beforeId < 1) throw RefusedException.invalid("before", "must be at least 1, was " + beforeId);
        return beforeId;
    }

    private static long cursor(long afterId) {
        if (afterId < 0) throw RefusedException.invalid("after", "must not be negative, was " + afterId);
        return afterId;
    }
}
