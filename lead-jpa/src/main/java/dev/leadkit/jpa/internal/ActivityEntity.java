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
 * One row of {@code lk_activity}. The attendees' answers are one JSON object because they are
 * always read and written with their activity and never queried on their own; the reminder
 * offsets are their enum names, comma-separated. Only {@link ActivityMapping} reads and writes it.
 *
 * <pre>{@code
 * em.persist(ActivityMapping.newActivity(activity));
 * }</pre>
 */
@Entity(name = "LeadKitActivity")
@Table(name = "lk_activity")
public class ActivityEntity {

    @Id
    @Column(name = "id", length = Columns.ID, nullable = false, updatable = false)
    String id;

    /** The core's activity version: 1 on insert, one more per update (Hibernate checks and bumps it). */
    @Version
    @Column(name = "version", nullable = false)
    long version;

    @Column(name = "lead_id", length = Columns.ID, nullable = false)
    String leadId;
    @Column(name = "type", length = Columns.ACTIVITY_TYPE, nullable = false)
    String type;
    @Column(name = "subject", length = Columns.SUBJECT, nullable = false)
    String subject;
    @Column(name = "start_at")
    Instant startAt;
    @Column(name = "due_at")
    Instant dueAt;
    @Column(name = "duration_micros")
    Long durationMicros;
    @Column(name = "assignee_id", length = Columns.USER_ID, nullable = false)
    String assigneeId;
    @Column(name = "done_at")
    Instant doneAt;
    @Column(name = "reminders", length = Columns.REMINDERS, nullable = false)
    String reminders;
    @JdbcTypeCode(SqlTypes.LONG32VARCHAR)
    @Column(name = "attendees", nullable = false)
    String attendees;
    @Column(name = "created_by", length = Columns.USER_ID, nullable = false)
    String createdBy;
    @Column(name = "created_at", nullable = false)
    Instant createdAt;

    /** For JPA. */
    protected ActivityEntity() {
    }

    ActivityEntity(String id) {
        this.id = id;
    }
}
