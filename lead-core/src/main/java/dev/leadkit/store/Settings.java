package dev.leadkit.store;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The stored settings of one LeadKit instance: string keys and values, versioned as one aggregate.
 * Each feature owns its keys (e.g. {@code lead.requiredFields}) and parses its own values.
 *
 * @param values  the settings
 * @param version 0 when nothing was ever stored, then one more after each save
 * @since 0.1
 */
public record Settings(Map<String, String> values, long version) {

    /** Copies the values. */
    public Settings {
        values = Map.copyOf(values);
        if (version < 0) {
            throw new IllegalArgumentException("a settings version is never negative");
        }
    }

    /** @return the settings of a store where nothing was saved yet */
    public static Settings empty() {
        return new Settings(Map.of(), 0);
    }

    /**
     * @param key a key
     * @return its value
     */
    public Optional<String> get(String key) {
        return Optional.ofNullable(values.get(key));
    }

    /**
     * @param key   a key
     * @param value its new value
     * @return the next version of the settings, with the value set
     */
    public Settings with(String key, String value) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        Map<String, String> copy = new TreeMap<>(values);
        copy.put(key, value);
        return new Settings(copy, version + 1);
    }
}
