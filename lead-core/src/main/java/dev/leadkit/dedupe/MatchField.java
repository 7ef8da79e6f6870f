package dev.leadkit.dedupe;

/**
 * The attributes the duplicate engine knows. Every one is optional on a {@link MatchRecord}: a
 * missing value is neither agreement nor disagreement.
 *
 * <pre>{@code
 * MatchRecord r = MatchRecord.builder("row-7").set(MatchField.LAST_NAME, "Jensen").build();
 * }</pre>
 *
 * @since 0.3
 */
public enum MatchField {
    /** Given name. */
    FIRST_NAME,
    /** Middle name(s). */
    MIDDLE_NAME,
    /** Family name. */
    LAST_NAME,
    /** The whole name, when a source has only one name column ("Jensen, Ann" or "Ann Jensen"). */
    FULL_NAME,
    /** E-mail address. */
    EMAIL,
    /** Phone number in any format. */
    PHONE,
    /** Company name, legal form included or not. */
    COMPANY,
    /** Street, with or without the house number. */
    STREET,
    /** House number. */
    HOUSE_NUMBER,
    /** Second address line (flat, floor, c/o, building). */
    ADDRESS_LINE_2,
    /** City, town or suburb. */
    CITY,
    /** Postal code. */
    POSTCODE,
    /** Region or state. */
    REGION,
    /** Country (name or ISO code). */
    COUNTRY,
    /** Web site or domain. */
    WEBSITE,
    /** Company registration number (CVR, VAT, …). */
    REGISTRATION_NUMBER,
    /** Date of birth (ISO, yyyymmdd, dd.mm.yyyy, dd/mm/yyyy) or birth year alone. */
    BIRTH_DATE,
    /** National person id (social security number and the like). */
    NATIONAL_ID
}
