package dev.leadkit.lead;

import java.util.Objects;

/**
 * The library-generated, stable id of a lead. Opaque to callers; at most 64 characters of
 * letters, digits, '-' and '_'.
 *
 * @param value the id text
 * @since 0.1
 */
public record LeadId(String value) implements Comparable<LeadId> {

    /** Checks the shape of the id. */
    public LeadId {
        Objects.requireNonNull(value, "value");
        if (!hasShape(value)) {
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

    /**
     * {@code [A-Za-z0-9_-]{1,64}}, checked by hand: every created, stored and read lead passes
     * here, and the regular expression was a visible share of a bulk import. LeadIdProperties holds
     * this to that pattern.
     */
    static boolean hasShape(String value) {
        int n = value.length();
        if (n < 1 || n > 64) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            char c = value.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_')) {
                return false;
            }
        }
        return true;
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
