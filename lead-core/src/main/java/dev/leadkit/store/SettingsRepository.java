package dev.leadkit.store;

/**
 * Port: stores the {@link Settings} aggregate.
 *
 * @since 0.1
 */
public interface SettingsRepository {

    /** @return the stored settings, or {@link Settings#empty()} */
    Settings load();

    /**
     * Stores the next version of the settings.
     *
     * @param settings the settings; the stored version must be {@code settings.version() - 1}
     * @throws dev.leadkit.ConflictException {@code settings.version.stale} when it is not
     */
    void save(Settings settings);
}
