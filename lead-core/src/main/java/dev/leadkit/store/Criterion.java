package dev.leadkit.store;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A validated, typed filter a store evaluates inside its query (requirement Q3): leaf conditions
 * on {@link QueryField}s combined with AND, OR and NOT. The core builds it from a host's
 * {@code dev.leadkit.query.Filter}, so every value already has the Java type its field's
 * {@link QueryField.Type} names (TEXT values are already folded with {@code TextFold.fold}).
 *
 * <p>Logic is two-valued: every leaf is true or false for every lead — an empty field never
 * satisfies {@link Operator#IN}, {@link Operator#CONTAINS}, {@link Operator#STARTS_WITH} or a
 * {@link Range}, so {@code NOT (city IN ('oslo'))} holds for a lead without a city. (An SQL store
 * therefore guards nullable columns, e.g. {@code coalesce(city_fold = ?, false)}.)
 *
 * <pre>{@code
 * Criterion openInMyTeam = Criterion.and(List.of(
 *         Criterion.in(QueryField.of(LeadField.STATUS), List.of("new")),
 *         Criterion.in(QueryField.of(LeadField.OWNER), List.of("ayse", "mehmet"))));
 * }</pre>
 *
 * @since 0.3
 */
public sealed interface Criterion {

    /** The criterion every lead meets: an AND of nothing. */
    Criterion ALWAYS = new And(List.of());

    /**
     * @param parts the parts, all of which must hold
     * @return their conjunction
     */
    static Criterion and(List<Criterion> parts) {
        return parts.size() == 1 ? parts.get(0) : new And(parts);
    }

    /**
     * @param parts the parts, one of which must hold
     * @return their disjunction
     */
    static Criterion or(List<Criterion> parts) {
        return parts.size() == 1 ? parts.get(0) : new Or(parts);
    }

    /**
     * @param part a criterion
     * @return its negation
     */
    static Criterion not(Criterion part) {
        return new Not(part);
    }

    /**
     * @param field  a field
     * @param values typed values, at least one
     * @return the field's value equals one of them (for a SET field: the set holds one of them)
     */
    static Criterion in(QueryField field, List<?> values) {
        return new Match(field, Operator.IN, List.copyOf(values));
    }

    /** The comparison of a {@link Match}. */
    enum Operator {
        /** The value equals one of the values; a SET holds one of them. At least one value. */
        IN,
        /** The folded TEXT value contains the one (folded) value, literally ({@code %} is a percent sign). */
        CONTAINS,
        /** The folded TEXT value starts with the one (folded) value, literally. */
        STARTS_WITH,
        /** The field is empty: no value, the empty text or the empty set. No values. */
        EMPTY,
        /** The field is not empty. No values. */
        NOT_EMPTY
    }

    /**
     * All parts hold; an empty list holds for every lead.
     *
     * @param parts the parts
     */
    record And(List<Criterion> parts) implements Criterion {
        /** Copies the parts. */
        public And {
            parts = List.copyOf(parts);
        }
    }

    /**
     * At least one part holds; an empty list holds for no lead.
     *
     * @param parts the parts
     */
    record Or(List<Criterion> parts) implements Criterion {
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
    record Not(Criterion part) implements Criterion {
        /** Checks the part. */
        public Not {
            Objects.requireNonNull(part, "part");
        }
    }

    /**
     * A comparison of one field with values.
     *
     * @param field    the field
     * @param operator the comparison
     * @param values   typed values: one or more for IN, exactly one (a folded String) for CONTAINS
     *                 and STARTS_WITH, none for EMPTY and NOT_EMPTY
     */
    record Match(QueryField field, Operator operator, List<Object> values) implements Criterion {
        /** Checks the arity. */
        public Match {
            Objects.requireNonNull(field, "field");
            Objects.requireNonNull(operator, "operator");
            values = List.copyOf(values);
            switch (operator) {
                case IN:
                    if (values.isEmpty()) {
                        throw new IllegalArgumentException("IN needs at least one value");
                    }
                    break;
                case CONTAINS:
                case STARTS_WITH:
                    if (values.size() != 1 || !(values.get(0) instanceof String) || field.type() != QueryField.Type.TEXT) {
                        throw new IllegalArgumentException(operator + " needs one text value and a TEXT field");
                    }
                    break;
                case EMPTY:
                case NOT_EMPTY:
                default:
                    if (!values.isEmpty()) {
                        throw new IllegalArgumentException(operator + " takes no values");
                    }
                    break;
            }
        }
    }

    /**
     * The value lies between the bounds, both inclusive; an empty field never does. For INSTANT,
     * DATE and NUMBER fields.
     *
     * @param field the field
     * @param min   the smallest value admitted, if any
     * @param max   the largest value admitted, if any
     */
    record Range(QueryField field, Optional<Object> min, Optional<Object> max) implements Criterion {
        /** Checks the parts. */
        public Range {
            Objects.requireNonNull(field, "field");
            Objects.requireNonNull(min, "min");
            Objects.requireNonNull(max, "max");
            if (min.isEmpty() && max.isEmpty()) {
                throw new IllegalArgumentException("a range needs at least one bound");
            }
        }
    }
}
