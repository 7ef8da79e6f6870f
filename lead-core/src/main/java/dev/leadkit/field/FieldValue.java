package dev.leadkit.field;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * The value of one custom field on a lead. The hierarchy is sealed: one record per kind of value.
 * Every value has a {@link #canonical()} text — what the history records and what stores may
 * persist — and {@link #fromCanonical} reads it back.
 *
 * <pre>{@code
 * LeadDraft draft = LeadDraft.builder().firstName("Jonas").lastName("Petraitis")
 *         .custom("budget", FieldValue.number(new BigDecimal("25000")))
 *         .custom("newsletter", FieldValue.flag(true))
 *         .custom("interests", FieldValue.choices(List.of("crm", "erp")))
 *         .build();
 * }</pre>
 *
 * @since 0.1
 */
public sealed interface FieldValue {

    /** The kind of a value, as stores persist it beside the canonical text. */
    enum Kind {
        /** {@link Text}. */
        TEXT,
        /** {@link Flag}. */
        FLAG,
        /** {@link Choices}. */
        CHOICES,
        /** {@link Date}. */
        DATE,
        /** {@link Number}. */
        NUMBER,
        /** {@link Address}. */
        ADDRESS
    }

    /** @return the kind of this value */
    Kind kind();

    /** @return the canonical text of this value */
    String canonical();

    /** @param value text, an option code, an e-mail address, a phone number or a URL @return the value */
    static FieldValue text(String value) {
        return new Text(value);
    }

    /** @param value yes or no @return the value */
    static FieldValue flag(boolean value) {
        return new Flag(value);
    }

    /** @param codes option codes @return the value */
    static FieldValue choices(List<String> codes) {
        return new Choices(codes);
    }

    /** @param value a date @return the value */
    static FieldValue date(LocalDate value) {
        return new Date(value);
    }

    /** @param value a number @return the value */
    static FieldValue number(BigDecimal value) {
        return new Number(value);
    }

    /**
     * Reads a canonical text back.
     *
     * @param kind      the value's kind
     * @param canonical its canonical text
     * @return the value
     * @throws IllegalArgumentException when the text is not a canonical text of that kind
     */
    static FieldValue fromCanonical(Kind kind, String canonical) {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(canonical, "canonical");
        switch (kind) {
            case TEXT:
                return new Text(canonical);
            case FLAG:
                if (!canonical.equals("true") && !canonical.equals("false")) {
                    throw new IllegalArgumentException("a flag is 'true' or 'false'");
                }
                return new Flag(Boolean.parseBoolean(canonical));
            case CHOICES:
                return new Choices(canonical.isEmpty() ? List.of() : List.of(canonical.split(",", -1)));
            case DATE:
                return new Date(LocalDate.parse(canonical));
            case NUMBER:
                return new Number(new BigDecimal(canonical));
            case ADDRESS:
            default:
                String[] parts = canonical.split("\n", -1);
                if (parts.length != 5) {
                    throw new IllegalArgumentException("an address is five lines: street, postcode, city, region, country");
                }
                return new Address(parts[0], parts[1], parts[2], parts[3], parts[4]);
        }
    }

    /**
     * Text: for text, paragraph, dropdown (the option code), e-mail, phone and URL fields.
     *
     * @param value the text
     */
    record Text(String value) implements FieldValue {
        /** Checks the value. */
        public Text {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public Kind kind() {
            return Kind.TEXT;
        }

        @Override
        public String canonical() {
            return value;
        }
    }

    /**
     * Yes or no, for checkbox fields.
     *
     * @param value the flag
     */
    record Flag(boolean value) implements FieldValue {
        @Override
        public Kind kind() {
            return Kind.FLAG;
        }

        @Override
        public String canonical() {
            return String.valueOf(value);
        }
    }

    /**
     * Option codes, for multi-select fields.
     *
     * @param codes the chosen option codes
     */
    record Choices(List<String> codes) implements FieldValue {
        /** Copies the codes. */
        public Choices {
            codes = List.copyOf(codes);
        }

        @Override
        public Kind kind() {
            return Kind.CHOICES;
        }

        @Override
        public String canonical() {
            return String.join(",", codes);
        }
    }

    /**
     * A calendar date, for date fields.
     *
     * @param value the date
     */
    record Date(LocalDate value) implements FieldValue {
        /** Checks the value. */
        public Date {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public Kind kind() {
            return Kind.DATE;
        }

        @Override
        public String canonical() {
            return value.toString();
        }
    }

    /**
     * A decimal number, for number fields. Compared by value: 1.50 equals 1.5.
     *
     * @param value the number
     */
    record Number(BigDecimal value) implements FieldValue {
        /** Normalises the scale, so equal numbers are equal values. */
        public Number {
            Objects.requireNonNull(value, "value");
            value = value.signum() == 0 ? BigDecimal.ZERO : value.stripTrailingZeros();
            if (value.scale() < 0) {
                value = value.setScale(0);
            }
        }

        @Override
        public Kind kind() {
            return Kind.NUMBER;
        }

        @Override
        public String canonical() {
            return value.toPlainString();
        }
    }

    /**
     * A postal address, for address fields; parts may be empty.
     *
     * @param street   street and house number
     * @param postcode postal code
     * @param city     city
     * @param region   region or state
     * @param country  country
     */
    record Address(String street, String postcode, String city, String region, String country) implements FieldValue {
        /** Checks the parts. */
        public Address {
            Objects.requireNonNull(street, "street");
            Objects.requireNonNull(postcode, "postcode");
            Objects.requireNonNull(city, "city");
            Objects.requireNonNull(region, "region");
            Objects.requireNonNull(country, "country");
        }

        @Override
        public Kind kind() {
            return Kind.ADDRESS;
        }

        @Override
        public String canonical() {
            return String.join("\n", street, postcode, city, region, country);
        }
    }
}
