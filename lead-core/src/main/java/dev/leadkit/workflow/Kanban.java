package dev.leadkit.workflow;

import dev.leadkit.lead.Lead;

import java.util.List;
import java.util.Objects;

/**
 * A kanban board of leads grouped by status (requirement W8), scoped to what the actor may view.
 *
 * @param columns one column per shown status, in catalogue order
 * @since 0.1
 */
public record Kanban(List<Column> columns) {

    /** Copies the columns. */
    public Kanban {
        columns = List.copyOf(columns);
    }

    /**
     * One status column.
     *
     * @param status the status entry
     * @param count  how many visible leads are in it
     * @param cards  the first leads, at most the per-column limit, in the board's sort order
     */
    public record Column(CatalogueEntry status, long count, List<Lead> cards) {
        /** Checks and copies the components. */
        public Column {
            Objects.requireNonNull(status, "status");
            cards = List.copyOf(cards);
        }
    }
}
