package dev.leadkit.jpa.internal;

import dev.leadkit.ConflictException;
import dev.leadkit.NotFoundException;
import dev.leadkit.lead.Lead;
import dev.leadkit.lead.LeadField;
import dev.leadkit.lead.LeadId;
import dev.leadkit.store.LeadListing;
import dev.leadkit.store.LeadRepository;
import jakarta.persistence.EntityExistsException;
import jakarta.persistence.EntityManager;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** {@link LeadRepository} on {@code lk_lead}. */
final class JpaLeadRepository implements LeadRepository {

    private static final String LIST = "select l from LeadKitLead l where l.deleted = false order by l.createdAt desc, l.id desc";
    private static final String LIST_ALL = "select l from LeadKitLead l order by l.createdAt desc, l.id desc";
    private static final String COUNT = "select count(l) from LeadKitLead l where l.deleted = false";
    private static final String COUNT_ALL = "select count(l) from LeadKitLead l";

    private final JpaStoreTransaction tx;

    JpaLeadRepository(JpaStoreTransaction tx) {
        this.tx = tx;
    }

    @Override
    public Optional<Lead> find(LeadId id) {
        Objects.requireNonNull(id, "id");
        return Failures.guard(() -> Optional.ofNullable(tx.em().find(LeadEntity.class, id.value()))
                .map(this::toLead));
    }

    @Override
    public Optional<Lead> findByExternalId(String externalId) {
        Objects.requireNonNull(externalId, "externalId");
        if (externalId.codePointCount(0, externalId.length()) > Columns.EXTERNAL_ID) {
            return Optional.empty();
        }
        return Failures.guard(() -> tx.em()
                .createQuery("select l from LeadKitLead l where l.externalId = :externalId", LeadEntity.class)
                .setParameter("externalId", externalId).getResultStream().findFirst().map(this::toLead));
    }

    @Override
    public void insert(Lead lead) {
        Objects.requireNonNull(lead, "lead");
        if (lead.version() != 1) {
            throw new IllegalArgumentException("a new lead is inserted at version 1");
        }
        LeadEntity row = LeadMapping.newLead(lead);
        Failures.guard(() -> {
            try {
                // persist, never merge: no select before the insert; a taken id or external id
                // is found by the database's constraints when the insert runs.
                tx.em().persist(row);
            } catch (EntityExistsException alreadyInThisTransaction) {
                throw new ConflictException("lead.id.taken", "A lead with id '" + lead.id() + "' is already stored.");
            }
            return null;
        });
    }

    @Override
    public void update(Lead lead) {
        Objects.requireNonNull(lead, "lead");
        Failures.guard(() -> {
            EntityManager em = tx.em();
            LeadEntity row = em.find(LeadEntity.class, lead.id().value());
            if (row == null) {
                throw new NotFoundException("lead", lead.id().value());
            }
            long current = tx.currentVersion(row, r -> r.version);
            if (current != lead.version() - 1) {
                throw ConflictException.staleVersion("lead", lead.id().value(), lead.version() - 1, current);
            }
            tx.beforeChange(row, r -> r.version);
            boolean externalIdMoves = !Objects.equals(row.externalId, lead.externalId().orElse(null));
            boolean changed = LeadMapping.copyChangeable(lead, row);
            tx.changed(row, changed, lead.version());
            if (externalIdMoves) {
                // Unique keys are checked per statement, so an external id moving from one lead
                // to another must be released before it is taken: run updates in call order.
                tx.flush();
            }
            return null;
        });
    }

    @Override
    public List<Lead> list(LeadListing listing) {
        Objects.requireNonNull(listing, "listing");
        return Failures.guard(() -> tx.em().createQuery(listing.includeDeleted() ? LIST_ALL : LIST, LeadEntity.class)
                .setFirstResult(listing.offset()).setMaxResults(listing.limit())
                .getResultStream().map(this::toLead).toList());
    }

    private Lead toLead(LeadEntity row) {
        return LeadMapping.toLead(row, tx.currentVersion(row, r -> r.version));
    }

    @Override
    public long count(LeadListing listing) {
        Objects.requireNonNull(listing, "listing");
        return Failures.guard(() -> tx.em().createQuery(listing.includeDeleted() ? COUNT_ALL : COUNT, Long.class)
                .getSingleResult());
    }

    @Override
    public long countWithValue(LeadField field, String code) {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(code, "code");
        // The attribute name comes from the enum, never from input.
        String attribute = LeadMapping.attribute(field);
        return Failures.guard(() -> tx.em()
                .createQuery("select count(l) from LeadKitLead l where l." + attribute + " = :value", Long.class)
                .setParameter("value", code).getSingleResult());
    }

    @Override
    public long countWithCloseReason(String code) {
        return PendingRepositories.countWithCloseReason(code);
    }

    @Override
    public List<LeadId> withCustomOption(String fieldKey, String optionCode) {
        return PendingRepositories.withCustomOption(fieldKey, optionCode);
    }

    @Override
    public java.util.Map<String, Long> countByStatus(dev.leadkit.store.Visibility visibility) {
        return PendingRepositories.countByStatus(visibility);
    }

    @Override
    public List<Lead> inStatusSince(String status, java.time.Instant since, Optional<LeadId> afterId, int limit) {
        return PendingRepositories.inStatusSince(status, since, afterId, limit);
    }
}
