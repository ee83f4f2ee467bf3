package org.convene.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import org.convene.model.Meeting;
import org.convene.model.MeetingDetails;
import org.junit.jupiter.api.Test;

/**
 * The index of who may join each meeting, behind the personal calendar feeds, on a real Redis: it follows
 * creations, audience changes and deletions, ignores a save applied after a later one, and the layout-3
 * step rebuilds it from the meetings. Meeting 1 is public, meeting 2 private to John.
 */
abstract class OpenMeetingsContract extends StoreContract {

    private List<Long> openTo(long userId) {
        return convene.meetingsOpenTo(convene.user(userId)).stream().map(Meeting::id).toList();
    }

    private List<String> indexed(String key) throws Exception {
        return redis().async().smembers(Keys.CATALOG + ":open:" + key).get().stream().sorted().toList();
    }

    @Test
    void aUserMayJoinThePublicMeetingsAndThoseWithTheirEmailInTheAudience() {
        assertThat(openTo(john.id())).containsExactly(1L, 2L);
        assertThat(openTo(jane.id())).containsExactly(1L);
    }

    @Test
    void anAudienceChangeMovesAMeetingFromOneUsersFeedToAnothers() {
        convene.updateMeeting(2, new MeetingDetails("Review", "", false, List.of(jane.details().email())), OptionalLong.empty());

        assertThat(openTo(john.id())).containsExactly(1L);
        assertThat(openTo(jane.id())).containsExactly(1L, 2L);
    }

    @Test
    void aMeetingMadePublicIsOpenToEveryoneAndLeavesTheAudienceIndex() throws Exception {
        convene.updateMeeting(2, new MeetingDetails("Review", "", true, List.of(john.details().email())), OptionalLong.empty());

        assertThat(openTo(jane.id())).containsExactly(1L, 2L);
        assertThat(indexed("email:" + john.details().email())).isEmpty();
    }

    @Test
    void aDeletedMeetingLeavesTheIndex() throws Exception {
        long meeting = convene.createMeeting(new MeetingDetails("Gone", "", false, List.of(jane.details().email()))).id();

        convene.deleteMeeting(meeting);

        assertThat(openTo(jane.id())).containsExactly(1L);
        assertThat(indexed("email:" + jane.details().email())).isEmpty();
    }

    @Test
    void aSaveAppliedAfterALaterOneChangesNothing() throws Exception {
        Meeting first = convene.meeting(2);
        convene.updateMeeting(2, new MeetingDetails("Review", "", false, List.of(jane.details().email())), OptionalLong.empty());

        new OpenMeetings(new RedisCalls(redis(), 1)).saved(first);

        assertThat(indexed("email:" + john.details().email())).isEmpty();
        assertThat(indexed("email:" + jane.details().email())).containsExactly("2");
    }

    @Test
    void theLayoutThreeStepRebuildsTheIndexFromTheMeetings() throws Exception {
        long more = convene.createMeeting(new MeetingDetails("More", "", false, List.of(jane.details().email()))).id();
        redis().async().del(Keys.CATALOG + ":open:public", Keys.CATALOG + ":open:email:" + john.details().email(),
                Keys.CATALOG + ":open:email:" + jane.details().email(), Keys.CATALOG + ":open:meeting:1",
                Keys.CATALOG + ":open:meeting:2", Keys.CATALOG + ":open:meeting:" + more).get();
        redis().async().set(DataLayout.VERSION, "2").get();
        redis().async().srem(DataLayout.DONE, "index-open-meetings").get();

        store.layout().bringUpToDate(Duration.ofSeconds(30));

        assertThat(store.layout().version()).isEqualTo(DataLayout.CURRENT);
        assertThat(openTo(john.id())).containsExactly(1L, 2L);
        assertThat(openTo(jane.id())).containsExactly(1L, more);
    }
}
