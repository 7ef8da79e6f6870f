package dev.leadkit.dedupe;

import dev.leadkit.lead.LeadId;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * A user's decision that two leads are not duplicates of each other (requirement D5a). The pair
 * is unordered and kept with the smaller id {@link #first()}; checks and scans never report it
 * again, until the decision is undone.
 *
 * <pre>{@code
 * DuplicateDecision d = kit.duplicates().markNotDuplicate(ayse, a, b);
 * System.out.println(d.decidedBy() + " at " + d.decidedAt());
 * }</pre>
 *
 * @param first     the lead with the smaller id
 * @param second    the lead with the greater id
 * @param decidedBy who decided
 * @param decidedAt when, to the microsecond
 * @since 0.2
 */
public record DuplicateDecision(LeadId first, LeadId second, String decidedBy, Instant decidedAt) {

    /** Orders the pair and checks the components. */
    public DuplicateDecision {
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(second, "second");
        Objects.requireNonNull(decidedBy, "decidedBy");
        decidedAt = Objects.requireNonNull(decidedAt, "decidedAt").truncatedTo(ChronoUnit.MICROS);
        int order = first.compareTo(second);
        if (order == 0) {
            throw new IllegalArgumentException("a decision is about two different leads");
        }
        if (order > 0) {
            LeadId swap = first;
            first = second;
            second = swap;
        }
    }

    /**
     * @param a one lead
     * @param b the other
     * @return whether this decision is about that pair, in either order
     */
    public boolean concerns(LeadId a, LeadId b) {
        return first.equals(a) && second.equals(b) || first.equals(b) && second.equals(a);
    }

    /**
     * @param id one lead of the pair
     * @return the other one
     * @throws IllegalArgumentException when {@code id} is not part of the pair
     */
    public LeadId other(LeadId id) {
        if (first.equals(id)) {
            return second;
        }
        if (second.equals(id)) {
            return first;
        }
        throw new IllegalArgumentException("the lead is not part of this decision");
    }
}
