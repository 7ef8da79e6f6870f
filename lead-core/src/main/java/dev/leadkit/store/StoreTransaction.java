package dev.leadkit.store;

/**
 * An open store transaction: the repositories, one per aggregate, all sharing it. Valid only
 * inside the {@link Store#inTransaction} call that handed it out; not thread-safe.
 *
 * @since 0.1
 */
public interface StoreTransaction {

    /** @return the leads */
    LeadRepository leads();

    /** @return the append-only lead history */
    HistoryRepository history();

    /** @return the status and source catalogues */
    CatalogueRepository catalogues();

    /** @return the stored settings */
    SettingsRepository settings();

    /** @return each lead's grants and followers */
    LeadAccessRepository access();

    /** @return the access requests */
    AccessRequestRepository accessRequests();

    /** @return the custom field definitions */
    CustomFieldRepository customFields();

    /** @return the log of stale-status reminders sent */
    ReminderLogRepository reminderLog();

    /** @return the activities (calls, meetings, tasks, e-mails) */
    ActivityRepository activities();

    /** @return the stream posts and comments */
    StreamRepository stream();

    /** @return the attachments' metadata */
    AttachmentRepository attachments();

    /**
     * @return the saved list views
     * @since 0.3
     */
    ViewRepository views();

    /**
     * @return the candidate index of duplicate detection: each live lead's blocking keys
     * @since 0.2
     */
    MatchKeyRepository matchKeys();

    /**
     * @return the "not a duplicate" decisions
     * @since 0.2
     */
    DuplicateDecisionRepository duplicateDecisions();

    /**
     * @return the records of bulk import jobs
     * @since 0.4
     */
    ImportJobRepository importJobs();
}
