package dev.leadkit.lead;

import dev.leadkit.field.FieldValue;

import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A partial update: the fields to set and the fields to clear; every other field keeps its value.
 * Owner changes are not patches — they are transfers, claims and assignments with rules of their
 * own.
 *
 * <pre>{@code
 * LeadPatch patch = LeadPatch.builder()
 *         .set(LeadField.TITLE, "Satın Alma Müdürü")
 *         .clear(LeadField.PHONE)
 *         .build();
 * Lead updated = kit.leads().update(actor, lead.id(), patch, lead.version());
 * }</pre>
 *
 * @since 0.1
 */
public final class LeadPatch {

    private final Map<LeadField, Optional<String>> changes;
    private final Map<String, Optional<FieldValue>> customChanges;

    private LeadPatch(Map<LeadField, Optional<String>> changes, Map<String, Optional<FieldValue>> customChanges) {
        this.changes = Collections.unmodifiableMap(new EnumMap<>(changes));
        this.customChanges = Collections.unmodifiableMap(new LinkedHashMap<>(customChanges));
    }

    /** @return a new builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return each field to change: a raw value to set, or empty to clear it */
    public Map<LeadField, Optional<String>> changes() {
        return changes;
    }

    /** @return each custom field to change, by key: a value to set, or empty to clear it */
    public Map<String, Optional<FieldValue>> customChanges() {
        return customChanges;
    }

    /** @return whether the patch changes nothing */
    public boolean isEmpty() {
        return changes.isEmpty() && customChanges.isEmpty();
    }

    /** Builds a {@link LeadPatch}. Not thread-safe. */
    public static final class Builder {
        private final EnumMap<LeadField, Optional<String>> changes = new EnumMap<>(LeadField.class);
        private final Map<String, Optional<FieldValue>> customChanges = new LinkedHashMap<>();

        private Builder() {
        }

        /**
         * @param key   a custom field key
         * @param value the new value
         * @return this builder
         */
        public Builder custom(String key, FieldValue value) {
            customChanges.put(Objects.requireNonNull(key, "key"), Optional.of(Objects.requireNonNull(value, "value")));
            return this;
        }

        /**
         * @param key a custom field key whose value to remove
         * @return this builder
         */
        public Builder clearCustom(String key) {
            customChanges.put(Objects.requireNonNull(key, "key"), Optional.empty());
            return this;
        }

        /**
         * @param field the field; not {@link LeadField#OWNER}
         * @param value the raw new value ("" clears, like {@link #clear})
         * @return this builder
         */
        public Builder set(LeadField field, String value) {
            Objects.requireNonNull(value, "value");
            changes.put(checked(field), Optional.of(value));
            return this;
        }

        /**
         * @param field the field to empty; not {@link LeadField#OWNER}
         * @return this builder
         */
        public Builder clear(LeadField field) {
            changes.put(checked(field), Optional.empty());
            return this;
        }

        private static LeadField checked(LeadField field) {
            Objects.requireNonNull(field, "field");
            if (field == LeadField.OWNER) {
                throw new IllegalArgumentException(
                        "the owner is changed by transfer, claim or assign, not by a patch");
            }
            return field;
        }

        /** @return the patch */
        public LeadPatch build() {
            return new LeadPatch(changes, customChanges);
        }
    }
}
