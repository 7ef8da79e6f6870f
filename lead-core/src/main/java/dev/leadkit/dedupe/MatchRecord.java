package dev.leadkit.dedupe;

import dev.leadkit.lead.Lead;
import dev.leadkit.lead.LeadField;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the duplicate engine compares: an id and raw attribute values, as a source holds them.
 * Values are normalised by the engine, so a record is built from unclean input. Immutable.
 *
 * <pre>{@code
 * MatchRecord row = MatchRecord.builder("row-12")
 *         .set(MatchField.FIRST_NAME, "Søren")
 *         .set(MatchField.LAST_NAME, "Ørsted")
 *         .set(MatchField.PHONE, "+45 20 30 40 50")
 *         .build();
 * MatchRecord lead = MatchRecord.from(kit.leads().get(actor, id));
 * }</pre>
 *
 * @since 0.3
 */
public final class MatchRecord {

    private final String id;
    private final Map<MatchField, String> values;

    private MatchRecord(String id, Map<MatchField, String> values) {
        this.id = id;
        this.values = values;
    }

    /**
     * @param id     the record's id, unique within an index or a scan
     * @param values raw values; blank ones are dropped
     * @return the record
     */
    public static MatchRecord of(String id, Map<MatchField, String> values) {
        Builder b = builder(id);
        values.forEach(b::set);
        return b.build();
    }

    /**
     * @param lead a lead
     * @return the lead's matchable values under its id
     */
    public static MatchRecord from(Lead lead) {
        Objects.requireNonNull(lead, "lead");
        Builder b = builder(lead.id().value());
        map(lead, b, LeadField.FIRST_NAME, MatchField.FIRST_NAME);
        map(lead, b, LeadField.LAST_NAME, MatchField.LAST_NAME);
        map(lead, b, LeadField.EMAIL, MatchField.EMAIL);
        map(lead, b, LeadField.PHONE, MatchField.PHONE);
        map(lead, b, LeadField.COMPANY, MatchField.COMPANY);
        map(lead, b, LeadField.STREET, MatchField.STREET);
        map(lead, b, LeadField.CITY, MatchField.CITY);
        map(lead, b, LeadField.POSTCODE, MatchField.POSTCODE);
        map(lead, b, LeadField.REGION, MatchField.REGION);
        map(lead, b, LeadField.COUNTRY, MatchField.COUNTRY);
        map(lead, b, LeadField.WEBSITE, MatchField.WEBSITE);
        map(lead, b, LeadField.REGISTRATION_NUMBER, MatchField.REGISTRATION_NUMBER);
        return b.build();
    }

    private static void map(Lead lead, Builder b, LeadField from, MatchField to) {
        lead.get(from).ifPresent(v -> b.set(to, v));
    }

    /**
     * @param id the record's id, unique within an index or a scan
     * @return a builder
     */
    public static Builder builder(String id) {
        return new Builder(id);
    }

    /** @return the id */
    public String id() {
        return id;
    }

    /**
     * @param field an attribute
     * @return its raw value, empty when not set
     */
    public Optional<String> get(MatchField field) {
        return Optional.ofNullable(values.get(field));
    }

    /** @return every set attribute and its raw value (unmodifiable) */
    public Map<MatchField, String> values() {
        return values;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MatchRecord && ((MatchRecord) o).id.equals(id) && ((MatchRecord) o).values.equals(values);
    }

    @Override
    public int hashCode() {
        return id.hashCode() * 31 + values.hashCode();
    }

    /** The id only: values are personal data. */
    @Override
    public String toString() {
        return "MatchRecord[" + id + "]";
    }

    /** Collects the values of one record. */
    public static final class Builder {
        private final String id;
        private final EnumMap<MatchField, String> values = new EnumMap<>(MatchField.class);

        private Builder(String id) {
            this.id = Objects.requireNonNull(id, "id");
        }

        /**
         * @param field an attribute
         * @param value its raw value; null or blank leaves the attribute unset
         * @return this builder
         */
        public Builder set(MatchField field, String value) {
            Objects.requireNonNull(field, "field");
            if (value == null || value.isBlank()) {
                values.remove(field);
            } else {
                values.put(field, value);
            }
            return this;
        }

        /** @return the record */
        public MatchRecord build() {
            return new MatchRecord(id, Collections.unmodifiableMap(new EnumMap<>(values)));
        }
    }
}
