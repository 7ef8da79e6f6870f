package dev.leadkit.jpa.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One row of {@code lk_stream_post}: a post in a lead's stream, or a comment on one
 * ({@code parentId} set). Only {@link ActivityMapping} reads and writes it.
 *
 * <pre>{@code
 * em.persist(ActivityMapping.newPost(post));
 * }</pre>
 */
@Entity(name = "LeadKitStreamPost")
@Table(name = "lk_stream_post")
public class StreamPostEntity {

    @Id
    @Column(name = "id", length = Columns.ID, nullable = false, updatable = false)
    String id;

    /** The core's post version: 1 on insert, one more per edit. */
    @Version
    @Column(name = "version", nullable = false)
    long version;

    @Column(name = "lead_id", length = Columns.ID, nullable = false)
    String leadId;
    @Column(name = "parent_id", length = Columns.ID)
    String parentId;
    @Column(name = "author_id", length = Columns.USER_ID, nullable = false)
    String authorId;
    /** A text/CLOB column: up to 10,000 code points, more than a portable varchar holds in bytes. */
    @JdbcTypeCode(SqlTypes.LONG32VARCHAR)
    @Column(name = "text", nullable = false)
    String text;
    @Column(name = "contact_date")
    LocalDate contactDate;
    @Column(name = "created_at", nullable = false)
    Instant createdAt;
    @Column(name = "edited_at")
    Instant editedAt;

    /** For JPA. */
    protected StreamPostEntity() {
    }

    StreamPostEntity(String id) {
        this.id = id;
    }
}
