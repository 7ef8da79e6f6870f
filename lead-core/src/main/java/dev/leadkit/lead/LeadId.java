package dev.leadkit.lead;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The library-generated, stable id of a lead. Opaque to callers; at most 64 characters of
 * letters, digits, '-' and '_'.
 *
 * @param value the id text
 * @since 0.1
 */
public record LeadId(String value) implements Comparable<LeadId> {

    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    /** Checks the shape of the id. */
    public LeadId {
        Objects.requireNonNull(value, "value");
        if (!SHAPE.matcher(value).matches()) {
            throw new IllegalArgumentException("a lead id is 1 to 64 characters of letters, digits, '-' and '_'");
        }
    }

    /**
     * @param value the id text
     * @return the id
     */
    public static LeadId of(String value) {
        return new LeadId(value);
    }

    @Override
    public int compareTo(LeadId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
