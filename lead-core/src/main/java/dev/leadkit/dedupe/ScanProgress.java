package dev.leadkit.dedupe;

/**
 * How far a {@link DuplicateScan} has come.
 *
 * <pre>{@code
 * scan.listener(p -> log.info("{}: {} records, {} pairs", p.phase(), p.recordsRead(), p.pairsCompared()));
 * }</pre>
 *
 * @param phase         the phase now running
 * @param recordsRead   records read so far
 * @param blocksDone    blocks compared so far
 * @param blocksTotal   blocks to compare (0 until blocking is done)
 * @param pairsCompared pairs compared so far
 * @since 0.3
 */
public record ScanProgress(Phase phase, long recordsRead, long blocksDone, long blocksTotal, long pairsCompared) {

    /** The phases of a scan, in order. */
    public enum Phase {
        /** Reading and normalising records, computing their blocking keys. */
        READING,
        /** Grouping records by blocking key. */
        BLOCKING,
        /** Comparing the pairs within each block. */
        COMPARING,
        /** Joining matched pairs into clusters. */
        CLUSTERING,
        /** Finished. */
        DONE
    }
}
