package dev.leadkit.query;

import dev.leadkit.ValidationException;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What a saved view shows (requirements Q1, Q5): a filter, the columns shown in their order, the
 * columns the user hid (kept for the column chooser), and the sort. Field names are checked when
 * the view is saved and again when it is applied (a custom field may have been removed since).
 *
 * <pre>{@code
 * ViewDefinition hot = new ViewDefinition(
 *         Filter.and(Filter.eq("status", "new"), Filter.eq("tags", "hot")),
 *         List.of("lastName", "company", "email", "leadDate"),
 *         List.of("phone"),
 *         List.of(Sort.desc("leadDate")));
 * }</pre>
 *
 * @param filter  which leads
 * @param columns the columns shown, in order; at least one, each once
 * @param hidden  the columns hidden, each once, none of them shown
 * @param sort    the sort keys (empty: newest lead date first)
 * @since 0.3
 */
public record ViewDefinition(Filter filter, List<String> columns, List<String> hidden, List<Sort> sort) {

    /** The most columns a view shows. */
    public static final int MAX_COLUMNS = 100;

    /** Checks the lists. */
    public ViewDefinition {
        Objects.requireNonNull(filter, "filter");
        columns = List.copyOf(columns);
        hidden = List.copyOf(hidden);
        sort = List.copyOf(sort);
        if (columns.isEmpty() || columns.size() > MAX_COLUMNS) {
            throw ValidationException.of("columns", "view.columns.count",
                    "a view shows 1 to " + MAX_COLUMNS + " columns");
        }
        Set<String> seen = new HashSet<>();
        for (String column : columns) {
            if (!seen.add(column)) {
                throw ValidationException.of("columns", "view.columns.repeated", "a view shows each column once");
            }
        }
        for (String column : hidden) {
            if (!seen.add(column)) {
                throw ValidationException.of("hidden", "view.columns.repeated",
                        "a hidden column is neither shown nor hidden twice");
            }
        }
        if (sort.size() > LeadQuery.MAX_SORT_KEYS) {
            throw ValidationException.of("sort", "query.sort.too_many",
                    "a view sorts by at most " + LeadQuery.MAX_SORT_KEYS + " keys");
        }
    }

    /** @return this definition as JSON text, for storing; {@link #parse} reads it back */
    public String toText() {
        StringBuilder out = new StringBuilder("{\"filter\":");
        FilterText.write(out, filter);
        out.append(",\"columns\":");
        Json.strings(out, columns);
        out.append(",\"hidden\":");
        Json.strings(out, hidden);
        out.append(",\"sort\":[");
        for (int i = 0; i < sort.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append("{\"field\":");
            Json.quote(out, sort.get(i).field());
            out.append(",\"descending\":").append(sort.get(i).descending()).append('}');
        }
        return out.append("]}").toString();
    }

    /**
     * @param text a text {@link #toText()} wrote
     * @return the definition
     * @throws ValidationException {@code view.definition.malformed} when the text is not one
     */
    @SuppressWarnings("unchecked")
    public static ViewDefinition parse(String text) {
        Objects.requireNonNull(text, "text");
        try {
            Map<String, Object> map = (Map<String, Object>) Json.read(text);
            if (map.size() != 4) {
                throw malformed();
            }
            List<Sort> sort = new ArrayList<>();
            for (Object o : (List<Object>) map.get("sort")) {
                Map<String, Object> s = (Map<String, Object>) o;
                sort.add(new Sort((String) s.get("field"), (Boolean) s.get("descending")));
            }
            return new ViewDefinition(FilterText.from(map.get("filter")), strings(map.get("columns")),
                    strings(map.get("hidden")), sort);
        } catch (IllegalArgumentException | ClassCastException | NullPointerException e) {
            throw malformed();
        }
    }

    @SuppressWarnings("unchecked")
    private static List<String> strings(Object node) {
        List<String> out = new ArrayList<>();
        for (Object o : (List<Object>) node) {
            out.add((String) Objects.requireNonNull(o));
        }
        return out;
    }

    private static ValidationException malformed() {
        return ValidationException.of("definition", "view.definition.malformed",
                "the text is not one ViewDefinition.toText() writes");
    }
}
