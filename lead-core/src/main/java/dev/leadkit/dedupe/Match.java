package dev.leadkit.dedupe;

import java.util.Objects;

/**
 * The outcome of comparing two records: their ids, a score in [0, 1], the decision and its
 * explanation.
 *
 * <pre>{@code
 * Match m = matcher.compare(a, b);
 * if (m.decision() != Decision.DISTINCT) warn(m.otherId(), m.score(), m.explanation().rule());
 * }</pre>
 *
 * @param id          the id of the record checked
 * @param otherId     the id of the record it was compared with
 * @param score       the evidence scaled to [0, 1]; 1 is certain
 * @param decision    duplicate, possible duplicate or distinct
 * @param explanation which attributes compared how, and the rule that fired
 * @since 0.3
 */
public record Match(String id, String otherId, double score, Decision decision, Explanation explanation) {

    /** Checks the parts. */
    public Match {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(otherId, "otherId");
        Objects.requireNonNull(decision, "decision");
        Objects.requireNonNull(explanation, "explanation");
        if (!(score >= 0 && score <= 1)) {
            throw new IllegalArgumentException("a match score is in [0, 1]");
        }
    }
}
