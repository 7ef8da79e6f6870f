package dev.leadkit.activity;

import java.util.Objects;
import java.util.Optional;

/**
 * One field's change inside a {@link HistoryEntry}: its key, the value before and the value after
 * (empty when the field was not set).
 *
 * @param field  the field key, e.g. {@code email} or {@code deleted}
 * @param before the old value
 * @param after  the new value
 * @since 0.1
 */
public record FieldChange(String field, Optional<String> before, Optional<String> after) {

    /** Checks the components. */
    public FieldChange {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
    }

    /**
     * @param field  the field key
     * @param before the old value, or {@code null} when unset
     * @param after  the new value, or {@code null} when unset
     * @return the change
     */
    public static FieldChange of(String field, String before, String after) {
        return new FieldChange(field, Optional.ofNullable(before), Optional.ofNullable(after));
    }

    /** Names the field only: values are personal data and stay out of logs. */
    @Override
    public String toString() {
        return "FieldChange[" + field + "]";
    }
}
