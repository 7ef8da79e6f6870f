package dev.leadkit.workflow;

/**
 * The configurable lists of requirement M4.
 *
 * @since 0.1
 */
public enum CatalogueKind {
    /** Lead statuses; each entry has a {@link StatusCategory}. */
    STATUS,
    /** Lead sources. */
    SOURCE,
    /** Why a lead was closed as unqualified or lost (requirement W7). */
    CLOSE_REASON
}
