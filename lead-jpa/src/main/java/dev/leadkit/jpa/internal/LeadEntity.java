package dev.leadkit.jpa.internal;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.HashSet;
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
    /** The survivor a merged lead points at; null for a lead never merged away. */
    @Column(name = "merged_into", length = Columns.ID)
    String mergedInto;

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

    /** For JPA. */
    protected LeadEntity() {
    }

    LeadEntity(String id) {
        this.id = id;
    }
}
