package dev.leadkit.csv;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An export running in the background (requirement I5, seed 003), started by
 * {@link LeadExport#start}: the rows written so far, its state, a way to wait for it and to cancel
 * it. The file appears under its name only when the export finished; until then, and for good
 * after a failure or a cancel, the rows go to a hidden temporary file beside it. A finished export
 * sends {@link LeadExport#FINISHED_NOTIFICATION} to the actor, a failed one
 * {@link LeadExport#FAILED_NOTIFICATION}. Thread-safe.
 *
 * <pre>{@code
 * ExportJob job = LeadExport.of(kit).start(admin, Path.of("leads.csv"), ExportOptions.defaults(), executor);
 * if (job.await(Duration.ofMinutes(5)) == ExportJob.State.FINISHED) {
 *     System.out.println(job.rows() + " leads exported");
 * }
 * }</pre>
 *
 * @since 0.5
 */
public final class ExportJob {

    /** Where an export job is. */
    public enum State {
        /** Queued or writing. */
        RUNNING,
        /** Every lead written; the file is in place. */
        FINISHED,
        /** Stopped by an error ({@link #failure()}); no file was put in place. */
        FAILED,
        /** Stopped by {@link #cancel()}; no file was put in place. */
        CANCELLED
    }

    private final Path file;
    private final AtomicLong rows = new AtomicLong();
    private final CountDownLatch done = new CountDownLatch(1);
    private volatile boolean cancelRequested;
    private volatile State state = State.RUNNING;
    private volatile RuntimeException failure;

    ExportJob(Path file) {
        this.file = Objects.requireNonNull(file, "file");
    }

    /** @return the file the export is written to */
    public Path file() {
        return file;
    }

    /** @return the state now */
    public State state() {
        return state;
    }

    /** @return how many leads have been written so far (all of them once finished) */
    public long rows() {
        return rows.get();
    }

    /** @return the error that stopped a {@link State#FAILED} job */
    public Optional<RuntimeException> failure() {
        return Optional.ofNullable(failure);
    }

    /**
     * Asks the job to stop; it stops before its next page and removes its temporary file. Has no
     * effect on a job that has ended.
     */
    public void cancel() {
        cancelRequested = true;
    }

    /**
     * Waits for the job to end.
     *
     * @param timeout how long to wait at most
     * @return the state then ({@link State#RUNNING} if the time ran out)
     * @throws InterruptedException when the waiting thread is interrupted
     */
    public State await(Duration timeout) throws InterruptedException {
        done.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
        return state;
    }

    boolean cancelRequested() {
        return cancelRequested;
    }

    void progress(long written) {
        rows.set(written);
    }

    void end(State end, RuntimeException error) {
        failure = error;
        state = end;
        done.countDown();
    }

    @Override
    public String toString() {
        return "ExportJob[" + file.getFileName() + ", " + state + ", " + rows() + " rows]";
    }
}
