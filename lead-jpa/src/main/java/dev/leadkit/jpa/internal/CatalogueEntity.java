package dev.leadkit.jpa.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One row of {@code lk_catalogue}: a whole status or source catalogue. The entries (order, codes,
 * categories, labels, state) are one JSON document because the catalogue is read and written as
 * one versioned aggregate and never queried by entry.
 *
 * <pre>{@code
 * Catalogue statuses = LeadMapping.toCatalogue(em.find(CatalogueEntity.class, "STATUS"), version);
 * }</pre>
 */
@Entity(name = "LeadKitCatalogue")
@Table(name = "lk_catalogue")
public class CatalogueEntity {

    @Id
    @Column(name = "kind", length = Columns.KIND, nullable = false, updatable = false)
    String kind;

    @Version
    @Column(name = "version", nullable = false)
    long version;

    @Column(name = "default_code", length = Columns.CODE, nullable = false)
    String defaultCode;

    @JdbcTypeCode(SqlTypes.LONG32VARCHAR)
    @Column(name = "entries", nullable = false)
    String entries;

    /** For JPA. */
    protected CatalogueEntity() {
    }

    CatalogueEntity(String kind) {
        this.kind = kind;
    }
}
