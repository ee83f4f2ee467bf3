package org.convene.store;

import org.convene.core.port.Allowances;
import org.convene.core.port.AttendanceLog;
import org.convene.core.port.Audiences;
import org.convene.core.port.ChatLog;
import org.convene.core.port.Credentials;
import org.convene.core.port.EventHistory;
import org.convene.core.port.LiveFeeds;
import org.convene.core.port.Maintenance;
import org.convene.core.port.MeetingCatalog;
import org.convene.core.port.GuestStore;
import org.convene.core.port.LobbyStore;
import org.convene.core.port.Moderation;
import org.convene.core.port.Roster;
import org.convene.core.port.Storage;
import org.convene.core.port.UserStore;
import org.convene.schedule.TransitionStore;
import org.convene.series.port.SeriesStore;
import org.convene.webhook.port.DeliveryQueue;
import org.convene.webhook.port.WebhookStore;

/**
 * Convene's state in Redis: the parts that own each capability, made once on one connection and handed
 * out as their ports. Each operation is one Lua script on one hash tag (see {@link Keys}), so it is
 * atomic and cluster-safe; its cost depends on the size of its answer, never on history.
 *
 * <pre>{@code
 * RedisStore store = new RedisStore(RedisConnection.open(url, false), 1);
 * Convene convene = new Convene(store, Clock.systemUTC());
 * }</pre>
 */
public final class RedisStore implements Storage {
    private final RedisCalls calls;
    private final UserRecords users;
    private final MeetingRecords meetings;
    private final ModerationRecords moderation;
    private final LobbyRecords lobby;
    private final GuestRecords guests;
    private final SignInRecords signIns;
    private final AccountRecords accounts;
    private final AuditStore audit;
    private final PersonalStore personal;
    private final RosterRecords roster;
    private final ChatRecords chat;
    private final EventLog history;
    private final AttendanceRecords attendance;
    private final FeedRecords feeds;
    private final SharedAllowances allowances;
    private final Transitions transitions;
    private final RedisMaintenance maintenance;
    private final LiveView live;
    private final WebhookRecords webhooks;
    private final WebhookQueue deliveries;
    private final SeriesRecords series;
    private final DataLayout layout;

    /**
     * Stores data in the connection's database and the events log in {@code eventsDatabase}; on a
     * cluster, or when both are the same, the events log keeps its own key namespace instead.
     */
    public RedisStore(RedisConnection redis, int eventsDatabase) {
        this.calls = new RedisCalls(redis, eventsDatabase);
        InstanceLocator locator = new InstanceLocator(calls);
        DueTimes due = new DueTimes(calls);
        FeedSignals signals = new FeedSignals(calls);
        this.live = new LiveView(calls, locator);
        this.users = new UserRecords(calls);
        this.meetings = new MeetingRecords(calls, locator, due, live);
        this.transitions = new Transitions(calls, locator, due, live);
        this.moderation = new ModerationRecords(calls, locator, live, signals);
        this.lobby = new LobbyRecords(calls, locator, live, signals);
        this.guests = new GuestRecords(calls, locator);
        this.signIns = new SignInRecords(calls);
        this.accounts = new AccountRecords(calls);
        this.audit = new AuditStore(calls);
        this.personal = new PersonalStore(calls);
        this.roster = new RosterRecords(calls, locator, users, live, due, transitions::settleDue, signals);
        this.chat = new ChatRecords(calls, locator, users, signals);
        this.history = new EventLog(calls, locator);
        this.feeds = new FeedRecords(calls, locator, signals);
        this.attendance = new AttendanceRecords(calls, locator);
        this.allowances = new SharedAllowances(calls);
        this.maintenance = new RedisMaintenance(calls, users, locator, live);
        this.webhooks = new WebhookRecords(calls);
        this.deliveries = new WebhookQueue(calls);
        this.series = new SeriesRecords(calls, meetings, due);
        this.layout = new DataLayout(calls, maintenance::isEmpty);
    }

    @Override
    public org.convene.core.port.PersonalRecords personal() {
        return personal;
    }

    @Override
    public UserStore users() {
        return users;
    }

    @Override
    public Credentials credentials() {
        return users;
    }

    @Override
    public org.convene.core.port.SignInStore signIns() {
        return signIns;
    }

    @Override
    public org.convene.core.port.AccountStore accounts() {
        return accounts;
    }

    @Override
    public MeetingCatalog meetings() {
        return meetings;
    }

    @Override
    public Audiences audiences() {
        return meetings;
    }

    @Override
    public Roster roster() {
        return roster;
    }

    @Override
    public Moderation moderation() {
        return moderation;
    }

    @Override
    public LobbyStore lobby() {
        return lobby;
    }

    @Override
    public GuestStore guests() {
        return guests;
    }

    /** The audit chains, their seals and checkpoints: the audit sealer's port. */
    public org.convene.audit.port.AuditChains audit() {
        return audit;
    }

    /** The audit trail's witness on webhooks, its messages kept for {@code keep}: what a server's sealer tells. */
    public org.convene.audit.port.AuditWitness auditWebhooks(java.time.Duration keep) {
        return new AuditWebhooks(calls, keep);
    }

    @Override
    public ChatLog chat() {
        return chat;
    }

    @Override
    public EventHistory history() {
        return history;
    }

    @Override
    public AttendanceLog attendance() {
        return attendance;
    }

    @Override
    public LiveFeeds feeds() {
        return feeds;
    }

    @Override
    public Allowances allowances() {
        return allowances;
    }

    @Override
    public Maintenance maintenance() {
        return maintenance;
    }

    /** The scheduler's port: due instances and their transitions. */
    public TransitionStore transitions() {
        return transitions;
    }

    /** Recurring series and their occurrences. */
    public SeriesStore series() {
        return series;
    }

    /** The webhooks' endpoints and delivery log. */
    public WebhookStore webhooks() {
        return webhooks;
    }

    /** The webhooks' outboxes drained into deliveries, and the queue that hands them to the workers. */
    public DeliveryQueue deliveries() {
        return deliveries;
    }

    /** The version of the data layout this Redis holds, and the steps that bring older data up to date. */
    public DataLayout layout() {
        return layout;
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

    /** Stops writing the live view, as a process that died between a meeting's write and the view's would: for tests. */
    void pauseLiveView(boolean pause) {
        live.pause(pause);
    }
}
