package org.convene.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Value types refuse bad input in their constructors, naming the field and the problem. */
class ValueTypesTest {

    @ParameterizedTest
    @ValueSource(strings = {"*", ":", "{1}", "0", "-3", "", " 1", "1e3", "0x10", "٣"})
    void anIdMustBeAPositiveInteger(String raw) {
        assertThatThrownBy(() -> Ids.parse("user", raw)).isInstanceOf(RefusedException.class)
                .hasMessageStartingWith("user must be a positive integer");
    }

    @Test
    void anIdParsesWhenItIsOne() {
        assertThat(Ids.parse("user", "42")).isEqualTo(42);
    }

    @ParameterizedTest
    @ValueSource(strings = {"plain", "a@b", "@example.com", "a b@example.com", "a@@example.com"})
    void anEmailMustLookLikeOne(String email) {
        assertThatThrownBy(() -> new UserDetails("A", 1, "", email)).hasMessageStartingWith("email is not a valid e-mail");
    }

    @ParameterizedTest
    @ValueSource(strings = {"a\"b@example.com", "a<b@example.com", "a>b@example.com", "o'brien@example.com",
        "a=b@example.com", "a/b@example.com", "a@exa<mple.com", "a..b@example.com", ".a@example.com"})
    void aNewEmailMayHaveNoMarkupCharacters(String email) {
        assertThatThrownBy(() -> UserDetails.email(email)).isInstanceOf(RefusedException.class)
                .hasMessageStartingWith("email may have only letters, digits and . _ % + - before the @");
    }

    @ParameterizedTest
    @ValueSource(strings = {"anna.o-k+tag_1%x@mail.example.com", "jürgen@beispiel.de", "A.B@Example.COM"})
    void aNewEmailMayHaveLettersDigitsAndTheUsualMarks(String email) {
        assertThat(UserDetails.email(email)).isEqualTo(email.toLowerCase(Locale.ROOT));
    }

    @Test
    void aNewAudienceEmailIsHeldToTheSameRule() {
        assertThatThrownBy(() -> MeetingDetails.audience(List.of("ok@example.com", "x'=/y@example.com")))
                .hasMessageStartingWith("audience e-mail may have only");
    }

    @Test
    void anEmailStoredBeforeTheRuleStillReads() {
        assertThat(new UserDetails("A", 1, "", "o'brien@example.com").email()).isEqualTo("o'brien@example.com");
    }

    @ParameterizedTest
    @ValueSource(chars = {'\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069'})
    void aNewNameMayHaveNoDirectionControl(char control) {
        assertThatThrownBy(() -> UserDetails.name(control + "gnp.exe")).isInstanceOf(RefusedException.class)
                .hasMessageStartingWith("name must not contain bidirectional controls");
    }

    @ParameterizedTest
    @ValueSource(chars = {'\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069'})
    void aNewTitleMayHaveNoDirectionControl(char control) {
        assertThatThrownBy(() -> MeetingDetails.title("Review " + control + "fdp.exe")).isInstanceOf(RefusedException.class)
                .hasMessageStartingWith("title must not contain bidirectional controls");
    }

    @Test
    void aRightToLeftNameIsStillAName() {
        assertThat(UserDetails.name("\u05D3\u05E0\u05D4 \u05DB\u05D4\u05DF")).isEqualTo("\u05D3\u05E0\u05D4 \u05DB\u05D4\u05DF");
    }

    @Test
    void anAgeMustBeBetweenZeroAndOneHundredFifty() {
        assertThatThrownBy(() -> new UserDetails("A", 151, "", "a@example.com"))
                .hasMessage("age must be between 0 and 150, was 151");
        assertThatThrownBy(() -> new UserDetails("A", -1, "", "a@example.com"))
                .hasMessage("age must be between 0 and 150, was -1");
    }

    @Test
    void aNameMustNotBeBlank() {
        assertThatThrownBy(() -> new UserDetails("  ", 1, "", "a@example.com")).hasMessage("name must not be empty");
    }

    @Test
    void controlCharactersAreRefusedInNames() {
        assertThatThrownBy(() -> new UserDetails("A\u0000B", 1, "", "a@example.com"))
                .hasMessage("name must not contain control characters");
    }

    @Test
    void aTitleMustNotBeEmpty() {
        assertThatThrownBy(() -> new MeetingDetails("", "", true, List.of())).hasMessage("title must not be empty");
    }

    @Test
    void anAudienceEmailMustBeValid() {
        assertThatThrownBy(() -> new MeetingDetails("T", "", false, List.of("x")))
                .hasMessageStartingWith("audience e-mail is not a valid e-mail address");
    }

    @Test
    void aWindowMustEndAfterItStarts() {
        Instant t = Instant.parse("2026-01-01T10:00:00Z");
        assertThatThrownBy(() -> new TimeWindow(t, t)).hasMessage("to must be after from (" + t + "), was " + t);
    }

    @Test
    void aWindowPastYear9999IsRefusedRatherThanOverflowing() {
        Instant far = Instant.parse("+999999999-12-31T22:00:00Z");

        assertThatThrownBy(() -> new TimeWindow(far, far.plusSeconds(3600))).isInstanceOf(RefusedException.class)
                .hasMessageStartingWith("from must lie between 1970 and 9999");
    }

    @Test
    void anInstantAClientGivesMustLieBetween1970And9999() {
        assertThatThrownBy(() -> TimeWindow.within("since", Instant.parse("-000001-01-01T00:00:00Z")))
                .hasMessageStartingWith("since must lie between 1970 and 9999");
        assertThat(TimeWindow.within("since", TimeWindow.LATEST)).isEqualTo(TimeWindow.LATEST);
    }

    @Test
    void anInstanceIsActiveFromItsStartInclusiveToItsEndExclusive() {
        Instant from = Instant.parse("2026-01-01T10:00:00Z");
        Instant to = from.plusSeconds(60);
        MeetingInstance instance = new MeetingInstance(1, 1, 1, new TimeWindow(from, to), InstanceStatus.SCHEDULED);

        assertThat(instance.effectiveStatus(from.minusMillis(1))).isEqualTo(InstanceStatus.SCHEDULED);
        assertThat(instance.effectiveStatus(from)).isEqualTo(InstanceStatus.ACTIVE);
        assertThat(instance.effectiveStatus(to.minusMillis(1))).isEqualTo(InstanceStatus.ACTIVE);
        assertThat(instance.effectiveStatus(to)).isEqualTo(InstanceStatus.ENDED);
    }

    @Test
    void anInstanceEndedEarlyStaysEndedInsideItsWindow() {
        Instant from = Instant.parse("2026-01-01T10:00:00Z");
        MeetingInstance instance = new MeetingInstance(1, 1, 1, new TimeWindow(from, from.plusSeconds(60)),
                InstanceStatus.ENDED);

        assertThat(instance.effectiveStatus(from.plusSeconds(1))).isEqualTo(InstanceStatus.ENDED);
    }
}
