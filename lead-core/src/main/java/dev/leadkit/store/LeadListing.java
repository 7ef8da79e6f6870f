package dev.leadkit.store;

/**
 * Which leads a {@link LeadRepository#list} call returns: a page of the non-deleted leads (or all
 * of them), newest first.
 *
 * @param includeDeleted whether soft-deleted leads are included
 * @param offset         how many to skip, at least 0
 * @param limit          page size, 1 to 1,000
 * @since 0.1
 */
public record LeadListing(boolean includeDeleted, int offset, int limit) {

    /** The largest page a store returns. */
    public static final int MAX_LIMIT = 1_000;

    /** Checks the bounds. */
    public LeadListing {
        if (offset < 0) {
            throw new IllegalArgumentException("offset must be 0 or more");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT);
        }
    }

    /**
     * @param limit page size
     * @return the first page of non-deleted leads
     */
    public static LeadListing firstPage(int limit) {
        return new LeadListing(false, 0, limit);
    }
}
