package org.convene.store;

import static org.convene.store.Replies.hash;
import static org.convene.store.Replies.list;
import static org.convene.store.Replies.number;
import static org.convene.store.Replies.ok;

import io.lettuce.core.Limit;
import io.lettuce.core.Range;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.function.LongFunction;
import org.convene.core.Credentials;
import org.convene.core.MeetingStore;
import org.convene.core.StoreUnavailableException;
import org.convene.model.ActiveInstance;
import org.convene.model.ChatMessage;
import org.convene.model.EndResult;
import org.convene.model.FeedEntry;
import org.convene.model.Event;
import org.convene.model.InstanceStatus;
import org.convene.model.JoinResult;
import org.convene.model.LeaveResult;
import org.convene.model.Meeting;
import org.convene.model.MeetingDetails;
import org.convene.model.MeetingInstance;
import org.convene.model.Participant;
import org.convene.model.Refusal;
import org.convene.model.RefusedException;
import org.convene.model.TimeWindow;
import org.convene.model.User;
import org.convene.model.UserDetails;
import org.convene.schedule.Transition;
import org.convene.schedule.TransitionStore;

/**
 * Convene's state in Redis. Each operation is one Lua script on one hash tag (see {@link Keys}),
 * so it is atomic and cluster-safe; its cost depends on the size of its answer, never on history.
 *
 * <pre>{@code
 * RedisMeetingStore store = new RedisMeetingStore(RedisConnection.open(url, false), 1);
 * Convene convene = new Convene(store, Clock.systemUTC());
 * }</pre>
 */
public final class RedisMeetingStore implements MeetingStore, TransitionStore, Credentials {
    private static final Script USER_SAVE = Script.load("users", "user_save");
    private static final Script USER_DELETE = Script.load("users", "user_delete");
    private static final Script USER_FOR_JOIN = Script.load("users", "user_for_join");
    private static final Script USERS_PAGE = Script.load("users", "users_page");
    private static final Script USER_TOKEN = Script.load("users", "user_token");
    private static final Script USER_BY_TOKEN = Script.load("users", "user_by_token");
    private static final Script ADMIN_TOKEN = Script.load("users", "admin_token");
    private static final Script NEW_MEETING = Script.load("catalog", "new_meeting");
    private static final Script NEW_INSTANCE = Script.load("catalog", "new_instance");
    private static final Script HINT = Script.load("catalog", "hint");
    private static final Script DUE = Script.load("catalog", "due");
    private static final Script NEXT_DUE = Script.load("catalog", "next_due");
    private static final Script MEETING_SAVE = Script.load("meeting", "meeting_save");
    private static final Script MEETING_DELETE = Script.load("meeting", "meeting_delete");
    private static final Script MEETING_GET = Script.load("meeting", "meeting_get");
    private static final Script INSTANCE_CHECK = Script.load("meeting", "instance_check");
    private static final Script INSTANCE_SAVE = Script.load("meeting", "instance_save");
    private static final Script INSTANCE_DELETE = Script.load("meeting", "instance_delete");
    private static final Script INSTANCES = Script.load("meeting", "instances");
    private static final Script ADMITS = Script.load("meeting", "admits");
    private static final Script JOIN = Script.load("meeting", "join");
    private static final Script LEAVE = Script.load("meeting", "leave");
    private static final Script END = Script.load("meeting", "end");
    private static final Script POST = Script.load("meeting", "post");
    private static final Script CHAT_OF_USER = Script.load("meeting", "chat");
    private static final Script EVENTS = Script.load("meeting", "events");
    private static final Script USER_EVENTS = Script.load("meeting", "user_events");
    private static final Script IMPORT_MESSAGE = Script.load("meeting", "import_message");
    private static final Script FEED = Script.load("meeting", "feed");
    private static final Script LIFECYCLE = Script.load("catalog", "feed");
    private static final Script SETTLE = Script.load("meeting", "settle");

    /** Instance ids are never reused and never change meeting, so the mapping can be cached; bounded. */
    private static final int CACHE_LIMIT = 200_000;
    private static final int ACTIVE_LIMIT = 100_000;

    private final RedisConnection redis;
    private final RedisClusterAsyncCommands<String, String> commands;
    private final ScriptRunner scripts;
    private final String dataDb;
    private final String eventsDb;
    private final Map<Long, Long> meetingOfInstance = new ConcurrentHashMap<>();

