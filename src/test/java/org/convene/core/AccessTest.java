package org.convene.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.convene.model.Meeting;
import org.convene.model.MeetingDetails;
import org.convene.model.Refusal;
import org.convene.model.RefusedException;
import org.junit.jupiter.api.Test;

/** The access rules alone: instance 1's meeting is public, instance 2's is open to ann only, instance 3 does not exist. */
class AccessTest {
    static final Caller ANN = Caller.user(1, "ann@example.com");
    static final Caller BOB = Caller.user(2, "bob@example.com");

    final Access access = new Access((instanceId, email) -> switch ((int) instanceId) {
        case 1 -> true;
        case 2 -> email.equals("ann@example.com");
        default -> throw Refusal.INVALID_INSTANCE.refuse();
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
    void onlyTheAdministratorSeesAudienceLists() {
        assertThat(access.seesAudience(Caller.ADMIN)).isTrue();
        assertThat(access.seesAudience(ANN)).isFalse();
    }

    private static void assertRefused(Runnable call, Refusal refusal) {
        assertThatThrownBy(call::run).isInstanceOf(RefusedException.class)
                .extracting(e -> ((RefusedException) e).refusal()).isEqualTo(refusal);
    }
}
