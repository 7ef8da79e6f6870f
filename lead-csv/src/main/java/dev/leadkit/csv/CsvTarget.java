package dev.leadkit.csv;

import dev.leadkit.lead.LeadField;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a CSV column means: a standard lead field, the person's full name in one column (Pipedrive
 * exports "Person - Name"), a person attribute that record-linkage data sets carry and leads do not
 * (date of birth, national id …), or a custom field.
 *
 * <pre>{@code
 * CsvTarget email = CsvTarget.of(LeadField.EMAIL);      // key "email"
 * CsvTarget dob = CsvTarget.parse("birthDate");          // a person attribute
 * CsvTarget vip = CsvTarget.parse("custom.vipLevel");    // a custom field
 * }</pre>
 *
 * @param kind what sort of target this is
 * @param key  the stable key: a {@link LeadField#key()}, {@code fullName}, a {@link Person} key, or
 *             the custom field's key
 * @since 0.1
 */
public record CsvTarget(Kind kind, String key) {

    /** The sorts of targets. */
    public enum Kind {
        /** A standard lead field; {@link #key()} is its {@link LeadField#key()}. */
        LEAD_FIELD,
        /** The whole name of a person in one column; key {@code fullName}. */
        FULL_NAME,
        /** A person attribute that is not a lead field; key one of {@link Person}. */
        PERSON,
        /** A custom field; key its definition's key. */
        CUSTOM_FIELD
    }

    /** Person attributes of record-linkage data sets that are not lead fields. */
    public enum Person {
        /** Middle name or initial. */
        MIDDLE_NAME("middleName"),
        /** House or street number, when a file keeps it apart from the street. */
        HOUSE_NUMBER("houseNumber"),
        /** The second address line (flat, building, c/o). */
        ADDRESS_LINE_2("addressLine2"),
        /** Date of birth (or birth year). */
        BIRTH_DATE("birthDate"),
        /** A national identity number (SSN, CPR, TCKN, asmens kodas). */
        NATIONAL_ID("nationalId");

        private final String key;

        Person(String key) {
            this.key = key;
        }

        /** @return the stable key, e.g. {@code birthDate} */
        public String key() {
            return key;
        }
    }

    /** The key of the {@link Kind#FULL_NAME} target. */
    public static final String FULL_NAME_KEY = "fullName";

    private static final Pattern CUSTOM_KEY = Pattern.compile("[A-Za-z][A-Za-z0-9_.-]{0,63}");

    /**
     * @param kind what sort of target this is
     * @param key  its key, checked against the kind
     */
    public CsvTarget {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(key, "key");
        boolean valid;
        switch (kind) {
            case LEAD_FIELD:
                valid = LeadField.byKey(key).isPresent();
                break;
            case FULL_NAME:
                valid = FULL_NAME_KEY.equals(key);
                break;
            case PERSON:
                valid = Arrays.stream(Person.values()).anyMatch(p -> p.key.equals(key));
                break;
            case CUSTOM_FIELD:
                valid = CUSTOM_KEY.matcher(key).matches();
                break;
            default:
                throw new AssertionError(kind);
        }
        if (!valid) {
            throw new IllegalArgumentException("Not a " + kind.name().toLowerCase(Locale.ROOT).replace('_', ' ')
                    + " key: '" + key + "'.");
        }
    }

    /**
     * @param field a standard lead field
     * @return the target of that field
     */
    public static CsvTarget of(LeadField field) {
        return new CsvTarget(Kind.LEAD_FIELD, field.key());
    }

    /**
     * @param person a person attribute
     * @return the target of that attribute
     */
    public static CsvTarget of(Person person) {
        return new CsvTarget(Kind.PERSON, person.key());
    }

    /** @return the full-name target */
    public static CsvTarget fullName() {
        return new CsvTarget(Kind.FULL_NAME, FULL_NAME_KEY);
    }

    /**
     * @param key a custom field's key (a letter, then letters, digits, {@code _ . -}; at most 64)
     * @return the target of that custom field
     */
    public static CsvTarget custom(String key) {
        return new CsvTarget(Kind.CUSTOM_FIELD, key);
    }

    /**
     * Reads a target as written in an explicit mapping: a lead field key ({@code email}), {@code fullName},
     * a person attribute key ({@code birthDate}), or {@code custom.KEY} / {@code custom:KEY}. Keys are
     * matched without regard to case.
     *
     * @param text the written target
     * @return the target, or empty when the text names none
     */
    public static Optional<CsvTarget> parse(String text) {
        String t = Objects.requireNonNull(text, "text").strip();
        if (t.regionMatches(true, 0, "custom.", 0, 7) || t.regionMatches(true, 0, "custom:", 0, 7)) {
            String key = t.substring(7);
            return CUSTOM_KEY.matcher(key).matches() ? Optional.of(custom(key)) : Optional.empty();
        }
        for (LeadField field : LeadField.values()) {
            if (field.key().equalsIgnoreCase(t)) {
                return Optional.of(of(field));
            }
        }
        if (FULL_NAME_KEY.equalsIgnoreCase(t)) {
            return Optional.of(fullName());
        }
        for (Person person : Person.values()) {
            if (person.key.equalsIgnoreCase(t)) {
                return Optional.of(of(person));
            }
        }
        return Optional.empty();
    }

    /** @return every written form {@link #parse(String)} accepts besides custom fields, for messages */
    public static List<String> knownKeys() {
        List<String> keys = new java.util.ArrayList<>();
        for (LeadField field : LeadField.values()) {
            keys.add(field.key());
        }
        keys.add(FULL_NAME_KEY);
        for (Person person : Person.values()) {
            keys.add(person.key);
        }
        return List.copyOf(keys);
    }

    /** @return the key with its kind's prefix where one is needed, as {@link #parse(String)} reads it */
    @Override
    public String toString() {
        return kind == Kind.CUSTOM_FIELD ? "custom." + key : key;
    }
}
