package dev.leadkit.query;

import dev.leadkit.lead.LeadId;

import java.util.List;
import java.util.Objects;

/**
 * One lead as a view shows it: its id and version, and one text per column of the view, in the
 * view's order — the canonical text of the value (an instant in ISO-8601, tags and multi-select
 * codes joined with {@code ","}), or the empty string for an empty field.
 *
 * @param id      the lead
 * @param version its version, for a following change
 * @param values  one text per column
 * @since 0.3
 */
public record ViewRow(LeadId id, long version, List<String> values) {

    /** Copies the values. */
    public ViewRow {
        Objects.requireNonNull(id, "id");
        values = List.copyOf(values);
    }
}
