package dev.leadkit.csv;

import dev.leadkit.lead.Lead;
import dev.leadkit.lead.LeadId;
import dev.leadkit.store.AccessRequestRepository;
import dev.leadkit.store.ActivityRepository;
import dev.leadkit.store.AttachmentRepository;
import dev.leadkit.store.CatalogueRepository;
import dev.leadkit.store.CustomFieldRepository;
import dev.leadkit.store.DuplicateDecisionRepository;
import dev.leadkit.store.HistoryRepository;
import dev.leadkit.store.ImportJobRepository;
import dev.leadkit.store.LeadAccessRepository;
import dev.leadkit.store.LeadRepository;
import dev.leadkit.store.MatchKeyRepository;
import dev.leadkit.store.ReminderLogRepository;
import dev.leadkit.store.SettingsRepository;
import dev.leadkit.store.Store;
import dev.leadkit.store.StoreTransaction;
import dev.leadkit.store.StreamRepository;
import dev.leadkit.store.TransactionalWork;
import dev.leadkit.store.ViewRepository;
import dev.leadkit.store.Visibility;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/** A store that counts the look-ups of the candidate index made through it, and passes everything on. */
final class CountingStore implements Store {

    private final Store inner;
    /** Calls of {@link MatchKeyRepository#candidates}, one lead's look-up. */
    final AtomicInteger single = new AtomicInteger();
    /** Calls of {@link MatchKeyRepository#candidatesByKey}, a batch's look-up. */
    final AtomicInteger batched = new AtomicInteger();

    CountingStore(Store inner) {
        this.inner = inner;
    }

    @Override
    public <T> T inTransaction(TransactionalWork<T> work) {
        return inner.inTransaction(tx -> work.run(new Tx(tx)));
    }

    private final class Tx implements StoreTransaction {
        private final StoreTransaction tx;

        Tx(StoreTransaction tx) {
            this.tx = tx;
        }

        @Override
        public LeadRepository leads() {
            return tx.leads();
        }

        @Override
        public HistoryRepository history() {
            return tx.history();
        }

        @Override
        public CatalogueRepository catalogues() {
            return tx.catalogues();
        }

        @Override
        public SettingsRepository settings() {
            return tx.settings();
        }

        @Override
        public LeadAccessRepository access() {
            return tx.access();
        }

        @Override
        public AccessRequestRepository accessRequests() {
            return tx.accessRequests();
        }

        @Override
        public CustomFieldRepository customFields() {
            return tx.customFields();
        }

        @Override
        public ReminderLogRepository reminderLog() {
            return tx.reminderLog();
        }

        @Override
        public ActivityRepository activities() {
            return tx.activities();
        }

        @Override
        public StreamRepository stream() {
            return tx.stream();
        }

        @Override
        public AttachmentRepository attachments() {
            return tx.attachments();
        }

        @Override
        public ViewRepository views() {
            return tx.views();
        }

        @Override
        public DuplicateDecisionRepository duplicateDecisions() {
            return tx.duplicateDecisions();
        }

        @Override
        public ImportJobRepository importJobs() {
            return tx.importJobs();
        }

        @Override
        public MatchKeyRepository matchKeys() {
            MatchKeyRepository keys = tx.matchKeys();
            return new MatchKeyRepository() {
                @Override
                public void replace(LeadId id, Set<String> k) {
                    keys.replace(id, k);
                }

                @Override
                public void remove(LeadId id) {
                    keys.remove(id);
                }

                @Override
                public Set<String> keys(LeadId id) {
                    return keys.keys(id);
                }

                @Override
                public List<Lead> candidates(Set<String> k, Visibility visibility, int limit) {
                    single.incrementAndGet();
                    return keys.candidates(k, visibility, limit);
                }

                @Override
                public Map<String, List<Lead>> candidatesByKey(Set<String> k, Visibility visibility, int perKey) {
                    batched.incrementAndGet();
                    return keys.candidatesByKey(k, visibility, perKey);
                }

                @Override
                public List<Lead> page(Visibility visibility, Optional<LeadId> afterId, int limit) {
                    return keys.page(visibility, afterId, limit);
                }
            };
        }
    }
}
