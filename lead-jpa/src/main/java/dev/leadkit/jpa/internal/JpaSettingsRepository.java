package dev.leadkit.jpa.internal;

import dev.leadkit.ConflictException;
import dev.leadkit.store.Settings;
import dev.leadkit.store.SettingsRepository;

import java.util.Objects;

/** {@link SettingsRepository} on the single row of {@code lk_settings}. */
final class JpaSettingsRepository implements SettingsRepository {

    private final JpaStoreTransaction tx;
    /** Loaded once per transaction; {@code null} until then, and while no row is stored. */
    private SettingsEntity row;
    private boolean loaded;

    JpaSettingsRepository(JpaStoreTransaction tx) {
        this.tx = tx;
    }

    @Override
    public Settings load() {
        return Failures.guard(() -> {
            SettingsEntity current = row();
            return current == null ? Settings.empty()
                    : LeadMapping.toSettings(current, tx.currentVersion(current, r -> r.version));
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
        if (!loaded) {
            row = tx.em().find(SettingsEntity.class, SettingsEntity.ROW);
            loaded = true;
        }
        return row;
    }
}
