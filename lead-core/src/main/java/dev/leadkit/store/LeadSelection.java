package dev.leadkit.store;

import dev.leadkit.lead.LeadId;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Which leads a {@link LeadRepository#select} call returns, in which order, and which page: the
 * store-evaluable form of a {@code dev.leadkit.query.LeadQuery}, validated and typed by the core.
 * Immutable. A store evaluates all of it inside one query (requirement Q7): the visibility, the
 * deleted flag, the filter and the search are one WHERE clause; the order, the keyset position
 * and the limit are its ORDER BY, a row comparison and its LIMIT.
 *
 * <p><b>Order.</b> Leads are ordered by {@link #order()}, key by key, comparing each field's
 * <em>sort value</em> as {@code dev.leadkit.query.SortKey#of} defines it (text by its folded form
 * in code-point order, so every store orders alike whatever its collation). Empty values come
 * last in either direction. Ties are broken by id, ascending when the last key is ascending,
 * descending when it is descending.
 *
 * <p><b>Search.</b> When {@link #search()} is present, a lead matches when every term is
 * contained, literally, in the folded value of at least one of the searched fields.
 *
 * <p><b>Pages.</b> {@link #after()} (keyset) returns the leads strictly after a position in that
 * order; otherwise the first {@link #offset()} leads are skipped. At most {@link #limit()} leads
 * are returned.
 *
 * <pre>{@code
 * LeadSelection firstPage = new LeadSelection(visibility, false, criterion, Optional.empty(),
 *         List.of(new LeadSelection.Order(QueryField.of(LeadField.LEAD_DATE), true)),
 *         Optional.empty(), 0, 50);
 * List<Lead> page = tx.leads().select(firstPage);
 * }</pre>
 *
 * @param visibility     which leads the actor may see
 * @param includeDeleted whether soft-deleted leads are included
 * @param filter         the filter ({@link Criterion#ALWAYS} for none)
 * @param search         the text search, if any
 * @param order          the sort keys, at least one, no field twice
 * @param after          the keyset position, if paging by keyset
 * @param offset         how many leads to skip; 0 when {@code after} is present
 * @param limit          page size, 1 to {@value #MAX_LIMIT}
 * @since 0.3
 */
public record LeadSelection(Visibility visibility, boolean includeDeleted, Criterion filter, Optional<Search> search,
                            List<Order> order, Optional<Position> after, int offset, int limit) {

    /** The largest page a store returns. */
    public static final int MAX_LIMIT = 1_000;

    /** Checks the parts. */
    public LeadSelection {
        Objects.requireNonNull(visibility, "visibility");
        Objects.requireNonNull(filter, "filter");
        Objects.requireNonNull(search, "search");
        Objects.requireNonNull(after, "after");
        order = List.copyOf(order);
        if (order.isEmpty()) {
            throw new IllegalArgumentException("a selection is ordered by at least one key");
        }
        if (order.stream().map(Order::field).distinct().count() != order.size()) {
            throw new IllegalArgumentException("a selection orders by each field once");
        }
        if (offset < 0) {
            throw new IllegalArgumentException("offset must be 0 or more");
        }
        if (after.isPresent() && offset != 0) {
            throw new IllegalArgumentException("a keyset page has no offset");
        }
        if (after.isPresent() && after.get().values().size() != order.size()) {
            throw new IllegalArgumentException("a keyset position holds one value per sort key");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT);
        }
    }

    /** @return whether ties are broken by descending id (the last sort key is descending) */
    public boolean idDescending() {
        return order.get(order.size() - 1).descending();
    }

    /**
     * @param position a keyset position
     * @return this selection, on the page after that position
     */
    public LeadSelection after(Position position) {
        return new LeadSelection(visibility, includeDeleted, filter, search, order, Optional.of(position), 0, limit);
    }

    /**
     * @param size the page size
     * @return this selection with another page size
     */
    public LeadSelection withLimit(int size) {
        return new LeadSelection(visibility, includeDeleted, filter, search, order, after, offset, size);
    }

    /**
     * One sort key.
     *
     * @param field      the field
     * @param descending whether larger values come first (empty values still come last)
     */
    public record Order(QueryField field, boolean descending) {
        /** Checks the field. */
        public Order {
            Objects.requireNonNull(field, "field");
        }
    }

    /**
     * A text search over some TEXT fields: each term must be contained, literally, in the folded
     * value of at least one of the fields.
     *
     * @param terms  folded terms, at least one, none empty
     * @param fields the TEXT fields searched, at least one
     */
    public record Search(List<String> terms, List<QueryField> fields) {
        /** Checks the parts. */
        public Search {
            terms = List.copyOf(terms);
            fields = List.copyOf(fields);
            if (terms.isEmpty() || terms.stream().anyMatch(String::isEmpty)) {
                throw new IllegalArgumentException("a search has at least one term, none empty");
            }
            if (fields.isEmpty() || fields.stream().anyMatch(f -> f.type() != QueryField.Type.TEXT)) {
                throw new IllegalArgumentException("a search covers at least one field, all of type TEXT");
            }
        }
    }

    /**
     * A keyset position: the sort values and id of the last lead of the previous page.
     *
     * @param values one sort value per {@link #order()} key, empty for an empty value; each of the
     *               Java type {@code SortKey#of} gives (String, Instant, LocalDate, BigDecimal, Boolean)
     * @param id     the lead's id
     */
    public record Position(List<Optional<Object>> values, LeadId id) {
        /** Copies the values. */
        public Position {
            values = Collections.unmodifiableList(new ArrayList<>(values));
            values.forEach(v -> Objects.requireNonNull(v, "value"));
            Objects.requireNonNull(id, "id");
        }
    }
}
