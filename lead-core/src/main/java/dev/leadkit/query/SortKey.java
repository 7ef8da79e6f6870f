package dev.leadkit.query;

import dev.leadkit.field.FieldValue;
import dev.leadkit.lead.Lead;
import dev.leadkit.lead.LeadField;
import dev.leadkit.store.QueryField;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The one rule for the sort value of a field on a lead (requirement Q4), so that every store
 * orders alike whatever its collation: a store either computes it in its query from what it holds
 * or stores it beside the value (the JPA store keeps text sort keys in columns with a binary
 * collation).
 *
 * <table>
 * <caption>Sort values</caption>
 * <tr><th>field type</th><th>sort value</th><th>order</th></tr>
 * <tr><td>TEXT, CODE</td><td>{@code TextFold.fold(value)} (an address: of its canonical text)</td>
 *     <td>code-point order ({@link #TEXT_ORDER})</td></tr>
 * <tr><td>SET</td><td>the elements in code-point order, joined with {@code ","}, folded</td><td>code-point order</td></tr>
 * <tr><td>INSTANT, DATE</td><td>the Instant, the LocalDate</td><td>time</td></tr>
 * <tr><td>NUMBER</td><td>the BigDecimal</td><td>by value</td></tr>
 * <tr><td>FLAG</td><td>the Boolean</td><td>false before true</td></tr>
 * </table>
 * An empty field has no sort value and comes last whatever the direction.
 *
 * <pre>{@code
 * Optional<Object> key = SortKey.of(lead, QueryField.of(LeadField.LAST_NAME));   // "ozturk" for "Öztürk"
 * }</pre>
 *
 * @since 0.3
 */
public final class SortKey {

    /** Code-point order of strings (Java's {@code String.compareTo} is UTF-16 order, which differs above U+FFFF). */
    public static final Comparator<String> TEXT_ORDER = SortKey::compareText;

    private SortKey() {
    }

    /**
     * @param text any text
     * @return its text sort key: {@code TextFold.fold(text)}
     */
    public static String text(String text) {
        return TextFold.fold(text);
    }

    /**
     * @param a a string
     * @param b another
     * @return their order by Unicode code points, as a binary UTF-8 collation orders them
     */
    public static int compareText(String a, String b) {
        int n = Math.min(a.length(), b.length());
        for (int i = 0; i < n; i++) {
            char x = a.charAt(i);
            char y = b.charAt(i);
            if (x != y) {
                boolean sx = Character.isSurrogate(x);
                boolean sy = Character.isSurrogate(y);
                if (sx != sy) {
                    return sx ? 1 : -1;
                }
                return x - y;
            }
        }
        return a.length() - b.length();
    }

    /**
     * @param lead  a lead
     * @param field a field
     * @return the field's sort value on the lead (String, Instant, LocalDate, BigDecimal or
     *         Boolean), empty when the field is empty
     */
    public static Optional<Object> of(Lead lead, QueryField field) {
        switch (field.origin()) {
            case STANDARD: {
                LeadField standard = field.standardField().orElseThrow();
                Optional<String> value = lead.get(standard);
                if (field.type() == QueryField.Type.INSTANT) {
                    return value.map(Instant::parse);
                }
                return value.filter(v -> !v.isEmpty()).map(SortKey::text);
            }
            case RECORD:
                switch (field.key()) {
                    case "createdAt":
                        return Optional.of(lead.createdAt());
                    case "updatedAt":
                        return Optional.of(lead.updatedAt());
                    case "statusSince":
                        return Optional.of(lead.statusSince());
                    case "createdBy":
                        return Optional.of(text(lead.createdBy()));
                    case "closeReason":
                        return lead.closeReason().filter(v -> !v.isEmpty()).map(SortKey::text);
                    default:
                        throw new IllegalArgumentException("no record field " + field.key());
                }
            case TAGS:
                return setKey(new ArrayList<>(lead.tags()));
            case CUSTOM:
            default:
                return lead.custom(field.key()).flatMap(SortKey::customKey);
        }
    }

    private static Optional<Object> customKey(FieldValue value) {
        if (value instanceof FieldValue.Choices) {
            return setKey(new ArrayList<>(((FieldValue.Choices) value).codes()));
        }
        if (value instanceof FieldValue.Date) {
            return Optional.of(((FieldValue.Date) value).value());
        }
        if (value instanceof FieldValue.Number) {
            return Optional.of(((FieldValue.Number) value).value());
        }
        if (value instanceof FieldValue.Flag) {
            return Optional.of(((FieldValue.Flag) value).value());
        }
        String canonical = value.canonical();
        return canonical.isEmpty() ? Optional.empty() : Optional.of(text(canonical));
    }

    private static Optional<Object> setKey(List<String> elements) {
        if (elements.isEmpty()) {
            return Optional.empty();
        }
        elements.sort(TEXT_ORDER);
        return Optional.of(text(String.join(",", elements)));
    }

    /**
     * Compares two non-empty sort values of the same field.
     *
     * @param a a sort value
     * @param b another of the same type
     * @return their natural order
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static int compare(Object a, Object b) {
        if (a instanceof String) {
            return compareText((String) a, (String) b);
        }
        if (a instanceof BigDecimal) {
            return ((BigDecimal) a).compareTo((BigDecimal) b);
        }
        if (a instanceof Instant || a instanceof LocalDate || a instanceof Boolean) {
            return ((Comparable) a).compareTo(b);
        }
        throw new IllegalArgumentException("not a sort value: " + a.getClass().getSimpleName());
    }
}
