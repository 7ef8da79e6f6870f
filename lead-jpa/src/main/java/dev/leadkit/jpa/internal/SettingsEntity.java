package dev.leadkit.jpa.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * The single row of {@code lk_settings}: every setting as one JSON object, versioned as one aggregate.
 *
 * <pre>{@code
 * Settings settings = LeadMapping.toSettings(em.find(SettingsEntity.class, SettingsEntity.ROW), version);
 * }</pre>
 */
@Entity(name = "LeadKitSettings")
@Table(name = "lk_settings")
public class SettingsEntity {

    /** The one row's id: a LeadKit instance has one settings aggregate. */
    static final int ROW = 1;

    @Id
    @Column(name = "id", nullable = false, updatable = false)
    int id;

    @Version
    @Column(name = "version", nullable = false)
    long version;

    @JdbcTypeCode(SqlTypes.LONG32VARCHAR)
    @Column(name = "entries", nullable = false)
    String entries;

    /** For JPA. */
    protected SettingsEntity() {
    }

    SettingsEntity(int id) {
        this.id = id;
    }
}
