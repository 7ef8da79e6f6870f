package dev.leadkit.jpa.internal;

import dev.leadkit.ConflictException;
import dev.leadkit.field.CustomFields;
import dev.leadkit.store.CustomFieldRepository;

import java.util.Objects;

/** {@link CustomFieldRepository} on the single row of {@code lk_custom_fields}, as the settings are stored. */
final class JpaCustomFieldRepository implements CustomFieldRepository {

    private final JpaStoreTransaction tx;

    JpaCustomFieldRepository(JpaStoreTransaction tx) {
        this.tx = tx;
    }

    @Override
    public CustomFields load() {
        return Failures.guard(() -> {
            CustomFieldsEntity row = tx.em().find(CustomFieldsEntity.class, CustomFieldsEntity.ROW);
            return row == null ? CustomFields.none()
                    : new CustomFields(Json.customFields(row.definitions), tx.currentVersion(row, r -> r.version));
        });
    }

    @Override
    public void save(CustomFields fields) {
        Objects.requireNonNull(fields, "fields");
        Failures.guard(() -> {
            CustomFieldsEntity row = tx.em().find(CustomFieldsEntity.class, CustomFieldsEntity.ROW);
            long current = row == null ? 0 : tx.currentVersion(row, r -> r.version);
            if (current != fields.version() - 1) {
                throw ConflictException.staleVersion("custom_fields", "custom_fields", fields.version() - 1, current);
            }
            String definitions = Json.customFields(fields.fields());
            if (row == null) {
                // Two first saves at once collide on the primary key: a stale version (see Failures).
                CustomFieldsEntity created = new CustomFieldsEntity(CustomFieldsEntity.ROW);
                created.version = 1;
                created.definitions = definitions;
                tx.em().persist(created);
            } else {
                tx.beforeChange(row, r -> r.version);
                boolean changed = !definitions.equals(row.definitions);
                row.definitions = definitions;
                tx.changed(row, changed, fields.version());
            }
            return null;
        });
    }
}
