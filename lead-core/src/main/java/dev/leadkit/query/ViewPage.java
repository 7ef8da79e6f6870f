package dev.leadkit.query;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One page of an applied view: exactly the view's shown columns, in its order, and one
 * {@link ViewRow} per lead.
 *
 * <pre>{@code
 * ViewPage page = kit.queries().applyView(actor, viewId, LeadQuery.builder().build());
 * table.header(page.columns());
 * page.rows().forEach(row -> table.row(row.values()));
 * }</pre>
 *
 * @param columns    the column names, as the view lists them
 * @param rows       the rows, in the view's order
 * @param total      how many leads the view matches in all
 * @param nextCursor an opaque cursor for the next page, present when this page is full
 * @since 0.3
 */
public record ViewPage(List<String> columns, List<ViewRow> rows, long total, Optional<String> nextCursor) {

    /** Copies the lists. */
    public ViewPage {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
        Objects.requireNonNull(nextCursor, "nextCursor");
    }
}
