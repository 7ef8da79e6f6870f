package dev.leadkit.csv;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.QuoteMode;

import java.io.IOException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The export's record writer prints exactly what Apache Commons CSV prints for the same values. */
class CsvRecordsProperties {

    @Property(tries = 2_000)
    void printsWhatCommonsCsvPrints(@ForAll("records") List<String> values, @ForAll("delimiters") char delimiter)
            throws IOException {
        String[] record = values.toArray(new String[0]);
        StringBuilder ours = new StringBuilder();
        CsvRecords.append(ours, record, delimiter);
        assertThat(ours.toString()).isEqualTo(commons(record, delimiter));
    }

    @Example
    void quotesWhereASpreadsheetWouldMisreadTheValue() throws IOException {
        String[] record = {"", "#5", " lead", "Søren ", "a,b", "say \"hi\"", "two\r\nlines", "Işık", "plain", ""};
        StringBuilder ours = new StringBuilder();
        CsvRecords.append(ours, record, ',');
        assertThat(ours.toString())
                .isEqualTo("\"\",\"#5\",\" lead\",\"Søren \",\"a,b\",\"say \"\"hi\"\"\",\"two\r\nlines\",Işık,plain,\r\n")
                .isEqualTo(commons(record, ','));
    }

    private static String commons(String[] record, char delimiter) throws IOException {
        StringBuilder expected = new StringBuilder();
        CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(delimiter).setRecordSeparator("\r\n")
                .setQuoteMode(QuoteMode.MINIMAL).get();
        new CSVPrinter(expected, format).printRecord((Object[]) record);
        return expected.toString();
    }

    @Provide
    Arbitrary<List<String>> records() {
        Arbitrary<String> tricky = Arbitraries.strings().withChars("\"\r\n,;\t #!=+-@aıøėš😀 ").ofMaxLength(8);
        Arbitrary<String> any = Arbitraries.strings().all().ofMaxLength(12);
        return Arbitraries.oneOf(tricky, any, Arbitraries.just("")).list().ofMinSize(1).ofMaxSize(8);
    }

    @Provide
    Arbitrary<Character> delimiters() {
        return Arbitraries.of(',', ';', '\t');
    }
}
