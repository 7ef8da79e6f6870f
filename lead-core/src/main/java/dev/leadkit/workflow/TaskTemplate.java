package dev.leadkit.workflow;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A task a status creates when a lead enters it (requirement W5, seed 002's task templates).
 *
 * <pre>{@code
 * kit.workflow().setTaskTemplates(admin, "contacted", List.of(
 *         TaskTemplate.forOwner("Send the price list", "email", Duration.ofHours(4)),
 *         TaskTemplate.forOwner("Follow-up call", "call", Duration.ofDays(3))));
 * }</pre>
 *
 * @param title     the task's subject, 1 to 200 characters
 * @param type      an activity type code (task, call, email, meeting or a host's own)
 * @param dueAfter  how long after entering the status the task is due; zero or more
 * @param assignee  who gets it
 * @param userId    the user, when {@code assignee} is {@link Assignee#USER}
 * @since 0.1
 */
public record TaskTemplate(String title, String type, Duration dueAfter, Assignee assignee, Optional<String> userId) {

    /** Who a templated task is for. */
    public enum Assignee {
        /** The lead's owner (the user who moved it, while the lead is unassigned). The default. */
        OWNER,
        /** The user whose action moved the lead into the status. */
        ACTOR,
        /** A named user. */
        USER
    }

    /** Checks the template. */
    public TaskTemplate {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(dueAfter, "dueAfter");
        Objects.requireNonNull(assignee, "assignee");
        Objects.requireNonNull(userId, "userId");
        if (title.isBlank() || title.length() > 200) {
            throw new IllegalArgumentException("a task title is 1 to 200 characters");
        }
        if (dueAfter.isNegative()) {
            throw new IllegalArgumentException("a task is due now or later");
        }
        if ((assignee == Assignee.USER) != userId.isPresent()) {
            throw new IllegalArgumentException("a user id is given exactly when the assignee is USER");
        }
    }

    /**
     * @param title    the subject
     * @param type     the activity type code
     * @param dueAfter due this long after entering the status
     * @return a template for the lead's owner
     */
    public static TaskTemplate forOwner(String title, String type, Duration dueAfter) {
        return new TaskTemplate(title, type, dueAfter, Assignee.OWNER, Optional.empty());
    }
}
