package dev.leadkit.dedupe;

/**
 * The counts of a finished {@link DuplicateScan}.
 *
 * <pre>{@code
 * ScanSummary s = scan.run(records, clusters::add);
 * log.info("{} records, {} pairs compared, {} clusters", s.records(), s.pairsCompared(), s.clusters());
 * }</pre>
 *
 * @param records          records read
 * @param blocks           blocks (records sharing a blocking key, two or more)
 * @param oversizedBlocks  blocks larger than the cap, compared only within a sliding window
 * @param pairsCompared    pairs compared (each pair once, however many keys it shares)
 * @param pairsMatched     pairs at or above the possible-duplicate threshold
 * @param clusters         clusters reported
 * @param duplicateClusters clusters with decision {@link Decision#DUPLICATE}
 * @param splitLinks       matched links left out of clusters by the chaining guard
 * @since 0.3
 */
public record ScanSummary(long records, long blocks, long oversizedBlocks, long pairsCompared, long pairsMatched,
                          long clusters, long duplicateClusters, long splitLinks) {
}
