package org.convene.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.function.Function;
import org.convene.webhook.Delivery;
import org.convene.webhook.DeliveryStatus;
import org.convene.webhook.Endpoint;
import org.convene.webhook.EndpointDetails;
import org.convene.webhook.EventKind;
import org.convene.webhook.SecretBox;
import org.convene.webhook.TargetGuard;
import org.convene.webhook.WebhookDispatcher;
import org.convene.webhook.WebhookSettings;
import org.convene.webhook.Webhooks;
import org.convene.webhook.port.Courier;
import org.convene.webhook.port.DeliveryQueue;
import org.convene.webhook.port.WebhookStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Webhooks on a real Redis: the outbox written with each change, drained in order, delivered one at a
 * time per endpoint and instance, retried on the schedule (on the adjustable clock), claimed from a
 * node that died, disabled by a 410, replayed with the same id. The receiver here is an in-process
 * courier that records what it is handed; the HTTP path is WebhookDeliveryTest's.
 */
abstract class WebhookContract extends StoreContract {
    static final ObjectMapper JSON = new ObjectMapper();

    record Sent(String url, Map<String, String> headers, JsonNode body) {
        String type() {
            return body.get("type").asText();
        }

        String id() {
            return headers.get("webhook-id");
        }
    }

    final List<Sent> sent = Collections.synchronizedList(new ArrayList<>());
    volatile Function<Sent, Courier.Answer> answer = s -> new Courier.Answer(200, 1, "");
    final List<WebhookDispatcher> dispatchers = new ArrayList<>();
    WebhookStore hooks;
    DeliveryQueue queue;
    Webhooks webhooks;
    SecretBox box;

