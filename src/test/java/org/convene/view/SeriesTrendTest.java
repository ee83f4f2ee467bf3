package org.convene.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The trend of a series' attendance: the least-squares line through how many came, in numbers, words and the picture. */
class SeriesTrendTest {
    private static List<SeriesAttendance.Occurrence> came(int... counts) {
        List<SeriesAttendance.Occurrence> list = new ArrayList<>();
        for (int i = 0; i < counts.length; i++) {
            Instant start = Instant.parse("2026-01-05T10:00:00Z").plusSeconds(7L * 86_400 * i);
            list.add(new SeriesAttendance.Occurrence(i + 1, start, start, "ended", counts[i], counts[i]));
        }
        return list;
    }

    @Test
    void attendanceDroppingByTwoEachTimeIsFallingByTwo() {
        var trend = SeriesAttendance.Trend.of(came(10, 8, 6, 4));

        assertThat(trend.direction()).isEqualTo("falling");
        assertThat(trend.first()).isEqualTo(10.0);
        assertThat(trend.last()).isEqualTo(4.0);
        assertThat(trend.perOccurrence()).isEqualTo(-2.0);
        assertThat(trend.words()).isEqualTo("Trend: falling, about 2.0 fewer each time");
    }

    @Test
    void aWobbleOfOnePersonInFiftyIsSteady() {
        assertThat(SeriesAttendance.Trend.of(came(50, 51, 50, 49, 50)).direction()).isEqualTo("steady");
    }

    @Test
    void growingAttendanceIsRising() {
        assertThat(SeriesAttendance.Trend.of(came(2, 3, 3, 5)).direction()).isEqualTo("rising");
    }

    @Test
    void twoOccurrencesAreTooFewForATrend() {
        assertThat(SeriesAttendance.Trend.of(came(4, 9))).isNull();
    }

    @Test
    void thePictureDrawsTheTrendFromTheFirstBarToTheLastAndSaysItInWords() {
        var glance = new SeriesAttendance(1, 1, came(10, 8, 6, 4), List.of(), SeriesAttendance.Trend.of(came(10, 8, 6, 4)));

        String svg = glance.svg("Weekly");

        assertThat(svg).contains("<line data-trend=\"falling\" x1=\"204.0\" y1=\"40.0\" x2=\"288.0\" y2=\"76.0\"")
                .contains(">Trend: falling, about 2.0 fewer each time</text>");
    }
}
