package dev.leadkit.query;

import dev.leadkit.lead.LeadId;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The leads a bulk action acts on (seed 000's list view): the leads a query matches (every page
 * of it, at the moment the action starts) or a list of ids a user ticked.
 *
 * <pre>{@code
 * BulkResult result = kit.queries().tag(ayse, BulkTarget.of(query), Set.of("fair-2026"));
 * BulkResult moved = kit.queries().transfer(ayse, BulkTarget.ids(List.of(id1, id2)), "mehmet", false);
 * }</pre>
 *
 * @param query the query whose selection is acted on, or empty
 * @param ids   the ids acted on (when no query), each once, in the order given
 * @since 0.3
 */
public record BulkTarget(Optional<LeadQuery> query, List<LeadId> ids) {

    /** The most leads one bulk action acts on. */
    public static final int MAX_LEADS = 10_000;

    /** Checks the parts. */
    public BulkTarget {
        Objects.requireNonNull(query, "query");
        ids = List.copyOf(new LinkedHashSet<>(ids));
        if (query.isPresent() == !ids.isEmpty()) {
            throw new IllegalArgumentException("a bulk target is a query or a non-empty list of ids");
        }
        if (ids.size() > MAX_LEADS) {
            throw dev.leadkit.ValidationException.of("ids", "bulk.too_many",
                    "a bulk action acts on at most " + MAX_LEADS + " leads");
        }
    }

    /**
     * @param query a query; its paging is ignored
     * @return the leads it matches
     */
    public static BulkTarget of(LeadQuery query) {
        return new BulkTarget(Optional.of(query), List.of());
    }

    /**
     * @param ids lead ids, 1 to {@value #MAX_LEADS}
     * @return those leads
     */
    public static BulkTarget ids(Collection<LeadId> ids) {
        return new BulkTarget(Optional.empty(), List.copyOf(ids));
    }
}
