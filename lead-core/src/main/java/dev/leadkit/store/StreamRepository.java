package dev.leadkit.store;

import dev.leadkit.activity.StreamPost;

import java.util.List;
import java.util.Optional;

/**
 * Port: stores {@link StreamPost stream posts and comments}.
 *
 * <pre>{@code
 * List<StreamPost> stream = store.inTransaction(tx -> tx.stream().forLead(leadId));
 * }</pre>
 *
 * @since 0.1
 */
public interface StreamRepository {

    /**
     * @param id a post id
     * @return the post or comment
     */
    Optional<StreamPost> find(String id);

    /**
     * @param post a new post or comment at version 1
     * @throws dev.leadkit.ConflictException {@code stream_post.id.taken} when the id is stored
     */
    void insert(StreamPost post);

    /**
     * @param post the next version; the stored version must be {@code post.version() - 1}
     * @throws dev.leadkit.ConflictException {@code stream_post.version.stale} when it is not (nothing changes)
     * @throws dev.leadkit.NotFoundException when no such post is stored
     */
    void update(StreamPost post);

    /**
     * @param leadId a lead id
     * @return every post and comment of the lead's stream, in one flat list ordered by creation
     *         time (oldest first), ties by id
     */
    List<StreamPost> forLead(String leadId);
}
