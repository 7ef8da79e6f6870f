package dev.leadkit.jpa.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;

/**
 * One row of {@code lk_view}: a saved list view (Q1, Q5), its definition as
 * {@code ViewDefinition.toText()} wrote it. Mutable because JPA needs it to be.
 *
 * <pre>{@code
 * em.persist(JpaViewRepository.newRow(view));
 * }</pre>
 */
@Entity(name = "LeadKitView")
@Table(name = "lk_view")
public class ViewEntity {

    @Id
    @Column(name = "id", length = Columns.ID, nullable = false, updatable = false)
    String id;
    /** The core's view version: 1 on insert, one more per update. */
    @Version
    @Column(name = "version", nullable = false)
    long version;
    @Column(name = "owner_id", length = Columns.USER_ID, nullable = false)
    String ownerId;
    /** The team it is shared with; null when private. */
    @Column(name = "team_id", length = Columns.USER_ID)
    String teamId;
    @Column(name = "name", length = VIEW_NAME, nullable = false)
    String name;
    @JdbcTypeCode(SqlTypes.LONG32VARCHAR)
    @Column(name = "definition", nullable = false)
    String definition;
    @Column(name = "created_at", nullable = false, updatable = false)
    Instant createdAt;
    @Column(name = "updated_at", nullable = false)
    Instant updatedAt;

    /** The name column's length in code points (the core allows 100). */
    static final int VIEW_NAME = 200;

    /** For JPA. */
    protected ViewEntity() {
    }

    ViewEntity(String id) {
        this.id = id;
    }
}
