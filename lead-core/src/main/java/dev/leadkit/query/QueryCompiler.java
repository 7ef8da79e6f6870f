package dev.leadkit.query;

import dev.leadkit.FieldError;
import dev.leadkit.ValidationException;
import dev.leadkit.field.CustomField;
import dev.leadkit.field.CustomFields;
import dev.leadkit.field.FieldValue;
import dev.leadkit.lead.LeadField;
import dev.leadkit.store.Criterion;
import dev.leadkit.store.LeadSelection;
import dev.leadkit.store.QueryField;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Turns the names and texts of a {@link Filter}, {@link Sort} and search into the typed
 * {@link Criterion}, orders and search of a {@link LeadSelection}, checking every name against the
 * standard and custom fields and every value against its field's type.
 */
final class QueryCompiler {

    static final List<String> RECORD_FIELDS = List.of("createdAt", "updatedAt", "statusSince", "createdBy", "closeReason");
    static final int MAX_SEARCH_TERMS = 10;
    static final int MAX_FILTER_NODES = 500;
    static final int MAX_VALUE_LENGTH = 1_000;

    private final CustomFields custom;
    private int nodes;

    QueryCompiler(CustomFields custom) {
        this.custom = custom;
    }

    /** @throws ValidationException query.field.unknown naming the field and what is allowed */
    QueryField field(String name) {
        Optional<LeadField> standard = LeadField.byKey(name);
        if (standard.isPresent()) {
            return QueryField.of(standard.get());
        }
        switch (name) {
            case "createdAt":
                return QueryField.CREATED_AT;
            case "updatedAt":
                return QueryField.UPDATED_AT;
            case "statusSince":
                return QueryField.STATUS_SINCE;
            case "createdBy":
                return QueryField.CREATED_BY;
            case "closeReason":
                return QueryField.CLOSE_REASON;
            case "tags":
                return QueryField.TAGS;
            default:
                break;
        }
        String key = name.startsWith("cf.") ? name.substring(3) : name;
        Optional<CustomField> field = custom.field(key);
        if (field.isPresent()) {
            return QueryField.of(field.get());
        }
        throw ValidationException.of(safe(name), "query.field.unknown", "no field has this name; a query names a "
                + "standard field (" + String.join(", ", standardKeys()) + "), " + String.join(", ", RECORD_FIELDS)
                + ", tags, or a custom field key (also as cf.<key>)");
    }

    /** A field name from user text, cut short for an error: names are not personal data, but may be long. */
    static String safe(String name) {
        return name.length() <= 80 ? name : name.substring(0, 80) + "…";
    }

    private static List<String> standardKeys() {
        List<String> keys = new ArrayList<>();
        for (LeadField f : LeadField.values()) {
            keys.add(f.key());
        }
        return keys;
    }

    Criterion filter(Filter filter) {
        if (++nodes > MAX_FILTER_NODES) {
            throw ValidationException.of("filter", "query.filter.too_large",
                    "a filter holds at most " + MAX_FILTER_NODES + " conditions and connectives");
        }
        if (filter instanceof Filter.And) {
            List<Criterion> parts = new ArrayList<>();
            for (Filter part : ((Filter.And) filter).parts()) {
                parts.add(filter(part));
            }
            return new Criterion.And(parts);
        }
        if (filter instanceof Filter.Or) {
            List<Criterion> parts = new ArrayList<>();
            for (Filter part : ((Filter.Or) filter).parts()) {
                parts.add(filter(part));
            }
            return new Criterion.Or(parts);
        }
        if (filter instanceof Filter.Not) {
            return new Criterion.Not(filter(((Filter.Not) filter).part()));
        }
        return condition((Filter.Condition) filter);
    }

    private Criterion condition(Filter.Condition c) {
        QueryField field = field(c.field());
        String name = safe(c.field());
        QueryField.Type type = field.type();
        switch (c.operator()) {
            case EQUALS:
            case IN: {
                List<Object> values = new ArrayList<>();
                Set<Object> seen = new HashSet<>();
                for (String text : c.values()) {
                    Object value = value(name, type, text);
                    if (seen.add(value)) {
                        values.add(value);
                    }
                }
                return new Criterion.Match(field, Criterion.Operator.IN, values);
            }
            case CONTAINS:
            case STARTS_WITH: {
                if (type != QueryField.Type.TEXT) {
                    throw unsupported(name, c.operator(), type);
                }
                String folded = (String) value(name, type, c.values().get(0));
                return new Criterion.Match(field, c.operator() == Filter.Operator.CONTAINS
                        ? Criterion.Operator.CONTAINS : Criterion.Operator.STARTS_WITH, List.of(folded));
            }
            case RANGE: {
                if (type != QueryField.Type.INSTANT && type != QueryField.Type.DATE && type != QueryField.Type.NUMBER) {
                    throw unsupported(name, c.operator(), type);
                }
                Optional<Object> min = c.values().get(0).isEmpty() ? Optional.empty()
                        : Optional.of(value(name, type, c.values().get(0)));
                Optional<Object> max = c.values().get(1).isEmpty() ? Optional.empty()
                        : Optional.of(value(name, type, c.values().get(1)));
                return new Criterion.Range(field, min, max);
            }
            case EMPTY:
                return new Criterion.Match(field, Criterion.Operator.EMPTY, List.of());
            case NOT_EMPTY:
            default:
                return new Criterion.Match(field, Criterion.Operator.NOT_EMPTY, List.of());
        }
    }

