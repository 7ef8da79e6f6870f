package dev.leadkit.csv;

import dev.leadkit.lead.LeadField;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LeadCsvReaderTest {

    private static final CsvTarget FIRST = CsvTarget.of(LeadField.FIRST_NAME);
    private static final CsvTarget EMAIL = CsvTarget.of(LeadField.EMAIL);

    @ParameterizedTest
    @ValueSource(strings = {",", ";", "\t"})
    void theDelimiterIsDetectedFromTheHeaderLine(String delimiter) {
        String text = String.join(delimiter, "id", "First Name", "Email") + "\n"
                + String.join(delimiter, "1", "Ayşe", "a@example.com") + "\n";

        List<CsvRow> rows = read(text, CsvOptions.defaults());

        assertThat(rows).singleElement().satisfies(row -> {
            assertThat(row.cells()).containsExactly("1", "Ayşe", "a@example.com");
            assertThat(row.value(FIRST)).contains("Ayşe");
            assertThat(row.value(EMAIL)).contains("a@example.com");
        });
    }

    @Test
    void aDelimiterInsideQuotesDoesNotCountWhenDetecting() {
        String text = "\"a;b;c\",name,email\n1,x,y\n";

        try (LeadCsvReader reader = open(text, CsvOptions.defaults())) {
            assertThat(reader.delimiter()).isEqualTo(',');
            assertThat(reader.mapping().header()).containsExactly("a;b;c", "name", "email");
        }
    }

    @Test
    void aDeclaredDelimiterIsUsedEvenWhenAnotherIsCommoner() {
        String text = "name|note\nAnn|a,b,c,d\n";

        List<CsvRow> rows = read(text, CsvOptions.builder().delimiter('|').build());

        assertThat(rows).singleElement().extracting(CsvRow::cells).asList().containsExactly("Ann", "a,b,c,d");
    }

    @Test
    void quotedCellsKeepDelimitersQuotesAndLineBreaks() {
        String text = "id,name,note\n1,\"Smith, John\",\"said \"\"hi\"\"\nthen left\"\n2,Ann,plain\n";

        List<CsvRow> rows = read(text, CsvOptions.defaults());

        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).cells()).containsExactly("1", "Smith, John", "said \"hi\"\nthen left");
        assertThat(rows.get(0).line()).isEqualTo(2);
        assertThat(rows.get(1).line()).as("the quoted line break moved the next row to line 4").isEqualTo(4);
        assertThat(rows.get(1).number()).isEqualTo(2);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\n", "\r\n", "\r"})
    void everyLineEndWorks(String eol) {
        String text = "id,name" + eol + "1,Ann" + eol + "2,Bo" + eol;

        List<CsvRow> rows = read(text, CsvOptions.defaults());

        assertThat(rows).extracting(CsvRow::cells).containsExactly(List.of("1", "Ann"), List.of("2", "Bo"));
        assertThat(rows).extracting(CsvRow::line).containsExactly(2L, 3L);
    }

    @Test
    void mixedLineEndsInOneFileWork() {
        String text = "id,name\r\n1,Ann\n2,Bo\r3,Cy\r\n4,Di";

        List<CsvRow> rows = read(text, CsvOptions.defaults());

        assertThat(rows).extracting(r -> r.cells().get(1)).containsExactly("Ann", "Bo", "Cy", "Di");
        assertThat(rows).extracting(CsvRow::line).containsExactly(2L, 3L, 4L, 5L);
    }

    @Test
    void aUtf8ByteOrderMarkIsSkipped() {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] body = "Email,Fornavn\nx@example.dk,Søren\n".getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[bom.length + body.length];
        System.arraycopy(bom, 0, bytes, 0, bom.length);
        System.arraycopy(body, 0, bytes, bom.length, body.length);

        try (LeadCsvReader reader = LeadCsvReader.open(new ByteArrayInputStream(bytes), CsvOptions.defaults())) {
            assertThat(reader.mapping().header().get(0)).isEqualTo("Email");
            assertThat(reader.mapping().target(0)).contains(EMAIL);
            assertThat(reader.next().orElseThrow().value(FIRST)).contains("Søren");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"windows-1252", "ISO-8859-9", "windows-1257"})
    void aDeclaredSingleByteCharsetIsDecoded(String charsetName) {
        Charset charset = Charset.forName(charsetName);
        String name = charsetName.equals("ISO-8859-9") ? "Ayşe Işıkçı" : charsetName.equals("windows-1257")
                ? "Šarūnas Žemaitė" : "Søren Æbelø";
        byte[] bytes = ("Name;Email\n" + name + ";x@example.com\n").getBytes(charset);

        List<CsvRow> rows = readBytes(bytes, CsvOptions.builder().charset(charset).build());

        assertThat(rows).singleElement().satisfies(row -> {
            assertThat(row.value(CsvTarget.fullName())).contains(name);
            assertThat(row.clean()).isTrue();
        });
    }

    @Test
    void bytesInvalidInTheDeclaredCharsetAreReportedOnTheirRowAndColumn() {
        byte[] bytes = concat("id,name,city\n1,Ann,Oslo\n2,".getBytes(StandardCharsets.UTF_8),
                new byte[]{(byte) 0xC6, 'r', 'o', 'b', 'y'}, ",Aarhus\n3,Cy,Vejle\n".getBytes(StandardCharsets.UTF_8));

        List<CsvRow> rows = readBytes(bytes, CsvOptions.defaults());

        assertThat(rows).hasSize(3);
        assertThat(rows.get(0).clean()).isTrue();
        assertThat(rows.get(1).problems()).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(CsvProblem.Kind.INVALID_BYTES);
            assertThat(p.line()).isEqualTo(3);
            assertThat(p.column()).contains("name");
            assertThat(p.message()).contains("UTF-8").doesNotContain("roby");
        });
        assertThat(rows.get(2).clean()).isTrue();
    }

    @Test
    void aWindows1252FileReadAsUtf8ReportsInsteadOfGuessing() {
        byte[] bytes = "name,city\nSøren,Århus\n".getBytes(Charset.forName("windows-1252"));

        List<CsvRow> rows = readBytes(bytes, CsvOptions.defaults());

        assertThat(rows.get(0).problems()).extracting(CsvProblem::kind)
                .containsExactly(CsvProblem.Kind.INVALID_BYTES, CsvProblem.Kind.INVALID_BYTES);
    }

    @Test
    void aTenMegabyteCellIsReportedAndTheRowsAfterItAreRead() {
        String big = "x".repeat(10 * 1024 * 1024);
        String text = "id,note\n1,short\n2," + big + "\n3,after\n";

        List<CsvRow> rows = read(text, CsvOptions.defaults());

        assertThat(rows).hasSize(3);
        assertThat(rows.get(1).problems()).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(CsvProblem.Kind.RECORD_TOO_LARGE);
            assertThat(p.line()).isEqualTo(3);
        });
        assertThat(rows.get(1).usable()).isFalse();
        assertThat(rows.get(2).cells()).containsExactly("3", "after");
        assertThat(rows.get(2).line()).isEqualTo(4);
    }

    @Test
    void aCellOverTheCellLimitIsReportedAndLeftOutOfTheValues() {
        String text = "id,description,email\n1," + "y".repeat(2000) + ",a@example.com\n";

        List<CsvRow> rows = read(text, CsvOptions.builder().maxCellChars(1000).build());

        CsvRow row = rows.get(0);
        assertThat(row.problems()).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(CsvProblem.Kind.CELL_TOO_LARGE);
            assertThat(p.column()).contains("description");
        });
        assertThat(row.value(CsvTarget.of(LeadField.DESCRIPTION))).isEmpty();
        assertThat(row.value(EMAIL)).contains("a@example.com");
    }

    @Test
    void aDuplicateHeaderIsReported() {
        try (LeadCsvReader reader = open("id,email,Email\n1,a@x.dk,b@x.dk\n", CsvOptions.defaults())) {
            assertThat(reader.mapping().problems()).extracting(CsvProblem::kind)
                    .contains(CsvProblem.Kind.DUPLICATE_HEADER);
            assertThat(reader.mapping().problems()).filteredOn(p -> p.kind() == CsvProblem.Kind.DUPLICATE_HEADER)
                    .singleElement().satisfies(p -> assertThat(p.message()).contains("columns 2 and 3"));
        }
    }

    @Test
    void raggedRowsAreReportedWithTheirLineNumbers() {
        String text = "id,name,city\n1,Ann,Oslo\n2,Bo\n3,Cy,Vejle,extra\n4,Di,Ribe\n";

        List<CsvRow> rows = read(text, CsvOptions.defaults());

        assertThat(rows).extracting(CsvRow::usable).containsExactly(true, false, false, true);
        assertThat(rows.get(1).problems()).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(CsvProblem.Kind.RAGGED_ROW);
            assertThat(p.line()).isEqualTo(3);
            assertThat(p.message()).contains("2 cells").contains("header has 3");
        });
        assertThat(rows.get(2).problems()).singleElement().extracting(CsvProblem::line).isEqualTo(4L);
    }

    @Test
    void afterAQuoteThatNeverClosesTheReaderGoesOnAtTheNextLine() {
        String text = "id,name,city\n1,Ann,Oslo\n2,\"Bo,Aarhus\n3,Cy,Vejle\n4,Di,Ribe\n";

        List<CsvRow> rows = read(text, CsvOptions.defaults());

        assertThat(rows).extracting(CsvRow::line).containsExactly(2L, 3L, 4L, 5L);
        assertThat(rows.get(1).problems()).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(CsvProblem.Kind.UNBALANCED_QUOTE);
            assertThat(p.line()).isEqualTo(3);
        });
        assertThat(rows.get(2).cells()).containsExactly("3", "Cy", "Vejle");
        assertThat(rows.get(3).cells()).containsExactly("4", "Di", "Ribe");
    }

    @Test
    void aQuoteThatClosesLaterInTheWrongPlaceSwallowsNoRow() {
        // The quote on line 3 closes on line 5 before 'x': Commons CSV rejects that; lines 4 and 5 are read again.
        String text = "id,name,city\n1,Ann,Oslo\n2,\"Bo,Aarhus\n3,Cy,Vejle\n4,\"Di\"x,Ribe\n5,Ed,Odense\n";

        List<CsvRow> rows = read(text, CsvOptions.defaults());

        assertThat(rows).extracting(CsvRow::line).containsExactly(2L, 3L, 4L, 5L, 6L);
        assertThat(rows.get(1).problems()).extracting(CsvProblem::kind).containsExactly(CsvProblem.Kind.UNBALANCED_QUOTE);
        assertThat(rows.get(2).cells()).containsExactly("3", "Cy", "Vejle");
        assertThat(rows.get(3).usable()).as("line 5 is malformed itself").isFalse();
        assertThat(rows.get(4).cells()).containsExactly("5", "Ed", "Odense");
    }

    @Test
    void aQuoteThatClosesAtACellEndButMakesTheRowRaggedIsReadAgainLineByLine() {
        String text = "id,name,city\n1,\"Ann,Oslo\n2,Bo\",Aarhus,x\n3,Cy,Vejle\n";

        List<CsvRow> rows = read(text, CsvOptions.defaults());

        assertThat(rows).extracting(CsvRow::line).containsExactly(2L, 3L, 4L);
        assertThat(rows.get(0).problems()).extracting(CsvProblem::kind).containsExactly(CsvProblem.Kind.UNBALANCED_QUOTE);
        assertThat(rows.get(1).usable()).isFalse();
        assertThat(rows.get(2).cells()).containsExactly("3", "Cy", "Vejle");
    }

    @Test
    void emptyLinesAreSkippedAndLineNumbersStayPhysical() {
        String text = "\nid,name\n\n1,Ann\n\r\n\n2,Bo\n\n";

        try (LeadCsvReader reader = open(text, CsvOptions.defaults())) {
            assertThat(reader.headerLine()).isEqualTo(2);
            List<CsvRow> rows = new ArrayList<>();
            reader.forEach(rows::add);
            assertThat(rows).extracting(CsvRow::line).containsExactly(4L, 7L);
            assertThat(rows).extracting(CsvRow::number).containsExactly(1L, 2L);
        }
    }

    @Test
    void anEmptyInputIsAnError() {
        assertThatThrownBy(() -> open("", CsvOptions.defaults()))
                .isInstanceOfSatisfying(CsvFormatException.class, e -> assertThat(e.code()).isEqualTo("csv.empty"));
        assertThatThrownBy(() -> open("\n\r\n\n", CsvOptions.defaults()))
                .isInstanceOfSatisfying(CsvFormatException.class, e -> assertThat(e.code()).isEqualTo("csv.empty"));
    }

    @Test
    void aHeaderOnlyInputHasNoRows() {
        assertThat(read("id,name,email\n", CsvOptions.defaults())).isEmpty();
        assertThat(read("id,name,email", CsvOptions.defaults())).isEmpty();
    }

    @Test
    void aFailingInputIsReportedAsUnreadable() {
        Reader failing = new Reader() {
            private int calls;

            @Override
            public int read(char[] cbuf, int off, int len) throws IOException {
                if (calls++ == 0) {
                    String head = "id,name\n1,Ann\n";
                    head.getChars(0, head.length(), cbuf, off);
                    return head.length();
                }
                throw new IOException("disk gone");
            }

            @Override
            public void close() {
            }
        };

        try (LeadCsvReader reader = LeadCsvReader.open(failing, CsvOptions.defaults())) {
            assertThatThrownBy(() -> {
                while (reader.next().isPresent()) {
                    // reads until the failure
                }
            }).isInstanceOfSatisfying(CsvFormatException.class, e -> {
                assertThat(e.code()).isEqualTo("csv.unreadable");
                assertThat(e.getMessage()).contains("disk gone");
            });
        }
    }

    @Test
    void memoryStaysBoundedOverManyRows() {
        // 200,000 rows through a small record limit: kept text is released row by row.
        InputStream rows = new InputStream() {
            private final byte[] header = "id,name\n".getBytes(StandardCharsets.US_ASCII);
            private int row = -1;
            private byte[] current = header;
            private int pos;

            @Override
            public int read() {
                if (pos == current.length) {
                    if (row == 200_000 || ++row == 200_000) {
                        return -1;
                    }
                    current = (row + ",name" + row + "\n").getBytes(StandardCharsets.US_ASCII);
                    pos = 0;
                }
                return current[pos++];
            }
        };
        try (LeadCsvReader reader = LeadCsvReader.open(rows, CsvOptions.builder().maxRecordChars(100).build())) {
            long count = 0;
            long last = 0;
            for (CsvRow row : reader) {
                assertThat(row.clean()).isTrue();
                count++;
                last = row.line();
            }
            assertThat(count).isEqualTo(200_000);
            assertThat(last).isEqualTo(200_001);
        }
    }

    static List<CsvRow> read(String text, CsvOptions options) {
        try (LeadCsvReader reader = open(text, options)) {
            List<CsvRow> rows = new ArrayList<>();
            reader.forEach(rows::add);
            return rows;
        }
    }

    static List<CsvRow> readBytes(byte[] bytes, CsvOptions options) {
        try (LeadCsvReader reader = LeadCsvReader.open(new ByteArrayInputStream(bytes), options)) {
            List<CsvRow> rows = new ArrayList<>();
            reader.forEach(rows::add);
            return rows;
        }
    }

    private static LeadCsvReader open(String text, CsvOptions options) {
        return LeadCsvReader.open(new StringReader(text), options);
    }

    private static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] all = new byte[n];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, all, at, p.length);
            at += p.length;
        }
        return all;
    }

    @SuppressWarnings("unused")
    private static String lines(List<CsvRow> rows) {
        return rows.stream().map(r -> r.line() + ":" + r.cells()).collect(Collectors.joining("\n"));
    }
}
