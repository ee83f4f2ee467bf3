package org.convene.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.lettuce.core.Range;
import io.lettuce.core.StreamMessage;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import org.convene.model.Actor;
import org.convene.model.GlobalRole;
import org.convene.model.Meeting;
import org.convene.model.MeetingDetails;
import org.convene.model.Refusal;
import org.convene.model.User;
import org.convene.model.UserDetails;
import org.convene.testing.Rounds;
import org.junit.jupiter.api.Test;

/**
 * Global roles and meeting owners on a real Redis: a role change is checked against the actor's own record
 * and recorded in the same step; only root grants or takes the admin role; a meeting keeps the owner it
 * was made with. John (1) and Jane (2) start as members.
 */
abstract class RolesContract extends StoreContract {

    private static Actor userActor(User user) {
        return new Actor(Actor.Kind.USER, user.id(), user.role());
    }

    private List<StreamMessage<String, String>> audit() throws Exception {
        return redis().async().xrange(Keys.USERS + ":audit", Range.create("-", "+")).get();
    }

    private User admin(String name) {
        User made = convene.createUser(new UserDetails(name, 40, "", name.toLowerCase() + "@example.com"));
        return convene.roles().change(made.id(), GlobalRole.ADMIN, Actor.ROOT, "r-" + name);
    }

    @Test
    void aUserWrittenWithoutARoleIsAMember() {
        assertThat(convene.user(john.id()).role()).isEqualTo(GlobalRole.MEMBER);
    }

    @Test
    void rootGivesARoleThatReadsBackAndMovesTheVersion() {
        long before = convene.user(jane.id()).version();

        User jane2 = convene.roles().change(jane.id(), GlobalRole.ORGANIZER, Actor.ROOT, "r-1");

        assertThat(jane2.role()).isEqualTo(GlobalRole.ORGANIZER);
        assertThat(jane2.version()).isEqualTo(before + 1);
        assertThat(convene.user(jane.id()).role()).isEqualTo(GlobalRole.ORGANIZER);
    }

    @Test
    void aRoleChangeIsRecordedWithItsActorInTheSameStep() throws Exception {
        User ada = admin("Ada");

        convene.roles().change(jane.id(), GlobalRole.ORGANIZER, userActor(ada), "r-2");

        Map<String, String> last = audit().get(audit().size() - 1).getBody();
        assertThat(last).containsEntry("action", "role_changed").containsEntry("outcome", "ok")
                .containsEntry("actorKind", "user").containsEntry("actorId", Long.toString(ada.id()))
                .containsEntry("actorRole", "admin").containsEntry("target", "user:" + jane.id())
                .containsEntry("before", "member").containsEntry("after", "organizer").containsEntry("requestId", "r-2");
        assertThat(audit()).extracting(StreamMessage::getId).as("numbered without gaps")
                .isEqualTo(java.util.stream.IntStream.rangeClosed(1, audit().size()).mapToObj(i -> i + "-0").toList());
    }

    @Test
    void anAdministratorCannotGrantTheAdminRole() throws Exception {
        User ada = admin("Ada");
        int records = audit().size();

        assertRefused(() -> convene.roles().change(jane.id(), GlobalRole.ADMIN, userActor(ada), "r"), Refusal.ROLE_FORBIDDEN,
                "Only root (the administrator token) may grant or take away the admin role");
        assertThat(convene.user(jane.id()).role()).isEqualTo(GlobalRole.MEMBER);
        assertThat(audit()).hasSize(records);
    }

    @Test
    void anAdministratorCannotDemoteAnotherAdministrator() {
        User ada = admin("Ada");
        User bea = admin("Bea");

        assertRefused(() -> convene.roles().change(bea.id(), GlobalRole.MEMBER, userActor(ada), "r"), Refusal.ROLE_FORBIDDEN,
                "Only root (the administrator token) may grant or take away the admin role");
        assertThat(convene.user(bea.id()).role()).isEqualTo(GlobalRole.ADMIN);
    }

    @Test
    void nobodyChangesTheirOwnRole() {
        User ada = admin("Ada");

        assertRefused(() -> convene.roles().change(ada.id(), GlobalRole.MEMBER, userActor(ada), "r"), Refusal.ROLE_FORBIDDEN,
                "Nobody may change their own role");
    }

