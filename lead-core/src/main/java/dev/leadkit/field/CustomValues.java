package dev.leadkit.field;

import dev.leadkit.FieldError;
import dev.leadkit.lead.Texts;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Checks and normalises custom field values against their definitions (requirement M3). Every
 * problem is collected; messages name the field ({@code cf.<key>}) and the rule, never the value.
 * Used by the lead service on create and update; a host validating a form early may call it too.
 *
 * <pre>{@code
 * List<FieldError> errors = new ArrayList<>();
 * Map<String, FieldValue> values = CustomValues.apply(definitions, Map.of(), changes, true, errors);
 * if (!errors.isEmpty()) throw new ValidationException(errors);
 * }</pre>
 *
 * @since 0.1
 */
public final class CustomValues {

    /** The most significant digits a number holds. */
    public static final int MAX_PRECISION = 18;
    /** The most decimals a number holds. */
    public static final int MAX_SCALE = 6;
    /** The earliest year a date holds (every supported database stores it). */
    public static final int MIN_YEAR = 1000;
    /** The latest year a date holds. */
    public static final int MAX_YEAR = 9999;

    private static final int[] ADDRESS_LIMITS = {200, 20, 100, 100, 100};
    private static final String[] ADDRESS_PARTS = {"street", "postcode", "city", "region", "country"};

    private CustomValues() {
    }

    /**
     * @param key a custom field key
     * @return the key errors and history use for it: {@code cf.<key>}
     */
    public static String errorField(String key) {
        return "cf." + key;
    }

    /**
     * Applies changes to a lead's current custom values.
     *
     * @param definitions the field definitions
     * @param current     the lead's current values (empty for a new lead)
     * @param changes     per key, a value to set or empty to clear
     * @param creating    whether the lead is new (then every required field must have a value)
     * @param errors      receives every problem
     * @return the new values (meaningful only when no error was added)
     */
    public static Map<String, FieldValue> apply(CustomFields definitions, Map<String, FieldValue> current,
                                                Map<String, Optional<FieldValue>> changes, boolean creating,
                                                List<FieldError> errors) {
        Map<String, FieldValue> result = new TreeMap<>(current);
        for (Map.Entry<String, Optional<FieldValue>> change : changes.entrySet()) {
            String key = change.getKey();
            Optional<CustomField> def = definitions.field(key);
            if (def.isEmpty()) {
                errors.add(new FieldError(errorField(key), "field.unknown",
                        errorField(key) + " is not a custom field; defined: "
                                + definitions.fields().stream().map(CustomField::key).toList() + "."));
                continue;
            }
            if (change.getValue().isEmpty()) {
                result.remove(key);
                continue;
            }
            if (!def.get().active()) {
                errors.add(new FieldError(errorField(key), "field.inactive",
                        errorField(key) + " is deactivated; its stored values are kept but no new value may be set."));
                continue;
            }
            check(def.get(), change.getValue().get(), current.get(key), errors).ifPresentOrElse(
                    v -> result.put(key, v), () -> { });
        }
        for (CustomField def : definitions.fields()) {
            boolean applies = def.active() && def.required() && (creating ? def.shownOnCreate() : changes.containsKey(def.key()));
            boolean refused = errors.stream().anyMatch(e -> e.field().equals(errorField(def.key())));
            if (applies && !result.containsKey(def.key()) && !refused) {
                errors.add(new FieldError(errorField(def.key()), "lead.field.required", errorField(def.key()) + " is required."));
            }
        }
        return result;
    }

    /**
     * Checks and normalises one value.
     *
     * @param def      the definition
     * @param value    the value
     * @param previous the value stored before, if any (an option since deactivated stays valid)
     * @param errors   receives the problem, if any
     * @return the normalised value, or empty after recording an error
     */
    public static Optional<FieldValue> check(CustomField def, FieldValue value, FieldValue previous,
                                             List<FieldError> errors) {
        String field = errorField(def.key());
        FieldType type = def.type();
        switch (type) {
            case TEXT:
            case PARAGRAPH:
            case EMAIL:
            case PHONE:
            case URL:
            case DROPDOWN:
                if (!(value instanceof FieldValue.Text)) {
                    return wrongType(def, errors);
                }
                return text(def, ((FieldValue.Text) value).value(), previous, errors);
            case CHECKBOX:
                return value instanceof FieldValue.Flag ? Optional.of(value) : wrongType(def, errors);
            case DATE:
                if (!(value instanceof FieldValue.Date)) {
                    return wrongType(def, errors);
                }
                int year = ((FieldValue.Date) value).value().getYear();
                if (year < MIN_YEAR || year > MAX_YEAR) {
                    errors.add(new FieldError(field, "field.date.out_of_range", field + " holds dates from year "
                            + MIN_YEAR + " to " + MAX_YEAR + "."));
                    return Optional.empty();
                }
                return Optional.of(value);
            case NUMBER:
                if (!(value instanceof FieldValue.Number)) {
                    return wrongType(def, errors);
                }
                BigDecimal n = ((FieldValue.Number) value).value();
                if (n.precision() > MAX_PRECISION || n.scale() > MAX_SCALE) {
                    errors.add(new FieldError(field, "field.number.out_of_range", field + " holds numbers of at most "
                            + MAX_PRECISION + " digits with at most " + MAX_SCALE + " decimals."));
                    return Optional.empty();
                }
                return Optional.of(value);
            case MULTI_SELECT:
                if (!(value instanceof FieldValue.Choices)) {
                    return wrongType(def, errors);
                }
                return choices(def, (FieldValue.Choices) value, previous, errors);
            case ADDRESS:
            default:
                if (!(value instanceof FieldValue.Address)) {
                    return wrongType(def, errors);
                }
                return address(def, (FieldValue.Address) value, errors);
        }
    }

