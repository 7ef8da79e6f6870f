package dev.leadkit.jpa.internal;

import dev.leadkit.ConflictException;
import dev.leadkit.LeadKitException;
import dev.leadkit.NotFoundException;
import dev.leadkit.access.AccessRequest;
import dev.leadkit.access.Right;
import dev.leadkit.store.AccessRequestRepository;
import jakarta.persistence.EntityExistsException;

import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import static dev.leadkit.jpa.internal.LeadMapping.checked;
import static dev.leadkit.jpa.internal.LeadMapping.micros;

/** {@link AccessRequestRepository} on {@code lk_access_request}. */
final class JpaAccessRequestRepository implements AccessRequestRepository {

    private static final String PENDING = "select r from LeadKitAccessRequest r where r.leadId = :leadId"
            + " and r.state = :state order by r.requestedAt, r.id";

    private final JpaStoreTransaction tx;

    JpaAccessRequestRepository(JpaStoreTransaction tx) {
        this.tx = tx;
    }

    @Override
    public Optional<AccessRequest> findRequest(String id) {
        Objects.requireNonNull(id, "id");
        return Failures.guard(() -> Optional.ofNullable(tx.em().find(AccessRequestEntity.class, id)).map(this::toRequest));
    }

    @Override
    public List<AccessRequest> pendingForLead(String leadId) {
        Objects.requireNonNull(leadId, "leadId");
        return Failures.guard(() -> tx.em().createQuery(PENDING, AccessRequestEntity.class).setParameter("leadId", leadId)
                .setParameter("state", AccessRequest.State.PENDING.name()).getResultStream().map(this::toRequest).toList());
    }

    @Override
    public void insert(AccessRequest request) {
        Objects.requireNonNull(request, "request");
        if (request.version() != 1) {
            throw new IllegalArgumentException("a new access request is inserted at version 1");
        }
        AccessRequestEntity row = new AccessRequestEntity(checked("lk_access_request", "id", request.id(), Columns.ID));
        row.version = 1;
        copy(request, row);
        Failures.guard(() -> {
            try {
                tx.em().persist(row);
            } catch (EntityExistsException alreadyInThisTransaction) {
                throw new ConflictException("access_request.id.taken", "An access request with id '" + request.id()
                        + "' is already stored.");
            }
            return null;
        });
    }

    @Override
    public void update(AccessRequest request) {
        Objects.requireNonNull(request, "request");
        Failures.guard(() -> {
            AccessRequestEntity row = tx.em().find(AccessRequestEntity.class, request.id());
            if (row == null) {
                throw new NotFoundException("access_request", request.id());
            }
            long current = tx.currentVersion(row, r -> r.version);
            if (current != request.version() - 1) {
                throw ConflictException.staleVersion("access_request", request.id(), request.version() - 1, current);
            }
            tx.beforeChange(row, r -> r.version);
            String before = snapshot(row);
            copy(request, row);
            tx.changed(row, !before.equals(snapshot(row)), request.version());
            return null;
        });
    }

    /** Copies every component but the id and version: the store keeps what the core hands it. */
    private static void copy(AccessRequest request, AccessRequestEntity row) {
        row.leadId = checked("lk_access_request", "lead_id", request.leadId(), Columns.ID);
        row.requesterId = checked("lk_access_request", "requester_id", request.requesterId(), Columns.USER_ID);
        row.requestedAt = micros(request.requestedAt());
        row.rights = request.rights().stream().map(Right::key).sorted().collect(Collectors.joining(","));
        row.state = request.state().name();
        row.decidedBy = request.decidedBy().map(u -> checked("lk_access_request", "decided_by", u, Columns.USER_ID))
                .orElse(null);
        row.decidedAt = request.decidedAt().map(LeadMapping::micros).orElse(null);
    }

    private static String snapshot(AccessRequestEntity row) {
        return String.join("\u0000", String.valueOf(row.leadId), String.valueOf(row.requesterId),
                String.valueOf(row.requestedAt), String.valueOf(row.rights), String.valueOf(row.state),
                String.valueOf(row.decidedBy), String.valueOf(row.decidedAt));
    }

    private AccessRequest toRequest(AccessRequestEntity row) {
        try {
            Set<Right> rights = EnumSet.noneOf(Right.class);
            for (String key : row.rights.split(",")) {
                rights.add(right(key));
            }
            return new AccessRequest(row.id, row.leadId, row.requesterId, rights, AccessRequest.State.valueOf(row.state),
                    row.requestedAt, Optional.ofNullable(row.decidedBy), Optional.ofNullable(row.decidedAt),
                    tx.currentVersion(row, r -> r.version));
        } catch (IllegalArgumentException e) {
            throw new LeadKitException("store.data.corrupt", "The stored access request '" + row.id
                    + "' cannot be read (" + e.getClass().getSimpleName() + "). Was it written by something other than LeadKit?");
        }
    }

    private static Right right(String key) {
        for (Right right : Right.values()) {
            if (right.key().equals(key)) {
                return right;
            }
        }
        throw new IllegalArgumentException("unknown right");
    }
}
