package dev.leadkit.jpa.internal;

import dev.leadkit.activity.HistoryEntry;
import dev.leadkit.store.HistoryRepository;
import org.hibernate.jpa.HibernateHints;

import java.util.List;
import java.util.Objects;

/** {@link HistoryRepository} on {@code lk_history}. */
final class JpaHistoryRepository implements HistoryRepository {

    private final JpaStoreTransaction tx;

    JpaHistoryRepository(JpaStoreTransaction tx) {
        this.tx = tx;
    }

    @Override
    public HistoryEntry append(HistoryEntry entry) {
        Objects.requireNonNull(entry, "entry");
        if (entry.sequence() != 0) {
            throw new IllegalArgumentException("the store assigns the sequence: append entries with sequence 0");
        }
        HistoryEntity row = LeadMapping.newHistory(entry);
        return Failures.guard(() -> {
            // The pooled sequence assigns the id here, without a round trip for most rows; the
            // insert itself is batched with the transaction's other inserts.
            tx.em().persist(row);
            return new HistoryEntry(row.sequence, entry.leadId(), row.at, entry.actorId(), entry.action(), entry.changes());
        });
    }

    @Override
    public List<HistoryEntry> forLead(String leadId) {
        Objects.requireNonNull(leadId, "leadId");
        return Failures.guard(() -> tx.em()
                .createQuery("select h from LeadKitHistory h where h.leadId = :leadId order by h.sequence", HistoryEntity.class)
                .setParameter("leadId", leadId)
                .setHint(HibernateHints.HINT_READ_ONLY, true)
                .getResultStream().map(LeadMapping::toHistory).toList());
    }
}
