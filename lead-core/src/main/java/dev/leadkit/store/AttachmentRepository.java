package dev.leadkit.store;

import dev.leadkit.activity.Attachment;

import java.util.List;
import java.util.Optional;

/**
 * Port: stores {@link Attachment} metadata (the bytes are in the
 * {@link dev.leadkit.activity.BlobStore}). Attachments are immutable: inserted once, deleted once.
 *
 * <pre>{@code
 * List<Attachment> files = store.inTransaction(tx -> tx.attachments().forLead(leadId));
 * }</pre>
 *
 * @since 0.1
 */
public interface AttachmentRepository {

    /**
     * @param id an attachment id
     * @return the attachment
     */
    Optional<Attachment> find(String id);

    /**
     * @param attachment a new attachment
     * @throws dev.leadkit.ConflictException {@code attachment.id.taken} when the id is stored
     */
    void insert(Attachment attachment);

    /**
     * Removes an attachment's metadata. Of two transactions removing the same attachment, at most
     * one commits.
     *
     * @param id an attachment id
     * @throws dev.leadkit.NotFoundException when no such attachment is stored
     * @throws dev.leadkit.ConflictException {@code attachment.removed} when another transaction
     *                                       removed it concurrently (detected at commit)
     */
    void delete(String id);

    /**
     * Moves an attachment's metadata to another lead, keeping everything else — its blob key
     * included, so the bytes stay where they are (a merge, requirement D5). Of a move and a
     * concurrent removal, at most one commits.
     *
     * @param id     an attachment id
     * @param leadId the lead it belongs to from now on
     * @throws dev.leadkit.NotFoundException when no such attachment is stored
     * @throws dev.leadkit.ConflictException {@code attachment.removed} when another transaction
     *                                       removed it concurrently (detected at commit)
     * @since 0.2
     */
    void move(String id, String leadId);

    /**
     * @param leadId a lead id
     * @return the lead's attachments, ordered by upload time (oldest first), ties by id
     */
    List<Attachment> forLead(String leadId);
}
