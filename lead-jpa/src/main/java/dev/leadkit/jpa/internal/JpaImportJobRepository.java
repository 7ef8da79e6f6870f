package dev.leadkit.jpa.internal;

import dev.leadkit.ConflictException;
import dev.leadkit.LeadKitException;
import dev.leadkit.NotFoundException;
import dev.leadkit.intake.ImportCounts;
import dev.leadkit.intake.ImportJob;
import dev.leadkit.store.ImportJobRepository;
import org.hibernate.query.NativeQuery;
import org.hibernate.type.StandardBasicTypes;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import static dev.leadkit.jpa.internal.LeadMapping.checked;
import static dev.leadkit.jpa.internal.LeadMapping.micros;

/**
 * {@link ImportJobRepository} on {@code lk_import_job} (V7), in plain SQL: one row per job. An
 * update is conditional on the version it was based on, so two runners of one job cannot both move
 * it on; the write joins the transaction's other work, which is how a batch of leads and its
 * job's progress commit together.
 */
final class JpaImportJobRepository implements ImportJobRepository {

    private static final String COLUMNS = "id, created_by, file_name, checksum, file_size, dry_run, state,"
            + " last_committed_row, created_count, updated_count, merged_count, skipped_count, failed_count,"
            + " flagged_count, warning_count, created_at, updated_at, version";
    private static final String INSERT = "insert into lk_import_job (" + COLUMNS + ") values (:id, :createdBy,"
            + " :fileName, :checksum, :size, :dryRun, :state, :row, :created, :updated, :merged, :skipped, :failed,"
            + " :flagged, :warnings, :createdAt, :updatedAt, :version)";
    private static final String UPDATE_JDBC = "update lk_import_job set state = ?, last_committed_row = ?,"
            + " created_count = ?, updated_count = ?, merged_count = ?, skipped_count = ?, failed_count = ?,"
            + " flagged_count = ?, warning_count = ?, updated_at = ?, version = ? where id = ? and version = ?";

    private final JpaStoreTransaction tx;

    JpaImportJobRepository(JpaStoreTransaction tx) {
        this.tx = tx;
    }

    @Override
    public Optional<ImportJob> find(String id) {
        Objects.requireNonNull(id, "id");
        return Failures.guard(() -> select(" where id = :id", 1, id).stream().findFirst());
    }

    @Override
    public List<ImportJob> recent(int limit) {
        if (limit < 1 || limit > 1_000) {
            throw new IllegalArgumentException("limit must be between 1 and 1000");
        }
        return Failures.guard(() -> select(" order by created_at desc, id desc", limit, null));
    }

    private List<ImportJob> select(String tail, int limit, String id) {
        @SuppressWarnings("unchecked")
        NativeQuery<Object[]> query = tx.em().createNativeQuery("select " + COLUMNS + " from lk_import_job" + tail)
                .unwrap(NativeQuery.class);
        query.addScalar("id", StandardBasicTypes.STRING).addScalar("created_by", StandardBasicTypes.STRING)
                .addScalar("file_name", StandardBasicTypes.STRING).addScalar("checksum", StandardBasicTypes.STRING)
                .addScalar("file_size", StandardBasicTypes.LONG).addScalar("dry_run", StandardBasicTypes.BOOLEAN)
                .addScalar("state", StandardBasicTypes.STRING)
                .addScalar("last_committed_row", StandardBasicTypes.LONG)
                .addScalar("created_count", StandardBasicTypes.LONG)
                .addScalar("updated_count", StandardBasicTypes.LONG)
                .addScalar("merged_count", StandardBasicTypes.LONG)
                .addScalar("skipped_count", StandardBasicTypes.LONG)
                .addScalar("failed_count", StandardBasicTypes.LONG)
                .addScalar("flagged_count", StandardBasicTypes.LONG)
                .addScalar("warning_count", StandardBasicTypes.LONG)
                .addScalar("created_at", StandardBasicTypes.INSTANT)
                .addScalar("updated_at", StandardBasicTypes.INSTANT)
                .addScalar("version", StandardBasicTypes.LONG);
        if (id != null) {
            query.setParameter("id", id);
        }
        return query.setMaxResults(limit).getResultList().stream().map(JpaImportJobRepository::job).toList();
    }

