package dev.leadkit.workflow;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * One status or source: a stable code (what leads store), a category (statuses only), labels
 * per language, and whether it may be chosen for new values.
 *
 * <pre>{@code
 * CatalogueEntry waiting = CatalogueEntry.status("waiting", StatusCategory.WORKING,
 *         Map.of("en", "Waiting for reply", "tr", "Cevap Bekleniyor"));
 * }</pre>
 *
 * @param code     lower-case letters, digits and '_', starting with a letter, at most 64
 * @param category the status category; empty for sources
 * @param labels   label per IETF language tag ("en", "tr", "lt", "da" …); at least one
 * @param active   whether new values may use it (deactivated entries stay on existing leads)
 * @since 0.1
 */
public record CatalogueEntry(String code, Optional<StatusCategory> category, Map<String, String> labels,
                             boolean active) {

    private static final Pattern CODE = Pattern.compile("[a-z][a-z0-9_]{0,63}");

    /** Checks the code and copies the labels. */
    public CatalogueEntry {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(category, "category");
        if (!CODE.matcher(code).matches()) {
            throw new IllegalArgumentException("a catalogue code is 1 to 64 of a-z, 0-9 and '_', starting with a letter");
        }
        if (labels.isEmpty()) {
            throw new IllegalArgumentException("a catalogue entry needs at least one label");
        }
        // Sorted, so the fallback label and every listing are the same on every run.
        labels = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(labels));
    }

    /**
     * @param code     the code
     * @param category its category
     * @param labels   labels by language tag
     * @return an active status entry
     */
    public static CatalogueEntry status(String code, StatusCategory category, Map<String, String> labels) {
        return new CatalogueEntry(code, Optional.of(category), labels, true);
    }

    /**
     * @param code   the code
     * @param labels labels by language tag
     * @return an active source entry
     */
    public static CatalogueEntry source(String code, Map<String, String> labels) {
        return new CatalogueEntry(code, Optional.empty(), labels, true);
    }

    /**
     * The label for a locale: its exact tag, else its language, else English, else the label of
     * the alphabetically first language tag.
     *
     * @param locale the reader's locale
     * @return the label
     */
    public String label(Locale locale) {
        String exact = labels.get(locale.toLanguageTag());
        if (exact != null) {
            return exact;
        }
        String language = labels.get(locale.getLanguage());
        if (language != null) {
            return language;
        }
        return labels.getOrDefault("en", labels.values().iterator().next());
    }

    /**
     * @param languageTag a language tag
     * @param label       the new label
     * @return this entry with the label set
     */
    public CatalogueEntry withLabel(String languageTag, String label) {
        Map<String, String> copy = new TreeMap<>(labels);
        copy.put(languageTag, label);
        return new CatalogueEntry(code, category, copy, active);
    }

    /**
     * @param nowActive the new state
     * @return this entry, activated or deactivated
     */
    public CatalogueEntry withActive(boolean nowActive) {
        return new CatalogueEntry(code, category, labels, nowActive);
    }
}