    @Test
    void anActorDemotedSinceTheirTokenWasReadCannotChangeRoles() {
        User ada = admin("Ada");
        Actor asTheTokenSaid = userActor(ada);
        convene.roles().change(ada.id(), GlobalRole.MEMBER, Actor.ROOT, "r");

        assertRefused(() -> convene.roles().change(jane.id(), GlobalRole.ORGANIZER, asTheTokenSaid, "r"), Refusal.ROLE_FORBIDDEN,
                "Only an administrator may change roles");
        assertThat(convene.user(jane.id()).role()).isEqualTo(GlobalRole.MEMBER);
    }

    @Test
    void rootMayDemoteTheLastAdministrator() {
        User ada = admin("Ada");

        assertThat(convene.roles().change(ada.id(), GlobalRole.MEMBER, Actor.ROOT, "r").role()).isEqualTo(GlobalRole.MEMBER);
    }

    @Test
    void givingTheRoleAUserHasChangesAndRecordsNothing() throws Exception {
        long version = convene.user(jane.id()).version();
        int records = audit().size();

        User same = convene.roles().change(jane.id(), GlobalRole.MEMBER, Actor.ROOT, "r");

        assertThat(same.version()).isEqualTo(version);
        assertThat(audit()).hasSize(records);
    }

    @Test
    void aRoleForAMissingUserIsInvalidUser() {
        assertRefused(() -> convene.roles().change(99, GlobalRole.ORGANIZER, Actor.ROOT, "r"), Refusal.INVALID_USER,
                "Invalid user ID");
    }

    @Test
    void aTokenResolvesToItsUsersCurrentRole() {
        convene.roles().change(jane.id(), GlobalRole.ORGANIZER, Actor.ROOT, "r");
        store.credentials().setUserTokenHash(jane.id(), "ab".repeat(32), org.convene.model.Acting.ROOT, java.time.Instant.now());

        assertThat(store.credentials().userWithTokenHash("ab".repeat(32)).orElseThrow().role())
                .isEqualTo(GlobalRole.ORGANIZER);
    }

    @Test
    void aMeetingKeepsTheOwnerItWasMadeWithThroughAnUpdate() {
        convene.roles().change(jane.id(), GlobalRole.ORGANIZER, Actor.ROOT, "r");
        Meeting made = convene.createMeeting(new MeetingDetails("Jane's", "", true, List.of()), jane.id());

        Meeting updated = convene.updateMeeting(made.id(), new MeetingDetails("Jane's, renamed", "", true, List.of()),
                OptionalLong.empty());

        assertThat(made.owner()).hasValue(jane.id());
        assertThat(updated.owner()).hasValue(jane.id());
        assertThat(convene.meeting(made.id()).owner()).hasValue(jane.id());
    }

    @Test
    void aMemberCannotOwnAMeeting() {
        assertRefused(() -> convene.createMeeting(new MeetingDetails("John's", "", true, List.of()), john.id()),
                Refusal.OWNER_NOT_ORGANIZER, "User " + john.id() + " is not an organizer or administrator, and cannot own a meeting");
    }

    @Test
    void aMeetingMadeWithoutAnOwnerHasNone() {
        assertThat(convene.meeting(1).owner()).isEmpty();
    }

    private List<StreamMessage<String, String>> meetingAudit(long meetingId) throws Exception {
        // What hosts did: the meeting's making and scheduling by hand are recorded too (AuditSealContract).
        return redis().async().xrange(Keys.meeting(meetingId) + ":audit", Range.create("-", "+")).get().stream()
                .filter(m -> !java.util.Set.of("meeting_created", "meeting_changed", "meeting_deleted", "instance_scheduled", "instance_moved", "instance_deleted").contains(m.getBody().get("action"))).toList();
    }

    @Test
    void theOwnerHandsTheMeetingOverAndTheHandOverIsRecorded() throws Exception {
        User ann = convene.roles().change(jane.id(), GlobalRole.ORGANIZER, Actor.ROOT, "r");
        User bob = admin("Bob");
        long meeting = convene.createMeeting(new MeetingDetails("M", "", true, List.of()), ann.id()).id();

        Meeting handed = convene.roles().handOver(meeting, bob.id(), userActor(ann), "r-h");

        assertThat(handed.owner()).hasValue(bob.id());
        assertThat(meetingAudit(meeting)).singleElement().extracting(StreamMessage::getBody).satisfies(record ->
                assertThat(record).containsEntry("action", "owner_transferred").containsEntry("actorId", Long.toString(ann.id()))
                        .containsEntry("before", Long.toString(ann.id())).containsEntry("after", Long.toString(bob.id())));
    }

