package dev.leadkit.examples.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static dev.leadkit.examples.cli.CliRun.leadkit;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code leadkit import} then {@code leadkit export}: two commands on one embedded H2 file database. */
class ImportExportCommandTest {

    @TempDir
    Path dir;

    @Test
    void anImportThenAnExportInASeparateCommandSeeTheSameLeads() throws IOException {
        Path in = dir.resolve("leads.csv");
        Files.writeString(in, "Ad;Soyad;E-posta;Telefon;Etiketler;Firma adı\r\n"
                + "Ayşe;Yılmaz;ayse@example.tr;'+90 532 123 45 67;x;@SUM(A1)\r\n"
                + "Mads;;mads@example.dk;;;\r\n"
                + "Jūratė;Kazlauskienė;jurate@example.lt;+370 612 34567;;=1+1\r\n", StandardCharsets.UTF_8);
        Path data = dir.resolve("leadkit-data");
        Path errors = dir.resolve("errors.csv");

        CliRun imported = leadkit("import", in.toString(), "--data", data.toString(), "--errors", errors.toString(),
                "--map", "Etiketler=-", "--map", "Firma adı=company");
        assertThat(imported.exitCode()).as(imported.err()).isZero();
        assertThat(imported.out()).contains("3 rows: 2 created", "1 rejected");
        assertThat(Files.readAllLines(errors)).hasSize(2).element(1).asString().startsWith("2,3,ERROR,Soyad,");

        Path out = dir.resolve("out.csv");
        CliRun exported = leadkit("export", "--out", out.toString(), "--data", data.toString(), "--excel",
                "--delimiter", ";", "--columns", "firstName,lastName,phone,email,company");
        assertThat(exported.exitCode()).as(exported.err()).isZero();
        assertThat(exported.out()).contains("Exported 2 lead(s)");
        byte[] bytes = Files.readAllBytes(out);
        assertThat(bytes).startsWith(0xEF, 0xBB, 0xBF);
        List<String> lines = List.of(new String(bytes, StandardCharsets.UTF_8).substring(1).split("\r\n"));
        assertThat(lines).containsExactlyInAnyOrder("firstName;lastName;phone;email;company",
                "Ayşe;Yılmaz;'+90 532 123 45 67;ayse@example.tr;'@SUM(A1)",
                "Jūratė;Kazlauskienė;'+370 612 34567;jurate@example.lt;'=1+1");
    }

    @Test
    void aDryRunStoresNothing() throws IOException {
        Path in = dir.resolve("leads.csv");
        Files.writeString(in, "First Name,Last Name\nA,B\n", StandardCharsets.UTF_8);
        Path data = dir.resolve("leadkit-data");
        CliRun dry = leadkit("import", in.toString(), "--data", data.toString(), "--dry-run");
        assertThat(dry.exitCode()).isZero();
        assertThat(dry.out()).contains("Dry run", "1 created");
        CliRun exported = leadkit("export", "--out", dir.resolve("o.csv").toString(), "--data", data.toString());
        assertThat(exported.out()).contains("Exported 0 lead(s)");
    }

    @Test
    void anExportShowsItsProgressWhenAskedAndAnUnknownColumnWritesNoFile() throws IOException {
        Path in = dir.resolve("leads.csv");
        Files.writeString(in, "First Name,Last Name\nÆbelø,Sørensen\nIşık,Dağ\n", StandardCharsets.UTF_8);
        Path data = dir.resolve("leadkit-data");
        assertThat(leadkit("import", in.toString(), "--data", data.toString()).exitCode()).isZero();

        Path out = dir.resolve("o.csv");
        CliRun exported = leadkit("export", "--out", out.toString(), "--data", data.toString(), "--progress");
        assertThat(exported.exitCode()).as(exported.err()).isZero();
        assertThat(exported.err()).contains("Exporting", "2/2 rows");
        assertThat(Files.readString(out, StandardCharsets.UTF_8)).contains("Æbelø", "Işık");

        Path bad = dir.resolve("bad.csv");
        CliRun unknown = leadkit("export", "--out", bad.toString(), "--data", data.toString(), "--columns", "firstName,shoeSize");
        assertThat(unknown.exitCode()).isNotZero();
        assertThat(unknown.err()).contains("shoeSize").doesNotContain("Exception", "\tat ");
        assertThat(bad).doesNotExist();
    }

    @Test
    void badArgumentsAreOneLineAndExitTwo() {
        CliRun missing = leadkit("import", dir.resolve("nope.csv").toString(), "--data", dir.toString());
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.errLines()).hasSize(1);
        CliRun policy = leadkit("import", "x.csv", "--on-duplicate", "sometimes");
        assertThat(policy.exitCode()).isEqualTo(2);
        assertThat(policy.errLines()).hasSize(1);
        CliRun noOut = leadkit("export");
        assertThat(noOut.exitCode()).isEqualTo(2);
    }

    @Test
    void aFileWithoutAHeaderIsRefusedInOneLine() throws IOException {
        Path empty = dir.resolve("empty.csv");
        Files.writeString(empty, "", StandardCharsets.UTF_8);
        CliRun run = leadkit("import", empty.toString(), "--data", dir.resolve("d").toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.errLines()).singleElement().asString().startsWith("error: ").contains("csv.empty");
    }
}
