package org.convene.store;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.convene.core.port.Allowances;
import org.convene.core.port.Credentials;
import org.convene.core.port.FeedWatch;
import org.convene.core.port.LiveFeeds;
import org.convene.core.port.Maintenance;
import org.convene.core.port.MeetingStore;
import org.convene.model.ActiveInstance;
import org.convene.model.ChatMessage;
import org.convene.model.EndResult;
import org.convene.model.Event;
import org.convene.model.InstanceAttendance;
import org.convene.model.InstanceActivity;
import org.convene.model.JoinResult;
import org.convene.model.LeaveResult;
import org.convene.model.LifecycleChange;
import org.convene.model.Meeting;
import org.convene.model.MeetingDetails;
import org.convene.model.MeetingInstance;
import org.convene.model.Participant;
import org.convene.model.StreamPosition;
import org.convene.model.TimeWindow;
import org.convene.model.User;
import org.convene.model.UserDetails;
import org.convene.schedule.Transition;
import org.convene.schedule.TransitionStore;
import org.convene.series.port.SeriesStore;
import org.convene.webhook.port.WebhookStore;

/**
 * Convene's state in Redis: every port on one connection, each served by the part that owns it
 * (users, meetings, attendance, chat, events log, feeds, transitions, maintenance). Each operation
 * is one Lua script on one hash tag (see {@link Keys}), so it is atomic and cluster-safe; its cost
 * depends on the size of its answer, never on history.
 *
 * <p>About 300 lines of one-line delegations: the ports' whole surface in one place, each method
 * handing over to the part that owns it.
 *
 * <pre>{@code
 * RedisMeetingStore store = new RedisMeetingStore(RedisConnection.open(url, false), 1);
 * Convene convene = new Convene(store, Clock.systemUTC());
 * }</pre>
 */
