package dev.leadkit.jpa.internal;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * One row of {@code lk_lead}: a lead with one column per standard field. Mutable because JPA
 * needs it to be; only {@link LeadMapping} reads and writes it.
 *
 * <pre>{@code
 * LeadEntity row = LeadMapping.newLead(lead);
 * em.persist(row);
 * }</pre>
 */
@Entity(name = "LeadKitLead")
@Table(name = "lk_lead")
public class LeadEntity {

    @Id
    @Column(name = "id", length = Columns.ID, nullable = false, updatable = false)
    String id;

    /** The core's lead version: 1 on insert, one more per update (Hibernate checks and bumps it). */
    @Version
    @Column(name = "version", nullable = false)
    long version;

    @Column(name = "first_name", length = Columns.FIRST_NAME)
    String firstName;
    @Column(name = "last_name", length = Columns.LAST_NAME)
    String lastName;
    @Column(name = "email", length = Columns.EMAIL)
    String email;
    @Column(name = "phone", length = Columns.PHONE)
    String phone;
    @Column(name = "company", length = Columns.COMPANY)
    String company;
    @Column(name = "department", length = Columns.DEPARTMENT)
    String department;
    @Column(name = "title", length = Columns.TITLE)
    String title;
    @Column(name = "description", length = Columns.DESCRIPTION)
    String description;
    @Column(name = "street", length = Columns.STREET)
    String street;
    @Column(name = "city", length = Columns.CITY)
    String city;
    @Column(name = "postcode", length = Columns.POSTCODE)
    String postcode;
    @Column(name = "region", length = Columns.REGION)
    String region;
    @Column(name = "country", length = Columns.COUNTRY)
    String country;
    @Column(name = "website", length = Columns.WEBSITE)
    String website;
    @Column(name = "registration_number", length = Columns.REGISTRATION_NUMBER)
    String registrationNumber;
    @Column(name = "source", length = Columns.SOURCE, nullable = false)
    String source;
    @Column(name = "status", length = Columns.STATUS, nullable = false)
    String status;
    @Column(name = "lead_date", length = Columns.LEAD_DATE, nullable = false)
    String leadDate;
    @Column(name = "owner_id", length = Columns.OWNER)
    String ownerId;
    @Column(name = "external_id", length = Columns.EXTERNAL_ID)
    String externalId;

    @Column(name = "created_by", length = Columns.USER_ID, nullable = false, updatable = false)
    String createdBy;
    @Column(name = "created_at", nullable = false, updatable = false)
    Instant createdAt;
    @Column(name = "updated_at", nullable = false)
    Instant updatedAt;
    @Column(name = "deleted", nullable = false)
    boolean deleted;
    @Column(name = "status_since", nullable = false)
    Instant statusSince;
    @Column(name = "close_reason", length = Columns.CODE)
    String closeReason;

    /** JSON of the custom values ({@link Json#custom(java.util.Map)}); empty when none. */
    @JdbcTypeCode(SqlTypes.LONG32VARCHAR)
    @Column(name = "custom")
    String custom;
    /** JSON of the tags; empty when none. */
    @JdbcTypeCode(SqlTypes.LONG32VARCHAR)
    @Column(name = "tags")
    String tags;
    /** JSON of the products; empty when none. */
    @JdbcTypeCode(SqlTypes.LONG32VARCHAR)
    @Column(name = "products")
    String products;

    /**
     * The option codes the custom values hold, derived from {@link #custom}. Lazy: read only when
     * an update changes the custom values, never by a listing.
     */
    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "lk_lead_custom_option", joinColumns = @JoinColumn(name = "lead_id"))
    Set<CustomOptionEmbeddable> options = new HashSet<>();

    /** The lead date in microseconds since the epoch (K6: range filters and sorting). */
    @Column(name = "lead_at")
    Long leadAt;
    /** The {@link SearchKeys#VERSION} the keys below were computed with. */
    @Column(name = "search_keys_version")
    Integer searchKeysVersion;

    // The folded keys of the text fields (SearchKeys.key): what queries compare, search and sort.
    @Column(name = "first_name_key", length = Columns.FIRST_NAME * 8)
    String firstNameKey;
    @Column(name = "last_name_key", length = Columns.LAST_NAME * 8)
    String lastNameKey;
    @Column(name = "email_key", length = Columns.EMAIL * 8)
    String emailKey;
    @Column(name = "phone_key", length = Columns.PHONE * 8)
    String phoneKey;
    @Column(name = "company_key", length = Columns.COMPANY * 8)
    String companyKey;
    @Column(name = "department_key", length = Columns.DEPARTMENT * 8)
    String departmentKey;
    @Column(name = "title_key", length = Columns.TITLE * 8)
    String titleKey;
    @Column(name = "description_key", length = Columns.DESCRIPTION * 8)
    String descriptionKey;
    @Column(name = "street_key", length = Columns.STREET * 8)
    String streetKey;
    @Column(name = "city_key", length = Columns.CITY * 8)
    String cityKey;
    @Column(name = "postcode_key", length = Columns.POSTCODE * 8)
    String postcodeKey;
    @Column(name = "region_key", length = Columns.REGION * 8)
    String regionKey;
    @Column(name = "country_key", length = Columns.COUNTRY * 8)
    String countryKey;
    @Column(name = "website_key", length = Columns.WEBSITE * 8)
    String websiteKey;
    @Column(name = "registration_number_key", length = Columns.REGISTRATION_NUMBER * 8)
    String registrationNumberKey;
    @Column(name = "external_id_key", length = Columns.EXTERNAL_ID * 8)
    String externalIdKey;
    @Column(name = "owner_key", length = Columns.OWNER * 8)
    String ownerKey;
    @Column(name = "created_by_key", length = Columns.USER_ID * 8)
    String createdByKey;
    /** The tags' sort key ({@link SearchKeys#tagsKey}); null when the lead has no tags. */
    @Column(name = "tags_key", length = SearchKeys.TAGS_KEY * 2)
    String tagsKey;

    /** The tags (map key) with their folded keys, for tag filters. Lazy, like {@link #options}. */
    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "lk_lead_tag", joinColumns = @JoinColumn(name = "lead_id"))
    @MapKeyColumn(name = "tag", length = 50)
    @Column(name = "tag_key", nullable = false, length = SearchKeys.TAG_KEY * 2)
    Map<String, String> tagKeys = new HashMap<>();

    /** The custom values typed for queries, by field key. Lazy, like {@link #options}. */
    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "lk_lead_custom_value", joinColumns = @JoinColumn(name = "lead_id"))
    @MapKeyColumn(name = "field_key", length = Columns.CODE)
    Map<String, CustomValueEmbeddable> customValues = new HashMap<>();

    /** For JPA. */
    protected LeadEntity() {
    }

    LeadEntity(String id) {
        this.id = id;
    }
}
