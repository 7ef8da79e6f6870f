package dev.leadkit.workflow;

import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A stale-status reminder rule (requirement W6, seed 002): when a lead has stayed in
 * {@link #status()} for {@link #maxUnchanged()}, its owner is reminded with the message.
 *
 * <p>The template may use {@code {status}}, {@code {days}} (whole days in the status) and
 * {@code {leadId}}.
 *
 * @param id           a stable id, lower-case letters, digits and '_'
 * @param status       the status code the rule watches
 * @param maxUnchanged how long a lead may stay in it; at least one minute
 * @param template     the message, 1 to 1,000 characters
 * @param enabled      whether the rule sends reminders
 * @since 0.1
 */
public record StaleRule(String id, String status, Duration maxUnchanged, String template, boolean enabled) {

    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9_]{0,63}");

    /** Checks the rule. */
    public StaleRule {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(maxUnchanged, "maxUnchanged");
        Objects.requireNonNull(template, "template");
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("a rule id is 1 to 64 of a-z, 0-9 and '_', starting with a letter");
        }
        if (maxUnchanged.compareTo(Duration.ofMinutes(1)) < 0) {
            throw new IllegalArgumentException("a stale period is at least one minute");
        }
        if (template.isBlank() || template.length() > 1000) {
            throw new IllegalArgumentException("a reminder template is 1 to 1,000 characters");
        }
    }
}
