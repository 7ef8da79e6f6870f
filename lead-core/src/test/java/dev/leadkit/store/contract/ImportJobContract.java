package dev.leadkit.store.contract;

import dev.leadkit.Actor;
import dev.leadkit.ConflictException;
import dev.leadkit.LeadKit;
import dev.leadkit.NotFoundException;
import dev.leadkit.ValidationException;
import dev.leadkit.access.Directory;
import dev.leadkit.access.Role;
import dev.leadkit.intake.ImportCounts;
import dev.leadkit.intake.ImportJob;
import dev.leadkit.lead.LeadDraft;
import dev.leadkit.store.Store;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The import-job part of the storage contract (K10): a store keeps import job records as versioned
 * values, and a job's progress commits in the same transaction as the batch of leads it describes —
 * which is what lets an interrupted import resume without importing a row twice. Each store runs
 * it by extending this class.
 */
public abstract class ImportJobContract {

    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");
    private static final String SUM = "a".repeat(64);
    private static final Actor ADMIN = Actor.of("admin");

    /** @return a store holding nothing */
    protected abstract Store newEmptyStore();

    private Store store;
    private LeadKit kit;

    @BeforeEach
    void setUp() {
        store = newEmptyStore();
        kit = LeadKit.builder().store(store)
                .directory(Directory.inMemory().user("admin", "Admin").roles(Role.ADMIN).add())
                .clock(Clock.fixed(T0, ZoneOffset.UTC)).build();
    }

    private Optional<ImportJob> find(String id) {
        return store.<Optional<ImportJob>>inTransaction(tx -> tx.importJobs().find(id));
    }

    private List<ImportJob> recent(int limit) {
        return store.<List<ImportJob>>inTransaction(tx -> tx.importJobs().recent(limit));
    }

    private static ImportJob job(String id, Instant at) {
        return ImportJob.start(id, "admin", "leads-ğüşıöç.csv", SUM, 1234, false, at);
    }

    @Test
    void aStoredJobReadsBackWithEveryValue() {
        ImportJob job = job("imp-1", T0);
        store.inTransaction(tx -> {
            tx.importJobs().insert(job);
            return null;
        });
        assertThat(find("imp-1")).contains(job);
        assertThat(find("imp-2")).isEmpty();
    }

    @Test
    void progressAndCountsAndTheEndStateAreKept() {
        ImportJob job = job("imp-1", T0);
        store.inTransaction(tx -> {
            tx.importJobs().insert(job);
            return null;
        });
        ImportJob advanced = job.advance(5000, new ImportCounts(4000, 1, 2, 3, 990, 7, 11), T0.plusSeconds(3));
        ImportJob finished = advanced.finish(ImportJob.State.FINISHED, T0.plusSeconds(4));
        store.inTransaction(tx -> {
            tx.importJobs().update(advanced);
            tx.importJobs().update(finished);
            return null;
        });
        ImportJob read = find("imp-1").orElseThrow();
        assertThat(read).isEqualTo(finished);
        assertThat(read.version()).isEqualTo(3);
        assertThat(read.counts().rows()).isEqualTo(4996);
    }

    @Test
    void aStaleUpdateIsAConflictAndChangesNothing() {
        ImportJob job = job("imp-1", T0);
        store.inTransaction(tx -> {
            tx.importJobs().insert(job);
            return null;
        });
        ImportJob first = job.advance(10, ImportCounts.ZERO, T0);
        store.inTransaction(tx -> {
            tx.importJobs().update(first);
            return null;
        });
        ImportJob stale = job.advance(20, ImportCounts.ZERO, T0);
        assertThatThrownBy(() -> store.inTransaction(tx -> {
            tx.importJobs().update(stale);
            return null;
        })).isInstanceOf(ConflictException.class).hasFieldOrPropertyWithValue("code", "import_job.version.stale");
        assertThat(find("imp-1").orElseThrow().lastCommittedRow())
                .isEqualTo(10);
    }

    @Test
    void aTakenIdAndAMissingJobAreRefused() {
        store.inTransaction(tx -> {
            tx.importJobs().insert(job("imp-1", T0));
            return null;
        });
        assertThatThrownBy(() -> store.inTransaction(tx -> {
            tx.importJobs().insert(job("imp-1", T0));
            return null;
        })).isInstanceOf(ConflictException.class).hasFieldOrPropertyWithValue("code", "import_job.id.taken");
        assertThatThrownBy(() -> store.inTransaction(tx -> {
            tx.importJobs().update(job("imp-9", T0).advance(1, ImportCounts.ZERO, T0));
            return null;
        })).isInstanceOf(NotFoundException.class);
    }

    @Test
    void recentListsTheNewestFirst() {
        store.inTransaction(tx -> {
            tx.importJobs().insert(job("imp-a", T0));
            tx.importJobs().insert(job("imp-c", T0.plusSeconds(60)));
            tx.importJobs().insert(job("imp-b", T0.plusSeconds(30)));
            return null;
        });
        assertThat(recent(2)).extracting(ImportJob::id)
                .containsExactly("imp-c", "imp-b");
    }

    @Test
    void aBatchAndItsJobProgressCommitTogether() {
        ImportJob job = job("imp-1", T0);
        store.inTransaction(tx -> {
            tx.importJobs().insert(job);
            return null;
        });
        List<LeadDraft> batch = List.of(LeadDraft.builder().firstName("Ayşe").lastName("Yılmaz").build(),
                LeadDraft.builder().firstName("Jūratė").lastName("Kazlauskienė").build());
        ImportJob advanced = job.advance(2, new ImportCounts(2, 0, 0, 0, 0, 0, 0), T0);
        kit.leads().createAll(ADMIN, batch, tx -> tx.importJobs().update(advanced));

        assertThat(kit.leads().count(ADMIN)).isEqualTo(2);
        assertThat(find("imp-1").orElseThrow().lastCommittedRow())
                .isEqualTo(2);
    }

    @Test
    void aBatchThatFailsLeavesNeitherLeadsNorProgress() {
        ImportJob job = job("imp-1", T0);
        store.inTransaction(tx -> {
            tx.importJobs().insert(job);
            return null;
        });
        List<LeadDraft> batch = List.of(LeadDraft.builder().firstName("Mads").lastName("Jørgensen").build(),
                LeadDraft.builder().firstName("Jonas").lastName("Petraitis").build());
        ImportJob advanced = job.advance(2, new ImportCounts(2, 0, 0, 0, 0, 0, 0), T0);
        assertThatThrownBy(() -> kit.leads().createAll(ADMIN, batch, tx -> {
            tx.importJobs().update(advanced);
            throw new IllegalStateException("injected failure after the batch");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(kit.leads().count(ADMIN)).isZero();
        assertThat(find("imp-1").orElseThrow().lastCommittedRow())
                .isZero();

        List<LeadDraft> invalid = List.of(LeadDraft.builder().firstName("Only").build());
        assertThatThrownBy(() -> kit.leads().createAll(ADMIN, invalid, tx -> tx.importJobs().update(advanced)))
                .isInstanceOf(ValidationException.class);
        assertThat(find("imp-1").orElseThrow().version()).isEqualTo(1);
    }
}
