package dev.leadkit.activity;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * When a reminder of an activity fires, relative to its due time (seed 003: one week, one day, one
 * hour, 30, 15 or 5 minutes before, or exactly at the due time). Stores persist the
 * {@link #name()}, so constants are never renamed.
 *
 * <pre>{@code
 * ActivityDraft draft = ActivityDraft.task("Send the offer").due(due)
 *         .reminders(ReminderOffset.DAY, ReminderOffset.MINUTES_15).build();
 * Instant fires = ReminderOffset.DAY.fireAt(due);          // due minus one day
 * }</pre>
 *
 * @since 0.1
 */
public enum ReminderOffset {
    /** One week before the due time. */
    WEEK(Duration.ofDays(7), "1w"),
    /** One day before. */
    DAY(Duration.ofDays(1), "1d"),
    /** One hour before. */
    HOUR(Duration.ofHours(1), "1h"),
    /** 30 minutes before. */
    MINUTES_30(Duration.ofMinutes(30), "30m"),
    /** 15 minutes before. */
    MINUTES_15(Duration.ofMinutes(15), "15m"),
    /** 5 minutes before. */
    MINUTES_5(Duration.ofMinutes(5), "5m"),
    /** Exactly at the due time. */
    AT_DUE(Duration.ZERO, "0m");

    private final Duration before;
    private final String key;

    ReminderOffset(Duration before, String key) {
        this.before = before;
        this.key = key;
    }

    /** @return how long before the due time the reminder fires; zero for {@link #AT_DUE} */
    public Duration before() {
        return before;
    }

    /** @return a short stable key used in history entries, e.g. {@code 1d}, {@code 15m} */
    public String key() {
        return key;
    }

    /**
     * @param due an activity's due time
     * @return when this reminder fires: the due time minus {@link #before()}
     */
    public Instant fireAt(Instant due) {
        return Objects.requireNonNull(due, "due").minus(before);
    }

    /** @return the longest offset: a reminder never fires earlier than this before its due time */
    public static Duration longest() {
        return WEEK.before;
    }
}
