package dev.leadkit.jpa.internal;

import dev.leadkit.ConflictException;
import dev.leadkit.NotFoundException;
import dev.leadkit.activity.Attachment;
import dev.leadkit.store.AttachmentRepository;
import jakarta.persistence.EntityExistsException;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@link AttachmentRepository} on {@code lk_attachment}. A removal marks the row instead of
 * deleting it, so the primary key refuses a removed id for ever; of two concurrent removals the
 * conditional update lets exactly one change the row.
 */
final class JpaAttachmentRepository implements AttachmentRepository {

    private static final String FOR_LEAD = "select a from LeadKitAttachment a where a.leadId = :leadId"
            + " and a.removed = false order by a.uploadedAt, a.id";
    private static final String REMOVE =
            "update LeadKitAttachment a set a.removed = true where a.id = :id and a.removed = false";

    private static final String MOVE = "update LeadKitAttachment a set a.leadId = :lead, a.blobKey = :key"
            + " where a.id = :id and a.removed = false";

    private final JpaStoreTransaction tx;

    JpaAttachmentRepository(JpaStoreTransaction tx) {
        this.tx = tx;
    }

    @Override
    public Optional<Attachment> find(String id) {
        Objects.requireNonNull(id, "id");
        return Failures.guard(() -> Optional.ofNullable(tx.em().find(AttachmentEntity.class, id))
                .filter(row -> !row.removed).map(ActivityMapping::toAttachment));
    }

    @Override
    public void insert(Attachment attachment) {
        Objects.requireNonNull(attachment, "attachment");
        AttachmentEntity row = ActivityMapping.newAttachment(attachment);
        Failures.guard(() -> {
            try {
                tx.em().persist(row);
            } catch (EntityExistsException alreadyInThisTransaction) {
                throw new ConflictException("attachment.id.taken", "An attachment with id '" + attachment.id()
                        + "' is already stored.");
            }
            return null;
        });
    }

    @Override
    public void delete(String id) {
        Objects.requireNonNull(id, "id");
        Failures.guard(() -> {
            AttachmentEntity row = tx.em().find(AttachmentEntity.class, id);
            if (row == null || row.removed) {
                throw new NotFoundException("attachment", id);
            }
            // The row may be this transaction's own unflushed insert: write it before marking it.
            tx.flush();
            int marked = tx.em().createQuery(REMOVE).setParameter("id", id).executeUpdate();
            if (marked == 0) {
                throw new ConflictException("attachment.removed", "The attachment '" + id
                        + "' was removed by someone else meanwhile.");
            }
            tx.em().refresh(row);
            return null;
        });
    }

    /**
     * A conditional update, like the removal: of a move and a concurrent removal, the second to
     * reach the row waits for the first and then finds it no longer matches.
     */
    @Override
    public void move(String id, String leadId) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(leadId, "leadId");
        LeadMapping.checked("lk_attachment", "lead_id", leadId, Columns.ID);
        Failures.guard(() -> {
            AttachmentEntity row = tx.em().find(AttachmentEntity.class, id);
            if (row == null || row.removed) {
                throw new NotFoundException("attachment", id);
            }
            String key = row.blobKey != null ? row.blobKey : Attachment.blobKey(row.leadId, row.id);
            tx.flush();
            int moved = tx.em().createQuery(MOVE).setParameter("lead", leadId)
                    .setParameter("key", key.equals(Attachment.blobKey(leadId, id)) ? null : key)
                    .setParameter("id", id).executeUpdate();
            if (moved == 0) {
                throw new ConflictException("attachment.removed", "The attachment '" + id
                        + "' was removed by someone else meanwhile.");
            }
            tx.em().refresh(row);
            return null;
        });
    }

    @Override
    public List<Attachment> forLead(String leadId) {
        Objects.requireNonNull(leadId, "leadId");
        return Failures.guard(() -> tx.em().createQuery(FOR_LEAD, AttachmentEntity.class).setParameter("leadId", leadId)
                .getResultStream().map(ActivityMapping::toAttachment).toList());
    }
}
