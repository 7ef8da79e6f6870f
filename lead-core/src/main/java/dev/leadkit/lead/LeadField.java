package dev.leadkit.lead;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The standard fields of a lead (requirement M1), each with its stable key and its maximum
 * length in Unicode code points after normalisation. Text is NFC-normalised and trimmed; control
 * characters are rejected (the description alone may hold line breaks and tabs).
 *
 * <table>
 * <caption>Fields and limits</caption>
 * <tr><th>field</th><th>key</th><th>max</th><th>rule</th></tr>
 * <tr><td>FIRST_NAME</td><td>firstName</td><td>100</td><td>required by default</td></tr>
 * <tr><td>LAST_NAME</td><td>lastName</td><td>100</td><td>required by default</td></tr>
 * <tr><td>EMAIL</td><td>email</td><td>254</td><td>address syntax, stored lower-case</td></tr>
 * <tr><td>PHONE</td><td>phone</td><td>40</td><td>a viable phone number (libphonenumber)</td></tr>
 * <tr><td>COMPANY</td><td>company</td><td>200</td><td></td></tr>
 * <tr><td>DEPARTMENT</td><td>department</td><td>100</td><td></td></tr>
 * <tr><td>TITLE</td><td>title</td><td>100</td><td></td></tr>
 * <tr><td>DESCRIPTION</td><td>description</td><td>10000</td><td>line breaks and tabs allowed</td></tr>
 * <tr><td>STREET</td><td>street</td><td>200</td><td></td></tr>
 * <tr><td>CITY</td><td>city</td><td>100</td><td></td></tr>
 * <tr><td>POSTCODE</td><td>postcode</td><td>20</td><td></td></tr>
 * <tr><td>REGION</td><td>region</td><td>100</td><td></td></tr>
 * <tr><td>COUNTRY</td><td>country</td><td>100</td><td></td></tr>
 * <tr><td>WEBSITE</td><td>website</td><td>500</td><td>a host name or an http(s) URL</td></tr>
 * <tr><td>REGISTRATION_NUMBER</td><td>registrationNumber</td><td>50</td><td>e.g. Denmark's CVR</td></tr>
 * <tr><td>SOURCE</td><td>source</td><td>64</td><td>an active code of the source catalogue</td></tr>
 * <tr><td>STATUS</td><td>status</td><td>64</td><td>an active code of the status catalogue</td></tr>
 * <tr><td>LEAD_DATE</td><td>leadDate</td><td>40</td><td>an instant, not in the future; defaults to creation</td></tr>
 * <tr><td>OWNER</td><td>owner</td><td>128</td><td>a user id known to the directory, or none</td></tr>
 * <tr><td>EXTERNAL_ID</td><td>externalId</td><td>200</td><td>unique among all leads</td></tr>
 * </table>
 *
 * @since 0.1
 */
public enum LeadField {
    /** Given name. */
    FIRST_NAME("firstName", Kind.TEXT, 100),
    /** Family name. */
    LAST_NAME("lastName", Kind.TEXT, 100),
    /** E-mail address. */
    EMAIL("email", Kind.EMAIL, 254),
    /** Phone number as entered. */
    PHONE("phone", Kind.PHONE, 40),
    /** Company name. */
    COMPANY("company", Kind.TEXT, 200),
    /** Department within the company. */
    DEPARTMENT("department", Kind.TEXT, 100),
    /** Job title. */
    TITLE("title", Kind.TEXT, 100),
    /** Free notes about the lead. */
    DESCRIPTION("description", Kind.PARAGRAPH, 10_000),
    /** Street and house number. */
    STREET("street", Kind.TEXT, 200),
    /** City. */
    CITY("city", Kind.TEXT, 100),
    /** Postal code. */
    POSTCODE("postcode", Kind.TEXT, 20),
    /** Region or state. */
    REGION("region", Kind.TEXT, 100),
    /** Country. */
    COUNTRY("country", Kind.TEXT, 100),
    /** Web site. */
    WEBSITE("website", Kind.URL, 500),
    /** National company registration number (CVR, …). */
    REGISTRATION_NUMBER("registrationNumber", Kind.TEXT, 50),
    /** Lead source code. */
    SOURCE("source", Kind.CODE, 64),
    /** Lead status code. */
    STATUS("status", Kind.CODE, 64),
    /** When the lead arrived; may be back-dated. */
    LEAD_DATE("leadDate", Kind.INSTANT, 40),
    /** The owning user's id; empty for the unassigned inbox. */
    OWNER("owner", Kind.USER, 128),
    /** The id in the system of origin. */
    EXTERNAL_ID("externalId", Kind.TEXT, 200);

    /** How a field's value is checked. */
    public enum Kind {
        /** One line of text. */
        TEXT,
        /** Several lines of text. */
        PARAGRAPH,
        /** An e-mail address. */
        EMAIL,
        /** A phone number. */
        PHONE,
        /** A web address. */
        URL,
        /** A catalogue code. */
        CODE,
        /** An ISO-8601 instant. */
        INSTANT,
        /** A user id. */
        USER
    }

    private final String key;
    private final Kind kind;
    private final int maxLength;

    LeadField(String key, Kind kind, int maxLength) {
        this.key = key;
        this.kind = kind;
        this.maxLength = maxLength;
    }

    /** @return the stable key, used in errors, history and storage, e.g. {@code firstName} */
    public String key() {
        return key;
    }

    /** @return how the value is checked */
    public Kind kind() {
        return kind;
    }

    /** @return the maximum length in code points */
    public int maxLength() {
        return maxLength;
    }

    /**
     * @param key a field key such as {@code lastName}
     * @return the field, or empty when no standard field has that key
     */
    public static Optional<LeadField> byKey(String key) {
        return Optional.ofNullable(BY_KEY.get(key)); // an import looks a field up per cell: no scan
    }

    private static final Map<String, LeadField> BY_KEY;

    static {
        Map<String, LeadField> byKey = new HashMap<>();
        for (LeadField f : values()) {
            byKey.put(f.key, f);
        }
        BY_KEY = Map.copyOf(byKey);
    }
}
