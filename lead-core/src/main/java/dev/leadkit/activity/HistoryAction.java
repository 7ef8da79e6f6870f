package dev.leadkit.activity;

/**
 * What a {@link HistoryEntry} records. Later features add actions (grants, transfers, merges …);
 * stores persist the name, so constants are never renamed.
 *
 * @since 0.1
 */
public enum HistoryAction {
    /** The lead was created; the changes list every initial value. */
    CREATED,
    /** Fields changed. */
    UPDATED,
    /** The lead was soft-deleted. */
    DELETED,
    /** A deleted lead was restored. */
    RESTORED
}