    @Test
    void aFormerOwnerCannotHandTheMeetingOverAgain() throws Exception {
        User ann = convene.roles().change(jane.id(), GlobalRole.ORGANIZER, Actor.ROOT, "r");
        User bob = admin("Bob");
        long meeting = convene.createMeeting(new MeetingDetails("M", "", true, List.of()), ann.id()).id();
        convene.roles().handOver(meeting, bob.id(), userActor(ann), "r");

        assertRefused(() -> convene.roles().handOver(meeting, ann.id(), userActor(ann), "r"), Refusal.HOSTS_ONLY,
                "Only the meeting's owner or an administrator may do this");
        assertThat(convene.meeting(meeting).owner()).hasValue(bob.id());
        assertThat(meetingAudit(meeting)).hasSize(1);
    }

    @Test
    void racingHandOversLeaveOneOwnerAndTheLastRecordNamesThem() throws Exception {
        User ann = convene.roles().change(jane.id(), GlobalRole.ORGANIZER, Actor.ROOT, "r");
        User bob = admin("Bob");
        User cat = admin("Cat");
        for (int round = 0; round < Rounds.of(20); round++) {
            long meeting = convene.createMeeting(new MeetingDetails("M" + round, "", true, List.of()), ann.id()).id();
            var first = CompletableFuture.runAsync(() -> convene.roles().handOver(meeting, bob.id(), userActor(ann), "a"));
            var second = CompletableFuture.runAsync(() -> convene.roles().handOver(meeting, cat.id(), Actor.ROOT, "b"));
            CompletableFuture.allOf(first, second).exceptionally(refused -> null).join();

            List<StreamMessage<String, String>> records = meetingAudit(meeting);
            long owner = convene.meeting(meeting).owner().orElseThrow();
            assertThat(records.get(records.size() - 1).getBody()).containsEntry("after", Long.toString(owner));
            assertThat(records).hasSizeBetween(1, 2);
        }
    }

    @Test
    void aSuspensionRetiresTheUsersTokenAndIsRecorded() throws Exception {
        store.credentials().setUserTokenHash(jane.id(), "cd".repeat(32), org.convene.model.Acting.ROOT, java.time.Instant.now());

        User suspended = convene.roles().suspend(jane.id(), true, Actor.ROOT, "r-s");

        assertThat(suspended.suspended()).isTrue();
        assertThat(store.credentials().userWithTokenHash("cd".repeat(32))).isEmpty();
        assertThat(audit().get(audit().size() - 1).getBody()).containsEntry("action", "user_suspended")
                .containsEntry("target", "user:" + jane.id()).containsEntry("requestId", "r-s");
    }

    @Test
    void aTokenMadeWhileSuspendedOpensNothingUntilTheSuspensionIsLifted() {
        convene.roles().suspend(jane.id(), true, Actor.ROOT, "r");
        store.credentials().setUserTokenHash(jane.id(), "ef".repeat(32), org.convene.model.Acting.ROOT, java.time.Instant.now());
        assertThat(store.credentials().userWithTokenHash("ef".repeat(32))).isEmpty();

        User lifted = convene.roles().suspend(jane.id(), false, Actor.ROOT, "r");

        assertThat(lifted.suspended()).isFalse();
        assertThat(store.credentials().userWithTokenHash("ef".repeat(32))).isPresent();
    }

    @Test
    void aSuspendedUsersMeetingsGoOn() {
        convene.roles().change(jane.id(), GlobalRole.ORGANIZER, Actor.ROOT, "r");
        long meeting = convene.createMeeting(new MeetingDetails("Jane's", "", true, List.of()), jane.id()).id();

        convene.roles().suspend(jane.id(), true, Actor.ROOT, "r");

        assertThat(convene.meeting(meeting).owner()).hasValue(jane.id());
    }

    @Test
    void anAdministratorCannotSuspendAnotherAdministratorNorThemselves() {
        User ada = admin("Ada");
        User bea = admin("Bea");

        assertRefused(() -> convene.roles().suspend(bea.id(), true, userActor(ada), "r"), Refusal.ROLE_FORBIDDEN,
                "Only root (the administrator token) may suspend an administrator");
        assertRefused(() -> convene.roles().suspend(ada.id(), true, userActor(ada), "r"), Refusal.ROLE_FORBIDDEN,
                "Nobody may suspend themselves or lift their own suspension");
        assertThat(convene.user(bea.id()).suspended()).isFalse();
    }

