package dev.leadkit.activity;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What a caller gives to plan or log an activity: raw values that {@link ActivityService}
 * normalises and validates. The assignee defaults to the acting user.
 *
 * <pre>{@code
 * ActivityDraft meeting = ActivityDraft.meeting("Demo at Gardinfirmaet ApS")
 *         .start(Instant.parse("2026-03-10T13:00:00Z")).due(Instant.parse("2026-03-10T13:00:00Z"))
 *         .duration(Duration.ofMinutes(45))
 *         .attendees("jonas", "mette")
 *         .reminders(ReminderOffset.DAY, ReminderOffset.MINUTES_15)
 *         .build();
 * kit.activities().schedule(ayse, leadId, meeting);
 * }</pre>
 *
 * @since 0.1
 */
public final class ActivityDraft {

    private final ActivityType type;
    private final String subject;
    private final Instant start;
    private final Instant due;
    private final Duration duration;
    private final String assigneeId;
    private final Set<ReminderOffset> reminders;
    private final Set<String> attendees;

    private ActivityDraft(Builder b) {
        this.type = b.type;
        this.subject = b.subject;
        this.start = b.start;
        this.due = b.due;
        this.duration = b.duration;
        this.assigneeId = b.assigneeId;
        this.reminders = b.reminders.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(b.reminders));
        this.attendees = Set.copyOf(b.attendees);
    }

    /**
     * @param type    the activity type
     * @param subject the subject, raw
     * @return a builder
     */
    public static Builder builder(ActivityType type, String subject) {
        return new Builder(type, subject);
    }

    /** @param subject the subject @return a builder for a call */
    public static Builder call(String subject) {
        return builder(ActivityType.CALL, subject);
    }

    /** @param subject the subject @return a builder for a meeting */
    public static Builder meeting(String subject) {
        return builder(ActivityType.MEETING, subject);
    }

    /** @param subject the subject @return a builder for a task */
    public static Builder task(String subject) {
        return builder(ActivityType.TASK, subject);
    }

    /** @param subject the subject @return a builder for an e-mail */
    public static Builder email(String subject) {
        return builder(ActivityType.EMAIL, subject);
    }

    /** @return the type */
    public ActivityType type() {
        return type;
    }

    /** @return the subject as given */
    public String subject() {
        return subject;
    }

    /** @return the start */
    public Optional<Instant> start() {
        return Optional.ofNullable(start);
    }

    /** @return the due time */
    public Optional<Instant> due() {
        return Optional.ofNullable(due);
    }

    /** @return the duration */
    public Optional<Duration> duration() {
        return Optional.ofNullable(duration);
    }

    /** @return the assignee, when not the acting user */
    public Optional<String> assigneeId() {
        return Optional.ofNullable(assigneeId);
    }

    /** @return the reminder offsets */
    public Set<ReminderOffset> reminders() {
        return reminders;
    }

    /** @return the invited users */
    public Set<String> attendees() {
        return attendees;
    }

    /** Builds an {@link ActivityDraft}. Not thread-safe. */
    public static final class Builder {
        private final ActivityType type;
        private final String subject;
        private Instant start;
        private Instant due;
        private Duration duration;
        private String assigneeId;
        private final Set<ReminderOffset> reminders = EnumSet.noneOf(ReminderOffset.class);
        private final Set<String> attendees = new LinkedHashSet<>();

        private Builder(ActivityType type, String subject) {
            this.type = Objects.requireNonNull(type, "type");
            this.subject = Objects.requireNonNull(subject, "subject");
        }

        /** @param at when it starts @return this builder */
        public Builder start(Instant at) {
            this.start = Objects.requireNonNull(at, "at");
            return this;
        }

        /** @param at when it is due @return this builder */
        public Builder due(Instant at) {
            this.due = Objects.requireNonNull(at, "at");
            return this;
        }

        /** @param length how long it lasts, zero to 30 days @return this builder */
        public Builder duration(Duration length) {
            this.duration = Objects.requireNonNull(length, "length");
            return this;
        }

        /**
         * @param userId the user responsible; another user than the actor needs
         *               {@link dev.leadkit.access.Right#ASSIGN_OTHERS}
         * @return this builder
         */
        public Builder assignee(String userId) {
            this.assigneeId = Objects.requireNonNull(userId, "userId");
            return this;
        }

        /** @param offsets reminder offsets, added to those given before @return this builder */
        public Builder reminders(ReminderOffset... offsets) {
            return reminders(Arrays.asList(offsets));
        }

        /** @param offsets reminder offsets, added to those given before @return this builder */
        public Builder reminders(Collection<ReminderOffset> offsets) {
            offsets.forEach(o -> reminders.add(Objects.requireNonNull(o, "offset")));
            return this;
        }

        /** @param userIds users to invite, added to those given before @return this builder */
        public Builder attendees(String... userIds) {
            return attendees(Arrays.asList(userIds));
        }

        /** @param userIds users to invite, added to those given before @return this builder */
        public Builder attendees(Collection<String> userIds) {
            userIds.forEach(u -> attendees.add(Objects.requireNonNull(u, "userId")));
            return this;
        }

        /** @return the draft */
        public ActivityDraft build() {
            return new ActivityDraft(this);
        }
    }
}
