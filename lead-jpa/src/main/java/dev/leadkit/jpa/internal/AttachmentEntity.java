package dev.leadkit.jpa.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;

/**
 * One row of {@code lk_attachment}: an attachment's metadata. Attachments never change; removal
 * sets {@code removed} and keeps the row, so the primary key refuses the id for ever after.
 * Only {@link ActivityMapping} and {@link JpaAttachmentRepository} read and write it.
 *
 * <pre>{@code
 * em.persist(ActivityMapping.newAttachment(attachment));
 * }</pre>
 */
@Entity(name = "LeadKitAttachment")
@Table(name = "lk_attachment")
public class AttachmentEntity {

    @Id
    @Column(name = "id", length = Columns.ID, nullable = false, updatable = false)
    String id;

    @Column(name = "lead_id", length = Columns.ID, nullable = false)
    String leadId;
    @Column(name = "name", length = Columns.FILE_NAME, nullable = false, updatable = false)
    String name;
    @Column(name = "media_type", length = Columns.MEDIA_TYPE, nullable = false, updatable = false)
    String mediaType;
    @Column(name = "size", nullable = false, updatable = false)
    long size;
    @JdbcTypeCode(SqlTypes.CHAR)
    @Column(name = "sha256", length = Columns.SHA256, nullable = false, updatable = false)
    String sha256;
    @Column(name = "uploaded_by", length = Columns.USER_ID, nullable = false, updatable = false)
    String uploadedBy;
    @Column(name = "uploaded_at", nullable = false, updatable = false)
    Instant uploadedAt;
    @Column(name = "removed", nullable = false)
    boolean removed;
    /** Where the bytes are when not under the lead's own key (moved by a merge); null otherwise. */
    @Column(name = "blob_key", length = 300)
    String blobKey;

    /** For JPA. */
    protected AttachmentEntity() {
    }

    AttachmentEntity(String id) {
        this.id = id;
    }
}