    /**
     * Stores data in the connection's database and the events log in {@code eventsDatabase}; on a
     * cluster, or when both are the same, the events log keeps its own key namespace instead.
     */
    private final java.util.concurrent.atomic.LongAdder waits = new java.util.concurrent.atomic.LongAdder();
    private final MeetingCache meetings = new MeetingCache();

    public RedisMeetingStore(RedisConnection redis, int eventsDatabase) {
        this.redis = redis;
        this.commands = redis.async();
        this.scripts = new ScriptRunner(commands);
        int data = redis.dataDatabase();
        this.dataDb = Integer.toString(data);
        this.eventsDb = Integer.toString(redis.isCluster() || eventsDatabase == data ? -1 : eventsDatabase);
    }

    /** Returns the logical database of the events log, or -1 when it shares the data database. */
    public int eventsDatabase() {
        return Integer.parseInt(eventsDb);
    }

    // ---- users -------------------------------------------------------------------------------

    @Override
    public User createUser(UserDetails details) {
        return saveUser("", details, "");
    }

    @Override
    public User updateUser(long userId, UserDetails details, OptionalLong expectedVersion) {
        return saveUser(Long.toString(userId), details, version(expectedVersion));
    }

    private User saveUser(String userId, UserDetails d, String expected) {
        List<Object> reply = ok(await(inUsers(USER_SAVE, userId, expected, d.name(), Integer.toString(d.age()),
                d.gender(), d.email())));
        return new User(number(reply.get(1)), d, number(reply.get(2)));
    }

    @Override
    public void deleteUser(long userId) {
        ok(await(inUsers(USER_DELETE, Long.toString(userId))));
    }

    @Override
    public Optional<User> user(long userId) {
        Map<String, String> h = await(commands.hgetall(Keys.user(userId)).toCompletableFuture());
        return h.isEmpty() || "1".equals(h.get("deleted")) ? Optional.empty() : Optional.of(Replies.user(h));
    }

    @Override
    public List<User> users(long afterId, int limit) {
        List<Object> reply = ok(await(inUsers(USERS_PAGE, Long.toString(afterId), Integer.toString(limit))));
        return list(reply.get(1)).stream().map(h -> Replies.user(hash(h))).toList();
    }

    // ---- credentials -------------------------------------------------------------------------

