package dev.leadkit.workflow;

import java.time.Instant;
import java.util.Objects;

/**
 * A reminder {@link ReminderService#due} sent: one per lead, rule and stale period.
 *
 * @param leadId      the lead
 * @param ruleId      the rule that fired
 * @param recipientId the owner who was notified
 * @param periodStart when the stale period began: status since + k × the rule's maximum, k ≥ 1
 * @param message     the rendered message
 * @since 0.1
 */
public record StaleReminder(String leadId, String ruleId, String recipientId, Instant periodStart, String message) {

    /** Checks the components. */
    public StaleReminder {
        Objects.requireNonNull(leadId, "leadId");
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(recipientId, "recipientId");
        Objects.requireNonNull(periodStart, "periodStart");
        Objects.requireNonNull(message, "message");
    }
}
