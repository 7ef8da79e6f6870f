package dev.leadkit.csv;

import dev.leadkit.AccessDeniedException;
import dev.leadkit.ConflictException;
import dev.leadkit.LeadKit;
import dev.leadkit.event.CollectingNotificationSink;
import dev.leadkit.event.NotificationSink;
import dev.leadkit.intake.ImportCounts;
import dev.leadkit.lead.Lead;
import dev.leadkit.lead.LeadDraft;
import dev.leadkit.store.memory.InMemoryStore;
import dev.leadkit.workflow.CatalogueKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** I4: what an import does with real-world files, policies and people. */
class LeadImportTest {

    @TempDir
    Path dir;

    private Path write(String name, String text, Charset charset) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, text.getBytes(charset));
        return file;
    }

    private static Lead only(LeadKit kit, String lastName) {
        return Kits.all(kit).stream().filter(l -> l.lastName().orElse("").equals(lastName)).findFirst().orElseThrow();
    }

    @Test
    void aDirtyFileImportsEveryGoodRowAndReportsEachBadOneByRowNumber() throws IOException {
        String bigCell = "x".repeat(10 * 1024 * 1024);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(("First Name,Last Name,Email,Email\n"
                + "Ayşe,Yılmaz,ayse@example.tr,\n"                         // row 1: good (duplicate header ignored)
                + "Mads,Jørgensen\n"                                         // row 2: ragged
                + "\n"                                                       // an empty line: no row
                + "Jonas,\"Petraitis,jonas@example.lt,\n"                   // row 3: unbalanced quote
                + "Emil,Hansen,emil@example.dk,\n"                           // row 4: good
                + "Big,Cell," + bigCell + ",\n").getBytes(StandardCharsets.UTF_8));   // row 5: 10 MB cell
        bytes.writeBytes("Bad,".getBytes(StandardCharsets.UTF_8));
        bytes.write(0xC3);                                                   // row 6: invalid UTF-8
        bytes.writeBytes(",bad@example.dk,\r\nRuta,Kazlauskienė,ruta@example.lt,\r\n".getBytes(StandardCharsets.UTF_8));
        Path file = dir.resolve("dirty.csv");
        Files.write(file, bytes.toByteArray());

        LeadKit kit = Kits.kit();
        ImportIssueSink.Keeping issues = ImportIssueSink.keeping(100);
        ImportResult result = LeadImport.of(kit).run(Kits.ADMIN, file,
                ImportOptions.builder().issues(issues).build());

        assertThat(Kits.all(kit)).extracting(l -> l.lastName().orElseThrow())
                .containsExactlyInAnyOrder("Yılmaz", "Hansen", "Kazlauskienė");
        assertThat(issues.issues()).filteredOn(i -> i.severity() == ImportIssue.Severity.ERROR)
                .extracting(ImportIssue::row).contains(2L, 3L, 5L, 6L).doesNotContain(1L, 4L, 7L);
        assertThat(issues.issues()).filteredOn(i -> i.row() == 0).extracting(ImportIssue::code)
                .contains("csv.header.duplicate_header");
        assertThat(result.job().counts().created()).isEqualTo(3);
        assertThat(result.job().counts().failed()).isEqualTo(4);
        assertThat(issues.issues()).allSatisfy(i -> assertThat(i.value().length()).isLessThan(200));
    }

    @Test
    void declaredCharsetsReadTurkishLithuanianAndWesternFiles() throws IOException {
        String[][] cases = {{"ISO-8859-9", "Ağaoğlu", "Şükrü"}, {"windows-1257", "Žemaitė", "Jūratė"},
                {"windows-1252", "Søren", "Brøndum"}};
        for (String[] c : cases) {
            Charset charset = Charset.forName(c[0]);
            Path file = write(c[0] + ".csv", "Ad;Soyad\r\n" + c[2] + ";" + c[1] + "\r\n", charset);
            LeadKit kit = Kits.kit();
            LeadImport.of(kit).run(Kits.ADMIN, file,
                    ImportOptions.builder().csv(CsvOptions.builder().charset(charset).build()).build());
            assertThat(Kits.all(kit)).singleElement().satisfies(l -> {
                assertThat(l.firstName()).contains(c[2]);
                assertThat(l.lastName()).contains(c[1]);
            });
        }
    }

    @Test
    void aFullNameColumnIsSplitAndOtherCrmsSourcesAndStatusesAreMapped() throws IOException {
        Path file = write("pipedrive.csv", "Person - Name,Lead Source,Lead Status\n"
                + "Anna Maria Nielsen,Cold Call,Open - Not Contacted\n"
                + "Kemal Öztürk,Word of mouth,Working - Contacted\n"
                + "Eglė Kazlauskaitė,Trade fair 2026,Attempted to Contact\n", StandardCharsets.UTF_8);
        LeadKit kit = Kits.kit();
        ImportIssueSink.Keeping issues = ImportIssueSink.keeping(100);
        ImportResult result = LeadImport.of(kit).run(Kits.ADMIN, file, ImportOptions.builder().issues(issues).build());

        Lead anna = only(kit, "Nielsen");
        assertThat(anna.firstName()).contains("Anna Maria");
        assertThat(anna.source()).isEqualTo("phone");
        assertThat(anna.status()).isEqualTo("new");
        assertThat(only(kit, "Öztürk").source()).isEqualTo("reference");
        assertThat(only(kit, "Öztürk").status()).isEqualTo("contacted");
        Lead egle = only(kit, "Kazlauskaitė");
        assertThat(egle.source()).isEqualTo("reference");            // the default, with a warning
        assertThat(issues.issues()).singleElement().satisfies(i -> {
            assertThat(i.row()).isEqualTo(3);
            assertThat(i.code()).isEqualTo("import.source.unknown");
            assertThat(i.severity()).isEqualTo(ImportIssue.Severity.WARNING);
        });
        assertThat(result.job().counts().warnings()).isEqualTo(1);
    }

    @Test
    void anUnknownSourceJoinsTheCatalogueWhenTheCallerAllowsIt() throws IOException {
        Path file = write("fair.csv", "First Name,Last Name,Source\nEglė,Kazlauskaitė,Trade fair 2026\n",
                StandardCharsets.UTF_8);
        LeadKit kit = Kits.kit();
        LeadImport.of(kit).run(Kits.ADMIN, file, ImportOptions.builder().addUnknownCatalogueValues(true).build());
        assertThat(only(kit, "Kazlauskaitė").source()).isEqualTo("trade_fair_2026");
        assertThat(kit.catalogues().get(CatalogueKind.SOURCE).entry("trade_fair_2026")).isPresent();
    }

    @Test
    void onlyAnAdminImports() throws IOException {
        Path file = write("a.csv", "First Name,Last Name\nA,B\n", StandardCharsets.UTF_8);
        LeadKit kit = Kits.kit();
        assertThatThrownBy(() -> LeadImport.of(kit).run(Kits.USER, file, ImportOptions.defaults()))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(Kits.all(kit)).isEmpty();
    }

    @Test
    void theDuplicatePoliciesSkipUpdateMergeCreateAndFlag() throws IOException {
        String csv = "First Name,Last Name,Email,Phone,Company\n"
                + "Ayşe,Yılmaz,ayse@example.tr,+90 532 123 45 67,Yılmaz A.Ş.\n"
                + "Jonas,Petraitis,jonas@example.lt,,\n";
        Path file = write("dupes.csv", csv, StandardCharsets.UTF_8);
        for (OnDuplicate policy : OnDuplicate.values()) {
            LeadKit kit = Kits.kit();
            kit.leads().create(Kits.ADMIN, LeadDraft.builder().firstName("Ayşe").lastName("Yılmaz")
                    .email("AYSE@example.tr").company("Old name").build());
            ImportIssueSink.Keeping issues = ImportIssueSink.keeping(100);
            ImportCounts c = LeadImport.of(kit).run(Kits.ADMIN, file,
                    ImportOptions.builder().onDuplicate(policy).issues(issues).build()).job().counts();
            List<Lead> all = Kits.all(kit);
            switch (policy) {
                case SKIP:
                    assertThat(c).isEqualTo(new ImportCounts(1, 0, 0, 1, 0, 0, 0));
                    assertThat(all).hasSize(2);
                    break;
                case UPDATE:
                    assertThat(c).isEqualTo(new ImportCounts(1, 1, 0, 0, 0, 0, 0));
                    assertThat(only(kit, "Yılmaz").company()).contains("Yılmaz A.Ş.");
                    assertThat(only(kit, "Yılmaz").phone()).isPresent();
                    break;
                case MERGE:
                    assertThat(c).isEqualTo(new ImportCounts(1, 0, 1, 0, 0, 0, 0));
                    assertThat(only(kit, "Yılmaz").company()).contains("Old name");
                    assertThat(only(kit, "Yılmaz").phone()).isPresent();
                    break;
                case CREATE:
                    assertThat(c).isEqualTo(new ImportCounts(2, 0, 0, 0, 0, 0, 0));
                    assertThat(all).hasSize(3);
                    break;
                case FLAG:
                    assertThat(c).isEqualTo(new ImportCounts(2, 0, 0, 0, 0, 1, 0));
                    assertThat(all).hasSize(3);
                    assertThat(issues.issues()).singleElement().satisfies(i -> {
                        assertThat(i.row()).isEqualTo(1);
                        assertThat(i.code()).isEqualTo("import.duplicate.flagged");
                    });
                    break;
                default:
                    throw new AssertionError(policy);
            }
        }
    }

    private static final String PEOPLE = "First Name,Last Name,Email,Phone\n"
            + "Ayşe,Yılmaz,AYSE@example.tr,\n"                       // row 1: the stored lead
            + "Jonas,Petraitis,jonas@example.lt,+370 612 34567\n"    // row 2
            + "Jonas,Petraitis,jonas@example.lt,+370 612 34567\n"    // row 3: row 2 again, same batch
            + "Mette,Hansen,mette@example.dk,+45 20 30 40 50\n"      // row 4
            + "Eglė,Kazlauskaitė,egle@example.lt,\n"                 // row 5
            + "Søren,Kierkegaard,soren@filosofi.dk,\n"               // row 6
            + "Mette,Hansen,mette@example.dk,+45 20 30 40 50\n";     // row 7: row 4 again, a later batch

    @Test
    void flagFindsDuplicatesOfStoredLeadsAndWithinTheFileWithOneIndexLookupPerBatch() throws IOException {
        Path file = write("people.csv", PEOPLE, StandardCharsets.UTF_8);
        CountingStore store = new CountingStore(new InMemoryStore());
        LeadKit kit = Kits.kit(store, NotificationSink.collecting());
        Lead stored = kit.leads().create(Kits.ADMIN, LeadDraft.builder().firstName("Ayşe").lastName("Yılmaz")
                .email("ayse@example.tr").build());
        store.single.set(0);
        store.batched.set(0);
        ImportIssueSink.Keeping issues = ImportIssueSink.keeping(100);

        ImportCounts c = LeadImport.of(kit).run(Kits.ADMIN, file, ImportOptions.builder().onDuplicate(OnDuplicate.FLAG)
                .batchSize(3).issues(issues).build()).job().counts();

        assertThat(c).isEqualTo(new ImportCounts(7, 0, 0, 0, 0, 3, 0));
        assertThat(Kits.all(kit)).hasSize(8);
        assertThat(issues.issues()).extracting(ImportIssue::row).containsExactly(1L, 3L, 7L);
        assertThat(issues.issues()).allSatisfy(i -> assertThat(i.code()).isEqualTo("import.duplicate.flagged"));
        assertThat(issues.issues().get(0).reason()).contains(stored.id().value());
        assertThat(issues.issues().get(1).reason()).contains("in row 2 of this file");
        List<String> hansens = Kits.all(kit).stream().filter(l -> l.lastName().orElse("").equals("Hansen"))
                .map(l -> l.id().value()).toList();
        assertThat(hansens).hasSize(2).anySatisfy(id -> assertThat(issues.issues().get(2).reason()).contains(id));
        // Three batches (3 + 3 + 1 rows): three look-ups of the candidate index, none per row.
        assertThat(store.batched).hasValue(3);
        assertThat(store.single).hasValue(0);
    }

    @Test
    void aDryRunFindsADuplicateOfARowInAnEarlierBatchAsARealRunDoes() throws IOException {
        Path file = write("people.csv", PEOPLE, StandardCharsets.UTF_8);
        ImportIssueSink.Keeping dryIssues = ImportIssueSink.keeping(100);
        ImportCounts dry = LeadImport.of(Kits.kit()).run(Kits.ADMIN, file, ImportOptions.builder()
                .onDuplicate(OnDuplicate.SKIP).dryRun(true).batchSize(2).issues(dryIssues).build()).job().counts();
        ImportIssueSink.Keeping realIssues = ImportIssueSink.keeping(100);
        LeadKit realKit = Kits.kit();
        ImportCounts real = LeadImport.of(realKit).run(Kits.ADMIN, file, ImportOptions.builder()
                .onDuplicate(OnDuplicate.SKIP).batchSize(2).issues(realIssues).build()).job().counts();

        assertThat(real).isEqualTo(new ImportCounts(5, 0, 0, 2, 0, 0, 0));
        assertThat(dry).isEqualTo(real);
        assertThat(dryIssues.issues()).extracting(ImportIssue::row).containsExactly(3L, 7L);
        assertThat(realIssues.issues()).extracting(ImportIssue::row).containsExactly(3L, 7L);
        assertThat(dryIssues.issues().get(1).reason()).contains("in row 4 of this file");
        assertThat(realIssues.issues().get(1).reason()).contains(only(realKit, "Hansen").id().value());
    }

    @Test
    void aDryRunReportsExactlyWhatARealRunDoesAndStoresNothing() throws IOException {
        Path file = write("mixed.csv", "First Name,Last Name,Email,Source\n"
                + "Ayşe,Yılmaz,ayse@example.tr,Web\n"
                + "Only,,x@example.dk,\n"
                + "Mads,Jørgensen,not-an-email,\n"
                + "Ayşe,Yılmaz,ayse@example.tr,\n"
                + "Eglė,Kazlauskaitė,egle@example.lt,Fair\n", StandardCharsets.UTF_8);
        LeadKit dryKit = Kits.kit();
        ImportIssueSink.Keeping dryIssues = ImportIssueSink.keeping(100);
        ImportResult dry = LeadImport.of(dryKit).run(Kits.ADMIN, file,
                ImportOptions.builder().dryRun(true).onDuplicate(OnDuplicate.SKIP).issues(dryIssues).build());
        assertThat(Kits.all(dryKit)).isEmpty();
        assertThat(dryKit.store().<List<dev.leadkit.intake.ImportJob>>inTransaction(tx -> tx.importJobs().recent(5))).isEmpty();

        LeadKit realKit = Kits.kit();
        ImportIssueSink.Keeping realIssues = ImportIssueSink.keeping(100);
        ImportResult real = LeadImport.of(realKit).run(Kits.ADMIN, file,
                ImportOptions.builder().onDuplicate(OnDuplicate.SKIP).issues(realIssues).build());

        assertThat(dry.job().counts()).isEqualTo(real.job().counts());
        assertThat(real.job().counts()).isEqualTo(new ImportCounts(2, 0, 0, 1, 2, 0, 1));
        assertThat(dryIssues.issues()).extracting(ImportIssue::row, ImportIssue::code)
                .isEqualTo(realIssues.issues().stream().map(i -> org.assertj.core.groups.Tuple.tuple(i.row(), i.code())).toList());
    }

    @Test
    void theErrorReportIsACsvFileWithRowColumnSafeValueAndReason() throws IOException {
        Path file = write("bad.csv", "First Name,Last Name,Email\nMads,Jørgensen,=HYPERLINK(\"x\")\n",
                StandardCharsets.UTF_8);
        StringWriter report = new StringWriter();
        try (ImportIssueWriter errors = ImportIssueWriter.to(report)) {
            LeadImport.of(Kits.kit()).run(Kits.ADMIN, file, ImportOptions.builder().issues(errors).build());
        }
        List<String> lines = report.toString().lines().toList();
        assertThat(lines.get(0)).isEqualTo("row,line,severity,column,value,code,reason");
        assertThat(lines.get(1)).startsWith("1,2,ERROR,Email,\"'=HYPERLINK(\"\"x\"\")\",lead.email.invalid,");
    }

    @Test
    void aResumeWithAnotherFileIsRefusedAndAFinishedJobDoesNotResume() throws IOException {
        Path file = write("a.csv", "First Name,Last Name\nA,B\n", StandardCharsets.UTF_8);
        Path other = write("b.csv", "First Name,Last Name\nC,D\n", StandardCharsets.UTF_8);
        LeadKit kit = Kits.kit();
        ImportResult done = LeadImport.of(kit).run(Kits.ADMIN, file, ImportOptions.defaults());
        assertThatThrownBy(() -> LeadImport.of(kit).run(Kits.ADMIN, other,
                ImportOptions.builder().resume(done.job().id()).build()))
                .isInstanceOf(ConflictException.class).hasFieldOrPropertyWithValue("code", "import.file.changed");
        assertThatThrownBy(() -> LeadImport.of(kit).run(Kits.ADMIN, file,
                ImportOptions.builder().resume(done.job().id()).build()))
                .isInstanceOf(ConflictException.class).hasFieldOrPropertyWithValue("code", "import.job.ended");
    }

    @Test
    void aFinishedImportNotifiesTheImporterWithTheCounts() throws IOException {
        Path file = write("a.csv", "First Name,Last Name\nA,B\nC,\n", StandardCharsets.UTF_8);
        CollectingNotificationSink sink = NotificationSink.collecting();
        LeadKit kit = Kits.kit(new InMemoryStore(), sink);
        LeadImport.of(kit).run(Kits.ADMIN, file, ImportOptions.defaults());
        assertThat(sink.delivered()).filteredOn(n -> n.kind().equals(LeadImport.FINISHED_NOTIFICATION)).singleElement()
                .satisfies(n -> {
                    assertThat(n.recipientId()).isEqualTo("admin");
                    assertThat(n.params()).containsEntry("created", "1").containsEntry("failed", "1");
                });
    }
}