public final class RedisMeetingStore implements MeetingStore, LiveFeeds, Maintenance, TransitionStore, Credentials,
        Allowances {
    private final RedisCalls calls;
    private final UserRecords users;
    private final MeetingRecords meetings;
    private final Attendance attendance;
    private final ChatRecords chat;
    private final EventLog events;
    private final FeedRecords feeds;
    private final AttendanceRecords attendanceRecords;
    private final Transitions transitions;
    private final RedisMaintenance maintenance;
    private final LiveView live;
    private final WebhookRecords webhooks;
    private final SeriesRecords series;
    private final DataLayout layout;

    /**
     * Stores data in the connection's database and the events log in {@code eventsDatabase}; on a
     * cluster, or when both are the same, the events log keeps its own key namespace instead.
     */
    public RedisMeetingStore(RedisConnection redis, int eventsDatabase) {
        this.calls = new RedisCalls(redis, eventsDatabase);
        InstanceLocator locator = new InstanceLocator(calls);
        DueTimes due = new DueTimes(calls);
        FeedSignals signals = new FeedSignals(calls);
        this.live = new LiveView(calls, locator);
        this.users = new UserRecords(calls);
        this.meetings = new MeetingRecords(calls, locator, due, live);
        this.attendance = new Attendance(calls, locator, users, live, due);
        this.chat = new ChatRecords(calls, locator, users, signals);
        this.events = new EventLog(calls, locator);
        this.feeds = new FeedRecords(calls, locator, signals);
        this.attendanceRecords = new AttendanceRecords(calls, locator);
        this.transitions = new Transitions(calls, locator, due, live);
        this.maintenance = new RedisMaintenance(calls, users, locator, live);
        this.webhooks = new WebhookRecords(calls);
        this.series = new SeriesRecords(calls, meetings, due);
        this.layout = new DataLayout(calls, maintenance::isEmpty);
    }

    /** The version of the data layout this Redis holds, and the steps that bring older data up to date. */
    public DataLayout layout() {
        return layout;
    }

    /** Recurring series and their occurrences, on the same connection. */
    public SeriesStore series() {
        return series;
    }

    /** The webhooks' endpoints, outboxes, queue and delivery log, on the same connection. */
    public WebhookStore webhooks() {
        return webhooks;
    }

    /** Returns the logical database of the events log, or -1 when it shares the data database. */
    public int eventsDatabase() {
        return calls.eventsDatabase();
    }

    /**
     * Returns how many times a caller has waited for Redis so far: one per round trip, since commands
     * sent together (pipelined) are awaited once. For the benchmark's per-operation figures.
     */
    public long waits() {
        return calls.waits();
    }

    @Override
    public User createUser(UserDetails details) {
        return users.save("", details, OptionalLong.empty());
    }

    @Override
    public User updateUser(long userId, UserDetails details, OptionalLong expectedVersion) {
        return users.save(Long.toString(userId), details, expectedVersion);
    }

    @Override
    public void deleteUser(long userId, Instant now) {
        users.delete(userId);
        attendance.removeEverywhere(userId, now);
    }

    @Override
    public Optional<User> user(long userId) {
        return users.user(userId);
    }

    @Override
    public List<User> users(long afterId, int limit) {
        return users.page(afterId, limit);
    }

    @Override
    public Optional<TokenOwner> userWithTokenHash(String hash) {
        return users.withTokenHash(hash);
    }

    @Override
    public Map<String, TokenOwner> usersWithTokenHashes(Collection<String> hashes) {
        return users.withTokenHashes(hashes);
    }

    @Override
    public void setUserTokenHash(long userId, String hash) {
        users.setTokenHash(userId, hash);
    }

    private static final Script ALLOWANCE = Script.load("users", "allowance");

    @Override
    public int take(String key, int perMinute, Instant now) {
        return (int) calls.await(calls.inUsers(ALLOWANCE, key, Integer.toString(perMinute), RedisCalls.ms(now))).ok().number(1);
    }

    @Override
    public void setFeedTokenHash(long userId, String hash) {
        users.setFeedTokenHash(userId, hash);
    }

    @Override
    public OptionalLong userWithFeedTokenHash(String hash) {
        return users.withFeedTokenHash(hash);
    }

    @Override
    public Optional<String> adminTokenHash() {
        return users.adminTokenHash();
    }

    @Override
    public String initAdminTokenHash(String hash) {
        return users.initAdminTokenHash(hash);
    }

    @Override
    public void replaceAdminTokenHash(String hash) {
        users.replaceAdminTokenHash(hash);
    }

    @Override
    public Meeting createMeeting(MeetingDetails details) {
        return meetings.create(details);
    }

    @Override
    public Meeting updateMeeting(long meetingId, MeetingDetails details, OptionalLong expectedVersion, Instant now) {
        return meetings.update(meetingId, details, expectedVersion, now);
    }

    @Override
    public void deleteMeeting(long meetingId) {
        meetings.delete(meetingId);
    }

    @Override
    public Optional<Meeting> meeting(long meetingId) {
        return meetings.meeting(meetingId);
    }

    @Override
    public List<Meeting> meetings(long afterId, int limit) {
        return meetings.page(afterId, limit);
    }

    @Override
    public MeetingInstance createInstance(long meetingId, TimeWindow window, Instant now) {
        return meetings.createInstance(meetingId, window, now);
    }

    @Override
    public MeetingInstance updateInstance(long instanceId, TimeWindow window, Instant now) {
        return meetings.updateInstance(instanceId, window, now);
    }

    @Override
    public void deleteInstance(long instanceId, Instant now) {
        meetings.deleteInstance(instanceId, now);
    }

    @Override
    public Optional<MeetingInstance> instance(long instanceId, Instant now) {
        return meetings.instance(instanceId, now);
    }

    @Override
    public List<MeetingInstance> instancesOf(long meetingId, Instant now) {
        return meetings.instancesOf(meetingId, now);
    }

    @Override
    public boolean openTo(long instanceId, String email) {
        return meetings.openTo(instanceId, email);
    }

    @Override
    public Map<Question, Boolean> openTo(Collection<Question> questions) {
        return meetings.openTo(questions);
    }

    @Override
    public JoinResult join(long userId, long instanceId, Instant now) {
        return attendance.join(userId, instanceId, now);
    }

    @Override
    public LeaveResult leave(long userId, long instanceId, Instant now) {
        return attendance.leave(userId, instanceId, now);
    }

    @Override
    public List<Participant> participants(long instanceId, Instant now) {
        return attendance.participants(instanceId, now);
    }

    @Override
    public List<ActiveInstance> activeInstances(Instant now, boolean withParticipants) {
        return live.read(now, withParticipants, () -> transitions.settleDue(now));
    }

    @Override
    public EndResult end(long instanceId, Instant now) {
        return attendance.end(instanceId, now);
    }

    @Override
    public ChatMessage post(long userId, long instanceId, String text, String idempotencyKey, Instant now) {
        return chat.post(userId, instanceId, text, idempotencyKey, now);
    }

    @Override
    public List<ChatMessage> chat(long instanceId, OptionalLong userId, long afterId, int limit) {
        return userId.isPresent() ? chat.ofUser(instanceId, userId.getAsLong(), afterId, limit)
                : chat.after(instanceId, afterId, limit);
    }

    @Override
    public List<ChatMessage> chatBefore(long instanceId, long beforeId, int limit) {
        return chat.before(instanceId, beforeId, limit);
    }

    @Override
    public ChatMessage importMessage(long userId, long instanceId, String text, Instant at, Instant now) {
        return chat.importMessage(userId, instanceId, text, at, now);
    }

    @Override
    public List<Event> eventsOfInstance(long instanceId, long afterId, int limit) {
        return events.ofInstance(instanceId, "after", afterId, limit);
    }

    @Override
    public List<Event> eventsBefore(long instanceId, long beforeId, int limit) {
        return events.ofInstance(instanceId, "before", beforeId, limit);
    }

    @Override
    public List<Event> eventsOfUser(long userId) {
        return events.ofUser(userId);
    }

    @Override
    public InstanceAttendance attendance(long instanceId, Instant now) {
        return attendanceRecords.ofInstance(instanceId, now);
    }

    @Override
    public List<InstanceAttendance> attendanceOf(long userId, Instant now) {
        return attendanceRecords.ofUser(userId, now);
    }

    @Override
    public Map<Long, Set<Long>> renewPresence(Map<Long, Set<Long>> usersByInstance, Instant now) {
        return attendance.renewPresence(usersByInstance, now);
    }

    @Override
    public List<InstanceActivity> activity(long instanceId, StreamPosition after, int limit) {
        return feeds.activity(instanceId, after, limit);
    }

    @Override
    public Map<Long, List<InstanceActivity>> activity(Map<Long, StreamPosition> after, int limit) {
        return feeds.activity(after, limit);
    }

    @Override
    public FeedWatch watch() {
        return feeds.watch();
    }

    @Override
    public List<LifecycleChange> lifecycle(StreamPosition after, int limit) {
        return feeds.lifecycle(after, limit);
    }

    @Override
    public LiveFeeds committed() {
        return calls.redis.isCluster() ? feeds.committed() : this;
    }

    @Override
    public List<Long> dueInstances(Instant now, int limit) {
        return transitions.dueInstances(now, limit);
    }

    @Override
    public List<Transition> settle(List<Long> instanceIds, Instant now) {
        return transitions.settle(instanceIds, now);
    }

    @Override
    public List<Transition> remind(Instant now, int limit) {
        return transitions.remind(now, limit);
    }

    @Override
    public Optional<Instant> nextDue() {
        return transitions.nextDue();
    }

    @Override
    public void repairViews(Instant now) {
        transitions.repairViews(now);
    }

    /** Stops writing the live view, as a process that died between a meeting's write and the view's would: for tests. */
    void pauseLiveView(boolean pause) {
        live.pause(pause);
    }

    @Override
    public void ping(Duration within) {
        maintenance.ping(within);
    }

    @Override
    public boolean isEmpty() {
        return maintenance.isEmpty();
    }

    @Override
    public void wipe() {
        maintenance.wipe();
        calls.recheckWebhooks();
    }
}
