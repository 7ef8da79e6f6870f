package dev.leadkit.query;

import dev.leadkit.ValidationException;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Writes a {@link Filter} as JSON and reads it back: {@code {"and":[…]}}, {@code {"field":…,"op":…,"values":[…]}}. */
final class FilterText {

    private FilterText() {
    }

    static String write(Filter filter) {
        StringBuilder out = new StringBuilder();
        write(out, filter);
        return out.toString();
    }

    static void write(StringBuilder out, Filter filter) {
        if (filter instanceof Filter.And) {
            parts(out, "and", ((Filter.And) filter).parts());
        } else if (filter instanceof Filter.Or) {
            parts(out, "or", ((Filter.Or) filter).parts());
        } else if (filter instanceof Filter.Not) {
            out.append("{\"not\":");
            write(out, ((Filter.Not) filter).part());
            out.append('}');
        } else {
            Filter.Condition c = (Filter.Condition) filter;
            out.append("{\"field\":");
            Json.quote(out, c.field());
            out.append(",\"op\":");
            Json.quote(out, c.operator().name().toLowerCase(Locale.ROOT));
            out.append(",\"values\":");
            Json.strings(out, c.values());
            out.append('}');
        }
    }

    private static void parts(StringBuilder out, String name, List<Filter> parts) {
        out.append("{\"").append(name).append("\":[");
        for (int i = 0; i < parts.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            write(out, parts.get(i));
        }
        out.append("]}");
    }

    static Filter read(String text) {
        try {
            return from(Json.read(text));
        } catch (IllegalArgumentException | ClassCastException e) {
            throw malformed();
        }
    }

    @SuppressWarnings("unchecked")
    static Filter from(Object node) {
        Map<String, Object> map = (Map<String, Object>) node;
        if (map.size() == 1 && map.containsKey("and")) {
            return new Filter.And(list(map.get("and")));
        }
        if (map.size() == 1 && map.containsKey("or")) {
            return new Filter.Or(list(map.get("or")));
        }
        if (map.size() == 1 && map.containsKey("not")) {
            return new Filter.Not(from(map.get("not")));
        }
        if (map.size() == 3 && map.get("field") instanceof String && map.get("op") instanceof String) {
            Filter.Operator op = Filter.Operator.valueOf(((String) map.get("op")).toUpperCase(Locale.ROOT));
            List<String> values = new ArrayList<>();
            for (Object v : (List<Object>) map.get("values")) {
                values.add((String) v);
            }
            return new Filter.Condition((String) map.get("field"), op, values);
        }
        throw malformed();
    }

    @SuppressWarnings("unchecked")
    private static List<Filter> list(Object node) {
        List<Filter> parts = new ArrayList<>();
        for (Object part : (List<Object>) node) {
            parts.add(from(part));
        }
        return parts;
    }

    static ValidationException malformed() {
        return ValidationException.of("filter", "query.filter.malformed",
                "the filter text is not one Filter.toText() writes: {\"and\"|\"or\":[…]}, {\"not\":…} or "
                        + "{\"field\":…,\"op\":…,\"values\":[…]}");
    }
}
