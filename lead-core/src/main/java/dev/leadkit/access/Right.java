package dev.leadkit.access;

/**
 * What an actor may do. The first nine are rights on one lead (seed 000's owner rights plus
 * follow); the rest are instance-wide capabilities that only the Admin role holds by default —
 * except {@link #CREATE} (every active user) and {@link #ASSIGN_OTHERS} (the roles configured in
 * {@link AccessRules#assignOthersRoles()}).
 *
 * <pre>{@code
 * try {
 *     kit.activities().schedule(jonas, leadId, ActivityDraft.task("Send the offer").assignee("mette").build());
 * } catch (AccessDeniedException e) {
 *     assert e.right() == Right.ASSIGN_OTHERS;      // a plain User may assign only to themselves
 * }
 * }</pre>
 *
 * @since 0.1
 */
public enum Right {
    /** See the lead, its history, stream and attachments. */
    VIEW("view", true),
    /** Change the lead's fields. */
    EDIT("edit", true),
    /** Delete (soft) and restore the lead. */
    DELETE("delete", true),
    /** Convert the lead into contact, account and deal. */
    CONVERT("convert", true),
    /** Add and remove tags. */
    TAG("tag", true),
    /** Close the lead as unqualified or lost. */
    CLOSE("close", true),
    /** Grant and revoke rights of other users. */
    GRANT("grant", true),
    /** Hand the lead to another owner. */
    TRANSFER("transfer", true),
    /** Follow the lead to be notified of its changes. */
    FOLLOW("follow", true),
    /** Create leads. */
    CREATE("create", false),
    /** Change settings and catalogues (statuses, sources, required fields). */
    MANAGE_SETTINGS("manage-settings", false),
    /** Define custom fields. */
    MANAGE_CUSTOM_FIELDS("manage-custom-fields", false),
    /** Run bulk imports. */
    IMPORT("import", false),
    /** Configure automation. */
    MANAGE_AUTOMATION("manage-automation", false),
    /**
     * Make another user the assignee of an activity or task (seed 003: "depending on their
     * permissions, assign tasks to yourself or to other users"). Held by the roles of
     * {@link AccessRules#assignOthersRoles()}; assigning to oneself needs no such right.
     */
    ASSIGN_OTHERS("assign-others", false);

    private final String key;
    private final boolean perLead;

    Right(String key, boolean perLead) {
        this.key = key;
        this.perLead = perLead;
    }

    /** @return the stable lower-case key used in messages and storage, e.g. {@code view} */
    public String key() {
        return key;
    }

    /** @return whether this right is held on one lead rather than on the whole instance */
    public boolean isPerLead() {
        return perLead;
    }
}
