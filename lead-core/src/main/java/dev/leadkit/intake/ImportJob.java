package dev.leadkit.intake;

import java.time.Instant;
import java.util.Objects;

/**
 * The stored record of one bulk import: which file (by name, size and checksum), who runs it, its
 * state, its counts and the last data row whose outcome is committed. The import writes each batch
 * of leads and the advanced record in one store transaction, so after an interruption at any point
 * the record says exactly which rows are in: a resumed run skips rows up to
 * {@link #lastCommittedRow()} and imports none of them twice. Immutable; changes return a new value
 * one version higher.
 *
 * <pre>{@code
 * ImportJob job = ImportJob.start("imp-1", "admin", "leads.csv", checksum, size, false, now);
 * job = job.advance(1_000, counts, now);      // stored together with rows 1 to 1,000
 * job = job.finish(ImportJob.State.FINISHED, now);
 * }</pre>
 *
 * @param id               the job's id
 * @param createdBy        the user who started it
 * @param fileName         the file's name as given, for people (not used to identify the file)
 * @param checksum         the SHA-256 of the file's bytes, hex; a resume with another file is refused
 * @param size             the file's size in bytes
 * @param dryRun           whether the job only reports what it would do
 * @param state            where it is
 * @param lastCommittedRow the number of the last data row whose outcome is committed (0: none)
 * @param counts           what it did so far
 * @param createdAt        when it started
 * @param updatedAt        its latest change
 * @param version          the optimistic-locking version, 1 when new
 * @since 0.4
 */
public record ImportJob(String id, String createdBy, String fileName, String checksum, long size, boolean dryRun,
                        State state, long lastCommittedRow, ImportCounts counts, Instant createdAt, Instant updatedAt,
                        long version) {

    /** The longest file name kept; a longer one is cut. */
    public static final int MAX_FILE_NAME = 255;

    /** Where an import job is. */
    public enum State {
        /** Started and not finished: running now, or interrupted and waiting to be resumed. */
        RUNNING,
        /** Every row was read and its outcome committed. */
        FINISHED,
        /** Stopped by a failure that a resume cannot cure (the file cannot be read at all). */
        FAILED;

        /** @return whether a resume may continue the job */
        public boolean resumable() {
            return this == RUNNING;
        }
    }

    /** Checks the values; see the record's description. */
    public ImportJob {
        requireText(id, "id", 64);
        requireText(createdBy, "createdBy", 128);
        Objects.requireNonNull(fileName, "fileName");
        if (fileName.length() > MAX_FILE_NAME) {
            fileName = fileName.substring(0, MAX_FILE_NAME);
        }
        Objects.requireNonNull(checksum, "checksum");
        if (!checksum.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("checksum must be a SHA-256 in 64 lower-case hex digits");
        }
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(counts, "counts");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        if (size < 0 || lastCommittedRow < 0 || version < 1) {
            throw new IllegalArgumentException("size and lastCommittedRow are never negative, and version starts at 1");
        }
    }

    private static void requireText(String value, String name, int max) {
        Objects.requireNonNull(value, name);
        if (value.isBlank() || value.length() > max) {
            throw new IllegalArgumentException(name + " must be 1 to " + max + " characters");
        }
    }

    /**
     * @param id        the job's id
     * @param createdBy who starts it
     * @param fileName  the file's name
     * @param checksum  the file's SHA-256, hex
     * @param size      the file's size in bytes
     * @param dryRun    whether it only reports
     * @param at        now
     * @return a new running job at version 1 with nothing committed
     */
    public static ImportJob start(String id, String createdBy, String fileName, String checksum, long size,
                                  boolean dryRun, Instant at) {
        return new ImportJob(id, createdBy, fileName, checksum, size, dryRun, State.RUNNING, 0, ImportCounts.ZERO,
                at, at, 1);
    }

    /**
     * @param row    the last row of the batch now committed
     * @param counts the counts including that batch
     * @param at     now
     * @return the job with its progress moved on, one version higher
     * @throws IllegalStateException when the job is not running or the row goes backwards
     */
    public ImportJob advance(long row, ImportCounts counts, Instant at) {
        if (!state.resumable()) {
            throw new IllegalStateException("only a running import job moves on");
        }
        if (row < lastCommittedRow) {
            throw new IllegalArgumentException("the last committed row never goes backwards");
        }
        return new ImportJob(id, createdBy, fileName, checksum, size, dryRun, state, row, counts, createdAt, at,
                version + 1);
    }

    /**
     * @param end FINISHED or FAILED
     * @param at  now
     * @return the job ended, one version higher
     */
    public ImportJob finish(State end, Instant at) {
        if (end == State.RUNNING) {
            throw new IllegalArgumentException("a job finishes as FINISHED or FAILED");
        }
        return new ImportJob(id, createdBy, fileName, checksum, size, dryRun, end, lastCommittedRow, counts, createdAt,
                at, version + 1);
    }
}
