package dev.leadkit.jpa.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;

/**
 * One row of {@code lk_access_request}: a user's request for rights on a lead. Only
 * {@link JpaAccessRequestRepository} reads and writes it.
 *
 * <pre>{@code
 * em.persist(JpaAccessRequestRepository.newRow(request));
 * }</pre>
 */
@Entity(name = "LeadKitAccessRequest")
@Table(name = "lk_access_request")
public class AccessRequestEntity {

    @Id
    @Column(name = "id", length = Columns.ID, nullable = false, updatable = false)
    String id;

    /** The core's request version: 1 on insert, one more per decision. */
    @Version
    @Column(name = "version", nullable = false)
    long version;

    @Column(name = "lead_id", length = Columns.ID, nullable = false)
    String leadId;
    @Column(name = "requester_id", length = Columns.USER_ID, nullable = false)
    String requesterId;
    /** Sorted, comma-separated right keys. */
    @Column(name = "rights", length = Columns.RIGHTS, nullable = false)
    String rights;
    @Column(name = "state", length = Columns.REQUEST_STATE, nullable = false)
    String state;
    @Column(name = "requested_at", nullable = false)
    Instant requestedAt;
    @Column(name = "decided_by", length = Columns.USER_ID)
    String decidedBy;
    @Column(name = "decided_at")
    Instant decidedAt;

    /** For JPA. */
    protected AccessRequestEntity() {
    }

    AccessRequestEntity(String id) {
        this.id = id;
    }
}