    private static Optional<FieldValue> text(CustomField def, String raw, FieldValue previous, List<FieldError> errors) {
        String field = errorField(def.key());
        Texts.Result cleaned = Texts.clean(raw, def.type() == FieldType.PARAGRAPH);
        if (cleaned.problem().isPresent()) {
            errors.add(new FieldError(field, "lead.field.control_character",
                    field + " must not contain control characters or malformed Unicode."));
            return Optional.empty();
        }
        String v = cleaned.value();
        if (v.isEmpty()) {
            errors.add(new FieldError(field, "field.value.empty", field + " must not be blank; clear the field instead."));
            return Optional.empty();
        }
        if (Texts.length(v) > def.type().maxLength()) {
            errors.add(new FieldError(field, "lead.field.too_long", field + " is " + Texts.length(v)
                    + " characters long; at most " + def.type().maxLength() + " are allowed."));
            return Optional.empty();
        }
        switch (def.type()) {
            case EMAIL:
                v = v.toLowerCase(Locale.ROOT);
                if (!Texts.isEmail(v)) {
                    errors.add(new FieldError(field, "lead.email.invalid", field + " is not an e-mail address: expected local-part@domain.tld."));
                    return Optional.empty();
                }
                break;
            case PHONE:
                if (!Texts.isPhone(v)) {
                    errors.add(new FieldError(field, "lead.phone.invalid", field + " is not a phone number."));
                    return Optional.empty();
                }
                break;
            case URL:
                if (!Texts.isWebsite(v)) {
                    errors.add(new FieldError(field, "lead.website.invalid",
                            field + " is not a web address such as example.com or https://example.com/page."));
                    return Optional.empty();
                }
                break;
            case DROPDOWN:
                boolean unchanged = previous instanceof FieldValue.Text && ((FieldValue.Text) previous).value().equals(v);
                if (!unchanged && !activeOption(def, v)) {
                    errors.add(unknownOption(def));
                    return Optional.empty();
                }
                break;
            default:
                break;
        }
        return Optional.of(FieldValue.text(v));
    }

    private static Optional<FieldValue> choices(CustomField def, FieldValue.Choices value, FieldValue previous,
                                                List<FieldError> errors) {
        Set<String> before = previous instanceof FieldValue.Choices
                ? Set.copyOf(((FieldValue.Choices) previous).codes()) : Set.of();
        Set<String> unique = new LinkedHashSet<>(value.codes());
        if (unique.size() > CustomField.MAX_OPTIONS) {
            errors.add(new FieldError(errorField(def.key()), "field.choices.too_many",
                    errorField(def.key()) + " holds at most " + CustomField.MAX_OPTIONS + " options."));
            return Optional.empty();
        }
        for (String code : unique) {
            if (!before.contains(code) && !activeOption(def, code)) {
                errors.add(unknownOption(def));
                return Optional.empty();
            }
        }
        // Definition order, so the same choice always reads the same.
        List<String> ordered = new ArrayList<>();
        def.options().forEach(o -> {
            if (unique.contains(o.code())) {
                ordered.add(o.code());
            }
        });
        unique.stream().filter(c -> !ordered.contains(c)).sorted().forEach(ordered::add);
        return Optional.of(FieldValue.choices(ordered));
    }

    private static Optional<FieldValue> address(CustomField def, FieldValue.Address a, List<FieldError> errors) {
        String[] parts = {a.street(), a.postcode(), a.city(), a.region(), a.country()};
        String[] clean = new String[5];
        for (int i = 0; i < 5; i++) {
            Texts.Result r = Texts.clean(parts[i], false);
            String field = errorField(def.key()) + "." + ADDRESS_PARTS[i];
            if (r.problem().isPresent()) {
                errors.add(new FieldError(field, "lead.field.control_character", field + " must not contain control characters."));
                return Optional.empty();
            }
            if (Texts.length(r.value()) > ADDRESS_LIMITS[i]) {
                errors.add(new FieldError(field, "lead.field.too_long", field + " is at most " + ADDRESS_LIMITS[i] + " characters long."));
                return Optional.empty();
            }
            clean[i] = r.value();
        }
        if (String.join("", clean).isEmpty()) {
            errors.add(new FieldError(errorField(def.key()), "field.value.empty",
                    errorField(def.key()) + " must have at least one part; clear the field instead."));
            return Optional.empty();
        }
        return Optional.of(new FieldValue.Address(clean[0], clean[1], clean[2], clean[3], clean[4]));
    }

    private static boolean activeOption(CustomField def, String code) {
        return def.option(code).filter(FieldOption::active).isPresent();
    }

    private static FieldError unknownOption(CustomField def) {
        return new FieldError(errorField(def.key()), "field.option.unknown", errorField(def.key())
                + " names an option that does not exist or is deactivated; allowed: "
                + def.options().stream().filter(FieldOption::active).map(FieldOption::code).toList() + ".");
    }

    private static Optional<FieldValue> wrongType(CustomField def, List<FieldError> errors) {
        errors.add(new FieldError(errorField(def.key()), "field.value.wrong_type", errorField(def.key()) + " is a "
                + def.type().name().toLowerCase(Locale.ROOT).replace('_', '-') + " field; it takes a "
                + expected(def.type()) + " value."));
        return Optional.empty();
    }

    private static String expected(FieldType type) {
        switch (type) {
            case CHECKBOX:
                return "FieldValue.flag";
            case MULTI_SELECT:
                return "FieldValue.choices";
            case DATE:
                return "FieldValue.date";
            case NUMBER:
                return "FieldValue.number";
            case ADDRESS:
                return "FieldValue.Address";
            default:
                return "FieldValue.text";
        }
    }
}
