package dev.leadkit.lead;

import dev.leadkit.activity.FieldChange;

import java.util.List;
import java.util.Objects;

/**
 * The field-level differences between two versions of a lead, in the form history entries hold
 * them: standard fields in field order, then custom fields ({@code cf.<key>}), the close reason,
 * {@code tags} and {@code products}. For services of other packages that change a lead and write
 * its history entry (the merge, requirement D5), so every entry has the same shape.
 *
 * <pre>{@code
 * tx.history().append(new HistoryEntry(0, id, now, actor.userId(), HistoryAction.MERGED,
 *         LeadChanges.between(before, after)));
 * }</pre>
 *
 * @since 0.2
 */
public final class LeadChanges {

    private LeadChanges() {
    }

    /**
     * @param before the earlier version
     * @param after  the later version
     * @return what changed from one to the other
     */
    public static List<FieldChange> between(Lead before, Lead after) {
        return LeadService.changes(Objects.requireNonNull(before, "before"), Objects.requireNonNull(after, "after"));
    }
}
