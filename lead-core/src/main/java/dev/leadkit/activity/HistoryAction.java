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
    RESTORED,
    /** The owner handed the lead to another user (a change of {@code owner}). */
    TRANSFERRED,
    /** A user took an unassigned lead (a change of {@code owner}). */
    CLAIMED,
    /** An unassigned lead was given to a colleague (a change of {@code owner}). */
    ASSIGNED,
    /** Rights were granted; the change's field is {@code grant:<userId>}. */
    GRANTED,
    /** Rights were revoked; the change's field is {@code grant:<userId>}. */
    REVOKED,
    /** A user asked for access; the change's field is {@code request:<requestId>}. */
    ACCESS_REQUESTED,
    /** The owner approved an access request. */
    ACCESS_APPROVED,
    /** The owner denied an access request. */
    ACCESS_DENIED,
    /** A user started following; the change's field is {@code follower:<userId>}. */
    FOLLOWED,
    /** A user stopped following, or lost view and so the follow. */
    UNFOLLOWED,
    /** The status was moved by hand (a move, a close with its reason, a reopening). */
    STATUS_CHANGED,
    /** The workflow moved the status by itself (locked statuses); the change {@code trigger} names why. */
    STATUS_AUTOMATED,
    /**
     * An activity was scheduled or logged; the changes list its initial values under
     * {@code activity:<id>.<property>} (type, subject, start, due, duration, assignee, done,
     * reminders, attendees).
     */
    ACTIVITY_ADDED,
    /** An activity's plan changed; keys as for {@link #ACTIVITY_ADDED}. */
    ACTIVITY_CHANGED,
    /** An activity was completed; the change's field is {@code activity:<id>.done}. */
    ACTIVITY_COMPLETED,
    /** A completed activity was opened again; the change's field is {@code activity:<id>.done}. */
    ACTIVITY_REOPENED,
    /** An attendee accepted or declined; the change's field is {@code activity:<id>.attendee:<userId>}. */
    ATTENDEE_RESPONDED,
    /** A post was written to the stream; fields {@code post:<id>.text} and {@code post:<id>.contactDate}. */
    POSTED,
    /** A comment was written on a post; fields {@code post:<id>.text} and {@code post:<id>.parent}. */
    COMMENTED,
    /** The author edited a post or comment; the change's field is {@code post:<id>.text}. */
    POST_EDITED,
    /**
     * A file was attached; fields {@code attachment:<id>.name}, {@code .mediaType}, {@code .size}
     * and {@code .sha256}.
     */
    ATTACHMENT_ADDED,
    /** An attachment was removed; the same fields as {@link #ATTACHMENT_ADDED}, now empty. */
    ATTACHMENT_REMOVED,
    /**
     * Two leads were merged (requirement D5). On the survivor: the field {@code merged} names the
     * merged-away lead, followed by the values the survivor took over. On the merged-away lead:
     * {@code mergedInto} names the survivor and {@code deleted} turns true.
     */
    MERGED
}
