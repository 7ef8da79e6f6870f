package dev.leadkit.jpa.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;

/**
 * One row of {@code lk_history}: an audit entry, its field changes as JSON. Never updated.
 *
 * <pre>{@code
 * HistoryEntity row = LeadMapping.newHistory(entry);
 * em.persist(row);                       // row.sequence is assigned here
 * }</pre>
 */
@Entity(name = "LeadKitHistory")
@Immutable
@Table(name = "lk_history")
public class HistoryEntity {

    /**
     * Pooled: one sequence call reserves 50 values, so appends are batched without a round trip
     * per row. Values rise in append order within one entity manager factory.
     */
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "lk_history_seq")
    @SequenceGenerator(name = "lk_history_seq", sequenceName = "lk_history_seq", allocationSize = Columns.HISTORY_SEQUENCE_BLOCK)
    @Column(name = "seq", nullable = false, updatable = false)
    Long sequence;

    @Column(name = "lead_id", length = Columns.ID, nullable = false, updatable = false)
    String leadId;
    @Column(name = "at", nullable = false, updatable = false)
    Instant at;
    @Column(name = "actor_id", length = Columns.USER_ID, nullable = false, updatable = false)
    String actorId;
    @Column(name = "action", length = Columns.ACTION, nullable = false, updatable = false)
    String action;
    @JdbcTypeCode(SqlTypes.LONG32VARCHAR)
    @Column(name = "changes", nullable = false, updatable = false)
    String changes;

    /** For JPA. */
    protected HistoryEntity() {
    }

    HistoryEntity(String leadId, Instant at, String actorId, String action, String changes) {
        this.leadId = leadId;
        this.at = at;
        this.actorId = actorId;
        this.action = action;
        this.changes = changes;
    }
}
