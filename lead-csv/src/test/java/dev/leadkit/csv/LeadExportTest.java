package dev.leadkit.csv;

import dev.leadkit.LeadKit;
import dev.leadkit.ValidationException;
import dev.leadkit.event.CollectingNotificationSink;
import dev.leadkit.event.Notification;
import dev.leadkit.event.NotificationSink;
import dev.leadkit.lead.LeadDraft;
import dev.leadkit.store.memory.InMemoryStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Export to a file and as a background job (I5, seed 003): whole files only, notifications, cancel. */
class LeadExportTest {

    private static final int LEADS = 2_345;

    @TempDir
    Path dir;

    private CollectingNotificationSink sink;
    private LeadKit kit;

    @BeforeEach
    void kitWithLeads() {
        sink = NotificationSink.collecting();
        kit = Kits.kit(new InMemoryStore(), sink);
        for (int i = 0; i < LEADS; i++) {
            kit.leads().create(Kits.ADMIN, LeadDraft.builder().firstName("Søren " + i).lastName("Ąžuolaitė")
                    .company("=cmd|' /C calc'!A0 " + i).build());
        }
    }

    @Test
    void aFileExportWritesEveryLeadOnceAndNotifiesTheActor() throws IOException {
        Path file = dir.resolve("leads.csv");

        long rows = LeadExport.of(kit).write(Kits.ADMIN, file, ExportOptions.builder().columns(List.of("firstName", "company")).build());

        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertThat(rows).isEqualTo(LEADS);
        assertThat(lines).hasSize(LEADS + 1).first().isEqualTo("firstName,company");
        assertThat(lines.subList(1, lines.size())).doesNotHaveDuplicates().allMatch(l -> l.contains(",'=cmd"));
        assertThat(sink.delivered()).extracting(Notification::kind).containsExactly(LeadExport.FINISHED_NOTIFICATION);
        assertThat(sink.delivered().get(0).params()).containsEntry("rows", String.valueOf(LEADS)).containsEntry("file", "leads.csv");
        assertThat(filesIn(dir)).containsExactly("leads.csv");
    }

    @Test
    void aFailedExportLeavesTheEarlierFileUntouchedAndNoPartialFile() throws IOException {
        Path file = dir.resolve("leads.csv");
        Files.writeString(file, "earlier export\r\n");

        assertThatThrownBy(() -> LeadExport.of(kit).write(Kits.ADMIN, file,
                ExportOptions.builder().columns(List.of("firstName", "shoeSize")).build()))
                .hasMessageContaining("shoeSize")
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.errors()).anySatisfy(f -> assertThat(f.code()).isEqualTo("export.column.unknown")));

        assertThat(Files.readString(file)).isEqualTo("earlier export\r\n");
        assertThat(filesIn(dir)).containsExactly("leads.csv");
        assertThat(sink.delivered()).isEmpty();
    }

    @Test
    void aJobRunsOnTheExecutorAndEndsFinishedWithTheFileInPlace() throws Exception {
        Path file = dir.resolve("job.csv");
        ExecutorService executor = Executors.newSingleThreadExecutor();
        try {
            ExportJob job = LeadExport.of(kit).start(Kits.ADMIN, file, ExportOptions.builder().excel(true).build(), executor);

            assertThat(job.await(Duration.ofMinutes(1))).isEqualTo(ExportJob.State.FINISHED);
            assertThat(job.rows()).isEqualTo(LEADS);
            assertThat(job.failure()).isEmpty();
            assertThat(Files.readAllLines(file, StandardCharsets.UTF_8)).hasSize(LEADS + 1).first().asString().startsWith("\uFEFF");
            assertThat(sink.delivered()).extracting(Notification::kind).containsExactly(LeadExport.FINISHED_NOTIFICATION);
        } finally {
            executor.shutdownNow();
        }
    }

    @Test
    void aCancelledJobStopsAtThePageAndLeavesNoFile() throws Exception {
        Path file = dir.resolve("cancelled.csv");
        List<Runnable> queued = new ArrayList<>();
        AtomicReference<ExportJob> ref = new AtomicReference<>();
        List<Long> progress = new ArrayList<>();
        ExportOptions options = ExportOptions.builder().progress(n -> {
            progress.add(n);
            ref.get().cancel();
        }).build();

        ref.set(LeadExport.of(kit).start(Kits.ADMIN, file, options, queued::add));
        assertThat(ref.get().state()).isEqualTo(ExportJob.State.RUNNING);
        queued.forEach(Runnable::run);

        assertThat(ref.get().await(Duration.ZERO)).isEqualTo(ExportJob.State.CANCELLED);
        assertThat(progress).containsExactly(1_000L);
        assertThat(filesIn(dir)).isEmpty();
        assertThat(sink.delivered()).isEmpty();
    }

    @Test
    void aJobThatCannotWriteEndsFailedWithATypedErrorAndAFailureNotification() throws Exception {
        Path file = dir.resolve("no such directory").resolve("leads.csv");

        ExportJob job = LeadExport.of(kit).start(Kits.ADMIN, file, ExportOptions.defaults(), Runnable::run);

        assertThat(job.state()).isEqualTo(ExportJob.State.FAILED);
        assertThat(job.failure()).get().isInstanceOfSatisfying(CsvFormatException.class,
                e -> assertThat(e.code()).isEqualTo("csv.unwritable"));
        assertThat(sink.delivered()).singleElement().satisfies(n -> {
            assertThat(n.kind()).isEqualTo(LeadExport.FAILED_NOTIFICATION);
            assertThat(n.params()).containsEntry("error", "csv.unwritable");
        });
    }

    private static List<String> filesIn(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
