package dev.leadkit.examples.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static dev.leadkit.examples.cli.CliRun.leadkit;
import static org.assertj.core.api.Assertions.assertThat;

class DedupeCommandTest {

    private static final String PEOPLE = String.join("\n",
            "rec_id,given_name,surname,street_number,address_1,suburb,postcode,date_of_birth",
            "a1,Margaret,Thompson,12,Kingsford Street,Mosman,2088,19560312",
            "a2,Margret,Thompson,12,Kingsford St,Mosman,2088,19560312",
            "b1,Jonathan,Whitfield,7,Harbour Road,Manly,2095,19810725",
            "b2,Jonathan,Whitfeld,7,Harbour Rd,Manly,2095,19810725",
            "b3,Jon,Whitfield,7,Harbour Road,Manly,2095,19810725",
            "c1,Priya,Ramaswamy,44,Elm Avenue,Parramatta,2150,19900101",
            "d1,Oliver,Nguyen,3,Beach Parade,Bondi,2026,19701111",
            "") ;

    @TempDir
    Path dir;

    @Test
    void writesEachPairOfAClusterOnceWithItsOwnScoreSorted() throws IOException {
        Path in = file("people.csv", PEOPLE);

        CliRun run = leadkit("dedupe", in.toString(), "--id-column", "rec_id");

        assertThat(run.exitCode()).as(run.err()).isZero();
        List<String> lines = run.out().lines().toList();
        assertThat(lines.get(0)).isEqualTo("left_id,right_id,score,decision");
        assertThat(lines.subList(1, lines.size())).extracting(l -> l.substring(0, l.indexOf(',', 3)))
                .containsExactly("a1,a2", "b1,b2", "b1,b3", "b2,b3");
        for (String line : lines.subList(1, lines.size())) {
            assertThat(line).matches("[a-d][0-9],[a-d][0-9],(0|1)\\.[0-9]{4},(duplicate|possible)");
        }
        assertThat(run.errLines()).last().asString()
                .matches("leadkit dedupe: 7 rows \\(0 skipped\\), 4 pairs, 2 clusters, [0-9.]+ s");
    }

    @Test
    void theDuplicateThresholdLeavesOutPossiblePairs() throws IOException {
        Path in = file("people.csv", PEOPLE);

        CliRun possible = leadkit("dedupe", in.toString(), "--id-column", "rec_id");
        CliRun duplicate = leadkit("dedupe", in.toString(), "--id-column", "rec_id", "--threshold", "duplicate");

        List<String> all = possible.out().lines().skip(1).toList();
        List<String> strong = duplicate.out().lines().skip(1).toList();
        assertThat(strong).allMatch(l -> l.endsWith(",duplicate"));
        assertThat(strong).containsExactlyElementsOf(all.stream().filter(l -> l.endsWith(",duplicate")).toList());
    }

    @Test
    void writesToTheOutFileAndQuietPrintsNothingElse() throws IOException {
        Path in = file("people.csv", PEOPLE);
        Path out = dir.resolve("pairs.csv");

        CliRun run = leadkit("dedupe", in.toString(), "--id-column", "rec_id", "--out", out.toString(), "--quiet");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEmpty();
        assertThat(Files.readAllLines(out)).first().isEqualTo("left_id,right_id,score,decision");
        assertThat(Files.readAllLines(out)).hasSize(5);
    }

