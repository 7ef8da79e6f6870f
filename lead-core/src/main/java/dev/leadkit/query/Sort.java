package dev.leadkit.query;

import java.util.Objects;

/**
 * One sort key of a query or view (requirement Q4): a field name, as in {@link Filter}, and a
 * direction. Text sorts by its folded form ({@link SortKey}); empty values come last in either
 * direction; ties are broken by id.
 *
 * <pre>{@code
 * LeadQuery.builder().sort(Sort.asc("company"), Sort.desc("leadDate")).build();
 * }</pre>
 *
 * @param field      the field name
 * @param descending whether larger values come first
 * @since 0.3
 */
public record Sort(String field, boolean descending) {

    /** Checks the field. */
    public Sort {
        Objects.requireNonNull(field, "field");
    }

    /**
     * @param field a field name
     * @return ascending on it
     */
    public static Sort asc(String field) {
        return new Sort(field, false);
    }

    /**
     * @param field a field name
     * @return descending on it
     */
    public static Sort desc(String field) {
        return new Sort(field, true);
    }
}
