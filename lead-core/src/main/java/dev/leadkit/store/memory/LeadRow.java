package dev.leadkit.store.memory;

import dev.leadkit.field.FieldValue;
import dev.leadkit.lead.Lead;
import dev.leadkit.lead.LeadField;
import dev.leadkit.query.SortKey;
import dev.leadkit.query.TextFold;
import dev.leadkit.store.QueryField;

import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A lead with what queries compare precomputed once: the folded text of every standard field and
 * the parsed lead date. Built when a lead is committed (or read from a transaction's overlay), so
 * a scan over a million leads folds nothing.
 */
final class LeadRow {

    private static final LeadField[] FIELDS = LeadField.values();

    final Lead lead;
    /** TextFold.fold of each standard value by ordinal; null when the field is empty. */
    private final String[] folded;
    final Instant leadDate;

    LeadRow(Lead lead) {
        this.lead = lead;
        this.folded = new String[FIELDS.length];
        for (Map.Entry<LeadField, String> e : lead.values().entrySet()) {
            if (!e.getValue().isEmpty()) {
                folded[e.getKey().ordinal()] = TextFold.fold(e.getValue());
            }
        }
        this.leadDate = lead.leadDate();
    }

    String folded(LeadField field) {
        return folded[field.ordinal()];
    }

    /**
     * @return the value a criterion compares: folded String (TEXT), String (CODE), Instant,
     *         LocalDate, BigDecimal, Boolean, or Set of Strings (SET); null when empty
     */
    Object value(QueryField field) {
        switch (field.origin()) {
            case STANDARD: {
                LeadField standard = field.standardField().orElseThrow();
                if (standard == LeadField.LEAD_DATE) {
                    return leadDate;
                }
                if (field.type() == QueryField.Type.TEXT) {
                    return folded[standard.ordinal()];
                }
                if (field.type() == QueryField.Type.INSTANT) {
                    return lead.get(standard).map(Instant::parse).orElse(null);
                }
                return lead.get(standard).orElse(null);
            }
            case RECORD:
                switch (field.key()) {
                    case "createdAt":
                        return lead.createdAt();
                    case "updatedAt":
                        return lead.updatedAt();
                    case "statusSince":
                        return lead.statusSince();
                    case "createdBy":
                        return lead.createdBy();
                    case "closeReason":
                        return lead.closeReason().filter(v -> !v.isEmpty()).orElse(null);
                    default:
                        throw new IllegalArgumentException("no record field " + field.key());
                }
            case TAGS:
                return lead.tags().isEmpty() ? null : lead.tags();
            case CUSTOM:
            default:
                return lead.custom(field.key()).map(v -> custom(field.type(), v)).orElse(null);
        }
    }

    private static Object custom(QueryField.Type type, FieldValue value) {
        switch (type) {
            case SET: {
                Set<String> codes = value instanceof FieldValue.Choices
                        ? new HashSet<>(((FieldValue.Choices) value).codes())
                        : value.canonical().isEmpty() ? Set.of() : Set.of(value.canonical());
                return codes.isEmpty() ? null : codes;
            }
            case DATE:
                return value instanceof FieldValue.Date ? ((FieldValue.Date) value).value() : null;
            case NUMBER:
                return value instanceof FieldValue.Number ? ((FieldValue.Number) value).value() : null;
            case FLAG:
                return value instanceof FieldValue.Flag ? ((FieldValue.Flag) value).value() : null;
            case CODE:
                return value.canonical().isEmpty() ? null : value.canonical();
            case TEXT:
            default: {
                String canonical = value.canonical();
                return canonical.isEmpty() ? null : TextFold.fold(canonical);
            }
        }
    }

    /** @return the sort value, as {@link SortKey#of} defines it; null when empty */
    Object sortValue(QueryField field) {
        if (field.origin() == QueryField.Origin.STANDARD) {
            LeadField standard = field.standardField().orElseThrow();
            if (standard == LeadField.LEAD_DATE) {
                return leadDate;
            }
            if (field.type() != QueryField.Type.INSTANT) {
                return folded[standard.ordinal()];
            }
        }
        Optional<Object> key = SortKey.of(lead, field);
        return key.orElse(null);
    }
}