    @Test
    void progressGoesToStderrWhenAskedFor() throws IOException {
        Path in = file("people.csv", PEOPLE);

        CliRun run = leadkit("dedupe", in.toString(), "--id-column", "rec_id", "--progress");

        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).contains("Reading").contains("Comparing");
        assertThat(run.out()).doesNotContain("Reading");
    }

    @Test
    void noProgressWithQuietEvenWhenAskedFor() throws IOException {
        Path in = file("people.csv", PEOPLE);

        CliRun run = leadkit("dedupe", in.toString(), "--id-column", "rec_id", "--progress", "--quiet");

        assertThat(run.err()).isEmpty();
    }

    @Test
    void rowsNeedNoParticularField() throws IOException {
        Path in = file("mixed.csv", String.join("\n",
                "id;Firma;Telefon;E-posta;Ad;Soyad",
                "1;Nordlys ApS;+45 33 12 34 56;;;",
                "2;Nordlys A/S;33123456;;;",
                "3;;;ayse@example.com.tr;;",
                "4;;;AYSE@example.com.tr;Ayşe;",
                "5;;;;;Yılmaz",
                ""));

        CliRun run = leadkit("dedupe", in.toString(), "--id-column", "id");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out().lines().skip(1).map(l -> l.substring(0, 3))).contains("1,2", "3,4");
    }

    @Test
    void anExplicitMappingIsUsed() throws IOException {
        // Without the mapping "Kontakt" is unknown and the names never meet.
        Path in = file("m.csv", String.join("\n",
                "nr,Kontakt,Postnummer,Vej",
                "1,Søren Kierkegaard,2100,Nørregade 5",
                "2,Soren Kierkegaard,2100,Nørregade 5",
                ""));

        CliRun unmapped = leadkit("dedupe", in.toString(), "--id-column", "nr");
        CliRun mapped = leadkit("dedupe", in.toString(), "--id-column", "nr", "--map", "Kontakt=fullName");

        assertThat(mapped.out().lines().skip(1)).hasSize(1).first().asString().startsWith("1,2,");
        assertThat(unmapped.out().lines().skip(1).toList()).isNotEqualTo(mapped.out().lines().skip(1).toList());
    }

    @Test
    void aMissingIdColumnIsNamedWithTheHeader() throws IOException {
        Path in = file("people.csv", PEOPLE);

        CliRun run = leadkit("dedupe", in.toString(), "--id-column", "id");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines()).singleElement().asString()
                .contains("'id'").contains("rec_id, given_name, surname").doesNotContain("Exception");
    }

    @Test
    void aRepeatedIdNamesTheIdAndBothLines() throws IOException {
        Path in = file("dup.csv", "id,name\n1,Ann\n2,Bo\n\n1,Cy\n");

        CliRun run = leadkit("dedupe", in.toString(), "--id-column", "id");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines()).singleElement().asString().contains("'1'").contains("lines 2 and 5");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void anEmptyFileIsRefused() throws IOException {
        Path in = file("empty.csv", "");

        CliRun run = leadkit("dedupe", in.toString(), "--id-column", "id");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines()).singleElement().asString().contains("empty");
    }

    @Test
    void aHeaderOnlyFileIsRefused() throws IOException {
        Path in = file("header.csv", "id,name,email\n");

        CliRun run = leadkit("dedupe", in.toString(), "--id-column", "id");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines()).singleElement().asString().contains("no rows");
    }

    @Test
    void raggedRowsAreSkippedAndReportedByLine() throws IOException {
        Path in = file("ragged.csv", String.join("\n",
                "rec_id,given_name,surname,postcode",
                "1,Ann,Larsen,2100",
                "2,Ann,Larsen",
                "3,Ann,Larsen,2100,extra",
                "4,Ann,Larsen,2100",
                ""));

        CliRun run = leadkit("dedupe", in.toString(), "--id-column", "rec_id");

        assertThat(run.exitCode()).isZero();
        assertThat(run.errLines()).anySatisfy(l -> assertThat(l).contains("skipped line 3"))
                .anySatisfy(l -> assertThat(l).contains("skipped line 4"))
                .anySatisfy(l -> assertThat(l).contains("4 rows").doesNotContain("0 skipped").contains("(2 skipped)"));
        assertThat(run.out().lines().skip(1)).singleElement().asString().startsWith("1,4,");
    }

    @Test
    void anUnbalancedQuoteSkipsOneRowOnly() throws IOException {
        Path in = file("quote.csv", String.join("\n",
                "rec_id,given_name,surname,postcode",
                "1,Ann,Larsen,2100",
                "2,\"Ann,Larsen,2100",
                "3,Ann,Larsen,2100",
                ""));

        CliRun run = leadkit("dedupe", in.toString(), "--id-column", "rec_id");

        assertThat(run.exitCode()).isZero();
        assertThat(run.errLines()).anySatisfy(l -> assertThat(l).contains("skipped line 3").contains("quote"));
        assertThat(run.out().lines().skip(1)).singleElement().asString().startsWith("1,3,");
    }

    @Test
    void anUnreadableFileIsOneLine() {
        CliRun run = leadkit("dedupe", dir.resolve("nowhere.csv").toString(), "--id-column", "id");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines()).singleElement().asString().contains("no such file");
    }

    @Test
    void theWrongCharsetIsOneLineNamingTheRow() throws IOException {
        Path in = dir.resolve("cp1252.csv");
        Files.write(in, "id,name\n1,Ann\n2,Søren\n".getBytes(Charset.forName("windows-1252")));

        CliRun utf8 = leadkit("dedupe", in.toString(), "--id-column", "id");
        CliRun declared = leadkit("dedupe", in.toString(), "--id-column", "id", "--charset", "windows-1252");

        assertThat(utf8.exitCode()).isEqualTo(2);
        assertThat(utf8.errLines()).singleElement().asString().contains("line 3").contains("--charset")
                .doesNotContain("S");
        assertThat(declared.exitCode()).isZero();
    }

    @Test
    void anUnknownCharsetIsOneLine() throws IOException {
        Path in = file("people.csv", PEOPLE);

        CliRun run = leadkit("dedupe", in.toString(), "--id-column", "rec_id", "--charset", "klingon-8");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines()).singleElement().asString().contains("Unknown charset 'klingon-8'");
    }

    @Test
    void aMappingOfAMissingColumnIsOneLine() throws IOException {
        Path in = file("people.csv", PEOPLE);

        CliRun run = leadkit("dedupe", in.toString(), "--id-column", "rec_id", "--map", "Mail=email");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines()).singleElement().asString().contains("'Mail'");
    }

    @Test
    void aDeclaredDelimiterIsUsed() throws IOException {
        Path in = file("tab.csv", PEOPLE.replace(',', '|'));

        CliRun run = leadkit("dedupe", in.toString(), "--id-column", "rec_id", "--delimiter", "|");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out().lines().skip(1)).hasSize(4);
    }

    @Test
    void theIdColumnIsRequired() throws IOException {
        Path in = file("people.csv", PEOPLE);

        CliRun run = leadkit("dedupe", in.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines()).singleElement().asString().contains("--id-column");
    }

    @Test
    void scoresHaveFourDecimalsWhateverTheLocale() {
        assertThat(DedupeCommand.fourDecimals(0.8125, new StringBuilder())).isEqualTo("0.8125");
        assertThat(DedupeCommand.fourDecimals(1.0, new StringBuilder())).isEqualTo("1.0000");
        assertThat(DedupeCommand.fourDecimals(0.07, new StringBuilder())).isEqualTo("0.0700");
        assertThat(DedupeCommand.fourDecimals(0.123456, new StringBuilder())).isEqualTo("0.1235");
    }

    @Test
    void numericIdsSortByValue() {
        List<String> ids = new java.util.ArrayList<>(List.of("10", "9", "b", "a", "100"));
        ids.sort(DedupeCommand.ID_ORDER);
        assertThat(ids).containsExactly("9", "10", "100", "a", "b");
    }

    private Path file(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return p;
    }
}
