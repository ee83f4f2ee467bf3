package org.convene.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.lettuce.core.Range;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import org.convene.core.Hosting;
import org.convene.model.Actor;
import org.convene.model.AdmitAll;
import org.convene.model.FeedKind;
import org.convene.model.GlobalRole;
import org.convene.model.InstanceActivity;
import org.convene.model.JoinResult;
import org.convene.model.LobbyState;
import org.convene.model.MeetingDetails;
import org.convene.model.MeetingOptions.LobbyPolicy;
import org.convene.model.Refusal;
import org.convene.model.RefusedException;
import org.convene.model.StreamPosition;
import org.convene.model.TimeWindow;
import org.convene.model.User;
import org.convene.model.UserDetails;
import org.convene.model.WaitEnd;
import org.convene.model.Waiting;
import org.convene.schedule.InstanceScheduler;
import org.convene.testing.Rounds;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The lobby's guarantees (the design's seven, each a test), on a real Redis. Jane, an organizer, owns a private
 * meeting whose audience is John alone; Cora, a member outside it, co-hosts; its instance is active. Outsiders are
 * made as each test needs them.
 */
abstract class LobbyContract extends StoreContract {
    User cora;
    long meeting;
    long instance;

    @BeforeEach
    void janeRunsAPrivateMeetingWithALobby() {
        jane = convene.roles().change(jane.id(), GlobalRole.ORGANIZER, Actor.ROOT, "r");
        cora = convene.createUser(new UserDetails("Cora", 40, "", "cora@example.com"));
        meeting = convene.createMeeting(new MeetingDetails("Jane's", "", false, List.of(john.details().email())),
                jane.id()).id();
        convene.hosting().appoint(meeting, cora.id(), as(jane), "r-a");
        instance = convene.createInstance(meeting, new TimeWindow(clock.instant().minus(minutes(1)),
                clock.instant().plus(hours(1)))).id();
        policy(LobbyPolicy.OUTSIDERS);
    }

    static Actor as(User user) {
        return new Actor(Actor.Kind.USER, user.id(), user.role());
    }

    void policy(LobbyPolicy lobby) {
        convene.hosting().changeOptions(meeting, new Hosting.OptionChanges(null, null, null, lobby), as(jane), "r-l");
    }

    void capacity(int seats) {
        MeetingDetails d = convene.meeting(meeting).details();
        convene.updateMeeting(meeting, new MeetingDetails(d.title(), d.description(), d.isPublic(), d.audience(), seats,
                d.presence(), d.reminderMinutes()), java.util.OptionalLong.empty());
    }

    private int made;

    User outsider() {
        made++;
        return convene.createUser(new UserDetails("Out " + made, 30, "", "out" + made + "@example.com"));
    }

