package dev.leadkit.csv;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.Chars;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** OWASP CSV injection: formula-leading cells are neutralised on export and restored on import. */
class CsvInjectionTest {

    @ParameterizedTest
    @ValueSource(strings = {"=SUM(A1:A9)", "+45 12 34 56 78", "-2+3", "@cmd", "\tindented", "\rcarriage",
            "=HYPERLINK(\"http://x\",\"y\")"})
    void aCellThatASpreadsheetWouldRunGetsTheMark(String value) {
        assertThat(CsvInjection.neutralise(value)).isEqualTo("'" + value);
        assertThat(CsvInjection.restore(CsvInjection.neutralise(value))).isEqualTo(value);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {"Ayşe|Ayşe", "'quoted'|'quoted'", "a=b|a=b", "45 12|45 12", "''|''"})
    void aHarmlessCellIsLeftAlone(String value, String expected) {
        assertThat(CsvInjection.neutralise(value)).isEqualTo(expected);
        assertThat(CsvInjection.restore(value)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {"'=1|''=1", "''+45|'''+45"})
    void markedValuesGetOneMoreMarkSoTheyRoundTripExactly(String value, String exported) {
        assertThat(CsvInjection.neutralise(value)).isEqualTo(exported);
        assertThat(CsvInjection.restore(exported)).isEqualTo(value);
    }

    @Property
    void restoreUndoesNeutraliseForAnyText(@ForAll @Chars({'=', '+', '-', '@', '\'', '\t', '\r', 'a', ' '})
                                           @CharRange(from = 'A', to = 'C') String value) {
        assertThat(CsvInjection.restore(CsvInjection.neutralise(value))).isEqualTo(value);
        String exported = CsvInjection.neutralise(value);
        assertThat(exported.isEmpty() || !CsvInjection.isFormulaStart(exported.charAt(0))).isTrue();
    }
}