    final Courier courier = (url, headers, body) -> {
        try {
            Sent one = new Sent(url.toString(), headers, JSON.readTree(new String(body, StandardCharsets.UTF_8)));
            sent.add(one);
            return answer.apply(one);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    };

    @BeforeEach
    void drainTheSeedWorldBeforeAnyEndpoint() {
        hooks = store.webhooks();
        queue = store.deliveries();
        box = new SecretBox(new byte[32]);
        webhooks = new Webhooks(hooks, box, new TargetGuard(true), clock, Duration.ofDays(30));
        queue.sweepOutboxes();
        while (queue.drainOutboxes(clock.instant(), Duration.ofDays(30)) > 0) {
            // the seed world's events, which no endpoint wants yet
        }
    }

    @AfterEach
    void stopDispatchers() {
        dispatchers.forEach(WebhookDispatcher::abandon);
    }

    WebhookDispatcher dispatcher(String name, Courier with) {
        WebhookSettings settings = WebhookSettings.defaults(true, 4, Duration.ofMillis(20), 30)
                .withClaimAfter(Duration.ofMillis(400), Duration.ofMillis(200));
        WebhookDispatcher d = new WebhookDispatcher(queue, with, box, clock, settings, (r, lag, latency) -> { }, name);
        dispatchers.add(d);
        return d;
    }

    Endpoint endpoint(EventKind... kinds) {
        return webhooks.create(new EndpointDetails(URI.create("http://receiver.example/hook"), Set.of(kinds), "test")).endpoint();
    }

    List<Delivery> log(Endpoint e) {
        return hooks.deliveries(e.id(), Optional.empty(), OptionalLong.empty(), 1000);
    }

    /** Looks until the endpoint's log has no delivery pending. */
    void deliverAll(WebhookDispatcher d, Endpoint e) {
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            d.look();
            return log(e).stream().noneMatch(x -> x.status() == DeliveryStatus.PENDING);
        });
    }

    @Test
    void eachChangeReachesTheEndpointInTheOrderItHappenedNumberedInItsInstance() {
        Endpoint e = endpoint();
        convene.join(john.id(), active.id());
        convene.post(john.id(), active.id(), "hello");
        convene.leave(john.id(), active.id());

        deliverAll(dispatcher("a", courier), e);

        assertThat(sent).extracting(Sent::type).containsExactly("participant.joined", "chat.message_posted", "participant.left");
        List<Long> sequence = sent.stream().map(s -> s.body().get("data").get("sequence").asLong()).toList();
        assertThat(sequence.get(1)).isEqualTo(sequence.get(0) + 1);
        assertThat(sequence.get(2)).isEqualTo(sequence.get(0) + 2);
        assertThat(sent.get(1).body().get("data").get("text").asText()).isEqualTo("hello");
        assertThat(sent.get(0).body().get("data").get("name").asText()).isEqualTo(john.details().name());
        assertThat(log(e)).allMatch(d -> d.status() == DeliveryStatus.DELIVERED && d.attempts() == 1);
    }

    @Test
    void whatHostsDoReachesTheEndpointNamingTheActor() {
        Endpoint e = endpoint(EventKind.CHAT_MESSAGE_DELETED, EventKind.MEETING_ROLE_CHANGED, EventKind.PARTICIPANT_REMOVED);
        convene.join(john.id(), active.id());
        long n = convene.post(john.id(), active.id(), "oops").id();
        convene.hosting().deleteMessage(active.id(), n, org.convene.model.Actor.ROOT, "r");
        convene.hosting().appoint(active.meetingId(), jane.id(), org.convene.model.Actor.ROOT, "r");
        convene.hosting().remove(john.id(), active.id(), org.convene.model.Actor.ROOT, "r");

        deliverAll(dispatcher("a", courier), e);

        assertThat(sent).extracting(Sent::type).containsExactly("chat.message_deleted", "meeting.role_changed",
                "participant.removed");
        assertThat(sent).allSatisfy(s -> assertThat(s.body().get("data").get("actor").asText()).isEqualTo("root"));
        assertThat(sent.get(0).body().get("data").get("messageNumber").asLong()).isEqualTo(n);
        assertThat(sent.get(1).body().get("data").get("role").asText()).isEqualTo("cohost");
        assertThat(sent.get(2).body().get("data").get("userId").asLong()).isEqualTo(john.id());
    }

    @Test
    void theLobbyReachesTheEndpointWithThePlaceTheHostAndTheEnd() {
        Endpoint e = endpoint(EventKind.LOBBY_WAITING, EventKind.LOBBY_ADMITTED, EventKind.LOBBY_DENIED,
                EventKind.LOBBY_LEFT, EventKind.LOBBY_CLOSED);
        convene.hosting().changeOptions(active.meetingId(), new org.convene.core.Hosting.OptionChanges(null, null, null,
                org.convene.model.MeetingOptions.LobbyPolicy.OUTSIDERS), org.convene.model.Actor.ROOT, "r");
        long late = convene.createUser(new org.convene.model.UserDetails("Late", 30, "", "late@example.com")).id();
        convene.enter(jane.id(), active.id());
        convene.enter(late, active.id());
        convene.lobbies().admit(active.id(), jane.id(), org.convene.model.Actor.ROOT, "r");
        convene.end(active.id());

        deliverAll(dispatcher("a", courier), e);

        assertThat(sent).extracting(Sent::type).containsExactly("lobby.waiting", "lobby.waiting", "lobby.admitted",
                "lobby.closed", "lobby.closed");
        assertThat(sent.get(1).body().get("data").get("position").asInt()).isEqualTo(2);
        assertThat(sent.get(1).body().get("data").get("name").asText()).isEqualTo("Late");
        assertThat(sent.get(2).body().get("data").get("actor").asText()).isEqualTo("root");
        assertThat(sent.get(3).body().get("data").get("reason").asText()).isEqualTo("ended");
    }

    @Test
    void aChangeToAMeetingWithNothingActiveIsSentWithoutAnInstanceInTheMeetingsOwnSequence() {
        Endpoint e = endpoint(EventKind.PARTICIPANT_BANNED);
        long quiet = convene.createMeeting(new org.convene.model.MeetingDetails("Quiet", "", true, List.of())).id();
        convene.bans().ban(quiet, john.id(), null, "spam", org.convene.model.Actor.ROOT, "r");

        deliverAll(dispatcher("a", courier), e);

        assertThat(sent).extracting(Sent::type).containsExactly("participant.banned");
        var data = sent.get(0).body().get("data");
        assertThat(data.has("instanceId")).isFalse();
        assertThat(data.get("meetingId").asLong()).isEqualTo(quiet);
        assertThat(data.get("sequence").asLong()).isEqualTo(1);
        assertThat(data.get("reason").asText()).isEqualTo("spam");
    }

    @Test
    void anEndpointReceivesOnlyTheTypesItAskedFor() {
        Endpoint e = endpoint(EventKind.CHAT_MESSAGE_POSTED);
        convene.join(john.id(), active.id());
        convene.post(john.id(), active.id(), "only this");

        deliverAll(dispatcher("a", courier), e);

        assertThat(sent).extracting(Sent::type).containsExactly("chat.message_posted");
    }

    @Test
    void theEndOfAnInstanceSaysWhoEndedItAndThatItsAttendanceIsReady() {
        Endpoint e = endpoint(EventKind.PARTICIPANT_TIMED_OUT, EventKind.INSTANCE_ENDED, EventKind.ATTENDANCE_REPORT_READY);
        convene.join(john.id(), active.id());
        convene.end(active.id());

        deliverAll(dispatcher("a", courier), e);

        assertThat(sent).extracting(Sent::type).containsExactly("participant.timed_out", "instance.ended",
                "attendance.report_ready");
        assertThat(sent.get(0).body().get("data").get("reason").asText()).isEqualTo("ended");
        assertThat(sent.get(1).body().get("data").get("endedBy").asText()).isEqualTo("administrator");
        assertThat(sent.get(2).body().get("data").get("attendees").asInt()).isEqualTo(1);
    }

    @Test
    void aRefusedDeliveryIsTriedAgainLaterAndTheInstancesLaterEventsWaitBehindIt() {
        Endpoint e = endpoint();
        answer = s -> new Courier.Answer(503, 1, "");
        WebhookDispatcher d = dispatcher("a", courier);
        convene.join(john.id(), active.id());
        convene.post(john.id(), active.id(), "second");
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            d.look();
            return log(e).stream().anyMatch(x -> x.status() == DeliveryStatus.RETRYING);
        });
        Delivery first = log(e).stream().filter(x -> x.status() == DeliveryStatus.RETRYING).findFirst().orElseThrow();
        assertThat(first.type()).isEqualTo("participant.joined");
        assertThat(first.lastCode()).hasValue(503);
        assertThat(Duration.between(clock.instant(), first.nextAttemptAt().orElseThrow()))
                .isBetween(Duration.ofSeconds(5), Duration.ofSeconds(6));
        d.look();
        assertThat(sent).extracting(Sent::type).containsOnly("participant.joined");

        answer = s -> new Courier.Answer(204, 1, "");
        clock.advance(Duration.ofSeconds(7));
        deliverAll(d, e);
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            d.look();
            return log(e).stream().allMatch(x -> x.status() == DeliveryStatus.DELIVERED);
        });

        assertThat(sent).extracting(Sent::type).containsExactly("participant.joined", "participant.joined", "chat.message_posted");
        assertThat(sent.get(0).id()).isEqualTo(sent.get(1).id());
    }

    @Test
    void anEndpointThatAnswers410IsDisabledAndEnablingItSendsWhatWaited() {
        Endpoint e = endpoint();
        answer = s -> new Courier.Answer(410, 1, "");
        WebhookDispatcher d = dispatcher("a", courier);
        convene.join(john.id(), active.id());
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            d.look();
            return !webhooks.endpoint(e.id()).enabled();
        });
        convene.post(john.id(), active.id(), "while disabled");
        for (int i = 0; i < 5; i++) d.look();
        assertThat(sent).hasSize(1);
        assertThat(webhooks.endpoint(e.id()).disabledReason()).hasValueSatisfying(r -> assertThat(r).contains("410"));

        answer = s -> new Courier.Answer(200, 1, "");
        webhooks.update(e.id(), new Webhooks.Change(Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(true)), org.convene.model.Acting.ROOT);
        deliverAll(d, e);

        assertThat(sent).extracting(Sent::type).containsExactly("participant.joined", "chat.message_posted");
    }

    @Test
    void workHeldByANodeThatDiedIsClaimedAndSentByAnother() throws Exception {
        Endpoint e = endpoint();
        CountDownLatch reached = new CountDownLatch(1);
        CountDownLatch never = new CountDownLatch(1);
        WebhookDispatcher dying = dispatcher("dying", (url, headers, body) -> {
            reached.countDown();
            try {
                never.await();
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
            return new Courier.Answer(0, 0, "killed");
        });
        convene.join(john.id(), active.id());
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            dying.look();
            return reached.getCount() == 0;
        });
        dying.abandon();

        deliverAll(dispatcher("survivor", courier), e);

        assertThat(sent).extracting(Sent::type).containsExactly("participant.joined");
        assertThat(log(e)).singleElement().satisfies(x -> assertThat(x.status()).isEqualTo(DeliveryStatus.DELIVERED));
    }

    @Test
    void aReplaySendsTheSameMessageAgainWithItsId() {
        Endpoint e = endpoint();
        WebhookDispatcher d = dispatcher("a", courier);
        convene.join(john.id(), active.id());
        deliverAll(d, e);
        Delivery first = log(e).get(0);

        Delivery again = webhooks.replay(e.id(), first.id());
        deliverAll(d, e);

        assertThat(again.messageId()).isEqualTo(first.messageId());
        assertThat(sent).hasSize(2);
        assertThat(sent.get(1).id()).isEqualTo(sent.get(0).id());
        assertThat(sent.get(1).body()).isEqualTo(sent.get(0).body());
    }

    @Test
    void replayingSinceATimeSendsEachMessageOnceOldestFirst() {
        Endpoint e = endpoint();
        WebhookDispatcher d = dispatcher("a", courier);
        convene.join(john.id(), active.id());
        convene.post(john.id(), active.id(), "one");
        deliverAll(d, e);
        webhooks.replay(e.id(), log(e).get(0).id());
        deliverAll(d, e);
        sent.clear();

        int replayed = webhooks.replaySince(e.id(), T0.minusSeconds(1));
        deliverAll(d, e);

        assertThat(replayed).isEqualTo(2);
        assertThat(sent).extracting(Sent::type).containsExactly("participant.joined", "chat.message_posted");
    }

    @Test
    void anAnnouncementLostIsMadeGoodByTheSweep() {
        Endpoint e = endpoint();
        convene.join(john.id(), active.id());
        await().until(() -> redis().async().scard(Keys.HOOKS_DIRTY).get() > 0);
        redis().async().del(Keys.HOOKS_DIRTY);
        assertThat(queue.drainOutboxes(clock.instant(), Duration.ofDays(30))).isZero();

        deliverAll(dispatcher("a", courier), e);

        assertThat(sent).extracting(Sent::type).containsExactly("participant.joined");
    }

    @Test
    void theLogFiltersByStatusAndPagesNewestFirst() {
        Endpoint e = endpoint(EventKind.CHAT_MESSAGE_POSTED);
        convene.join(john.id(), active.id());
        for (int i = 0; i < 5; i++) convene.post(john.id(), active.id(), "m" + i);
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            queue.drainOutboxes(clock.instant(), Duration.ofDays(30));
            return log(e).size() == 5;
        });

        List<Delivery> page = hooks.deliveries(e.id(), Optional.of(DeliveryStatus.PENDING), OptionalLong.empty(), 3);
        List<Delivery> next = hooks.deliveries(e.id(), Optional.of(DeliveryStatus.PENDING),
                OptionalLong.of(page.get(2).id()), 3);

        assertThat(page).hasSize(3);
        assertThat(next).hasSize(2);
        assertThat(page.get(0).id()).isGreaterThan(page.get(1).id());
        assertThat(hooks.deliveries(e.id(), Optional.of(DeliveryStatus.DELIVERED), OptionalLong.empty(), 3)).isEmpty();
    }

    @Test
    void removingAnEndpointDropsWhatItHadQueued() {
        Endpoint e = endpoint();
        convene.join(john.id(), active.id());
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            queue.drainOutboxes(clock.instant(), Duration.ofDays(30));
            return !log(e).isEmpty();
        });

        webhooks.delete(e.id());
        WebhookDispatcher d = dispatcher("a", courier);
        for (int i = 0; i < 5; i++) d.look();

        assertThat(sent).isEmpty();
        assertThat(queue.backlog()).isZero();
        assertThat(webhooks.endpoints()).isEmpty();
    }

    @Test
    void secretsAreStoredSealed() throws Exception {
        var made = webhooks.create(new EndpointDetails(URI.create("http://receiver.example/hook"), Set.of(), ""));

        String stored = redis().async().hget(Keys.HOOKS + ":endpoint:" + made.endpoint().id(), "secret").get();

        assertThat(stored).doesNotContain(made.secret().substring(6)).startsWith("v1.");
        assertThat(box.open(stored)).isEqualTo(made.secret());
    }

    @Test
    void reEnablingAnEndpointLeavesWorkAlreadyHandedOutAlone() throws Exception {
        Endpoint e = endpoint();
        convene.join(john.id(), active.id());
        List<DeliveryQueue.Work> handed = new ArrayList<>();
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            queue.drainOutboxes(clock.instant(), Duration.ofDays(30));
            handed.addAll(queue.take("a", 10, clock.instant(), Duration.ofMinutes(1)));
            return !handed.isEmpty();
        });

        webhooks.update(e.id(), new Webhooks.Change(Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(false)), org.convene.model.Acting.ROOT);
        webhooks.update(e.id(), new Webhooks.Change(Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(true)), org.convene.model.Acting.ROOT);

        assertThat(redis().async().zscore(Keys.HOOKS + ":due", handed.get(0).lane()).get())
                .as("the lane in flight is not made due a second time").isNull();
    }

    @Test
    void changesToAnEndpointAreRecordedInTheHooksChainWithoutSecretsOrTheAddressesQuery() {
        var made = webhooks.create(new EndpointDetails(URI.create("http://receiver.example/hook?token=s3cret"), Set.of(), ""),
                org.convene.model.Acting.ROOT);
        long id = made.endpoint().id();
        webhooks.update(id, new Webhooks.Change(Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(false)),
                org.convene.model.Acting.ROOT);
        var rotated = webhooks.rotateSecret(id, org.convene.model.Acting.ROOT);
        webhooks.delete(id, org.convene.model.Acting.ROOT);

        var records = store.audit().after("hooks", 0, 10);

        assertThat(records).extracting(r -> r.fields().get("action"))
                .containsExactly("endpoint_created", "endpoint_changed", "endpoint_secret_rotated", "endpoint_deleted");
        assertThat(records).allSatisfy(r -> {
            assertThat(r.fields()).containsEntry("target", "endpoint:" + id).containsEntry("actorKind", "root");
            assertThat(r.fields().values()).noneMatch(v -> v.contains("s3cret") || v.contains(made.secret().substring(6))
                    || v.contains(rotated.secret().substring(6)) || v.contains("v1."));
        });
        assertThat(records.get(0).fields().get("after")).contains("url=http://receiver.example/hook");
    }

    @Test
    void anErasedPersonsMessagesWaitingForDeliveryAreRedactedNotDropped() throws Exception {
        Endpoint e = endpoint(EventKind.CHAT_MESSAGE_POSTED);
        long open = openInstance().id();
        convene.join(john.id(), open);
        convene.post(john.id(), open, "the secret plan");
        convene.join(jane.id(), open);
        convene.post(jane.id(), open, "jane's own words");
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            queue.drainOutboxes(clock.instant(), Duration.ofDays(30));
            return log(e).size() == 2;
        });

        new org.convene.core.PersonalData(convene, store.personal(), new org.convene.audit.AuditTrail(store.audit(),
                org.convene.audit.SealKey.generate()), clock).erase(john.id(), "asked", OptionalLong.empty(),
                org.convene.model.Acting.ROOT);

        List<String> payloads = new ArrayList<>();
        for (Delivery d : log(e)) payloads.add(redis().async().hget(Keys.HOOKS + ":msg:" + d.messageId(), "payload").get());
        assertThat(log(e)).hasSize(2).allSatisfy(d -> assertThat(d.status()).isEqualTo(DeliveryStatus.PENDING));
        assertThat(payloads).noneMatch(p -> p.contains("the secret plan"))
                .anyMatch(p -> p.contains("[removed]")).anyMatch(p -> p.contains("jane's own words"));
    }

    @Test
    void anEndpointThatNamesTheAuditEventsIsToldOfEachSealAndCheckpointAndOneForEverythingIsNot() {
        Endpoint witness = endpoint(EventKind.AUDIT_RECORD_SEALED, EventKind.AUDIT_CHECKPOINT_SIGNED);
        Endpoint everything = endpoint();
        convene.bans().ban(active.meetingId(), jane.id(), null, "noise", org.convene.model.Actor.ROOT, "r");

        org.convene.audit.AuditSealer.Tick tick = new org.convene.audit.AuditTrail(store.audit(),
                org.convene.audit.SealKey.generate()).sealer(clock, Duration.ofSeconds(2))
                .witnessedBy(store.auditWebhooks(Duration.ofDays(30))).tick();

        assertThat(log(witness)).extracting(Delivery::type).filteredOn("audit.record_sealed"::equals).hasSize(tick.sealed());
        assertThat(log(witness)).extracting(Delivery::type).containsOnlyOnce("audit.checkpoint_signed");
        assertThat(log(everything)).extracting(Delivery::type).noneMatch(t -> t.startsWith("audit."));
    }
}
