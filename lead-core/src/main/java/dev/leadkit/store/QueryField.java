package dev.leadkit.store;

import dev.leadkit.field.CustomField;
import dev.leadkit.field.FieldType;
import dev.leadkit.lead.LeadField;

import java.util.Objects;
import java.util.Optional;

/**
 * One field a {@link LeadSelection} filters, searches or sorts on, resolved and typed by the core
 * (requirement Q3): a standard field, a record field the store keeps beside the values
 * ({@code createdAt}, {@code updatedAt}, {@code statusSince}, {@code createdBy},
 * {@code closeReason}), the tags, or a custom field. The {@link Type} says how a store compares it.
 *
 * <table>
 * <caption>The value of a field on a lead, as stores compare it</caption>
 * <tr><th>type</th><th>value</th><th>fields</th></tr>
 * <tr><td>TEXT</td><td>{@code TextFold.fold(text)}; a custom address by its canonical text</td>
 *     <td>names, email, phone, company, address parts, website, …; custom text, paragraph, e-mail,
 *     phone, URL and address fields</td></tr>
 * <tr><td>CODE</td><td>the code as stored, compared exactly</td>
 *     <td>status, source, owner, externalId, createdBy, closeReason; custom dropdowns</td></tr>
 * <tr><td>INSTANT</td><td>an {@link java.time.Instant}</td><td>leadDate, createdAt, updatedAt, statusSince</td></tr>
 * <tr><td>DATE</td><td>a {@link java.time.LocalDate}</td><td>custom date fields</td></tr>
 * <tr><td>NUMBER</td><td>a {@link java.math.BigDecimal}, compared by value</td><td>custom number fields</td></tr>
 * <tr><td>FLAG</td><td>a {@link Boolean}</td><td>custom checkboxes</td></tr>
 * <tr><td>SET</td><td>a set of exact strings</td><td>tags; custom multi-selects (option codes)</td></tr>
 * </table>
 * A field is <em>empty</em> on a lead when it has no value, or its value is the empty text or the
 * empty set.
 *
 * @param origin where the value lives
 * @param key    the key: a {@link LeadField#key()}, a record field name, {@code "tags"}, or a custom field key
 * @param type   how it is compared
 * @since 0.3
 */
public record QueryField(Origin origin, String key, Type type) {

    /** Where a field's value lives on a lead. */
    public enum Origin {
        /** A {@link LeadField}; {@link #key()} is its key. */
        STANDARD,
        /** A field of the lead record itself: createdAt, updatedAt, statusSince, createdBy or closeReason. */
        RECORD,
        /** The lead's tags. */
        TAGS,
        /** A custom field value; {@link #key()} is the custom field key. */
        CUSTOM
    }

    /** How a field's values are compared. See the table on {@link QueryField}. */
    public enum Type {
        /** Folded text: equality, in, contains and starts-with on {@code TextFold.fold} of the value. */
        TEXT,
        /** An exact code. */
        CODE,
        /** A point in time. */
        INSTANT,
        /** A calendar date. */
        DATE,
        /** A decimal number. */
        NUMBER,
        /** Yes or no. */
        FLAG,
        /** A set of exact strings: equality and in mean "holds one of". */
        SET
    }

    /** The record field {@code createdAt}. */
    public static final QueryField CREATED_AT = new QueryField(Origin.RECORD, "createdAt", Type.INSTANT);
    /** The record field {@code updatedAt}. */
    public static final QueryField UPDATED_AT = new QueryField(Origin.RECORD, "updatedAt", Type.INSTANT);
    /** The record field {@code statusSince}. */
    public static final QueryField STATUS_SINCE = new QueryField(Origin.RECORD, "statusSince", Type.INSTANT);
    /** The record field {@code createdBy}. */
    public static final QueryField CREATED_BY = new QueryField(Origin.RECORD, "createdBy", Type.CODE);
    /** The record field {@code closeReason}. */
    public static final QueryField CLOSE_REASON = new QueryField(Origin.RECORD, "closeReason", Type.CODE);
    /** The tags. */
    public static final QueryField TAGS = new QueryField(Origin.TAGS, "tags", Type.SET);

    /** Checks the parts. */
    public QueryField {
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(type, "type");
    }

    /**
     * @param field a standard field
     * @return the query field reading it
     */
    public static QueryField of(LeadField field) {
        Type type;
        switch (field.kind()) {
            case CODE:
            case USER:
                type = Type.CODE;
                break;
            case INSTANT:
                type = Type.INSTANT;
                break;
            case TEXT:
                type = field == LeadField.EXTERNAL_ID ? Type.CODE : Type.TEXT;
                break;
            case PARAGRAPH:
            case EMAIL:
            case PHONE:
            case URL:
            default:
                type = Type.TEXT;
                break;
        }
        return new QueryField(Origin.STANDARD, field.key(), type);
    }

    /**
     * @param field a custom field definition
     * @return the query field reading its values
     */
    public static QueryField of(CustomField field) {
        return new QueryField(Origin.CUSTOM, field.key(), typeOf(field.type()));
    }

    /**
     * @param type a custom field type
     * @return how its values are compared
     */
    public static Type typeOf(FieldType type) {
        switch (type) {
            case DROPDOWN:
                return Type.CODE;
            case MULTI_SELECT:
                return Type.SET;
            case DATE:
                return Type.DATE;
            case NUMBER:
                return Type.NUMBER;
            case CHECKBOX:
                return Type.FLAG;
            case TEXT:
            case PARAGRAPH:
            case EMAIL:
            case PHONE:
            case URL:
            case ADDRESS:
            default:
                return Type.TEXT;
        }
    }

    /** @return the standard field, when {@link #origin()} is STANDARD */
    public Optional<LeadField> standardField() {
        return origin == Origin.STANDARD ? LeadField.byKey(key) : Optional.empty();
    }

    /** @return the name hosts use for it: the key, or {@code cf.<key>} for a custom field */
    public String name() {
        return origin == Origin.CUSTOM ? "cf." + key : key;
    }
}
