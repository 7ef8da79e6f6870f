package dev.leadkit.dedupe;

import java.util.List;
import java.util.Objects;

/**
 * The clusters of a {@link DuplicateScan} held in memory, and its counts.
 *
 * <pre>{@code
 * ScanResult result = scan.run(records);
 * result.clusters().forEach(c -> report(c.ids(), c.decision()));
 * }</pre>
 *
 * @param clusters the clusters, ordered by their first member's position in the input
 * @param summary  the counts
 * @since 0.3
 */
public record ScanResult(List<Cluster> clusters, ScanSummary summary) {

    /** Copies the list. */
    public ScanResult {
        clusters = List.copyOf(clusters);
        Objects.requireNonNull(summary, "summary");
    }
}
