package dev.leadkit.field;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The definition of one custom field (requirement M3): a stable key separate from its labels, a
 * type, whether it is required, whether forms show it on create and on edit, whether it is active,
 * and the options of a dropdown or multi-select. Renaming (new labels) and deactivating never touch
 * stored values.
 *
 * <pre>{@code
 * CustomField budget = CustomField.of("budget", FieldType.NUMBER, Map.of("en", "Budget", "da", "Budget"));
 * CustomField interests = CustomField.of("interests", FieldType.MULTI_SELECT, Map.of("en", "Interests"))
 *         .withOptions(List.of(FieldOption.of("crm", Map.of("en", "CRM")), FieldOption.of("erp", Map.of("en", "ERP"))));
 * }</pre>
 *
 * @param key           lower-case letters, digits and '_', starting with a letter, at most 64; never changes
 * @param type          the value type
 * @param labels        label per language tag; at least one
 * @param required      whether a new lead must have a value (when the field is active and shown on create)
 * @param shownOnCreate whether the create form shows it
 * @param shownOnEdit   whether the edit form shows it
 * @param active        whether values may be set; a deactivated field keeps its stored values
 * @param options       the options, for dropdown and multi-select fields (1 to 500); empty otherwise
 * @since 0.1
 */
public record CustomField(String key, FieldType type, Map<String, String> labels, boolean required,
                          boolean shownOnCreate, boolean shownOnEdit, boolean active, List<FieldOption> options) {

    /** The most options a dropdown or multi-select field may have (seed 003). */
    public static final int MAX_OPTIONS = 500;

    static final Pattern KEY = Pattern.compile("[a-z][a-z0-9_]{0,63}");

    /** Checks the definition. */
    public CustomField {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(type, "type");
        if (!KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("a custom field key is 1 to 64 of a-z, 0-9 and '_', starting with a letter");
        }
        if (labels.isEmpty()) {
            throw new IllegalArgumentException("a custom field needs at least one label");
        }
        // Sorted, so the fallback label and every listing are the same on every run.
        labels = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(labels));
        options = List.copyOf(options);
        if (!type.hasOptions() && !options.isEmpty()) {
            throw new IllegalArgumentException("only dropdown and multi-select fields have options");
        }
        if (options.size() > MAX_OPTIONS) {
            throw new IllegalArgumentException("a field has at most " + MAX_OPTIONS + " options");
        }
        if (options.stream().map(FieldOption::code).distinct().count() != options.size()) {
            throw new IllegalArgumentException("option codes are unique within a field");
        }
    }

    /**
     * An active, optional field shown on both forms, without options.
     *
     * @param key    the key
     * @param type   the type
     * @param labels labels by language tag
     * @return the definition
     */
    public static CustomField of(String key, FieldType type, Map<String, String> labels) {
        return new CustomField(key, type, labels, false, true, true, true, List.of());
    }

    /** @param value required or not @return a copy */
    public CustomField withRequired(boolean value) {
        return new CustomField(key, type, labels, value, shownOnCreate, shownOnEdit, active, options);
    }

    /** @param onCreate shown on create @param onEdit shown on edit @return a copy */
    public CustomField withShown(boolean onCreate, boolean onEdit) {
        return new CustomField(key, type, labels, required, onCreate, onEdit, active, options);
    }

    /** @param value active or not @return a copy */
    public CustomField withActive(boolean value) {
        return new CustomField(key, type, labels, required, shownOnCreate, shownOnEdit, value, options);
    }

    /** @param value the new labels @return a copy */
    public CustomField withLabels(Map<String, String> value) {
        return new CustomField(key, type, value, required, shownOnCreate, shownOnEdit, active, options);
    }

    /** @param value the new options @return a copy */
    public CustomField withOptions(List<FieldOption> value) {
        return new CustomField(key, type, labels, required, shownOnCreate, shownOnEdit, active, value);
    }

    /**
     * @param code an option code
     * @return the option
     */
    public Optional<FieldOption> option(String code) {
        return options.stream().filter(o -> o.code().equals(code)).findFirst();
    }
}
