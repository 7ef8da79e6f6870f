package dev.leadkit.workflow;

/**
 * What moves a lead's status by itself while statuses are locked (requirement W4, seed 002).
 *
 * @since 0.1
 */
public enum AutoTrigger {
    /** A call was logged as done. Default target: Contacted. */
    CALL_LOGGED("contacted"),
    /** An e-mail was logged as done. Default target: Contacted. */
    EMAIL_LOGGED("contacted"),
    /** A note recorded a contact date. Default target: Contacted. */
    NOTE_WITH_CONTACT_DATE("contacted"),
    /** A deal was linked. Default target: Offer made. */
    DEAL_LINKED("offer_made");

    private final String defaultTarget;

    AutoTrigger(String defaultTarget) {
        this.defaultTarget = defaultTarget;
    }

    /** @return the status this trigger moves to unless configured otherwise */
    public String defaultTarget() {
        return defaultTarget;
    }

    /** @return the stable key, e.g. {@code call_logged} */
    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
