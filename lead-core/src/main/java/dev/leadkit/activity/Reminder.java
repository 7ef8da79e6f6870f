package dev.leadkit.activity;

import java.time.Instant;
import java.util.Comparator;
import java.util.Objects;

/**
 * One reminder that fires: which activity, which offset, when, and for whom (the assignee).
 * {@link ActivityService#reminders} returns the reminders of a time window, for the host's
 * scheduler to deliver.
 *
 * <pre>{@code
 * Instant from = lastRun, to = kit.clock().instant();
 * for (Reminder r : kit.activities().reminders(scheduler, from, to)) {
 *     push.send(r.recipientId(), r.activity().subject(), r.fireAt());
 * }
 * lastRun = to;                    // half-open windows: no reminder twice, none lost
 * }</pre>
 *
 * @param activity    the activity, as it was when the reminders were asked for
 * @param offset      which of its offsets fires
 * @param fireAt      when: its due time minus the offset
 * @param recipientId who is reminded: the assignee
 * @since 0.1
 */
public record Reminder(Activity activity, ReminderOffset offset, Instant fireAt, String recipientId) {

    /** Earliest first; then by activity id, then by offset (longest first). */
    static final Comparator<Reminder> ORDER = Comparator.comparing(Reminder::fireAt)
            .thenComparing(r -> r.activity().id()).thenComparing(Reminder::offset);

    /** Checks the components. */
    public Reminder {
        Objects.requireNonNull(activity, "activity");
        Objects.requireNonNull(offset, "offset");
        Objects.requireNonNull(fireAt, "fireAt");
        Objects.requireNonNull(recipientId, "recipientId");
    }
}
