package dev.leadkit.store;

import dev.leadkit.field.CustomFields;

/**
 * Port: stores the {@link CustomFields} definitions as one versioned aggregate.
 *
 * @since 0.1
 */
public interface CustomFieldRepository {

    /** @return the stored definitions, or {@link CustomFields#none()} */
    CustomFields load();

    /**
     * @param fields the next version; the stored version must be {@code fields.version() - 1}
     * @throws dev.leadkit.ConflictException {@code custom_fields.version.stale} when it is not
     */
    void save(CustomFields fields);
}
