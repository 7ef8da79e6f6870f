package dev.leadkit.jpa.internal;

import dev.leadkit.field.FieldValue;
import dev.leadkit.lead.LeadField;
import dev.leadkit.query.TextFold;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.List;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The stored keys lead queries compare (K6): each text field's folded key
 * ({@link TextFold#fold}), the lead date in microseconds, each custom value typed, each tag folded.
 * Computed in Java only, so every database holds the same keys whatever its collation.
 *
 * <p>A folded key is cut at four times its field's limit in code points: folding spells some
 * letters out (ß → ss, ﬃ → ffi), and a few compatibility characters grow further; no real text
 * reaches the cut.
 *
 * <pre>{@code
 * String key = SearchKeys.key(LeadField.LAST_NAME, "Şarūnas");   // "sarunas"
 * }</pre>
 */
public final class SearchKeys {

    /**
     * The version of the folding rule the stored keys follow. Raise it when {@link TextFold}
     * changes: {@code LeadKitMigrations} then recomputes the keys of every stored lead.
     */
    public static final int VERSION = 1;

    /** The standard fields stored with a folded key: every text field; codes, dates and owners compare as stored. */
    static final Set<LeadField> KEYED = EnumSet.of(LeadField.FIRST_NAME, LeadField.LAST_NAME, LeadField.EMAIL,
            LeadField.PHONE, LeadField.COMPANY, LeadField.DEPARTMENT, LeadField.TITLE, LeadField.DESCRIPTION,
            LeadField.STREET, LeadField.CITY, LeadField.POSTCODE, LeadField.REGION, LeadField.COUNTRY,
            LeadField.WEBSITE, LeadField.REGISTRATION_NUMBER, LeadField.EXTERNAL_ID);

    /** The longest custom text key, in code points (a paragraph's limit, four times). */
    static final int CUSTOM_KEY = 40_000;
    /** The longest tags sort key, in code points (100 tags of 50, with commas, four times). */
    static final int TAGS_KEY = 20_400;
    /** The longest tag key, in code points (a tag's limit, four times). */
    static final int TAG_KEY = 200;
    /** The custom number column: decimal(40, 10). */
    private static final int NUMBER_INTEGER_DIGITS = 30;
    private static final int NUMBER_SCALE = 10;

    private SearchKeys() {
    }

    /**
     * @param field a field of {@link #KEYED}
     * @param value its value, or null
     * @return its folded key, or null for no value
     */
    public static String key(LeadField field, String value) {
        return value == null ? null : cut(TextFold.fold(value), field.maxLength() * 4);
    }

    /** @return the column holding a standard field's key, e.g. {@code last_name_key} */
    public static String keyColumn(LeadField field) {
        if (!KEYED.contains(field)) {
            throw new IllegalArgumentException(field + " has no folded key");
        }
        return LeadMapping.column(field) + "_key";
    }

    /** @return whether a standard field is stored with a folded key */
    public static boolean keyed(LeadField field) {
        return KEYED.contains(field);
    }

    /**
     * @param leadDate the stored lead date, an ISO-8601 instant
     * @return microseconds since the epoch, clamped to the range of a long
     */
    public static long leadAt(String leadDate) {
        return micros(Instant.parse(leadDate));
    }

    /** @return microseconds since the epoch, clamped to the range of a long (±292,000 years) */
    public static long micros(Instant instant) {
        try {
            return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1_000);
        } catch (ArithmeticException beyond) {
            return instant.getEpochSecond() < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
    }

    /** @return the folded key of a text, cut at {@code max} code points */
    public static String fold(String text, int max) {
        return cut(TextFold.fold(text), max);
    }

    /** @return the folded key of a tag */
    public static String tagKey(String tag) {
        return cut(TextFold.fold(tag), TAG_KEY);
    }

    /**
     * @param tags a lead's tags
     * @return their sort key: the tags in code-point order, joined with ",", folded; null for none
     */
    public static String tagsKey(Set<String> tags) {
        return tags.isEmpty() ? null : cut(TextFold.fold(joinedInCodePointOrder(tags)), TAGS_KEY);
    }

    private static String joinedInCodePointOrder(java.util.Collection<String> elements) {
        List<String> sorted = new java.util.ArrayList<>(elements);
        sorted.sort(SearchKeys::compareCodePoints);
        return String.join(",", sorted);
    }

    /** Code-point order (String.compareTo is UTF-16 order, which differs above U+FFFF). */
    static int compareCodePoints(String a, String b) {
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

    /** @return the tags with their keys, by tag */
    static Map<String, String> tagKeys(Set<String> tags) {
        Map<String, String> keys = new TreeMap<>();
        tags.forEach(tag -> keys.put(tag, tagKey(tag)));
        return keys;
    }

    /** @return the stored rows of a lead's custom values, by field key */
    static Map<String, CustomValueEmbeddable> customValues(Map<String, FieldValue> custom) {
        Map<String, CustomValueEmbeddable> rows = new TreeMap<>();
        custom.forEach((key, value) -> rows.put(key, customValue(value)));
        return rows;
    }

    static CustomValueEmbeddable customValue(FieldValue value) {
        BigDecimal number = value instanceof FieldValue.Number ? fitting(((FieldValue.Number) value).value()).orElse(null) : null;
        Long day = value instanceof FieldValue.Date ? ((FieldValue.Date) value).value().toEpochDay() : null;
        String text = value instanceof FieldValue.Choices
                ? joinedInCodePointOrder(((FieldValue.Choices) value).codes()) : value.canonical();
        return new CustomValueEmbeddable(value.kind().name(), text.isEmpty() ? null : cut(TextFold.fold(text), CUSTOM_KEY),
                number, day);
    }

    /** A number the decimal(40, 10) column holds exactly; others are not range-searchable. */
    private static Optional<BigDecimal> fitting(BigDecimal value) {
        if (value.scale() > NUMBER_SCALE || value.precision() - value.scale() > NUMBER_INTEGER_DIGITS) {
            return Optional.empty();
        }
        return Optional.of(value);
    }

    /** @return a custom value's key, or empty when the canonical text cannot be read as its kind */
    public static Optional<CustomValueEmbeddable> customValue(String kind, String canonical) {
        try {
            return Optional.of(customValue(FieldValue.fromCanonical(FieldValue.Kind.valueOf(kind), canonical)));
        } catch (IllegalArgumentException | DateTimeException e) {
            return Optional.empty();
        }
    }

    /**
     * Computes the keys of every lead whose keys are missing or follow an older rule
     * ({@link #VERSION}), 1,000 leads per transaction. Leaves the connection's auto-commit setting
     * as it was.
     *
     * @param connection a connection to a schema at version 5 or later
     * @return how many leads were keyed
     * @throws SQLException when the database refuses
     */
    public static int refresh(Connection connection) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        List<LeadField> fields = List.copyOf(KEYED);
        StringBuilder select = new StringBuilder("select id, lead_date, custom, tags, owner_id, created_by");
        StringBuilder update = new StringBuilder("update lk_lead set lead_at = ?, search_keys_version = ?,"
                + " owner_key = ?, created_by_key = ?, tags_key = ?");
        for (LeadField field : fields) {
            select.append(", ").append(LeadMapping.column(field));
            update.append(", ").append(keyColumn(field)).append(" = ?");
        }
        select.append(" from lk_lead where (search_keys_version is null or search_keys_version <> ?) and id > ?"
                + " order by id limit 1000");
        update.append(" where id = ?");
        int keyed = 0;
        String after = "";
        try (PreparedStatement read = connection.prepareStatement(select.toString());
             PreparedStatement write = connection.prepareStatement(update.toString());
             PreparedStatement dropTags = connection.prepareStatement("delete from lk_lead_tag where lead_id = ?");
             PreparedStatement addTag = connection.prepareStatement(
                     "insert into lk_lead_tag (lead_id, tag, tag_key) values (?, ?, ?)");
             PreparedStatement dropValues = connection.prepareStatement(
                     "delete from lk_lead_custom_value where lead_id = ?");
             PreparedStatement addValue = connection.prepareStatement("insert into lk_lead_custom_value"
                     + " (lead_id, field_key, kind, text_key, number_value, date_value) values (?, ?, ?, ?, ?, ?)")) {
            while (true) {
                read.setInt(1, VERSION);
                read.setString(2, after);
                int rows = 0;
                try (ResultSet rs = read.executeQuery()) {
                    while (rs.next()) {
                        rows++;
                        String id = rs.getString(1);
                        after = id;
                        try {
                            write.setLong(1, leadAt(rs.getString(2)));
                        } catch (DateTimeException notAnInstant) {
                            // Not written by LeadKit (which stores ISO-8601 instants): not date-searchable.
                            write.setNull(1, Types.BIGINT);
                        }
                        write.setInt(2, VERSION);
                        String owner = rs.getString(5);
                        write.setString(3, owner == null ? null : fold(owner, Columns.OWNER * 4));
                        write.setString(4, fold(rs.getString(6), Columns.USER_ID * 4));
                        Set<String> tags = Json.tags(rs.getString(4));
                        write.setString(5, tagsKey(tags));
                        for (int f = 0; f < fields.size(); f++) {
                            write.setString(6 + f, key(fields.get(f), rs.getString(7 + f)));
                        }
                        write.setString(6 + fields.size(), id);
                        write.addBatch();
                        dropTags.setString(1, id);
                        dropTags.addBatch();
                        dropValues.setString(1, id);
                        dropValues.addBatch();
                        for (String tag : tags) {
                            addTag.setString(1, id);
                            addTag.setString(2, tag);
                            addTag.setString(3, tagKey(tag));
                            addTag.addBatch();
                        }
                        for (Map.Entry<String, CustomValueEmbeddable> value : customValues(Json.custom(rs.getString(3))).entrySet()) {
                            addValue.setString(1, id);
                            addValue.setString(2, value.getKey());
                            addValue.setString(3, value.getValue().kind);
                            addValue.setString(4, value.getValue().textKey);
                            addValue.setBigDecimal(5, value.getValue().numberValue);
                            if (value.getValue().dateValue == null) {
                                addValue.setNull(6, Types.BIGINT);
                            } else {
                                addValue.setLong(6, value.getValue().dateValue);
                            }
                            addValue.addBatch();
                        }
                    }
                }
                if (rows == 0) {
                    break;
                }
                write.executeBatch();
                dropTags.executeBatch();
                dropValues.executeBatch();
                addTag.executeBatch();
                addValue.executeBatch();
                connection.commit();
                keyed += rows;
            }
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
        return keyed;
    }

    static String cut(String text, int maxCodePoints) {
        if (text.length() <= maxCodePoints || text.codePointCount(0, text.length()) <= maxCodePoints) {
            return text;
        }
        return text.substring(0, text.offsetByCodePoints(0, maxCodePoints));
    }
}
