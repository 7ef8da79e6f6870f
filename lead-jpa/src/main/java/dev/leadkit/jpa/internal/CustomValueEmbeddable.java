package dev.leadkit.jpa.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One row of {@code lk_lead_custom_value}: a lead's value of one custom field, typed for queries
 * (the field key is the row's map key in {@link LeadEntity#customValues}).
 *
 * <pre>{@code
 * row.customValues.put("budget", SearchKeys.customValue(FieldValue.number(new BigDecimal("25000"))));
 * }</pre>
 */
@Embeddable
public class CustomValueEmbeddable {

    @Column(name = "kind", length = Columns.KIND, nullable = false)
    String kind;
    /** The folded canonical text (choices sorted); null when the canonical text is empty. */
    @Column(name = "text_key", length = SearchKeys.CUSTOM_KEY * 2)
    String textKey;
    @Column(name = "number_value", precision = 40, scale = 10)
    BigDecimal numberValue;
    /** Days since the epoch. */
    @Column(name = "date_value")
    Long dateValue;

    /** For JPA. */
    protected CustomValueEmbeddable() {
    }

    CustomValueEmbeddable(String kind, String textKey, BigDecimal numberValue, Long dateValue) {
        this.kind = kind;
        this.textKey = textKey;
        this.numberValue = numberValue;
        this.dateValue = dateValue;
    }

    /** @return the value kind's name */
    public String kind() {
        return kind;
    }

    /** @return the folded canonical text */
    public String textKey() {
        return textKey;
    }

    /** @return the number, for number values that fit the column */
    public BigDecimal numberValue() {
        return numberValue;
    }

    /** @return days since the epoch, for date values */
    public Long dateValue() {
        return dateValue;
    }

    // Hibernate compares the map's values to write only the rows that changed; numbers by value.
    @Override
    public boolean equals(Object o) {
        return o instanceof CustomValueEmbeddable other && kind.equals(other.kind) && Objects.equals(textKey, other.textKey)
                && (numberValue == null ? other.numberValue == null
                    : other.numberValue != null && numberValue.compareTo(other.numberValue) == 0)
                && Objects.equals(dateValue, other.dateValue);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, textKey, dateValue);
    }
}
