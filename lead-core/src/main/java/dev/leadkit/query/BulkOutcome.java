package dev.leadkit.query;

import dev.leadkit.lead.LeadId;

import java.util.Objects;
import java.util.Optional;

/**
 * What a bulk action did to one lead. A lead that was not done is untouched: each lead is changed
 * in its own transaction.
 *
 * @param id     the lead
 * @param result done, denied or conflict
 * @param code   for a lead not done, the error code ({@code access.denied}, {@code lead.version.stale},
 *               {@code workflow.transition.invalid} …)
 * @since 0.3
 */
public record BulkOutcome(LeadId id, Result result, Optional<String> code) {

    /** The result for one lead. */
    public enum Result {
        /** The action was applied (or changed nothing because it was already so). */
        DONE,
        /** The actor may not do it to this lead, or cannot see it. */
        DENIED,
        /** The lead's state did not allow it (a stale version, a forbidden transition, an invalid value). */
        CONFLICT
    }

    /** Checks the parts. */
    public BulkOutcome {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(code, "code");
    }
}