    List<Long> outsiders(int n) {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) ids.add(outsider().id());
        return ids;
    }

    Waiting waits(long userId) {
        return (Waiting) convene.enter(userId, instance);
    }

    List<InstanceActivity> lobbyFeed() {
        return convene.activity(instance, StreamPosition.START, 10_000).stream().filter(a -> a.kind().lobby()).toList();
    }

    List<FeedKind> feedKinds() {
        return convene.activity(instance, StreamPosition.START, 10_000).stream().map(InstanceActivity::kind).toList();
    }

    long auditCount(String action) throws Exception {
        return redis().async().xrange(Keys.meeting(meeting) + ":audit", Range.create("-", "+")).get().stream()
                .filter(m -> action.equals(m.getBody().get("action"))).count();
    }

    static RefusedException refusal(Runnable call) {
        try {
            call.run();
        } catch (RefusedException e) {
            return e;
        }
        throw new AssertionError("not refused");
    }

    @Test
    void anOutsiderWaitsInsteadOfBeingRefusedAndIsToldTheirPosition() {
        Waiting first = waits(outsider().id());
        Waiting second = waits(outsider().id());

        assertThat(first.position()).isEqualTo(1);
        assertThat(second.position()).isEqualTo(2);
        assertThat(convene.lobbies().lobby(instance).waiting()).extracting(w -> w.userId())
                .containsExactly(first.userId(), second.userId());
    }

    @Test
    void theAudienceComesStraightInWhenOnlyOutsidersWait() {
        assertThat(convene.enter(john.id(), instance)).isInstanceOf(JoinResult.class);
    }

    @Test
    void withTheLobbyOffAnOutsiderIsRefusedAsBefore() {
        policy(LobbyPolicy.OFF);
        long out = outsider().id();

        assertThat(refusal(() -> convene.enter(out, instance)).refusal()).isEqualTo(Refusal.NOT_ALLOWED);
    }

    @Test
    void withEveryoneWaitingTheAudienceWaitsButHostsNeverDo() {
        policy(LobbyPolicy.EVERYONE);

        assertThat(convene.enter(john.id(), instance)).isInstanceOf(Waiting.class);
        assertThat(convene.enter(cora.id(), instance)).isInstanceOf(JoinResult.class);
        assertThat(convene.enter(jane.id(), instance)).isInstanceOf(JoinResult.class);
    }

    @Test
    void aHostWhoDropsAndComesBackIsNeverHeldInTheLobby() {
        policy(LobbyPolicy.EVERYONE);
        convene.join(cora.id(), instance);
        convene.leave(cora.id(), instance);

        assertThat(convene.enter(cora.id(), instance)).isInstanceOf(JoinResult.class);
        assertThat(lobbyFeed()).isEmpty();
    }

    @Test
    void askingAgainWhileWaitingKeepsTheSamePlace() {
        long out = outsider().id();
        waits(out);
        waits(outsider().id());

        assertThat(waits(out).position()).isEqualTo(1);
        assertThat(lobbyFeed()).filteredOn(a -> a.userId() == out).hasSize(1);
    }

    // 1. Capacity counts seats, never waiters.

    @Test
    void waitersTakeNoSeatsAndAnAdmissionKeepsOne() {
        capacity(2);
        List<Long> out = outsiders(3);
        out.forEach(this::waits);
        convene.join(john.id(), instance);

        convene.lobbies().admit(instance, out.get(0), as(jane), "r");

        assertThat(refusal(() -> convene.lobbies().admit(instance, out.get(1), as(jane), "r")).refusal())
                .isEqualTo(Refusal.INSTANCE_FULL);
        assertThat(refusal(() -> convene.join(cora.id(), instance)).refusal()).isEqualTo(Refusal.INSTANCE_FULL);
        assertThat(convene.lobbies().lobby(instance).free()).isZero();
    }

    @Test
    void theAdmittedJoinOnTheSeatKeptForThem() {
        capacity(1);
        long out = outsider().id();
        waits(out);
        convene.lobbies().admit(instance, out, as(cora), "r");

        assertThat(convene.enter(out, instance)).isInstanceOf(JoinResult.class);
        assertThat(convene.lobbies().place(out, instance).state()).isEqualTo(LobbyState.JOINED);
        assertThat(convene.lobbies().lobby(instance).admitted()).isEmpty();
    }

    @Test
    void anUnusedAdmissionFreesItsSeatAfterTheGrace() {
        capacity(1);
        List<Long> out = outsiders(2);
        out.forEach(this::waits);
        convene.lobbies().admit(instance, out.get(0), as(jane), "r");
        convene.lobbies().place(out.get(1), instance);

        clock.advance(Duration.ofSeconds(59));
        convene.lobbies().place(out.get(1), instance);
        assertThat(refusal(() -> convene.lobbies().admit(instance, out.get(1), as(jane), "r")).refusal())
                .isEqualTo(Refusal.INSTANCE_FULL);
        clock.advance(Duration.ofSeconds(2));

        assertThat(convene.lobbies().admit(instance, out.get(1), as(jane), "r")).isEqualTo(LobbyState.ADMITTED);
        assertThat(convene.lobbies().place(out.get(0), instance).state()).isEqualTo(LobbyState.GONE);
        assertThat(lobbyFeed()).filteredOn(a -> a.kind() == FeedKind.LOBBY_LEFT).extracting(InstanceActivity::reason)
                .containsExactly("unused");
    }

    @Test
    void aLeaveFreesASeatForTheNextAdmissionAtOnce() {
        capacity(1);
        convene.join(john.id(), instance);
        long out = outsider().id();
        waits(out);

        convene.leave(john.id(), instance);

        assertThat(convene.lobbies().admit(instance, out, as(jane), "r")).isEqualTo(LobbyState.ADMITTED);
    }

    // 2. Admit-all admits in arrival order up to the free seats, never past them.

    @Test
    void admitAllAdmitsInArrivalOrderUpToTheFreeSeatsAndTheRestWaitForASeat() {
        capacity(3);
        convene.join(john.id(), instance);
        List<Long> out = outsiders(4);
        out.forEach(this::waits);

        AdmitAll all = convene.lobbies().admitAll(instance, as(cora), "r");

        assertThat(all.admitted()).containsExactly(out.get(0), out.get(1));
        assertThat(all.waiting()).containsExactly(new AdmitAll.Left(out.get(2), 1, "full"),
                new AdmitAll.Left(out.get(3), 2, "full"));
        assertThat(all.stillWaiting()).isEqualTo(2);
    }

    @Test
    void admitAllWithoutACapacityAdmitsEveryone() {
        List<Long> out = outsiders(3);
        out.forEach(this::waits);

        AdmitAll all = convene.lobbies().admitAll(instance, as(jane), "r");

        assertThat(all.admitted()).containsExactlyElementsOf(out);
        assertThat(all.waiting()).isEmpty();
    }

    @Test
    void fourHostsPressingAdmitAllAtOnceNeverAdmitPastTheFreeSeats() throws Exception {
        User dora = convene.createUser(new UserDetails("Dora", 40, "", "dora@example.com"));
        User eve = convene.createUser(new UserDetails("Eve", 40, "", "eve@example.com"));
        convene.hosting().appoint(meeting, dora.id(), as(jane), "r");
        convene.hosting().appoint(meeting, eve.id(), as(jane), "r");
        List<Actor> hosts = List.of(as(jane), as(cora), as(dora), as(eve));
        capacity(20);
        List<Long> waiters = outsiders(200);
        int rounds = Rounds.of(3);
        for (int round = 0; round < rounds; round++) {
            long occurrence = convene.createInstance(meeting, new TimeWindow(clock.instant().plus(hours(2 + 2L * round)),
                    clock.instant().plus(hours(3 + 2L * round)))).id();
            instance = occurrence;
            clock.set(convene.instance(occurrence).from());
            waiters.forEach(this::waits);
            CyclicBarrier start = new CyclicBarrier(hosts.size());
            List<CompletableFuture<AdmitAll>> presses = new ArrayList<>();
            for (Actor host : hosts) {
                presses.add(CompletableFuture.supplyAsync(() -> {
                    await(start);
                    return convene.lobbies().admitAll(occurrence, host, "r");
                }));
            }
            List<Long> admitted = new ArrayList<>();
            for (CompletableFuture<AdmitAll> press : presses) admitted.addAll(press.get().admitted());

            assertThat(admitted).as("round %d", round).hasSize(20).doesNotHaveDuplicates()
                    .containsExactlyInAnyOrderElementsOf(waiters.subList(0, 20));
            assertThat(convene.lobbies().lobby(occurrence).waitingCount()).isEqualTo(180);
        }
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    // 3. Transitions are idempotent and race-free.

    @Test
    void admittingTwiceIsOneAdmission() throws Exception {
        long out = outsider().id();
        waits(out);

        convene.lobbies().admit(instance, out, as(jane), "r");
        convene.lobbies().admit(instance, out, as(cora), "r");

        assertThat(lobbyFeed()).filteredOn(a -> a.kind() == FeedKind.LOBBY_ADMITTED).hasSize(1);
        assertThat(auditCount("lobby_admitted")).isEqualTo(1);
    }

    @Test
    void admittingSomeoneWhoLeftIsAConflict() {
        long out = outsider().id();
        waits(out);
        convene.lobbies().leave(out, instance);

        assertThat(refusal(() -> convene.lobbies().admit(instance, out, as(jane), "r")).refusal())
                .isEqualTo(Refusal.NOT_WAITING);
    }

    @Test
    void admittingAfterTheEndIsAConflict() {
        long out = outsider().id();
        waits(out);
        convene.end(instance);

        assertThat(refusal(() -> convene.lobbies().admit(instance, out, as(jane), "r")).refusal())
                .isEqualTo(Refusal.NOT_ACTIVE);
    }

    @Test
    void twoHostsAdmittingAndDenyingOneWaiterAtOnceGetOneOutcomeThatBothSee() throws Exception {
        int rounds = Rounds.of(10);
        for (int round = 0; round < rounds; round++) {
            long out = outsider().id();
            waits(out);
            CyclicBarrier start = new CyclicBarrier(2);
            CompletableFuture<Object> admit = CompletableFuture.supplyAsync(() -> {
                await(start);
                return decision(() -> convene.lobbies().admit(instance, out, as(jane), "r"));
            });
            CompletableFuture<Object> deny = CompletableFuture.supplyAsync(() -> {
                await(start);
                return decision(() -> convene.lobbies().deny(instance, out, as(cora), "r"));
            });
            Object a = admit.get();
            Object d = deny.get();

            LobbyState outcome = convene.lobbies().place(out, instance).state();
            assertThat(outcome).isIn(LobbyState.ADMITTED, LobbyState.DENIED);
            // The winner is answered the outcome; the other is told it was decided the other way.
            assertThat(List.of(a, d)).containsOnlyOnce(outcome).contains(Refusal.LOBBY_DECIDED);
            assertThat(lobbyFeed()).filteredOn(e -> e.userId() == out)
                    .extracting(InstanceActivity::kind).containsExactly(FeedKind.LOBBY_WAITING,
                            outcome == LobbyState.ADMITTED ? FeedKind.LOBBY_ADMITTED : FeedKind.LOBBY_DENIED);
        }
    }

    private static Object decision(java.util.function.Supplier<LobbyState> call) {
        try {
            return call.get();
        } catch (RefusedException e) {
            return e.refusal();
        }
    }

    @Test
    void someoneDeniedCannotKnockAgainOnThisOccurrence() {
        long out = outsider().id();
        waits(out);
        convene.lobbies().deny(instance, out, as(cora), "r");

        assertThat(refusal(() -> convene.enter(out, instance)).refusal()).isEqualTo(Refusal.LOBBY_DENIED);
    }

    @Test
    void anAttendeeRanksTooLowToAdmit() {
        long out = outsider().id();
        waits(out);

        assertThat(refusal(() -> convene.lobbies().admit(instance, out, as(john), "r")).refusal())
                .isEqualTo(Refusal.ROLE_FORBIDDEN);
    }

    // 4. Waiting is a lease, renewed by polling or an open stream.

    @Test
    void aWaitNotRenewedLapsesAndTheSchedulerTellsTheHosts() {
        long out = outsider().id();
        waits(out);

        clock.advance(Duration.ofSeconds(61));
        new InstanceScheduler(store.transitions(), clock, Duration.ofMillis(50), t -> { }).tick();

        assertThat(convene.lobbies().place(out, instance).state()).isEqualTo(LobbyState.GONE);
        assertThat(lobbyFeed()).extracting(InstanceActivity::kind, InstanceActivity::reason)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(FeedKind.LOBBY_WAITING, null),
                        org.assertj.core.groups.Tuple.tuple(FeedKind.LOBBY_LEFT, "lapsed"));
    }

    @Test
    void aWaitRenewedByPollingNeverLapses() {
        long out = outsider().id();
        waits(out);

        for (int i = 0; i < 5; i++) {
            clock.advance(Duration.ofSeconds(45));
            convene.lobbies().place(out, instance);
        }

        assertThat(convene.lobbies().place(out, instance).state()).isEqualTo(LobbyState.WAITING);
    }

    @Test
    void anOpenStreamRenewsTheWait() {
        long out = outsider().id();
        waits(out);

        clock.advance(Duration.ofSeconds(45));
        convene.renewPresence(java.util.Map.of(instance, java.util.Set.of(out)));
        clock.advance(Duration.ofSeconds(45));

        assertThat(convene.lobbies().lobby(instance).waiting()).extracting(w -> w.userId()).containsExactly(out);
    }

    // 5. The end closes the lobby before the instance's ended.

    @Test
    void theEndTellsEveryWaiterAndEveryUnusedAdmissionBeforeEnded() {
        List<Long> out = outsiders(3);
        out.forEach(this::waits);
        convene.lobbies().admit(instance, out.get(0), as(jane), "r");

        convene.end(instance);

        List<FeedKind> kinds = feedKinds();
        int ended = kinds.indexOf(FeedKind.ENDED);
        assertThat(lobbyFeed()).filteredOn(a -> a.kind() == FeedKind.LOBBY_CLOSED).extracting(InstanceActivity::userId)
                .containsExactlyInAnyOrderElementsOf(out);
        assertThat(kinds.lastIndexOf(FeedKind.LOBBY_CLOSED)).isLessThan(ended);
        assertThat(convene.lobbies().place(out.get(1), instance).state()).isEqualTo(LobbyState.CLOSED);
    }

    // 7. Attendance shows waiting time as its own kind of segment.

    @Test
    void attendanceShowsEachWaitWithHowItEnded() {
        List<Long> out = outsiders(2);
        waits(out.get(0));
        clock.advance(Duration.ofSeconds(30));
        waits(out.get(1));
        convene.lobbies().admit(instance, out.get(0), as(jane), "r");
        convene.join(out.get(0), instance);
        clock.advance(Duration.ofSeconds(10));
        convene.lobbies().deny(instance, out.get(1), as(jane), "r");

        var report = convene.attendance(instance);

        assertThat(report.waited()).extracting(w -> w.userId(), w -> w.waits().get(0).end(),
                        w -> w.waited(clock.instant()).toSeconds())
                .containsExactly(org.assertj.core.groups.Tuple.tuple(out.get(0), WaitEnd.ADMITTED, 30L),
                        org.assertj.core.groups.Tuple.tuple(out.get(1), WaitEnd.DENIED, 10L));
        assertThat(report.waited().get(0).name()).isEqualTo("Out 1");
        assertThat(report.attendees()).extracting(r -> r.attendee().userId()).containsExactly(out.get(0));
    }

    @Test
    void someoneAdmittedWhoJoinedAndLeftComesBackWithoutWaiting() {
        policy(LobbyPolicy.EVERYONE);
        waits(john.id());
        convene.lobbies().admit(instance, john.id(), as(jane), "r");
        convene.join(john.id(), instance);
        convene.leave(john.id(), instance);

        assertThat(convene.enter(john.id(), instance)).isInstanceOf(JoinResult.class);
    }

    @Test
    void someoneAHostRemovedWaitsAgainWhereTheLobbyHoldsThem() {
        policy(LobbyPolicy.EVERYONE);
        waits(john.id());
        convene.lobbies().admit(instance, john.id(), as(jane), "r");
        convene.join(john.id(), instance);

        convene.hosting().remove(john.id(), instance, as(cora), "r");

        assertThat(convene.enter(john.id(), instance)).isInstanceOf(Waiting.class);
    }

    @Test
    void turningTheLobbyOffAdmitsWhoeverWaits() {
        List<Long> out = outsiders(2);
        out.forEach(this::waits);

        policy(LobbyPolicy.OFF);

        assertThat(convene.lobbies().lobby(instance).admitted()).extracting(a -> a.userId())
                .containsExactlyElementsOf(out);
        assertThat(convene.enter(out.get(0), instance)).isInstanceOf(JoinResult.class);
    }

    // Guests by link.

    org.convene.core.Guests.Guest guest(String name) {
        return convene.guests().open(convene.guests().makeLink(instance, as(cora), "r").link(), name);
    }

    @Test
    void aGuestLinkMakesAGuestWhoWaitsIsLetInAndIsMarkedInAttendance() {
        var guest = guest("Visitor");
        assertThat(convene.enter(guest.userId(), instance)).isInstanceOf(Waiting.class);
        convene.lobbies().admit(instance, guest.userId(), as(jane), "r");

        assertThat(convene.enter(guest.userId(), instance)).isInstanceOf(JoinResult.class);
        var report = convene.attendance(instance);
        assertThat(report.attendees()).extracting(r -> r.attendee().name()).containsExactly("Visitor");
        assertThat(report.guest(guest.userId())).isTrue();
    }

    @Test
    void withTheLobbyOffAGuestLinkLetsTheGuestStraightIn() {
        policy(LobbyPolicy.OFF);
        var guest = guest("Visitor");

        assertThat(convene.enter(guest.userId(), instance)).isInstanceOf(JoinResult.class);
    }

    @Test
    void aGuestJoinsNoOtherInstance() {
        var guest = guest("Visitor");
        long other = convene.createInstance(meeting, new TimeWindow(clock.instant().plus(hours(2)),
                clock.instant().plus(hours(3)))).id();

        assertThat(refusal(() -> convene.enter(guest.userId(), other)).refusal()).isEqualTo(Refusal.NOT_ALLOWED);
    }

    @Test
    void aRevokedLinkOpensNoMoreAndItsGuestsCannotJoin() {
        var made = convene.guests().makeLink(instance, as(jane), "r");
        var guest = convene.guests().open(made.link(), "Early");

        assertThat(convene.guests().revokeLink(instance, made.id(), as(cora), "r")).isTrue();

        assertThat(refusal(() -> convene.guests().open(made.link(), "Late")).refusal()).isEqualTo(Refusal.INVALID_GUEST_LINK);
        assertThat(refusal(() -> convene.enter(guest.userId(), instance)).refusal()).isEqualTo(Refusal.INVALID_GUEST_LINK);
        assertThat(convene.guests().links(instance, as(jane))).singleElement().satisfies(l -> assertThat(l.revokedAt()).isNotNull());
    }

    @Test
    void aLinkWithAWrongSecretDoesNotOpen() {
        String link = convene.guests().makeLink(instance, as(jane), "r").link();

        assertThat(refusal(() -> convene.guests().open(link + "x", "Visitor")).refusal()).isEqualTo(Refusal.INVALID_GUEST_LINK);
        assertThat(refusal(() -> convene.guests().open("not a link", "Visitor")).refusal()).isEqualTo(Refusal.INVALID_GUEST_LINK);
    }

    @Test
    void anAttendeeMakesNoGuestLink() {
        assertThat(refusal(() -> convene.guests().makeLink(instance, as(john), "r")).refusal()).isEqualTo(Refusal.ROLE_FORBIDDEN);
    }

    @Test
    void aGuestIsRemovedLikeAnyone() {
        policy(LobbyPolicy.OFF);
        var guest = guest("Visitor");
        convene.join(guest.userId(), instance);

        convene.hosting().remove(guest.userId(), instance, as(cora), "r");

        assertThat(convene.participants(instance)).isEmpty();
    }
}
