package dev.leadkit.query;

import java.util.List;

/**
 * The outcome of a bulk action: one {@link BulkOutcome} per lead, in the order acted on.
 *
 * <pre>{@code
 * BulkResult result = kit.queries().delete(actor, BulkTarget.of(query));
 * toast("deleted " + result.count(BulkOutcome.Result.DONE) + ", refused " + result.count(BulkOutcome.Result.DENIED));
 * }</pre>
 *
 * @param outcomes one per lead
 * @since 0.3
 */
public record BulkResult(List<BulkOutcome> outcomes) {

    /** Copies the outcomes. */
    public BulkResult {
        outcomes = List.copyOf(outcomes);
    }

    /**
     * @param result a result
     * @return how many leads had it
     */
    public long count(BulkOutcome.Result result) {
        return outcomes.stream().filter(o -> o.result() == result).count();
    }
}
