package dev.leadkit.store;

import dev.leadkit.dedupe.DuplicateDecision;
import dev.leadkit.lead.LeadId;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Port: the "not a duplicate" decisions users made (requirement D5a). A decision is about an
 * unordered pair of leads; it is stored with who made it and when, and removed again when the
 * user undoes it. Every later check and scan leaves a decided pair out.
 *
 * <pre>{@code
 * store.inTransaction(tx -> tx.duplicateDecisions().find(a, b)).isPresent();   // decided as different
 * }</pre>
 *
 * @since 0.2
 */
public interface DuplicateDecisionRepository {

    /**
     * @param decision a new decision
     * @throws dev.leadkit.ConflictException {@code duplicate_decision.exists} when the pair is decided already
     */
    void insert(DuplicateDecision decision);

    /**
     * @param a one lead
     * @param b the other, in either order
     * @return the decision about the pair
     */
    Optional<DuplicateDecision> find(LeadId a, LeadId b);

    /**
     * @param a one lead
     * @param b the other, in either order
     * @return whether a decision was removed
     */
    boolean remove(LeadId a, LeadId b);

    /**
     * @param ids some leads
     * @return every decision about a pair with at least one of them, ordered by pair
     */
    List<DuplicateDecision> involving(Collection<LeadId> ids);
}
