package dev.leadkit.store;

import dev.leadkit.intake.ImportJob;

import java.util.List;
import java.util.Optional;

/**
 * Port: stores the records of bulk import jobs. Writes belong to the transaction they are made
 * in, so an import commits a batch of leads and its job's progress together — or neither.
 *
 * @since 0.4
 */
public interface ImportJobRepository {

    /**
     * @param id the job's id
     * @return the job, when stored
     */
    Optional<ImportJob> find(String id);

    /**
     * @param job a new job, version 1
     * @throws dev.leadkit.ConflictException {@code import_job.id.taken} when a job with that id is stored
     */
    void insert(ImportJob job);

    /**
     * Replaces the stored version {@code job.version() - 1}.
     *
     * @param job the changed job
     * @throws dev.leadkit.NotFoundException when no job has that id
     * @throws dev.leadkit.ConflictException {@code import_job.version.stale} when the stored version differs
     */
    void update(ImportJob job);

    /**
     * @param limit at most this many, 1 to 1,000
     * @return the newest jobs first (by start time, then id)
     */
    List<ImportJob> recent(int limit);
}
