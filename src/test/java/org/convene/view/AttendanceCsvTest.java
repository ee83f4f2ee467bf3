package org.convene.view;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The attendance CSV's cells: whatever a spreadsheet would run as a formula stays text. */
class AttendanceCsvTest {

    @ParameterizedTest
    @ValueSource(strings = {"=1+1", "+1", "-1", "@SUM(A1)", "\t=1", "\r=1", "\u00A0=HYPERLINK(\"http://x\")",
        "\u200B=1+1", "\uFEFF=1+1", "\u202E=1+1", " \u00A0\u200B=1+1", "\uFF1DHYPERLINK(\"http://x\")", "\uFF0B1",
        "\uFF0D1", "\uFF20SUM(A1)", "\u3000=1+1"})
    void aCellThatAFormulaStartsOrHidesBehindInvisibleCharactersIsPrefixed(String name) {
        assertThat(AttendanceCsv.cell(name)).isEqualTo("'" + name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Ann", "Ann = Bob", "\u00A0Ann", "O'Brien", "\u05D3\u05E0\u05D4", ""})
    void aCellWithNoFormulaFirstIsLeftAsItIs(String name) {
        assertThat(AttendanceCsv.cell(name)).isEqualTo(name);
    }
}
