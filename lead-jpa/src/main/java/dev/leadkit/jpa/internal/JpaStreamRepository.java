package dev.leadkit.jpa.internal;

import dev.leadkit.ConflictException;
import dev.leadkit.NotFoundException;
import dev.leadkit.activity.StreamPost;
import dev.leadkit.store.StreamRepository;
import jakarta.persistence.EntityExistsException;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** {@link StreamRepository} on {@code lk_stream_post}. */
final class JpaStreamRepository implements StreamRepository {

    private static final String FOR_LEAD =
            "select p from LeadKitStreamPost p where p.leadId = :leadId order by p.createdAt, p.id";

    private final JpaStoreTransaction tx;

    JpaStreamRepository(JpaStoreTransaction tx) {
        this.tx = tx;
    }

    @Override
    public Optional<StreamPost> find(String id) {
        Objects.requireNonNull(id, "id");
        return Failures.guard(() -> Optional.ofNullable(tx.em().find(StreamPostEntity.class, id)).map(this::toPost));
    }

    @Override
    public void insert(StreamPost post) {
        Objects.requireNonNull(post, "post");
        if (post.version() != 1) {
            throw new IllegalArgumentException("a new stream post is inserted at version 1");
        }
        StreamPostEntity row = ActivityMapping.newPost(post);
        Failures.guard(() -> {
            try {
                tx.em().persist(row);
            } catch (EntityExistsException alreadyInThisTransaction) {
                throw new ConflictException("stream_post.id.taken", "A stream post with id '" + post.id() + "' is already stored.");
            }
            return null;
        });
    }

    @Override
    public void update(StreamPost post) {
        Objects.requireNonNull(post, "post");
        Failures.guard(() -> {
            StreamPostEntity row = tx.em().find(StreamPostEntity.class, post.id());
            if (row == null) {
                throw new NotFoundException("stream_post", post.id());
            }
            long current = tx.currentVersion(row, r -> r.version);
            if (current != post.version() - 1) {
                throw ConflictException.staleVersion("stream_post", post.id(), post.version() - 1, current);
            }
            tx.beforeChange(row, r -> r.version);
            boolean changed = ActivityMapping.copyChangeable(post, row);
            tx.changed(row, changed, post.version());
            return null;
        });
    }

    @Override
    public List<StreamPost> forLead(String leadId) {
        Objects.requireNonNull(leadId, "leadId");
        return Failures.guard(() -> tx.em().createQuery(FOR_LEAD, StreamPostEntity.class).setParameter("leadId", leadId)
                .getResultStream().map(this::toPost).toList());
    }

    private StreamPost toPost(StreamPostEntity row) {
        return ActivityMapping.toPost(row, tx.currentVersion(row, r -> r.version));
    }
}
