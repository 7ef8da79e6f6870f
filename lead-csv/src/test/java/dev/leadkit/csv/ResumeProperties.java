package dev.leadkit.csv;

import dev.leadkit.LeadKit;
import dev.leadkit.intake.ImportJob;
import dev.leadkit.lead.Lead;
import dev.leadkit.store.Store;
import dev.leadkit.store.TransactionalWork;
import dev.leadkit.store.memory.InMemoryStore;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * I4 resume: an import interrupted after an arbitrary row — by a failure on the importing thread,
 * or by a store transaction that fails to commit — and then resumed imports every valid row
 * exactly once, and the job's counts add up to the file.
 */
class ResumeProperties {

    /** A file of {@code rows} rows; every seventh row lacks its last name and is invalid. */
    private static Path file(int rows) throws IOException {
        StringBuilder csv = new StringBuilder("External ID,First Name,Last Name,Email\r\n");
        for (int i = 1; i <= rows; i++) {
            csv.append("ext-").append(i).append(',').append(word(i, 1)).append(',')
                    .append(i % 7 == 0 ? "" : word(i, 2)).append(',').append(word(i, 3).toLowerCase())
                    .append("@example.dk\r\n");
        }
        Path file = Files.createTempFile("leadkit-resume", ".csv");
        Files.writeString(file, csv, StandardCharsets.UTF_8);
        return file;
    }

    /** A word of eight letters that differs from every other row's, so no two rows look alike. */
    private static String word(int row, int salt) {
        java.util.Random random = new java.util.Random(row * 31L + salt);
        StringBuilder w = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            w.append("abcdefghijklmnoprstuvyzışğüöç".charAt(random.nextInt(29)));
        }
        return Character.toUpperCase(w.charAt(0)) + w.substring(1);
    }

    private static long valid(int rows) {
        return rows - rows / 7;
    }

    @Property(tries = 40)
    void anImportThatFailsAfterAnyRowAndIsResumedImportsEveryValidRowOnce(
            @ForAll @IntRange(min = 1, max = 120) int rows, @ForAll @IntRange(min = 1, max = 120) int failAt,
            @ForAll @IntRange(min = 1, max = 25) int batch) throws IOException {
        Path file = file(rows);
        try {
            LeadKit kit = Kits.kit();
            ImportOptions.Builder options = ImportOptions.builder().batchSize(batch).onDuplicate(OnDuplicate.CREATE);
            String jobId;
            if (failAt <= rows) {
                ImportListener failing = new ImportListener() {
                    @Override
                    public void committed(ImportJob job) {
                    }

                    @Override
                    public void read(long row) {
                        if (row == failAt) {
                            throw new IllegalStateException("injected failure at row " + row);
                        }
                    }
                };
                assertThatThrownBy(() -> LeadImport.of(kit).run(Kits.ADMIN, file, options.listener(failing).build()))
                        .hasMessageContaining("injected failure");
                ImportJob interrupted = kit.store().inTransaction(tx -> tx.importJobs().recent(1)).get(0);
                assertThat(interrupted.state()).isEqualTo(ImportJob.State.RUNNING);
                assertThat(interrupted.lastCommittedRow()).isLessThan(failAt);
                jobId = interrupted.id();
                options.listener(ImportListener.NONE).resume(jobId);
            }
            ImportResult result = LeadImport.of(kit).run(Kits.ADMIN, file, options.build());

            assertThat(result.job().state()).isEqualTo(ImportJob.State.FINISHED);
            assertThat(result.job().counts().created()).isEqualTo(valid(rows));
            assertThat(result.job().counts().failed()).isEqualTo(rows / 7);
            assertThat(result.job().lastCommittedRow()).isEqualTo(rows);
            List<Lead> leads = Kits.all(kit);
            assertThat(leads).hasSize((int) valid(rows));
            assertThat(leads.stream().map(l -> l.externalId().orElseThrow()).collect(Collectors.toSet()))
                    .hasSize((int) valid(rows));
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Property(tries = 30)
    void anImportWhoseStoreFailsToCommitABatchResumesWithoutDoubles(
            @ForAll @IntRange(min = 1, max = 100) int rows, @ForAll @IntRange(min = 2, max = 30) int failingCommit,
            @ForAll @IntRange(min = 1, max = 20) int batch) throws IOException {
        Path file = file(rows);
        try {
            InMemoryStore memory = new InMemoryStore();
            AtomicInteger transactions = new AtomicInteger();
            Store flaky = new Store() {
                @Override
                public <T> T inTransaction(TransactionalWork<T> work) {
                    return memory.inTransaction(tx -> {
                        T result = work.run(tx);
                        if (transactions.incrementAndGet() == failingCommit) {
                            throw new IllegalStateException("injected commit failure");
                        }
                        return result;
                    });
                }
            };
            LeadKit kit = Kits.kit(flaky, dev.leadkit.event.NotificationSink.collecting());
            ImportOptions.Builder options = ImportOptions.builder().batchSize(batch).onDuplicate(OnDuplicate.SKIP);
            transactions.set(0);
            ImportResult result;
            try {
                result = LeadImport.of(kit).run(Kits.ADMIN, file, options.build());
            } catch (IllegalStateException e) {
                assertThat(e).hasMessageContaining("injected commit failure");
                List<ImportJob> jobs = memory.inTransaction(tx -> tx.importJobs().recent(1));
                if (jobs.isEmpty()) {
                    // The job record itself failed to store: a fresh start is the resume.
                    result = LeadImport.of(kit).run(Kits.ADMIN, file, options.build());
                } else {
                    result = LeadImport.of(kit).run(Kits.ADMIN, file, options.resume(jobs.get(0).id()).build());
                }
            }
            transactions.set(Integer.MIN_VALUE);
            assertThat(result.job().counts().created()).isEqualTo(valid(rows));
            assertThat(result.job().counts().skipped()).isZero();
            List<Lead> leads = Kits.all(kit);
            assertThat(leads.stream().collect(Collectors.groupingBy(l -> l.externalId().orElseThrow(),
                    Collectors.counting())).values()).containsOnly(1L).hasSize((int) valid(rows));
        } finally {
            Files.deleteIfExists(file);
        }
    }

}
