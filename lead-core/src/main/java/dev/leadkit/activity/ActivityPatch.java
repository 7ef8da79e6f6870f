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
 * A partial change of an activity's plan: each value given is set, each value cleared is removed,
 * everything else stays. Completing, reopening and answering invitations are not patches; they
 * have methods of their own on {@link ActivityService}.
 *
 * <pre>{@code
 * ActivityPatch later = ActivityPatch.builder()
 *         .due(Instant.parse("2026-03-09T09:00:00Z"))
 *         .reminders(ReminderOffset.HOUR)          // replaces the offsets
 *         .clearDuration()
 *         .build();
 * kit.activities().update(ayse, task.id(), later, task.version());
 * }</pre>
 *
 * @since 0.1
 */
public final class ActivityPatch {

    private final ActivityType type;
    private final String subject;
    private final Optional<Instant> start;
    private final Optional<Instant> due;
    private final Optional<Duration> duration;
    private final String assigneeId;
    private final Set<ReminderOffset> reminders;
    private final Set<String> attendees;
    private final boolean touchesStart;
    private final boolean touchesDue;
    private final boolean touchesDuration;

    private ActivityPatch(Builder b) {
        this.type = b.type;
        this.subject = b.subject;
        this.start = Optional.ofNullable(b.start);
        this.due = Optional.ofNullable(b.due);
        this.duration = Optional.ofNullable(b.duration);
        this.touchesStart = b.touchesStart;
        this.touchesDue = b.touchesDue;
        this.touchesDuration = b.touchesDuration;
        this.assigneeId = b.assigneeId;
        this.reminders = b.reminders == null ? null : Set.copyOf(b.reminders);
        this.attendees = b.attendees == null ? null : Set.copyOf(b.attendees);
    }

    /** @return a new builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return whether the patch changes nothing */
    public boolean isEmpty() {
        return type == null && subject == null && !touchesStart && !touchesDue && !touchesDuration
                && assigneeId == null && reminders == null && attendees == null;
    }

    Optional<ActivityType> type() {
        return Optional.ofNullable(type);
    }

    Optional<String> subject() {
        return Optional.ofNullable(subject);
    }

    /** Empty: unchanged; holding an empty Optional: cleared. */
    Optional<Optional<Instant>> start() {
        return touchesStart ? Optional.of(start) : Optional.empty();
    }

    Optional<Optional<Instant>> due() {
        return touchesDue ? Optional.of(due) : Optional.empty();
    }

    Optional<Optional<Duration>> duration() {
        return touchesDuration ? Optional.of(duration) : Optional.empty();
    }

    Optional<String> assigneeId() {
        return Optional.ofNullable(assigneeId);
    }

    Optional<Set<ReminderOffset>> reminders() {
        return Optional.ofNullable(reminders);
    }

    Optional<Set<String>> attendees() {
        return Optional.ofNullable(attendees);
    }

    /** Builds an {@link ActivityPatch}. Not thread-safe. */
    public static final class Builder {
        private ActivityType type;
        private String subject;
        private Instant start;
        private Instant due;
        private Duration duration;
        private boolean touchesStart;
        private boolean touchesDue;
        private boolean touchesDuration;
        private String assigneeId;
        private Set<ReminderOffset> reminders;
        private Set<String> attendees;

        private Builder() {
        }

        /** @param value the new type @return this builder */
        public Builder type(ActivityType value) {
            this.type = Objects.requireNonNull(value, "value");
            return this;
        }

        /** @param value the new subject, raw @return this builder */
        public Builder subject(String value) {
            this.subject = Objects.requireNonNull(value, "value");
            return this;
        }

        /** @param at the new start @return this builder */
        public Builder start(Instant at) {
            this.start = Objects.requireNonNull(at, "at");
            this.touchesStart = true;
            return this;
        }

        /** @return this builder, removing the start */
        public Builder clearStart() {
            this.start = null;
            this.touchesStart = true;
            return this;
        }

        /** @param at the new due time @return this builder */
        public Builder due(Instant at) {
            this.due = Objects.requireNonNull(at, "at");
            this.touchesDue = true;
            return this;
        }

        /** @return this builder, removing the due time (and so needing no reminders) */
        public Builder clearDue() {
            this.due = null;
            this.touchesDue = true;
            return this;
        }

        /** @param length the new duration @return this builder */
        public Builder duration(Duration length) {
            this.duration = Objects.requireNonNull(length, "length");
            this.touchesDuration = true;
            return this;
        }

        /** @return this builder, removing the duration */
        public Builder clearDuration() {
            this.duration = null;
            this.touchesDuration = true;
            return this;
        }

        /**
         * @param userId the new assignee; another user than the actor needs
         *               {@link dev.leadkit.access.Right#ASSIGN_OTHERS}
         * @return this builder
         */
        public Builder assignee(String userId) {
            this.assigneeId = Objects.requireNonNull(userId, "userId");
            return this;
        }

        /** @param offsets the offsets from now on (none: no reminders) @return this builder */
        public Builder reminders(ReminderOffset... offsets) {
            return reminders(Arrays.asList(offsets));
        }

        /** @param offsets the offsets from now on @return this builder */
        public Builder reminders(Collection<ReminderOffset> offsets) {
            EnumSet<ReminderOffset> set = EnumSet.noneOf(ReminderOffset.class);
            offsets.forEach(o -> set.add(Objects.requireNonNull(o, "offset")));
            this.reminders = set;
            return this;
        }

        /**
         * @param userIds the invited users from now on; those already invited keep their answers
         * @return this builder
         */
        public Builder attendees(Collection<String> userIds) {
            Set<String> set = new LinkedHashSet<>();
            userIds.forEach(u -> set.add(Objects.requireNonNull(u, "userId")));
            this.attendees = set;
            return this;
        }

        /** @param userIds the invited users from now on @return this builder */
        public Builder attendees(String... userIds) {
            return attendees(Arrays.asList(userIds));
        }

        /** @return the patch */
        public ActivityPatch build() {
            return new ActivityPatch(this);
        }
    }
}
