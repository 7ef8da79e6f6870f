package dev.leadkit.query;

import dev.leadkit.ValidationException;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * A filter on leads as a host or UI states it (requirement Q3): conditions on fields named by
 * their keys — a standard field ({@code "status"}, {@code "email"}, {@code "leadDate"} …), a
 * record field ({@code "createdAt"}, {@code "updatedAt"}, {@code "statusSince"},
 * {@code "createdBy"}, {@code "closeReason"}), {@code "tags"}, or a custom field (its key, or
 * {@code "cf.<key>"} when a standard field has the same key) — combined with AND, OR and NOT.
 * Values are held as their canonical text (an instant as ISO-8601, a number as plain digits), as a
 * UI sends them; the {@link QueryService} checks each name and value against the field's type
 * when the query runs, and rejects an unknown field or a wrong-typed value with a
 * {@link ValidationException} naming the field and what it allows.
 *
 * <p>Text comparisons (equals, in, contains, starts-with) are case- and accent-insensitive
 * ({@link TextFold}); codes (status, source, owner, dropdowns, tags) compare exactly; ranges are
 * for dates, instants and numbers, both bounds inclusive. An empty field matches only
 * {@link #empty}; a negation includes the leads where the field is empty.
 *
 * <pre>{@code
 * Filter mine = Filter.and(
 *         Filter.in("status", "new", "contacted"),
 *         Filter.or(Filter.contains("company", "istanbul"), Filter.eq("tags", "fair-2026")),
 *         Filter.not(Filter.empty("email")),
 *         Filter.between("leadDate", Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2026-07-01T00:00:00Z")));
 * }</pre>
 *
 * @since 0.3
 */
public sealed interface Filter {

    /** The comparison of a {@link Condition}. */
    enum Operator {
        /** The field equals the one value (a set field holds it). */
        EQUALS,
        /** The field equals one of the values (a set field holds one of them). */
        IN,
        /** The text field contains the one value. */
        CONTAINS,
        /** The text field starts with the one value. */
        STARTS_WITH,
        /** The field lies between two values, both inclusive; an empty text leaves that side open. */
        RANGE,
        /** The field has no value. */
        EMPTY,
        /** The field has a value. */
        NOT_EMPTY
    }

    /** @return the filter every lead passes */
    static Filter all() {
        return new And(List.of());
    }

    /**
     * @param parts filters that must all hold
     * @return their conjunction
     */
    static Filter and(Filter... parts) {
        return new And(Arrays.asList(parts));
    }

    /**
     * @param parts filters of which one must hold
     * @return their disjunction
     */
    static Filter or(Filter... parts) {
        return new Or(Arrays.asList(parts));
    }

    /**
     * @param part a filter
     * @return its negation
     */
    static Filter not(Filter part) {
        return new Not(part);
    }

    /**
     * @param field a field name
     * @param value a String, Instant, LocalDate, Number or Boolean
     * @return the field equals the value
     */
    static Filter eq(String field, Object value) {
        return new Condition(field, Operator.EQUALS, List.of(text(field, value)));
    }

    /**
     * @param field  a field name
     * @param values Strings, Instants, LocalDates, Numbers or Booleans
     * @return the field equals one of the values
     */
    static Filter in(String field, Object... values) {
        return in(field, Arrays.asList(values));
    }

    /**
     * @param field  a field name
     * @param values Strings, Instants, LocalDates, Numbers or Booleans
     * @return the field equals one of the values
     */
    static Filter in(String field, Collection<?> values) {
        List<String> texts = new ArrayList<>(values.size());
        for (Object value : values) {
            texts.add(text(field, value));
        }
        return new Condition(field, Operator.IN, texts);
    }

    /**
     * @param field a text field name
     * @param text  the text looked for, literally
     * @return the field contains the text
     */
    static Filter contains(String field, String text) {
        return new Condition(field, Operator.CONTAINS, List.of(text(field, text)));
    }

    /**
     * @param field  a text field name
     * @param prefix the beginning looked for, literally
     * @return the field starts with the prefix
     */
    static Filter startsWith(String field, String prefix) {
        return new Condition(field, Operator.STARTS_WITH, List.of(text(field, prefix)));
    }

    /**
     * @param field a date, instant or number field name
     * @param min   the smallest value admitted
     * @param max   the largest value admitted
     * @return the field lies between them, both inclusive
     */
    static Filter between(String field, Object min, Object max) {
        return new Condition(field, Operator.RANGE, List.of(text(field, min), text(field, max)));
    }

    /**
     * @param field a date, instant or number field name
     * @param min   the smallest value admitted
     * @return the field is at least min
     */
    static Filter atLeast(String field, Object min) {
        return new Condition(field, Operator.RANGE, List.of(text(field, min), ""));
    }

    /**
     * @param field a date, instant or number field name
     * @param max   the largest value admitted
     * @return the field is at most max
     */
    static Filter atMost(String field, Object max) {
        return new Condition(field, Operator.RANGE, List.of("", text(field, max)));
    }

    /**
     * @param field a field name
     * @return the field has no value
     */
    static Filter empty(String field) {
        return new Condition(field, Operator.EMPTY, List.of());
    }

    /**
     * @param field a field name
     * @return the field has a value
     */
    static Filter notEmpty(String field) {
        return new Condition(field, Operator.NOT_EMPTY, List.of());
    }

    /**
     * @return this filter as text, e.g. for storing it; {@link #parse} reads it back
     */
    default String toText() {
        return FilterText.write(this);
    }

    /**
     * @param text a text {@link #toText()} wrote
     * @return the filter
     * @throws ValidationException {@code query.filter.malformed} when the text is not a filter
     */
    static Filter parse(String text) {
        return FilterText.read(text);
    }

    /**
     * All parts hold; no parts: every lead.
     *
     * @param parts the parts
     */
    record And(List<Filter> parts) implements Filter {
        /** Copies the parts. */
        public And {
            parts = List.copyOf(parts);
        }
    }

    /**
     * One part holds; no parts: no lead.
     *
     * @param parts the parts
     */
    record Or(List<Filter> parts) implements Filter {
        /** Copies the parts. */
        public Or {
            parts = List.copyOf(parts);
        }
    }

    /**
     * The part does not hold.
     *
     * @param part the part
     */
    record Not(Filter part) implements Filter {
        /** Checks the part. */
        public Not {
            Objects.requireNonNull(part, "part");
        }
    }

    /**
     * One comparison, unchecked until the query runs.
     *
     * @param field    the field name
     * @param operator the comparison
     * @param values   the values as canonical text (EQUALS, CONTAINS, STARTS_WITH: one; IN: one or
     *                 more; RANGE: two, min and max, either may be empty; EMPTY, NOT_EMPTY: none)
     */
    record Condition(String field, Operator operator, List<String> values) implements Filter {
        /** Checks the parts and the number of values. */
        public Condition {
            Objects.requireNonNull(field, "field");
            Objects.requireNonNull(operator, "operator");
            values = List.copyOf(values);
            int n = values.size();
            boolean ok;
            switch (operator) {
                case EQUALS:
                case CONTAINS:
                case STARTS_WITH:
                    ok = n == 1;
                    break;
                case IN:
                    ok = n >= 1 && n <= MAX_VALUES;
                    break;
                case RANGE:
                    ok = n == 2 && !(values.get(0).isEmpty() && values.get(1).isEmpty());
                    break;
                case EMPTY:
                case NOT_EMPTY:
                default:
                    ok = n == 0;
                    break;
            }
            if (!ok) {
                throw ValidationException.of(field, "query.filter.arity", operator.name().toLowerCase(java.util.Locale.ROOT)
                        + " on " + field + " takes " + arity(operator));
            }
        }
    }

    /** The most values one IN condition may hold. */
    int MAX_VALUES = 1_000;

    private static String arity(Operator operator) {
        switch (operator) {
            case IN:
                return "1 to " + MAX_VALUES + " values";
            case RANGE:
                return "a minimum and a maximum, at least one of them given";
            case EMPTY:
            case NOT_EMPTY:
                return "no value";
            default:
                return "exactly one value";
        }
    }

    private static String text(String field, Object value) {
        Objects.requireNonNull(field, "field");
        if (value instanceof String) {
            return (String) value;
        }
        if (value instanceof Instant || value instanceof LocalDate || value instanceof Boolean) {
            return value.toString();
        }
        if (value instanceof BigDecimal) {
            return ((BigDecimal) value).toPlainString();
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            return value.toString();
        }
        if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            if (Double.isFinite(d)) {
                return BigDecimal.valueOf(d).toPlainString();
            }
        }
        throw ValidationException.of(field, "query.value.type", "a filter value on " + field
                + " is a String, an Instant, a LocalDate, a finite Number or a Boolean");
    }
}