    @Override
    public Optional<TokenOwner> userWithTokenHash(String hash) {
        List<Object> reply = await(inUsers(USER_BY_TOKEN, hash));
        if (!"OK".equals(reply.get(0))) return Optional.empty();
        boolean same = java.security.MessageDigest.isEqual(hash.getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                ((String) reply.get(2)).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        return same ? Optional.of(new TokenOwner(number(reply.get(1)), (String) reply.get(3))) : Optional.empty();
    }

    @Override
    public void setUserTokenHash(long userId, String hash) {
        ok(await(inUsers(USER_TOKEN, Long.toString(userId), hash)));
    }

    @Override
    public Optional<String> adminTokenHash() {
        List<Object> reply = await(inUsers(ADMIN_TOKEN, "get"));
        return "OK".equals(reply.get(0)) ? Optional.of((String) reply.get(1)) : Optional.empty();
    }

    @Override
    public String initAdminTokenHash(String hash) {
        return (String) ok(await(inUsers(ADMIN_TOKEN, "init", hash))).get(1);
    }

    @Override
    public void replaceAdminTokenHash(String hash) {
        ok(await(inUsers(ADMIN_TOKEN, "replace", hash)));
    }

    // ---- meetings ----------------------------------------------------------------------------

    @Override
    public Meeting createMeeting(MeetingDetails details) {
        long meetingId = number(ok(await(inCatalog(NEW_MEETING))).get(1));
        return saveMeeting(meetingId, "create", details);
    }

    @Override
    public Meeting updateMeeting(long meetingId, MeetingDetails details, OptionalLong expectedVersion) {
        return saveMeeting(meetingId, version(expectedVersion), details);
    }

    private Meeting saveMeeting(long meetingId, String mode, MeetingDetails d) {
        List<String> args = new ArrayList<>(List.of(Long.toString(meetingId), mode, d.title(), d.description(),
                d.isPublic() ? "1" : "0"));
        args.addAll(d.audience());
        List<Object> reply = ok(await(inMeeting(meetingId, MEETING_SAVE, args.toArray(String[]::new))));
        return new Meeting(meetingId, d, number(reply.get(1)));
    }

    @Override
    public void deleteMeeting(long meetingId) {
        ok(await(inMeeting(meetingId, MEETING_DELETE, Long.toString(meetingId))));
        await(commands.zrem(Keys.MEETINGS, Long.toString(meetingId)).toCompletableFuture());
    }

    @Override
    public Optional<Meeting> meeting(long meetingId) {
        return meetingFrom(await(inMeeting(meetingId, MEETING_GET)));
    }

    private static Optional<Meeting> meetingFrom(List<Object> reply) {
        if (!"OK".equals(reply.get(0))) return Optional.empty();
        return Optional.of(Replies.meeting(hash(reply.get(1)), list(reply.get(2))));
    }

    @Override
    public List<Meeting> meetings(long afterId, int limit) {
        List<String> ids = await(commands.zrangebyscore(Keys.MEETINGS,
                Range.from(Range.Boundary.excluding(afterId), Range.Boundary.unbounded()),
                Limit.create(0, limit)).toCompletableFuture());
        List<CompletableFuture<List<Object>>> replies = ids.stream()
                .map(id -> inMeeting(Long.parseLong(id), MEETING_GET)).toList();
        awaitAll(replies.toArray(CompletableFuture[]::new));
        return replies.stream().map(f -> meetingFrom(result(f))).flatMap(Optional::stream).toList();
    }

    // ---- instances ---------------------------------------------------------------------------

    @Override
    public MeetingInstance createInstance(long meetingId, TimeWindow window, Instant now) {
        String from = ms(window.from()), to = ms(window.to());
        // Checked first, so that a refused create allocates no id; only a concurrent create can still race it.
        ok(await(inMeeting(meetingId, INSTANCE_CHECK, from, to, ms(now))));
        long instanceId = number(ok(await(inCatalog(NEW_INSTANCE, Long.toString(meetingId), from, to))).get(1));
        List<Object> reply = await(inMeeting(meetingId, INSTANCE_SAVE,
                Long.toString(instanceId), Long.toString(meetingId), "create", from, to, ms(now)));
        if (!"OK".equals(reply.get(0))) {
            hint(instanceId, "missing");
            ok(reply);
        }
        meetingOfInstance.put(instanceId, meetingId);
        return announced(Replies.instance(hash(reply.get(1)), now));
    }

    @Override
    public MeetingInstance updateInstance(long instanceId, TimeWindow window, Instant now) {
        String from = ms(window.from()), to = ms(window.to());
        return withMeeting(instanceId, meetingId -> {
            ok(await(inMeeting(meetingId, INSTANCE_SAVE,
                    Long.toString(instanceId), Long.toString(meetingId), "check", from, to, ms(now))));
            // Due times move earlier before the change and exactly after it: a crash in between can
            // only make the scheduler look early, and settle tells it the real time.
            await(inCatalog(HINT, "early", Long.toString(instanceId), "", from, to));
            List<Object> reply = ok(await(inMeeting(meetingId, INSTANCE_SAVE,
                    Long.toString(instanceId), Long.toString(meetingId), "update", from, to, ms(now))));
            return announced(Replies.instance(hash(reply.get(1)), now));
        });
    }

    /** Records a created or moved instance's due times, announces its window on the lifecycle feed, and returns it. */
    private MeetingInstance announced(MeetingInstance instance) {
        await(inCatalog(HINT, Long.toString(instance.id()), "announce:" + instance.status().wireName(),
                ms(instance.from()), ms(instance.to())));
        return instance;
    }

    @Override
    public void deleteInstance(long instanceId, Instant now) {
        withMeeting(instanceId, meetingId -> ok(await(inMeeting(meetingId, INSTANCE_DELETE,
                Long.toString(instanceId), ms(now)))));
        hint(instanceId, "missing");
    }

    @Override
    public Optional<MeetingInstance> instance(long instanceId, Instant now) {
        try {
            // The instance hash alone: its meeting and audience are not needed here.
            return Optional.of(withMeeting(instanceId, meetingId -> {
                Map<String, String> h = await(commands.hgetall(Keys.instance(meetingId, instanceId)).toCompletableFuture());
                if (h.isEmpty()) throw Refusal.INVALID_INSTANCE.refuse();
                return Replies.instance(h, now);
            }));
        } catch (RefusedException e) {
            if (e.refusal() == Refusal.INVALID_INSTANCE) return Optional.empty();
            throw e;
        }
    }

    @Override
    public List<MeetingInstance> instancesOf(long meetingId, Instant now) {
        List<Object> reply = ok(await(inMeeting(meetingId, INSTANCES)));
        return list(reply.get(1)).stream().map(h -> Replies.instance(hash(h), now)).toList();
    }

    // ---- the nine functions ------------------------------------------------------------------

    @Override
    public boolean admits(long instanceId, String email) {
        return withMeeting(instanceId, meetingId -> number(ok(await(inMeeting(meetingId, ADMITS,
                Long.toString(instanceId), email))).get(1)) == 1);
    }

    @Override
    public JoinResult join(long userId, long instanceId, Instant now) {
        Long known = meetingOf(instanceId);
        if (known == null && user(userId).isEmpty()) throw Refusal.INVALID_USER.refuse();
        return withMeeting(instanceId, meetingId -> {
            List<Object> user = ok(await(inUsers(USER_FOR_JOIN, Long.toString(userId))));
            List<Object> reply = await(inMeeting(meetingId, JOIN, Long.toString(instanceId), Long.toString(userId),
                    (String) user.get(1), (String) user.get(2), ms(now)));
            if ("OK".equals(reply.get(0)) || "ALREADY_IN".equals(reply.get(0))) indexUserMeeting(userId, meetingId);
            return new JoinResult(userId, instanceId, number(ok(reply).get(1)), now);
        });
    }

    /**
     * Adds the meeting to the index of the user's events log, after the join that put events there.
     * Not awaited: the reply need not wait for an index. Should a crash lose it, the client's retry
     * meets "already in", which adds it again; normally that is a no-op and changes nothing.
     */
    private void indexUserMeeting(long userId, long meetingId) {
        commands.sadd(Keys.userMeetings(userId), Long.toString(meetingId));
    }

    @Override
    public LeaveResult leave(long userId, long instanceId, Instant now) {
        return withMeeting(instanceId, meetingId -> {
            List<Object> reply = ok(await(inMeeting(meetingId, LEAVE,
                    Long.toString(instanceId), Long.toString(userId), ms(now))));
            return new LeaveResult(userId, instanceId, number(reply.get(1)), now);
        });
    }

    @Override
    public List<Participant> participants(long instanceId, Instant now) {
        return withMeeting(instanceId, meetingId -> {
            // Only the instance and its participants: the meeting and its audience would be decoded for nothing.
            String instanceKey = Keys.instance(meetingId, instanceId);
            CompletableFuture<Map<String, String>> instance = commands.hgetall(instanceKey).toCompletableFuture();
            CompletableFuture<Map<String, String>> participants =
                    commands.hgetall(instanceKey + ":participants").toCompletableFuture();
            awaitAll(instance, participants);
            if (result(instance).isEmpty()) throw Refusal.INVALID_INSTANCE.refuse();
            boolean active = Replies.instance(result(instance), now).status() == InstanceStatus.ACTIVE;
            return active ? Replies.participants(flat(result(participants))) : List.<Participant>of();
        });
    }

    @Override
    public List<ActiveInstance> activeInstances(Instant now, boolean withParticipants) {
        List<Object> pairs = list(ok(await(inCatalog(DUE, ms(now), Integer.toString(ACTIVE_LIMIT), "active"))).get(1));
        List<View> views = new ArrayList<>();
        for (int i = 0; i + 1 < pairs.size(); i += 2) {
            if (pairs.get(i + 1) == null) continue;
            views.add(new View(Long.parseLong((String) pairs.get(i + 1)), Long.parseLong((String) pairs.get(i)),
                    withParticipants));
        }
        awaitAll(views.stream().map(v -> v.reply).toArray(CompletableFuture[]::new));
        // Meetings change rarely: each is read whole only when its version is not the one cached.
        Map<Long, CompletableFuture<List<Object>>> stale = new java.util.HashMap<>();
        for (View view : views) {
            if (view.instance() != null && !meetings.fresh(view.meetingId, view.meetingVersion())) {
                stale.computeIfAbsent(view.meetingId, id -> inMeeting(id, MEETING_GET));
            }
        }
        awaitAll(stale.values().toArray(CompletableFuture[]::new));
        stale.forEach((id, reply) -> meetingFrom(result(reply)).ifPresent(meetings::put));
        List<ActiveInstance> result = new ArrayList<>();
        for (View view : views) {
            Map<String, String> h = view.instance();
            Meeting meeting = meetings.get(view.meetingId);
            if (h == null || meeting == null) continue;
            MeetingInstance instance = Replies.instance(h, now);
            if (instance.status() != InstanceStatus.ACTIVE) continue;
            result.add(new ActiveInstance(instance, meeting,
                    withParticipants ? view.participants() : List.of()));
        }
        result.sort(Comparator.comparingLong(a -> a.instance().id()));
        return result;
    }

    @Override
    public EndResult end(long instanceId, Instant now) {
        return withMeeting(instanceId, meetingId -> {
            List<Object> reply = ok(await(inMeeting(meetingId, END, Long.toString(instanceId), ms(now))));
            hint(instanceId, "ended");
            return new EndResult(instanceId, list(reply.get(1)).stream().map(Replies::number).toList());
        });
    }

    /** Records an instance's new status in the scheduler's due times (ended or missing need no times). */
    private void hint(long instanceId, String status) {
        await(inCatalog(HINT, Long.toString(instanceId), status, "0", "0"));
    }

    @Override
    public ChatMessage post(long userId, long instanceId, String text, String idempotencyKey, Instant now) {
        return withMeeting(instanceId, meetingId -> {
            List<Object> reply = ok(await(inMeeting(meetingId, POST, Long.toString(instanceId), Long.toString(userId),
                    text, ms(now), idempotencyKey == null ? "" : idempotencyKey)));
            return new ChatMessage(number(reply.get(1)), instanceId, userId, (String) reply.get(2),
                    Replies.millis((String) reply.get(3)));
        });
    }

    @Override
    public ChatMessage importMessage(long userId, long instanceId, String text, Instant at, Instant now) {
        return withMeeting(instanceId, meetingId -> {
            ok(await(inUsers(USER_FOR_JOIN, Long.toString(userId))));
            List<Object> reply = ok(await(inMeeting(meetingId, IMPORT_MESSAGE,
                    Long.toString(instanceId), Long.toString(userId), text, ms(at), ms(now))));
            return new ChatMessage(number(reply.get(1)), instanceId, userId, text, at);
        });
    }

    @Override
    public List<ChatMessage> chat(long instanceId, OptionalLong userId, long afterId, int limit) {
        if (userId.isPresent()) {
            return withMeeting(instanceId, meetingId -> Replies.chat(instanceId, ok(await(inMeeting(meetingId, CHAT_OF_USER,
                    Long.toString(instanceId), Long.toString(afterId), Integer.toString(limit),
                    Long.toString(userId.getAsLong())))).get(1)));
        }
        // The whole chat is one stream range: plain commands, one round trip, no Lua (see View).
        return withMeeting(instanceId, meetingId -> {
            String instanceKey = Keys.instance(meetingId, instanceId);
            CompletableFuture<Long> exists = commands.exists(instanceKey).toCompletableFuture();
            CompletableFuture<List<io.lettuce.core.StreamMessage<String, String>>> range = commands.xrange(
                    instanceKey + ":chat", Range.create((afterId + 1) + "-0", "+"), Limit.create(0, limit))
                    .toCompletableFuture();
            awaitAll(exists, range);
            if (result(exists) == 0) throw Refusal.INVALID_INSTANCE.refuse();
            return result(range).stream().map(m -> message(instanceId, m)).toList();
        });
    }

    @Override
    public List<ChatMessage> chatBefore(long instanceId, long beforeId, int limit) {
        return withMeeting(instanceId, meetingId -> {
            String instanceKey = Keys.instance(meetingId, instanceId);
            CompletableFuture<Long> exists = commands.exists(instanceKey).toCompletableFuture();
            // Read newest first from just below the cursor; ids are "<n>-0", so n-1 is the last one below.
            CompletableFuture<List<io.lettuce.core.StreamMessage<String, String>>> range = commands.xrevrange(
                    instanceKey + ":chat", Range.create("-", (beforeId - 1) + "-0"), Limit.create(0, limit))
                    .toCompletableFuture();
            awaitAll(exists, range);
            if (result(exists) == 0) throw Refusal.INVALID_INSTANCE.refuse();
            List<ChatMessage> page = new ArrayList<>(result(range).stream().map(m -> message(instanceId, m)).toList());
            java.util.Collections.reverse(page);
            return page;
        });
    }

    private static ChatMessage message(long instanceId, io.lettuce.core.StreamMessage<String, String> m) {
        return new ChatMessage(Replies.streamNumber(m.getId()), instanceId, Long.parseLong(m.getBody().get("user")),
                m.getBody().get("text"), Replies.millis(m.getBody().get("at")));
    }

    @Override
    public List<Event> eventsOfInstance(long instanceId, long afterId, int limit) {
        return events(instanceId, "after", afterId, limit);
    }

    @Override
    public List<Event> eventsBefore(long instanceId, long beforeId, int limit) {
        return events(instanceId, "before", beforeId, limit);
    }

    private List<Event> events(long instanceId, String direction, long cursor, int limit) {
        return withMeeting(instanceId, meetingId -> Replies.instanceEvents(instanceId, ok(await(inMeeting(meetingId,
                EVENTS, Long.toString(instanceId), Long.toString(cursor), Integer.toString(limit), direction))).get(1)));
    }

    @Override
    public List<Event> eventsOfUser(long userId) {
        List<String> meetingIds = new ArrayList<>(await(commands.smembers(
                Keys.userMeetings(userId)).toCompletableFuture()));
        List<CompletableFuture<List<Object>>> replies = meetingIds.stream()
                .map(id -> inMeeting(Long.parseLong(id), USER_EVENTS, Long.toString(userId))).toList();
        List<Event> events = new ArrayList<>();
        awaitAll(replies.toArray(CompletableFuture[]::new));
        for (CompletableFuture<List<Object>> reply : replies) events.addAll(Replies.userEvents(userId, ok(result(reply)).get(1)));
        events.sort(Comparator.comparing(Event::timestamp).thenComparingLong(Event::instanceId)
                .thenComparingLong(Event::id));
        return events;
    }

    // ---- live feeds --------------------------------------------------------------------------

    @Override
    public List<FeedEntry> feed(long instanceId, String afterId, int limit) {
        String after = streamId(afterId);
        return withMeeting(instanceId, meetingId -> list(ok(await(inMeeting(meetingId, FEED, Long.toString(instanceId),
                after, Integer.toString(limit)))).get(1)).stream().map(item -> {
                    List<Object> e = list(item);
                    return new FeedEntry((String) e.get(0), (String) e.get(1), instanceId, meetingId,
                            Long.parseLong((String) e.get(2)), Long.parseLong((String) e.get(3)),
                            Replies.millis((String) e.get(4)), null, null, (String) e.get(5));
                }).toList());
    }

    @Override
    public List<FeedEntry> lifecycle(String afterId, int limit) {
        return list(ok(await(inCatalog(LIFECYCLE, streamId(afterId), Integer.toString(limit)))).get(1)).stream()
                .map(item -> {
                    List<Object> e = list(item);
                    // An end by the administrator or a deletion records no window ("0"): it is left out.
                    return new FeedEntry((String) e.get(0), (String) e.get(1), Long.parseLong((String) e.get(2)),
                            Long.parseLong((String) e.get(3)), 0, 0, null, windowEdge((String) e.get(4)),
                            windowEdge((String) e.get(5)), null);
                }).toList();
    }

    private static Instant windowEdge(String millis) {
        return "0".equals(millis) ? null : Replies.millis(millis);
    }

    /** A stream id as a reader may send it back: "0" or {@code <ms>-<seq>}; anything else is refused. */
    private static String streamId(String id) {
        if (id == null || !(id.equals("0") || id.matches("\\d{1,19}-\\d{1,19}"))) {
            throw RefusedException.invalid("Last-Event-ID", "must be a stream id such as 1700000000000-0");
        }
        return id;
    }

    // ---- scheduler ---------------------------------------------------------------------------

    @Override
    public List<Long> dueInstances(Instant now, int limit) {
        List<Object> pairs = list(ok(await(inCatalog(DUE, ms(now), Integer.toString(limit), ""))).get(1));
        List<Long> due = new ArrayList<>();
        for (int i = 0; i + 1 < pairs.size(); i += 2) {
            long instanceId = Long.parseLong((String) pairs.get(i));
            if (pairs.get(i + 1) != null) meetingOfInstance.put(instanceId, Long.parseLong((String) pairs.get(i + 1)));
            due.add(instanceId);
        }
        return due;
    }

    @Override
    public List<Transition> settle(List<Long> instanceIds, Instant now) {
        List<CompletableFuture<List<Object>>> replies = new ArrayList<>();
        for (long instanceId : instanceIds) {
            Long meetingId = meetingOf(instanceId);
            replies.add(meetingId == null ? CompletableFuture.completedFuture(List.of("INVALID_INSTANCE"))
                    : inMeeting(meetingId, SETTLE, Long.toString(instanceId), ms(now)));
        }
        List<String> hints = new ArrayList<>();
        List<Transition> transitions = new ArrayList<>();
        awaitAll(replies.toArray(CompletableFuture[]::new));
        for (int i = 0; i < instanceIds.size(); i++) {
            long instanceId = instanceIds.get(i);
            List<Object> reply = result(replies.get(i));
            if (!"OK".equals(reply.get(0))) {
                hints.addAll(List.of(Long.toString(instanceId), "missing", "0", "0"));
                continue;
            }
            hints.addAll(List.of(Long.toString(instanceId), (String) reply.get(1), (String) reply.get(4),
                    (String) reply.get(5)));
            switch ((String) reply.get(2)) {
                case "activated" -> transitions.add(new Transition(instanceId, Transition.Kind.ACTIVATED, List.of(),
                        Replies.millis((String) reply.get(4))));
                case "ended" -> transitions.add(new Transition(instanceId, Transition.Kind.ENDED,
                        list(reply.get(3)).stream().map(Replies::number).toList(), Replies.millis((String) reply.get(5))));
                default -> { }
            }
        }
        if (!hints.isEmpty()) await(inCatalog(HINT, hints.toArray(String[]::new)));
        return transitions;
    }

    @Override
    public Optional<Instant> nextDue() {
        List<Object> reply = await(inCatalog(NEXT_DUE));
        return "OK".equals(reply.get(0)) ? Optional.of(Instant.ofEpochMilli(number(reply.get(1)))) : Optional.empty();
    }

    // ---- whole store -------------------------------------------------------------------------

    /** Returns whether there is no data; the administrator's token hash alone is not data. */
    @Override
    public boolean isEmpty() {
        int events = eventsDatabase();
        long credentials = adminTokenHash().isPresent() ? 1 : 0;
        return redis.size(redis.dataDatabase()) == credentials && (events < 0 || redis.size(events) == 0);
    }

    /** Deletes all data but the administrator's token hash: a reset is about data, not about who administers it. */
    @Override
    public void wipe() {
        Optional<String> admin = adminTokenHash();
        redis.flush(redis.dataDatabase());
        if (eventsDatabase() >= 0) redis.flush(eventsDatabase());
        meetingOfInstance.clear();
        admin.ifPresent(this::replaceAdminTokenHash);
    }

    // ---- plumbing ----------------------------------------------------------------------------

    /**
     * Runs {@code work} with the instance's meeting id. If a cached id turns out stale (the store
     * was wiped and ids reused), looks it up again once.
     */
    private <T> T withMeeting(long instanceId, LongFunction<T> work) {
        boolean cached = meetingOfInstance.containsKey(instanceId);
        Long meetingId = meetingOf(instanceId);
        if (meetingId == null) throw Refusal.INVALID_INSTANCE.refuse();
        try {
            return work.apply(meetingId);
        } catch (RefusedException e) {
            if (!cached || e.refusal() != Refusal.INVALID_INSTANCE) throw e;
            meetingOfInstance.remove(instanceId);
            Long fresh = meetingOf(instanceId);
            if (fresh == null || fresh.equals(meetingId)) throw e;
            return work.apply(fresh);
        }
    }

    private Long meetingOf(long instanceId) {
        Long cached = meetingOfInstance.get(instanceId);
        if (cached != null) return cached;
        String found = await(commands.hget(Keys.INSTANCE_MEETING, Long.toString(instanceId))
                .toCompletableFuture());
        if (found == null) return null;
        if (meetingOfInstance.size() >= CACHE_LIMIT) meetingOfInstance.clear();
        long meetingId = Long.parseLong(found);
        meetingOfInstance.put(instanceId, meetingId);
        return meetingId;
    }

    /**
     * Reads an instance with its meeting (and participants) as plain commands in one pipelined round
     * trip, in the shape view.lua used to answer. Reads need no script: passing large replies through
     * Lua costs Redis more than the reads themselves (see docs/performance.md).
     */
    /**
     * What functions 4 and 8 read of one active instance, sent together as plain commands (measured
     * cheaper than a script call, whose Lua cost on the server outweighs the commands saved): its
     * hash, which carries its meeting's version (the meeting itself comes from the cache), and, for
     * function 8, its participants.
     */
    private final class View {
        final long meetingId;
        final CompletableFuture<Map<String, String>> instance;
        final CompletableFuture<Map<String, String>> participants;
        final CompletableFuture<Void> reply;

        View(long meetingId, long instanceId, boolean withParticipants) {
            this.meetingId = meetingId;
            String instanceKey = Keys.instance(meetingId, instanceId);
            instance = commands.hgetall(instanceKey).toCompletableFuture();
            participants = withParticipants ? commands.hgetall(instanceKey + ":participants").toCompletableFuture()
                    : CompletableFuture.completedFuture(Map.of());
            reply = CompletableFuture.allOf(instance, participants);
        }

        /** The instance's hash, or null if it is gone. */
        Map<String, String> instance() {
            Map<String, String> h = result(instance);
            return h.isEmpty() ? null : h;
        }

        /** The meeting's version as the instance knows it, or -1 when it does not (its meeting is then read). */
        long meetingVersion() {
            Map<String, String> h = instance();
            String v = h == null ? null : h.get("meetingVersion");
            return v == null ? -1 : Long.parseLong(v);
        }

        List<Participant> participants() {
            return Replies.participants(flat(result(participants)));
        }
    }

    private static List<Object> flat(Map<String, String> map) {
        List<Object> flat = new ArrayList<>(map.size() * 2);
        map.forEach((k, v) -> {
            flat.add(k);
            flat.add(v);
        });
        return flat;
    }

    private CompletableFuture<List<Object>> inMeeting(long meetingId, Script script, String... args) {
        String[] all = new String[args.length + 2];
        all[0] = dataDb;
        all[1] = eventsDb;
        System.arraycopy(args, 0, all, 2, args.length);
        return scripts.run(script, new String[] {Keys.meeting(meetingId), Keys.meetingEvents(meetingId)}, all);
    }

    private CompletableFuture<List<Object>> inUsers(Script script, String... args) {
        return scripts.run(script, new String[] {Keys.USERS}, args);
    }

    private CompletableFuture<List<Object>> inCatalog(Script script, String... args) {
        return scripts.run(script, new String[] {Keys.CATALOG}, args);
    }

    private static String ms(Instant instant) {
        return Long.toString(instant.toEpochMilli());
    }

    private static String version(OptionalLong expected) {
        return expected.isPresent() ? Long.toString(expected.getAsLong()) : "";
    }

    /** Waits for a reply, turning Redis failures into one clear {@link StoreUnavailableException}. */
    /**
     * Returns how many times a caller has waited for Redis so far: one per round trip, since commands
     * sent together (pipelined) are awaited once. For the benchmark's per-operation figures.
     */
    public long waits() {
        return waits.sum();
    }

    /**
     * Waits for commands sent together: one round trip, however many replies. Their results are then
     * read with {@link #result}; a failure surfaces there, from the future that failed.
     */
    private void awaitAll(CompletableFuture<?>... futures) {
        if (futures.length == 0) return;
        waits.increment();
        try {
            result(CompletableFuture.allOf(futures));
        } catch (RuntimeException failedOne) {
            // reported by result() of the future that failed
        }
    }

    /** Waits for one command, or for commands pipelined before it that nothing else awaits: one round trip. */
    private <T> T await(CompletableFuture<T> future) {
        waits.increment();
        return result(future);
    }

    /** The result of a command already awaited (or being awaited now), with Redis's failures turned into Convene's. */
    private <T> T result(CompletableFuture<T> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreUnavailableException("Interrupted while waiting for Redis", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RefusedException refused) throw refused;
            String what = cause instanceof RedisCommandExecutionException ? "Redis refused a command: "
                    : "Redis at " + redis.description() + " did not answer: ";
            throw new StoreUnavailableException(what + RedisConnection.rootMessage(cause), cause);
        }
    }
}
