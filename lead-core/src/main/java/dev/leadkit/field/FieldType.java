package dev.leadkit.field;

/**
 * The types of custom field an Admin can define (requirement M3, seed 003's list), and the
 * {@link FieldValue} each holds.
 *
 * @since 0.1
 */
public enum FieldType {
    /** One line of text, at most 255 characters: {@link FieldValue.Text}. */
    TEXT(255),
    /** Several lines of text, at most 10,000 characters: {@link FieldValue.Text}. */
    PARAGRAPH(10_000),
    /** Yes or no: {@link FieldValue.Flag}. */
    CHECKBOX(0),
    /** One of the field's options: {@link FieldValue.Text} holding the option code. */
    DROPDOWN(64),
    /** Any of the field's options (up to 500 options per field): {@link FieldValue.Choices}. */
    MULTI_SELECT(0),
    /** A calendar date: {@link FieldValue.Date}. */
    DATE(0),
    /** A decimal number, at most 18 significant digits and 6 decimals: {@link FieldValue.Number}. */
    NUMBER(0),
    /** An e-mail address, stored lower-case: {@link FieldValue.Text}. */
    EMAIL(254),
    /** A phone number: {@link FieldValue.Text}. */
    PHONE(40),
    /** A postal address: {@link FieldValue.Address}. */
    ADDRESS(0),
    /** A web address: {@link FieldValue.Text}. */
    URL(500);

    private final int maxLength;

    FieldType(int maxLength) {
        this.maxLength = maxLength;
    }

    /** @return the longest text value in code points, for the types holding text; 0 otherwise */
    public int maxLength() {
        return maxLength;
    }

    /** @return whether the field has a list of options */
    public boolean hasOptions() {
        return this == DROPDOWN || this == MULTI_SELECT;
    }
}