    @Test
    void aSuspendedAdministratorCannotChangeRoles() {
        User ada = admin("Ada");
        convene.roles().suspend(ada.id(), true, Actor.ROOT, "r");

        assertRefused(() -> convene.roles().change(jane.id(), GlobalRole.ORGANIZER, userActor(ada), "r"), Refusal.ROLE_FORBIDDEN,
                "Only an administrator may change roles");
    }

    @Test
    void deletingAUserWhoOwnsMeetingsIsRefusedNamingThemAndChangesNothing() {
        User ann = convene.roles().change(jane.id(), GlobalRole.ORGANIZER, Actor.ROOT, "r");
        long first = convene.createMeeting(new MeetingDetails("A", "", true, List.of()), ann.id()).id();
        long second = convene.createMeeting(new MeetingDetails("B", "", true, List.of()), ann.id()).id();

        assertRefused(() -> convene.deleteUser(ann.id()), Refusal.OWNS_MEETINGS, "User " + ann.id() + " owns meetings "
                + first + ", " + second + ": hand them over first, or delete with handTo naming an organizer or "
                + "administrator to hand them to");
        assertThat(convene.user(ann.id()).id()).isEqualTo(ann.id());
    }

    @Test
    void aMeetingHandedAwayNoLongerHoldsItsFormerOwnerBack() {
        User ann = convene.roles().change(jane.id(), GlobalRole.ORGANIZER, Actor.ROOT, "r");
        User bob = admin("Bob");
        long meeting = convene.createMeeting(new MeetingDetails("A", "", true, List.of()), ann.id()).id();
        convene.roles().handOver(meeting, bob.id(), Actor.ROOT, "r");

        convene.deleteUser(ann.id());

        assertThat(convene.meeting(meeting).owner()).hasValue(bob.id());
    }

    @Test
    void deletingAnOwnerWithAnHeirHandsEachMeetingOverWithItsRecordThenDeletes() throws Exception {
        User ann = convene.roles().change(jane.id(), GlobalRole.ORGANIZER, Actor.ROOT, "r");
        User bob = admin("Bob");
        long first = convene.createMeeting(new MeetingDetails("A", "", true, List.of()), ann.id()).id();
        long second = convene.createMeeting(new MeetingDetails("B", "", true, List.of()), ann.id()).id();

        convene.roles().deleteHandingOver(ann.id(), bob.id(), Actor.ROOT, "r-del");

        assertThat(convene.meeting(first).owner()).hasValue(bob.id());
        assertThat(convene.meeting(second).owner()).hasValue(bob.id());
        assertThat(meetingAudit(first)).last().satisfies(e -> assertThat(e.getBody())
                .containsEntry("action", "owner_transferred").containsEntry("requestId", "r-del"));
        assertRefused(() -> convene.user(ann.id()), Refusal.INVALID_USER, "Invalid user ID");
    }

    @Test
    void anHeirWhoMayNotOwnMeetingsIsRefusedAndNothingIsHandedOver() {
        User ann = convene.roles().change(jane.id(), GlobalRole.ORGANIZER, Actor.ROOT, "r");
        long meeting = convene.createMeeting(new MeetingDetails("A", "", true, List.of()), ann.id()).id();

        assertRefused(() -> convene.roles().deleteHandingOver(ann.id(), john.id(), Actor.ROOT, "r"), Refusal.OWNER_NOT_ORGANIZER,
                "User " + john.id() + " is not an organizer or administrator, and cannot own a meeting");
        assertThat(convene.meeting(meeting).owner()).hasValue(ann.id());
    }

    @Test
    void theLayoutFourStepIndexesTheOwnersOfMeetingsWrittenBeforeIt() throws Exception {
        User ann = convene.roles().change(jane.id(), GlobalRole.ORGANIZER, Actor.ROOT, "r");
        long meeting = convene.createMeeting(new MeetingDetails("A", "", true, List.of()), ann.id()).id();
        redis().async().del(OwnedMeetings.key(ann.id())).get();
        redis().async().set(DataLayout.VERSION, "3").get();
        redis().async().srem(DataLayout.DONE, "index-owned-meetings").get();

        store.layout().bringUpToDate(java.time.Duration.ofSeconds(30));

        assertThat(store.layout().version()).isEqualTo(4);
        assertThat(store.meetings().ownedBy(ann.id())).containsExactly(meeting);
    }
}
