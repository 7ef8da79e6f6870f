package dev.leadkit.store;

/**
 * The orders a {@link LeadListing} can ask for. Every order breaks ties by id, so pages are stable.
 *
 * @since 0.1
 */
public enum LeadSort {
    /** Creation time, newest first; ties by id descending. */
    NEWEST_FIRST,
    /** Creation time, oldest first; ties by id ascending. */
    OLDEST_FIRST,
    /** Last change, most recent first; ties by id descending. */
    RECENTLY_UPDATED,
    /** Time in the current status, longest first (status since, ascending); ties by id ascending. */
    LONGEST_IN_STATUS
}
