package dev.leadkit.csv;

import dev.leadkit.intake.ImportJob;

/**
 * Hears an import's progress: after each committed batch, and as each row is read. Called on the
 * importing thread; a listener that throws stops the import, whose job then resumes from its last
 * committed batch.
 *
 * <pre>{@code
 * ImportListener bar = job -> System.err.print("\r" + job.lastCommittedRow() + " rows");
 * }</pre>
 *
 * @since 0.4
 */
@FunctionalInterface
public interface ImportListener {

    /** Hears nothing. */
    ImportListener NONE = job -> { };

    /**
     * @param job the job after a batch committed: its counts and last committed row
     */
    void committed(ImportJob job);

    /**
     * @param row the data row just read (before its batch commits)
     */
    default void read(long row) {
    }
}