    private static ImportJob job(Object[] r) {
        ImportCounts counts = new ImportCounts((Long) r[8], (Long) r[9], (Long) r[10], (Long) r[11], (Long) r[12],
                (Long) r[13], (Long) r[14]);
        return new ImportJob((String) r[0], (String) r[1], (String) r[2], ((String) r[3]).trim(), (Long) r[4],
                (Boolean) r[5], ImportJob.State.valueOf((String) r[6]), (Long) r[7], counts, (Instant) r[15],
                (Instant) r[16], (Long) r[17]);
    }

    @Override
    public void insert(ImportJob job) {
        if (job.version() != 1) {
            throw new IllegalArgumentException("a new import job is inserted at version 1");
        }
        checked("lk_import_job", "id", job.id(), Columns.ID);
        checked("lk_import_job", "created_by", job.createdBy(), Columns.USER_ID);
        Failures.guard(() -> {
            tx.flush();
            return null;
        });
        if (find(job.id()).isPresent()) {
            throw taken(job.id(), null);
        }
        try {
            Failures.guard(() -> bind(tx.em().createNativeQuery(INSERT), job)
                    .setParameter("fileName", job.fileName()).setParameter("checksum", job.checksum())
                    .setParameter("size", job.size()).setParameter("dryRun", job.dryRun())
                    .setParameter("createdBy", job.createdBy())
                    .setParameter("createdAt", micros(job.createdAt())).executeUpdate());
        } catch (LeadKitException e) {
            // The primary key is the only constraint an insert of checked values can break: a
            // concurrent insert of the same id won.
            throw taken(job.id(), e);
        }
    }

    /**
     * Plain JDBC on the transaction's connection after one flush: through a native query,
     * Hibernate flushed the whole context twice more first (walking every lead and history row
     * of an import batch for dirty checking), which cost more than the update.
     */
    @Override
    public void update(ImportJob job) {
        Objects.requireNonNull(job, "job");
        int rows = Failures.guard(() -> {
            tx.flush();
            return tx.em().unwrap(org.hibernate.Session.class).doReturningWork(c -> {
                boolean mariadb = c.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("mariadb");
                ImportCounts n = job.counts();
                Instant at = micros(job.updatedAt());
                try (java.sql.PreparedStatement s = c.prepareStatement(UPDATE_JDBC)) {
                    s.setString(1, job.state().name());
                    s.setLong(2, job.lastCommittedRow());
                    s.setLong(3, n.created());
                    s.setLong(4, n.updated());
                    s.setLong(5, n.merged());
                    s.setLong(6, n.skipped());
                    s.setLong(7, n.failed());
                    s.setLong(8, n.flagged());
                    s.setLong(9, n.warnings());
                    // MariaDB's DATETIME holds UTC wall-clock time (hibernate.jdbc.time_zone=UTC); the others a time with zone.
                    s.setObject(10, mariadb ? java.time.LocalDateTime.ofInstant(at, java.time.ZoneOffset.UTC)
                            : java.time.OffsetDateTime.ofInstant(at, java.time.ZoneOffset.UTC));
                    s.setLong(11, job.version());
                    s.setString(12, job.id());
                    s.setLong(13, job.version() - 1);
                    return s.executeUpdate();
                }
            });
        });
        if (rows == 0) {
            ImportJob current = find(job.id()).orElseThrow(() -> new NotFoundException("import_job", job.id()));
            throw ConflictException.staleVersion("import_job", job.id(), job.version() - 1, current.version());
        }
    }

    private static jakarta.persistence.Query bind(jakarta.persistence.Query q, ImportJob job) {
        ImportCounts c = job.counts();
        return q.setParameter("id", job.id()).setParameter("state", job.state().name())
                .setParameter("row", job.lastCommittedRow()).setParameter("created", c.created())
                .setParameter("updated", c.updated()).setParameter("merged", c.merged())
                .setParameter("skipped", c.skipped()).setParameter("failed", c.failed())
                .setParameter("flagged", c.flagged()).setParameter("warnings", c.warnings())
                .setParameter("updatedAt", micros(job.updatedAt())).setParameter("version", job.version());
    }

    private static ConflictException taken(String id, RuntimeException cause) {
        return new ConflictException("import_job.id.taken", "An import job with id '" + id + "' is stored already.",
                cause);
    }
}
