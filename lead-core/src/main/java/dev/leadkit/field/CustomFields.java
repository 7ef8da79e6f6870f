package dev.leadkit.field;

import java.util.List;
import java.util.Optional;

/**
 * Every custom field definition of one LeadKit instance, stored as one versioned aggregate.
 *
 * @param fields  the definitions, in display order, keys unique
 * @param version 0 when nothing was ever stored, then one more after each save
 * @since 0.1
 */
public record CustomFields(List<CustomField> fields, long version) {

    /** Checks that keys are unique. */
    public CustomFields {
        fields = List.copyOf(fields);
        if (fields.stream().map(CustomField::key).distinct().count() != fields.size()) {
            throw new IllegalArgumentException("custom field keys are unique");
        }
        if (version < 0) {
            throw new IllegalArgumentException("a version is never negative");
        }
    }

    /** @return no definitions, never stored */
    public static CustomFields none() {
        return new CustomFields(List.of(), 0);
    }

    /**
     * @param key a field key
     * @return its definition
     */
    public Optional<CustomField> field(String key) {
        return fields.stream().filter(f -> f.key().equals(key)).findFirst();
    }
}
