package dev.leadkit.dedupe;

import java.util.List;
import java.util.Objects;

/**
 * Why two records scored as they did (requirement D6): every attribute present on both sides,
 * with its comparator, similarity and weight, the total weight, and the rule that decided.
 *
 * <pre>{@code
 * Explanation why = match.explanation();
 * why.rule();        // "weighted evidence 17.5 ≥ duplicate 13.0 (strongest: EMAIL exact)"
 * why.fields();      // [FieldScore[field=EMAIL, comparator=exact, similarity=1.0, weight=12.0], …]
 * }</pre>
 *
 * @param fields      the attributes compared, in {@link MatchField} order; missing ones are absent
 * @param totalWeight the sum of the weights
 * @param rule        the rule that decided, in words
 * @since 0.3
 */
public record Explanation(List<FieldScore> fields, double totalWeight, String rule) {

    /** Copies the list. */
    public Explanation {
        fields = List.copyOf(fields);
        Objects.requireNonNull(rule, "rule");
    }
}
