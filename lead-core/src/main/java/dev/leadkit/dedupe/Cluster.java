package dev.leadkit.dedupe;

import java.util.List;
import java.util.Objects;

/**
 * A group of records a {@link DuplicateScan} found to be one entity, with the scored pairs that
 * link them.
 *
 * <pre>{@code
 * for (Cluster c : result.clusters())
 *     if (c.decision() == Decision.DUPLICATE) merge(c.ids());
 * }</pre>
 *
 * @param ids      the member ids, at least two, in the order the records were read
 * @param pairs    every compared pair of members that scored at least the possible threshold, best first
 * @param decision {@link Decision#DUPLICATE} when the links that hold the cluster together all reach
 *                 the duplicate threshold; {@link Decision#POSSIBLE_DUPLICATE} otherwise
 * @since 0.3
 */
public record Cluster(List<String> ids, List<Match> pairs, Decision decision) {

    /** Copies the lists. */
    public Cluster {
        ids = List.copyOf(ids);
        pairs = List.copyOf(pairs);
        Objects.requireNonNull(decision, "decision");
    }
}
