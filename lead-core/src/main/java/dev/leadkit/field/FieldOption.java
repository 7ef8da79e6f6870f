package dev.leadkit.field;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * One option of a dropdown or multi-select field: a stable code (what leads store) and labels.
 *
 * @param code   lower-case letters, digits and '_', starting with a letter, at most 64
 * @param labels label per language tag; at least one
 * @param active whether it may be chosen for new values
 * @since 0.1
 */
public record FieldOption(String code, Map<String, String> labels, boolean active) {

    static final Pattern CODE = Pattern.compile("[a-z][a-z0-9_]{0,63}");

    /** Checks the code and copies the labels. */
    public FieldOption {
        Objects.requireNonNull(code, "code");
        if (!CODE.matcher(code).matches()) {
            throw new IllegalArgumentException("an option code is 1 to 64 of a-z, 0-9 and '_', starting with a letter");
        }
        if (labels.isEmpty()) {
            throw new IllegalArgumentException("an option needs at least one label");
        }
        // Sorted, so the fallback label and every listing are the same on every run.
        labels = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(labels));
    }

    /**
     * @param code   the code
     * @param labels labels by language tag
     * @return an active option
     */
    public static FieldOption of(String code, Map<String, String> labels) {
        return new FieldOption(code, labels, true);
    }
}
