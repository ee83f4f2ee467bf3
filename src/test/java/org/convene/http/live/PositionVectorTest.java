package org.convene.http.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.convene.model.RefusedException;
import org.convene.model.StreamPosition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PositionVectorTest {
    @Test
    void nothingMeansTheStartOfTheLifecycleAndNoInstances() {
        PositionVector vector = PositionVector.parse(null);

        assertThat(vector.lifecycle()).isEqualTo(StreamPosition.START);
        assertThat(vector.instances()).isEmpty();
        assertThat(vector).hasToString("l=0");
    }

    @Test
    void aPlainStreamIdIsALifecyclePosition() {
        assertThat(PositionVector.parse("17-3").lifecycle()).hasToString("17-3");
    }

    @Test
    void aVectorRoundTripsWithEveryPosition() {
        PositionVector vector = PositionVector.parse("l=17-3;2=0;5=20-1");

        assertThat(vector.instances()).containsExactlyInAnyOrder(2L, 5L);
        assertThat(vector.of(5)).hasToString("20-1");
        assertThat(vector).hasToString("l=17-3;2=0;5=20-1");
    }

    @Test
    void retainDropsTheInstancesTheCallerMayNotSee() {
        PositionVector vector = PositionVector.parse("l=1-0;2=0;3=0");

        assertThat(vector.retain(id -> id != 2)).containsExactly(2L);
        assertThat(vector).hasToString("l=1-0;3=0");
    }

    @ParameterizedTest
    @ValueSource(strings = {"l=1-0;x=2", "l=abc", "0=1-0", "l", "l=1-0;;2=0", "l=1-0;2=-1"})
    void aMalformedVectorIsRefused(String bad) {
        assertThatThrownBy(() -> PositionVector.parse(bad)).isInstanceOf(RefusedException.class)
                .hasMessageStartingWith("Last-Event-ID must be");
    }

    @Test
    void aVectorNamingTooManyInstancesIsRefused() {
        StringBuilder many = new StringBuilder("l=0");
        for (int i = 1; i <= PositionVector.MAX_POSITIONS + 1; i++) many.append(';').append(i).append("=0");

        assertThatThrownBy(() -> PositionVector.parse(many.toString())).isInstanceOf(RefusedException.class)
                .hasMessage("Last-Event-ID names too many positions");
    }
}
