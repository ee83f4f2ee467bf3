package org.convene.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StreamPositionTest {
    @Test
    void zeroIsTheStartAndPrintsAsZero() {
        assertThat(StreamPosition.parse("Last-Event-ID", "0")).isEqualTo(StreamPosition.START);
        assertThat(StreamPosition.START).hasToString("0");
    }

    @Test
    void aStreamIdRoundTrips() {
        assertThat(StreamPosition.parse("Last-Event-ID", "1700000000000-7")).hasToString("1700000000000-7");
    }

    @Test
    void positionsOrderByMillisThenSequence() {
        StreamPosition a = StreamPosition.parse("id", "5-9");
        StreamPosition b = StreamPosition.parse("id", "6-0");
        StreamPosition c = StreamPosition.parse("id", "6-1");

        assertThat(b.isAfter(a)).isTrue();
        assertThat(c.isAfter(b)).isTrue();
        assertThat(a.isAfter(StreamPosition.START)).isTrue();
        assertThat(StreamPosition.START.isAfter(a)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "-", "1-", "-1", "1-2-3", "a-1", "1 -2", "99999999999999999999-0", "1;2", "00"})
    void anythingElseIsRefusedNamingTheField(String bad) {
        assertThat(StreamPosition.isValid(bad)).isFalse();
        assertThatThrownBy(() -> StreamPosition.parse("Last-Event-ID", bad)).isInstanceOf(RefusedException.class)
                .hasMessage("Last-Event-ID must be a stream id such as 1700000000000-0");
    }
}
