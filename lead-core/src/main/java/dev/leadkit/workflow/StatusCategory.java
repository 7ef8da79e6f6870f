package dev.leadkit.workflow;

/**
 * The category every lead status belongs to (requirement M4). Reports and the workflow reason in
 * categories, so hosts may name their statuses as they like.
 *
 * @since 0.1
 */
public enum StatusCategory {
    /** Not yet worked on (default: New). */
    OPEN,
    /** Being worked on (defaults: Contacted, Offer made). */
    WORKING,
    /** Became a customer record (default: Converted). */
    CONVERTED,
    /** Ended without conversion (defaults: Unqualified, Lost). */
    CLOSED
}
