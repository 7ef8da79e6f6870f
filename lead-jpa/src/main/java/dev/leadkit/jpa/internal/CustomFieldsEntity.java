package dev.leadkit.jpa.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * The single row of {@code lk_custom_fields}: every custom field definition as one JSON document,
 * versioned as one aggregate (it is read and written whole, never queried by field).
 *
 * <pre>{@code
 * CustomFields fields = Json.customFields(em.find(CustomFieldsEntity.class, CustomFieldsEntity.ROW).definitions, version);
 * }</pre>
 */
@Entity(name = "LeadKitCustomFields")
@Table(name = "lk_custom_fields")
public class CustomFieldsEntity {

    /** The one row's id: a LeadKit instance has one set of definitions. */
    static final int ROW = 1;

    @Id
    @Column(name = "id", nullable = false, updatable = false)
    int id;

    @Version
    @Column(name = "version", nullable = false)
    long version;

    @JdbcTypeCode(SqlTypes.LONG32VARCHAR)
    @Column(name = "definitions", nullable = false)
    String definitions;

    /** For JPA. */
    protected CustomFieldsEntity() {
    }

    CustomFieldsEntity(int id) {
        this.id = id;
    }
}
