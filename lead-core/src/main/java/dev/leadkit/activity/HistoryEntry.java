package dev.leadkit.activity;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One entry of a lead's audit history (requirement A4): who did what, when, and the field-level
 * old and new values. Entries are appended and never rewritten; replaying a lead's entries in
 * {@link #sequence()} order from the first yields its current values.
 *
 * <pre>{@code
 * for (HistoryEntry e : kit.leads().history(actor, id)) {
 *     System.out.println(e.at() + " " + e.actorId() + " " + e.action() + " " + e.changes().size() + " field(s)");
 * }
 * }</pre>
 *
 * @param sequence store-assigned order, increasing in append order; 0 before it is stored
 * @param leadId   the lead's id
 * @param at       when it happened
 * @param actorId  who did it
 * @param action   what was done
 * @param changes  the field changes, in field order
 * @since 0.1
 */
public record HistoryEntry(long sequence, String leadId, Instant at, String actorId, HistoryAction action,
                           List<FieldChange> changes) {

    /** Checks and copies the components; the time is kept to the microsecond, as databases keep it. */
    public HistoryEntry {
        Objects.requireNonNull(leadId, "leadId");
        at = Objects.requireNonNull(at, "at").truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        Objects.requireNonNull(actorId, "actorId");
        Objects.requireNonNull(action, "action");
        changes = List.copyOf(changes);
        if (sequence < 0) {
            throw new IllegalArgumentException("a history sequence is never negative");
        }
    }

    /**
     * @param assigned the sequence the store assigned
     * @return this entry with that sequence
     */
    public HistoryEntry withSequence(long assigned) {
        return new HistoryEntry(assigned, leadId, at, actorId, action, changes);
    }
}
