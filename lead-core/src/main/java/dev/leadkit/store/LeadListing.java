package dev.leadkit.store;

import java.util.Objects;
import java.util.Optional;

/**
 * Which leads a {@link LeadRepository#list} call returns: a page of the visible non-deleted leads
 * (or all visible ones), newest first. The visibility is part of the store's query (requirement
 * Q7): a store never loads leads and filters them afterwards.
 *
 * @param visibility     which leads the actor may see
 * @param status         only leads in this status, if given
 * @param sort           the order
 * @param includeDeleted whether soft-deleted leads are included
 * @param offset         how many to skip, at least 0
 * @param limit          page size, 1 to 1,000
 * @since 0.1
 */
public record LeadListing(Visibility visibility, Optional<String> status, LeadSort sort, boolean includeDeleted,
                          int offset, int limit) {

    /** The largest page a store returns. */
    public static final int MAX_LIMIT = 1_000;

    /** Checks the bounds. */
    public LeadListing {
        Objects.requireNonNull(visibility, "visibility");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(sort, "sort");
        if (offset < 0) {
            throw new IllegalArgumentException("offset must be 0 or more");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT);
        }
    }

    /**
     * Newest first, any status.
     *
     * @param visibility     which leads the actor may see
     * @param includeDeleted whether soft-deleted leads are included
     * @param offset         how many to skip
     * @param limit          page size
     */
    public LeadListing(Visibility visibility, boolean includeDeleted, int offset, int limit) {
        this(visibility, Optional.empty(), LeadSort.NEWEST_FIRST, includeDeleted, offset, limit);
    }

    /**
     * A listing of every lead, regardless of who may see it (for administrative and test use).
     *
     * @param includeDeleted whether soft-deleted leads are included
     * @param offset         how many to skip
     * @param limit          page size
     */
    public LeadListing(boolean includeDeleted, int offset, int limit) {
        this(Visibility.everything(), includeDeleted, offset, limit);
    }

    /**
     * @param limit page size
     * @return the first page of all non-deleted leads
     */
    public static LeadListing firstPage(int limit) {
        return new LeadListing(false, 0, limit);
    }
}