    private static ValidationException unsupported(String name, Filter.Operator op, QueryField.Type type) {
        return ValidationException.of(name, "query.operator.unsupported", op.name().toLowerCase(Locale.ROOT)
                + " does not apply to " + name + "; it allows " + allowed(type));
    }

    private static String allowed(QueryField.Type type) {
        switch (type) {
            case TEXT:
                return "equals, in, contains, starts_with, empty, not_empty";
            case INSTANT:
            case DATE:
            case NUMBER:
                return "equals, in, range, empty, not_empty";
            default:
                return "equals, in, empty, not_empty";
        }
    }

    /** Parses one value text for a field's type; TEXT values come back folded. */
    static Object value(String name, QueryField.Type type, String text) {
        if (text.length() > MAX_VALUE_LENGTH) {
            throw ValidationException.of(name, "query.value.too_long",
                    "a filter value on " + name + " is at most " + MAX_VALUE_LENGTH + " characters");
        }
        switch (type) {
            case TEXT: {
                String folded = TextFold.fold(text);
                if (folded.isEmpty()) {
                    throw ValidationException.of(name, "query.value.empty",
                            "a text value on " + name + " holds at least one letter, digit or sign; use empty() for no value");
                }
                return folded;
            }
            case CODE:
            case SET:
                if (text.isEmpty()) {
                    throw ValidationException.of(name, "query.value.empty",
                            "a value on " + name + " is not empty; use empty() for no value");
                }
                return text;
            case INSTANT:
                try {
                    return Instant.parse(text);
                } catch (DateTimeParseException e) {
                    throw wrongType(name, "an ISO-8601 instant such as 2026-11-23T09:30:00Z");
                }
            case DATE:
                try {
                    return LocalDate.parse(text);
                } catch (DateTimeParseException e) {
                    throw wrongType(name, "an ISO-8601 date such as 2026-11-23");
                }
            case NUMBER:
                try {
                    return ((FieldValue.Number) FieldValue.number(new BigDecimal(text))).value();
                } catch (NumberFormatException | ArithmeticException e) {
                    throw wrongType(name, "a decimal number such as 1250.50");
                }
            case FLAG:
                if (text.equals("true") || text.equals("false")) {
                    return Boolean.valueOf(text);
                }
                throw wrongType(name, "true or false");
            default:
                throw new IllegalStateException("unknown type " + type);
        }
    }

    private static ValidationException wrongType(String name, String allowed) {
        return ValidationException.of(name, "query.value.type", "a value on " + name + " is " + allowed);
    }

    List<LeadSelection.Order> order(List<Sort> sort) {
        List<LeadSelection.Order> order = new ArrayList<>();
        Set<QueryField> seen = new HashSet<>();
        for (Sort s : sort) {
            QueryField f = field(s.field());
            if (!seen.add(f)) {
                throw ValidationException.of(safe(s.field()), "query.sort.repeated", "a query sorts by each field once");
            }
            order.add(new LeadSelection.Order(f, s.descending()));
        }
        if (order.isEmpty()) {
            order.add(new LeadSelection.Order(QueryField.of(LeadField.LEAD_DATE), true));
        }
        return order;
    }

    /** The search's terms and fields; fields not of type TEXT are skipped when skipOthers, else refused. */
    Optional<LeadSelection.Search> search(Optional<String> text, List<String> fieldNames, boolean skipOthers) {
        if (text.isEmpty()) {
            return Optional.empty();
        }
        Set<String> terms = new LinkedHashSet<>();
        for (String word : TextFold.fold(text.get()).split("\\s+")) {
            if (!word.isEmpty()) {
                terms.add(word);
            }
        }
        if (terms.isEmpty()) {
            return Optional.empty();
        }
        if (terms.size() > MAX_SEARCH_TERMS) {
            throw ValidationException.of("search", "query.search.too_many_words",
                    "a search holds at most " + MAX_SEARCH_TERMS + " words");
        }
        List<QueryField> fields = new ArrayList<>();
        List<FieldError> errors = new ArrayList<>();
        for (String name : fieldNames) {
            QueryField f = field(name);
            if (f.type() == QueryField.Type.TEXT) {
                if (!fields.contains(f)) {
                    fields.add(f);
                }
            } else if (!skipOthers) {
                errors.add(new FieldError(safe(name), "query.search.not_text",
                        "search covers text fields; " + safe(name) + " is not one"));
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        if (fields.isEmpty()) {
            throw ValidationException.of("searchFields", "query.search.no_fields",
                    "a search needs at least one text field to search in");
        }
        return Optional.of(new LeadSelection.Search(List.copyOf(terms), fields));
    }
}
