package dev.leadkit.jpa.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import java.util.Objects;

/**
 * One row of {@code lk_lead_custom_option}: a lead's custom field holds an option code (a
 * dropdown's value, or one of a multi-select's). Kept beside the lead's custom JSON so that
 * "which leads hold this option" is an index lookup. Only {@link LeadMapping} writes it.
 */
@Embeddable
public class CustomOptionEmbeddable {

    @Column(name = "field_key", length = Columns.CODE, nullable = false)
    String fieldKey;
    @Column(name = "option_code", length = Columns.CODE, nullable = false)
    String optionCode;

    /** For JPA. */
    protected CustomOptionEmbeddable() {
    }

    CustomOptionEmbeddable(String fieldKey, String optionCode) {
        this.fieldKey = fieldKey;
        this.optionCode = optionCode;
    }

    // Hibernate diffs the set of these by equality to write only the rows that changed.
    @Override
    public boolean equals(Object o) {
        return o instanceof CustomOptionEmbeddable other && fieldKey.equals(other.fieldKey)
                && optionCode.equals(other.optionCode);
    }

    @Override
    public int hashCode() {
        return Objects.hash(fieldKey, optionCode);
    }
}
