package dev.leadkit.csv;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Any table Commons CSV's printer writes, the reader reads back cell for cell. */
class CsvRoundTripProperties {

    /** Pieces of cells: quotes, every delimiter, line ends, spaces, emoji, letters of the four languages. */
    private static final List<String> PIECES = List.of("a", "Z", "7", " ", "\"", ",", ";", "\t", "\n", "\r", "\r\n",
            "æ", "ø", "å", "Æ", "ı", "İ", "ş", "ğ", "ė", "š", "ų", "😀", "👩‍👩‍👧", "中", "'", "\\", "#", "=");

    @Property(tries = 300)
    void aPrintedTableIsReadBackIdentically(@ForAll("tables") List<List<String>> table, @ForAll("delimiters") char delimiter)
            throws IOException {
        StringWriter text = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(text, CSVFormat.DEFAULT.builder().setDelimiter(delimiter).get())) {
            for (List<String> row : table) {
                printer.printRecord(row);
            }
        }
        byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);

        List<List<String>> read = new ArrayList<>();
        try (LeadCsvReader reader = LeadCsvReader.open(new ByteArrayInputStream(bytes),
                CsvOptions.builder().delimiter(delimiter).build())) {
            read.add(reader.mapping().header());
            for (CsvRow row : reader) {
                assertThat(row.problems()).as("line %d", row.line()).isEmpty();
                read.add(row.cells());
            }
        }

        assertThat(read).isEqualTo(table);
    }

    @Provide
    Arbitrary<List<List<String>>> tables() {
        Arbitrary<String> cell = Arbitraries.of(PIECES).list().ofMaxSize(6).map(parts -> String.join("", parts));
        // Two columns or more: a one-column row holding only the empty string is an empty line, which the reader skips.
        return Arbitraries.integers().between(2, 5).flatMap(width ->
                cell.list().ofSize(width).list().ofMinSize(1).ofMaxSize(8));
    }

    @Provide
    Arbitrary<Character> delimiters() {
        return Arbitraries.of(',', ';', '\t');
    }
}
