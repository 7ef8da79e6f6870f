package dev.leadkit.lead;

import dev.leadkit.field.FieldValue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Objects;
import java.util.Optional;

/**
 * The input for creating a lead. Holds raw values; {@link LeadService#create} normalises and
 * validates them and reports every problem at once.
 *
 * <p>Owner (requirement P0): by default the creating actor becomes the owner; {@link Builder#owner}
 * names another user and {@link Builder#unassigned()} leaves the lead in the unassigned inbox.
 * Status and source default to the catalogues' defaults; the lead date defaults to now.
 *
 * <pre>{@code
 * LeadDraft draft = LeadDraft.builder()
 *         .firstName("Egon").lastName("Tester")
 *         .email("egon@gardinfirmaet.dk").phone("+45 33 12 34 56")
 *         .company("Gardinfirmaet ApS")
 *         .unassigned()
 *         .build();
 * }</pre>
 *
 * @since 0.1
 */
public final class LeadDraft {

    /** Who owns a new lead. */
    public enum OwnerChoice {
        /** The creating actor. */
        CREATOR,
        /** The user named in the draft. */
        NAMED,
        /** Nobody: the unassigned inbox. */
        NONE
    }

    private final Map<LeadField, String> values;
    private final OwnerChoice ownerChoice;
    private final Map<String, FieldValue> custom;
    private final Set<String> tags;
    private final List<ProductInterest> products;

    private LeadDraft(Builder b) {
        this.values = Collections.unmodifiableMap(new EnumMap<>(b.values));
        this.ownerChoice = b.ownerChoice;
        this.custom = Collections.unmodifiableMap(new LinkedHashMap<>(b.custom));
        this.tags = Collections.unmodifiableSet(new LinkedHashSet<>(b.tags));
        this.products = List.copyOf(b.products);
    }

    /** @return a new builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the raw values given (the owner only when {@link OwnerChoice#NAMED}) */
    public Map<LeadField, String> values() {
        return values;
    }

    /**
     * @param field a field
     * @return the raw value given for it
     */
    public Optional<String> get(LeadField field) {
        return Optional.ofNullable(values.get(field));
    }

    /** @return the custom field values given, by field key */
    public Map<String, FieldValue> custom() {
        return custom;
    }

    /** @return the tags given (raw) */
    public Set<String> tags() {
        return tags;
    }

    /** @return the products of interest given */
    public List<ProductInterest> products() {
        return products;
    }

    /** @return how the owner is chosen */
    public OwnerChoice ownerChoice() {
        return ownerChoice;
    }

    /** @return a builder holding this draft's values, to derive a variant */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.values.putAll(values);
        b.ownerChoice = ownerChoice;
        b.custom.putAll(custom);
        b.tags.addAll(tags);
        b.products.addAll(products);
        return b;
    }

    /** Builds a {@link LeadDraft}. Not thread-safe. */
    public static final class Builder {
        private final EnumMap<LeadField, String> values = new EnumMap<>(LeadField.class);
        private OwnerChoice ownerChoice = OwnerChoice.CREATOR;
        private final Map<String, FieldValue> custom = new LinkedHashMap<>();
        private final Set<String> tags = new LinkedHashSet<>();
        private final List<ProductInterest> products = new ArrayList<>();

        private Builder() {
        }

        /**
         * @param key   a custom field key
         * @param value its value, of the type the field takes
         * @return this builder
         */
        public Builder custom(String key, FieldValue value) {
            custom.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /**
         * @param more tags to put on the new lead
         * @return this builder
         */
        public Builder tags(String... more) {
            for (String tag : more) {
                tags.add(Objects.requireNonNull(tag, "tag"));
            }
            return this;
        }

        /**
         * @param product a product the lead is interested in
         * @return this builder
         */
        public Builder product(ProductInterest product) {
            products.add(Objects.requireNonNull(product, "product"));
            return this;
        }

        /**
         * Sets any standard field except {@link LeadField#OWNER} (use {@link #owner}).
         *
         * @param field the field
         * @param value the raw value
         * @return this builder
         */
        public Builder set(LeadField field, String value) {
            Objects.requireNonNull(field, "field");
            Objects.requireNonNull(value, "value");
            if (field == LeadField.OWNER) {
                return owner(value);
            }
            values.put(field, value);
            return this;
        }

        /** @param v first name @return this builder */
        public Builder firstName(String v) {
            return set(LeadField.FIRST_NAME, v);
        }

        /** @param v last name @return this builder */
        public Builder lastName(String v) {
            return set(LeadField.LAST_NAME, v);
        }

        /** @param v e-mail address @return this builder */
        public Builder email(String v) {
            return set(LeadField.EMAIL, v);
        }

        /** @param v phone number @return this builder */
        public Builder phone(String v) {
            return set(LeadField.PHONE, v);
        }

        /** @param v company name @return this builder */
        public Builder company(String v) {
            return set(LeadField.COMPANY, v);
        }

        /** @param v job title @return this builder */
        public Builder title(String v) {
            return set(LeadField.TITLE, v);
        }

        /** @param v city @return this builder */
        public Builder city(String v) {
            return set(LeadField.CITY, v);
        }

        /** @param v country @return this builder */
        public Builder country(String v) {
            return set(LeadField.COUNTRY, v);
        }

        /** @param v description @return this builder */
        public Builder description(String v) {
            return set(LeadField.DESCRIPTION, v);
        }

        /** @param code status code @return this builder */
        public Builder status(String code) {
            return set(LeadField.STATUS, code);
        }

        /** @param code source code @return this builder */
        public Builder source(String code) {
            return set(LeadField.SOURCE, code);
        }

        /** @param v the id in the system of origin @return this builder */
        public Builder externalId(String v) {
            return set(LeadField.EXTERNAL_ID, v);
        }

        /**
         * @param when when the lead arrived (back-dating allowed, the future not)
         * @return this builder
         */
        public Builder leadDate(Instant when) {
            return set(LeadField.LEAD_DATE, when.toString());
        }

        /**
         * @param userId the user who will own the lead
         * @return this builder
         */
        public Builder owner(String userId) {
            values.put(LeadField.OWNER, Objects.requireNonNull(userId, "userId"));
            ownerChoice = OwnerChoice.NAMED;
            return this;
        }

        /** @return this builder, with the lead left unassigned */
        public Builder unassigned() {
            values.remove(LeadField.OWNER);
            ownerChoice = OwnerChoice.NONE;
            return this;
        }

        /** @return the draft */
        public LeadDraft build() {
            return new LeadDraft(this);
        }
    }
}
