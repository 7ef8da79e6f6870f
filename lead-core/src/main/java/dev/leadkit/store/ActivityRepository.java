package dev.leadkit.store;

import dev.leadkit.activity.Activity;
import dev.leadkit.activity.ReminderOffset;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Port: stores {@link Activity activities}. A store persists every component of an activity —
 * its reminder offsets and attendees' answers included — and returns it equal to what was stored.
 *
 * <pre>{@code
 * List<Activity> open = store.inTransaction(tx -> tx.activities().forLead(leadId)).stream()
 *         .filter(a -> !a.done()).toList();
 * }</pre>
 *
 * @since 0.1
 */
public interface ActivityRepository {

    /**
     * @param id an activity id
     * @return the activity
     */
    Optional<Activity> find(String id);

    /**
     * @param activity a new activity at version 1
     * @throws dev.leadkit.ConflictException {@code activity.id.taken} when the id is stored
     */
    void insert(Activity activity);

    /**
     * @param activity the next version; the stored version must be {@code activity.version() - 1}
     * @throws dev.leadkit.ConflictException {@code activity.version.stale} when it is not (nothing changes)
     * @throws dev.leadkit.NotFoundException when no such activity is stored
     */
    void update(Activity activity);

    /**
     * @param leadId a lead id
     * @return the lead's activities, ordered by due time, or the start when there is no due time
     *         (earliest first; activities with neither come last), ties by id
     */
    List<Activity> forLead(String leadId);

    /**
     * The candidates for the reminders of the window {@code [from, to)}: the open (not done)
     * activities whose due time lies in {@code [from, to + ReminderOffset.longest())}, on leads that
     * the visibility admits and that are not deleted. A reminder fires at most
     * {@linkplain ReminderOffset#longest() one week} before its due time, so every reminder firing
     * inside the window belongs to one of these; the caller picks the offsets that fire. The
     * visibility is part of the store's query, evaluated exactly as for
     * {@link LeadRepository#list}.
     *
     * @param visibility which leads the asking actor may see
     * @param from       the window's start (included)
     * @param to         the window's end (excluded); not before {@code from}
     * @return the activities, ordered by due time, ties by id
     */
    List<Activity> reminderCandidates(Visibility visibility, Instant from, Instant to);

    /**
     * The end of the due-time range {@link #reminderCandidates} covers: {@code to} plus the longest
     * reminder offset, or {@link Instant#MAX} where that would overflow.
     *
     * @param to the window's end
     * @return the exclusive upper bound for due times
     */
    static Instant dueBefore(Instant to) {
        return to.isAfter(Instant.MAX.minus(ReminderOffset.longest())) ? Instant.MAX : to.plus(ReminderOffset.longest());
    }
}
