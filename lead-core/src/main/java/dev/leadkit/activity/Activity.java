package dev.leadkit.activity;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * A call, meeting, task, e-mail or host-defined activity on a lead (requirement A1; seed 003's
 * appointments and tasks). Immutable; {@link ActivityService} creates and changes activities, each
 * change yielding a new value one {@link #version()} higher.
 *
 * <p>An activity is <em>overdue</em> when it is not done and its due time has passed — a UI shows
 * it in red. Its reminders fire at the due time minus each {@link ReminderOffset}; they need a due
 * time. Meeting attendees answer an invitation with {@link Response#ACCEPTED} or
 * {@link Response#DECLINED}.
 *
 * <pre>{@code
 * Activity task = kit.activities().schedule(ayse, leadId, ActivityDraft.task("Send the offer")
 *         .due(Instant.parse("2026-03-06T09:00:00Z")).reminders(ReminderOffset.DAY).build());
 * if (task.overdue(kit.clock().instant())) ui.markRed(task);
 * }</pre>
 *
 * @param id         the library-generated id
 * @param leadId     the lead it belongs to
 * @param type       its type
 * @param subject    one line of NFC text, 1 to 200 characters
 * @param start      when it starts (a meeting) or started; like {@code due}, in whole microseconds
 *                   between 1900-01-01 and 9999-12-01 (UTC), the range every supported database stores
 * @param due        when it is due; reminders and "overdue" are relative to it; not before the start
 * @param duration   how long it lasts, zero to 30 days
 * @param assigneeId the user responsible for it, who receives its reminders
 * @param doneAt     when it was completed; empty while open
 * @param reminders  the reminder offsets; empty when there is no due time
 * @param attendees  per invited user id, their answer
 * @param createdBy  who created it
 * @param createdAt  when
 * @param version    1 when created, then one more after each change
 * @since 0.1
 */
public record Activity(String id, String leadId, ActivityType type, String subject, Optional<Instant> start,
                       Optional<Instant> due, Optional<Duration> duration, String assigneeId, Optional<Instant> doneAt,
                       Set<ReminderOffset> reminders, Map<String, Response> attendees, String createdBy,
                       Instant createdAt, long version) {

    /** An attendee's answer to a meeting invitation. Stores persist the name. */
    public enum Response {
        /** Not answered yet. */
        PENDING,
        /** Will attend. */
        ACCEPTED,
        /** Will not attend. */
        DECLINED
    }

    /** Checks the invariants a stored activity always satisfies, and copies the collections. */
    public Activity {
        Inputs.requireId(id, "id");
        Inputs.requireId(leadId, "leadId");
        Objects.requireNonNull(type, "type");
        Inputs.requireCleanLine(subject, "subject", Inputs.SUBJECT_MAX);
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(due, "due");
        Objects.requireNonNull(duration, "duration");
        Inputs.requireId(assigneeId, "assigneeId");
        Objects.requireNonNull(doneAt, "doneAt");
        Inputs.requireId(createdBy, "createdBy");
        Objects.requireNonNull(createdAt, "createdAt");
        start.ifPresent(t -> Inputs.requireStorable(t, "start"));
        due.ifPresent(t -> Inputs.requireStorable(t, "due"));
        if (start.isPresent() && due.isPresent() && due.get().isBefore(start.get())) {
            throw new IllegalArgumentException("an activity is not due before it starts");
        }
        duration.ifPresent(d -> {
            if (d.isNegative() || d.compareTo(Inputs.DURATION_MAX) > 0) {
                throw new IllegalArgumentException("an activity's duration lies between zero and 30 days");
            }
        });
        EnumSet<ReminderOffset> offsets = EnumSet.noneOf(ReminderOffset.class);
        offsets.addAll(reminders);
        if (!offsets.isEmpty() && due.isEmpty()) {
            throw new IllegalArgumentException("reminders need a due time");
        }
        reminders = Collections.unmodifiableSet(offsets);
        TreeMap<String, Response> invited = new TreeMap<>();
        attendees.forEach((user, response) -> {
            Inputs.requireId(user, "attendee id");
            invited.put(user, Objects.requireNonNull(response, "response"));
        });
        attendees = Collections.unmodifiableMap(invited);
        if (version < 1) {
            throw new IllegalArgumentException("a stored activity's version starts at 1");
        }
    }

    /** @return whether it was completed */
    public boolean done() {
        return doneAt.isPresent();
    }

    /**
     * @param now the current time (from the injected clock)
     * @return whether it is open and its due time lies before {@code now}
     */
    public boolean overdue(Instant now) {
        Objects.requireNonNull(now, "now");
        return !done() && due.isPresent() && due.get().isBefore(now);
    }

    /**
     * The reminders of this activity that fire inside a half-open window. A done activity has none.
     *
     * @param from the first instant of the window (included)
     * @param to   the end of the window (excluded)
     * @return the reminders, earliest first, addressed to the assignee
     */
    public List<Reminder> remindersBetween(Instant from, Instant to) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (done() || due.isEmpty()) {
            return List.of();
        }
        List<Reminder> firing = new ArrayList<>();
        for (ReminderOffset offset : reminders) {
            Instant fireAt = offset.fireAt(due.get());
            if (!fireAt.isBefore(from) && fireAt.isBefore(to)) {
                firing.add(new Reminder(this, offset, fireAt, assigneeId));
            }
        }
        firing.sort(Reminder.ORDER);
        return List.copyOf(firing);
    }

    /**
     * @param userId a user
     * @return whether they are invited
     */
    public boolean isAttendee(String userId) {
        return attendees.containsKey(userId);
    }

    /**
     * The next version with new planning values; attendees who stay keep their answers, new ones
     * are {@link Response#PENDING}.
     *
     * @param type       the type
     * @param subject    the subject
     * @param start      the start
     * @param due        the due time
     * @param duration   the duration
     * @param assigneeId the assignee
     * @param reminders  the reminder offsets
     * @param invited    the attendees' user ids
     * @return the next version
     */
    public Activity withPlan(ActivityType type, String subject, Optional<Instant> start, Optional<Instant> due,
                             Optional<Duration> duration, String assigneeId, Set<ReminderOffset> reminders,
                             Collection<String> invited) {
        TreeMap<String, Response> next = new TreeMap<>();
        for (String user : invited) {
            next.put(user, attendees.getOrDefault(user, Response.PENDING));
        }
        return new Activity(id, leadId, type, subject, start, due, duration, assigneeId, doneAt, reminders, next,
                createdBy, createdAt, version + 1);
    }

    /**
     * @param at when it was completed
     * @return the next version, done
     */
    public Activity completed(Instant at) {
        return new Activity(id, leadId, type, subject, start, due, duration, assigneeId, Optional.of(at), reminders,
                attendees, createdBy, createdAt, version + 1);
    }

    /** @return the next version, open again (its reminders fire again) */
    public Activity reopened() {
        return new Activity(id, leadId, type, subject, start, due, duration, assigneeId, Optional.empty(), reminders,
                attendees, createdBy, createdAt, version + 1);
    }

    /**
     * @param userId   an attendee
     * @param response their answer
     * @return the next version with the answer recorded
     */
    public Activity withResponse(String userId, Response response) {
        if (!isAttendee(userId)) {
            throw new IllegalArgumentException("only an attendee answers an invitation");
        }
        TreeMap<String, Response> next = new TreeMap<>(attendees);
        next.put(userId, response);
        return new Activity(id, leadId, type, subject, start, due, duration, assigneeId, doneAt, reminders, next,
                createdBy, createdAt, version + 1);
    }

    /** Names the id and type only: the subject is personal data and stays out of logs. */
    @Override
    public String toString() {
        return "Activity[" + id + ", " + type + ", lead " + leadId + ", v" + version + "]";
    }
}
