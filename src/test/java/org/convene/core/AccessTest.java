package org.convene.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.convene.core.port.Audiences;
import org.convene.model.GlobalRole;
import org.convene.model.Meeting;
import org.convene.model.MeetingDetails;
import org.convene.model.Refusal;
import org.convene.model.RefusedException;
import org.junit.jupiter.api.Test;

/**
 * The access rules alone: instance 1's meeting (1) is public, instance 2's (2) is open to ann only, instance 3
 * does not exist. Meeting 2 is owned by Olga, an organizer; meeting 1 has no owner.
 */
class AccessTest {
    static final Caller ANN = Caller.user(1, "ann@example.com");
    static final Caller BOB = Caller.user(2, "bob@example.com");
    static final Caller OLGA = Caller.user(3, "olga@example.com", GlobalRole.ORGANIZER);
    static final Caller OTTO = Caller.user(4, "otto@example.com", GlobalRole.ORGANIZER);
    static final Caller ADA = Caller.user(5, "ada@example.com", GlobalRole.ADMIN);
    static final Meeting PUBLIC = new Meeting(1, new MeetingDetails("Standup", "", true, List.of()), 1);
    static final Meeting REVIEW = new Meeting(2, new MeetingDetails("Review", "", false, List.of("ann@example.com")), 1,
            OptionalLong.of(3));

    final Access access = new Access(new Audiences() {
        @Override
        public boolean openTo(long instanceId, String email, long userId) {
            return switch ((int) instanceId) {
                case 1 -> true;
                case 2 -> email.equals("ann@example.com");
                default -> throw Refusal.INVALID_INSTANCE.refuse();
            };
        }

        @Override
        public Optional<Meeting> meeting(long meetingId) {
            return meetingId == 1 ? Optional.of(PUBLIC) : meetingId == 2 ? Optional.of(REVIEW) : Optional.empty();
        }

        @Override
        public long meetingOf(long instanceId) {
            if (instanceId > 2) throw Refusal.INVALID_INSTANCE.refuse();
            return instanceId;
        }
    });

    @Test
    void onlyTheAdministratorPassesTheAdministratorsRule() {
        assertThat(access.requireAdmin(Caller.ADMIN)).isEqualTo(Caller.ADMIN);
        assertRefused(() -> access.requireAdmin(ANN), Refusal.ADMIN_ONLY);
    }

    @Test
    void aUserActsOnlyAsThemselves() {
        access.requireActingAs(ANN, 1);
        access.requireActingAs(Caller.ADMIN, 1);
        assertRefused(() -> access.requireActingAs(BOB, 1), Refusal.NOT_SELF);
    }

    @Test
    void everyoneSeesInsideAPublicMeeting() {
        assertThat(access.seesInside(BOB, 1)).isTrue();
    }

    @Test
    void onlyTheAudienceAndTheAdministratorSeeInsideAPrivateMeeting() {
        assertThat(access.seesInside(ANN, 2)).isTrue();
        assertThat(access.seesInside(Caller.ADMIN, 2)).isTrue();
        assertThat(access.seesInside(BOB, 2)).isFalse();
        assertRefused(() -> access.requireInside(BOB, 2), Refusal.AUDIENCE_ONLY);
    }

    @Test
    void aMissingInstanceIsNotFoundWhenRequiredAndUnseenWhenAsked() {
        assertRefused(() -> access.requireInside(ANN, 3), Refusal.INVALID_INSTANCE);
        assertThat(access.seesInside(ANN, 3)).isFalse();
    }

    @Test
    void theAudienceRuleOnAMeetingIsTheSameAsOnItsInstances() {
        Meeting review = new Meeting(7, new MeetingDetails("Review", "", false, List.of("ann@example.com")), 1);

        assertThat(access.seesInside(ANN, review)).isTrue();
        assertThat(access.seesInside(BOB, review)).isFalse();
        assertThat(access.seesInside(Caller.ADMIN, review)).isTrue();
    }

    @Test
    void askedAboutManyAtOnceEachCallerSeesWhatTheRuleGivesThem() {
        var seen = access.seesInside(Map.of(ANN, Set.of(1L, 2L, 3L), BOB, Set.of(1L, 2L),
                Caller.ADMIN, Set.of(2L)));

        assertThat(seen.get(ANN)).containsExactlyInAnyOrder(1L, 2L);
        assertThat(seen.get(BOB)).containsExactly(1L);
        assertThat(seen.get(Caller.ADMIN)).containsExactly(2L);
    }

    @Test
    void theAdministratorsAndTheOwnerSeeAnAudienceList() {
        assertThat(access.seesAudience(Caller.ADMIN, REVIEW)).isTrue();
        assertThat(access.seesAudience(ADA, REVIEW)).isTrue();
        assertThat(access.seesAudience(OLGA, REVIEW)).isTrue();
        assertThat(access.seesAudience(ANN, REVIEW)).isFalse();
        assertThat(access.seesAudience(OTTO, REVIEW)).isFalse();
    }

    @Test
    void anAdministratorUserPassesTheAdministratorsRuleAndAnOrganizerDoesNot() {
        assertThat(access.requireAdmin(ADA)).isEqualTo(ADA);
        assertRefused(() -> access.requireAdmin(OLGA), Refusal.ADMIN_ONLY);
    }

    @Test
    void organizersAndAdministratorsMakeMeetingsAndMembersDoNot() {
        access.requireMakesMeetings(OLGA);
        access.requireMakesMeetings(ADA);
        access.requireMakesMeetings(Caller.ADMIN);
        assertRefused(() -> access.requireMakesMeetings(ANN), Refusal.ORGANIZERS_ONLY);
    }

    @Test
    void theOwnerRunsTheirMeetingAndNoOtherOrganizerDoes() {
        access.requireRuns(OLGA, 2);
        access.requireRunsInstance(OLGA, 2);
        assertRefused(() -> access.requireRuns(OTTO, 2), Refusal.HOSTS_ONLY);
        assertRefused(() -> access.requireRuns(ANN, 2), Refusal.HOSTS_ONLY);
        assertRefused(() -> access.requireRunsInstance(OLGA, 1), Refusal.HOSTS_ONLY);
    }

    @Test
    void theAdministratorsRunEveryMeetingOwnedOrNot() {
        access.requireRuns(ADA, 1);
        access.requireRuns(ADA, 2);
        access.requireRuns(Caller.ADMIN, 2);
    }

    @Test
    void runningAMissingMeetingOrInstanceIsNotFound() {
        assertRefused(() -> access.requireRuns(OLGA, 9), Refusal.INVALID_MEETING);
        assertRefused(() -> access.requireRunsInstance(OLGA, 3), Refusal.INVALID_INSTANCE);
    }

    @Test
    void aCallersStandingIsTheHighestThatApplies() {
        assertThat(access.standing(Caller.ADMIN, REVIEW)).isEqualTo(Permissions.Standing.ROOT);
        assertThat(access.standing(ADA, REVIEW)).isEqualTo(Permissions.Standing.ADMIN);
        assertThat(access.standing(OLGA, REVIEW)).isEqualTo(Permissions.Standing.OWNER);
        assertThat(access.standing(ANN, REVIEW)).isEqualTo(Permissions.Standing.ATTENDEE);
        assertThat(access.standing(BOB, REVIEW)).isEqualTo(Permissions.Standing.OUTSIDER);
    }

    private static void assertRefused(Runnable call, Refusal refusal) {
        assertThatThrownBy(call::run).isInstanceOf(RefusedException.class)
                .extracting(e -> ((RefusedException) e).refusal()).isEqualTo(refusal);
    }
}
