package dev.leadkit.jpa.internal;

import dev.leadkit.ConflictException;
import dev.leadkit.store.Settings;
import dev.leadkit.store.SettingsRepository;

import java.util.Objects;

/** {@link SettingsRepository} on the single row of {@code lk_settings}. */
final class JpaSettingsRepository implements SettingsRepository {

    /** The settings' key in {@link JpaStoreTransaction#configuration()}. */
    static final String SETTINGS_KEY = "";

    private final JpaStoreTransaction tx;
    /** The managed row, once this transaction saves (or loads to save); {@code null} while none is stored. */
    private SettingsEntity row;
    private boolean managed;

    JpaSettingsRepository(JpaStoreTransaction tx) {
        this.tx = tx;
    }

    @Override
    public Settings load() {
        return Failures.guard(() -> {
            if (managed) {
                return row == null ? Settings.empty() : LeadMapping.toSettings(row, tx.currentVersion(row, r -> r.version));
            }
            JpaStoreTransaction.StoredConfiguration stored = tx.configuration().get(SETTINGS_KEY);
            return stored == null ? Settings.empty() : new Settings(Json.values(stored.entries()), stored.version());
        });
    }

    @Override
    public void save(Settings settings) {
        Objects.requireNonNull(settings, "settings");
        Failures.guard(() -> {
            SettingsEntity current = row();
            long version = current == null ? 0 : tx.currentVersion(current, r -> r.version);
            if (version != settings.version() - 1) {
                throw ConflictException.staleVersion("settings", "settings", settings.version() - 1, version);
            }
            String entries = Json.values(settings.values());
            if (current == null) {
                SettingsEntity created = new SettingsEntity(SettingsEntity.ROW);
                created.version = 1;
                created.entries = entries;
                tx.em().persist(created);
                row = created;
            } else {
                tx.beforeChange(current, r -> r.version);
                boolean changed = !entries.equals(current.entries);
                current.entries = entries;
                tx.changed(current, changed, settings.version());
            }
            return null;
        });
    }

    private SettingsEntity row() {
        if (!managed) {
            row = tx.em().find(SettingsEntity.class, SettingsEntity.ROW);
            managed = true;
        }
        return row;
    }
}
