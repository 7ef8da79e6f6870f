package dev.leadkit.access;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A user's request for rights on a lead they cannot use (requirement P6). The owner approves
 * (the rights become a grant) or denies it.
 *
 * @param id          the request id
 * @param leadId      the lead
 * @param requesterId who asks
 * @param rights      what they ask for (grantable rights; VIEW is always included)
 * @param state       pending, approved or denied
 * @param requestedAt when they asked
 * @param decidedBy   who decided, once decided
 * @param decidedAt   when, once decided
 * @param version     1 when stored, one more after each change
 * @since 0.1
 */
public record AccessRequest(String id, String leadId, String requesterId, Set<Right> rights, State state,
                            Instant requestedAt, Optional<String> decidedBy, Optional<Instant> decidedAt,
                            long version) {

    /** Where a request stands. */
    public enum State {
        /** Waiting for the owner. */
        PENDING,
        /** Granted. */
        APPROVED,
        /** Refused. */
        DENIED
    }

    /** Checks and copies the components. */
    public AccessRequest {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(leadId, "leadId");
        Objects.requireNonNull(requesterId, "requesterId");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(requestedAt, "requestedAt");
        Objects.requireNonNull(decidedBy, "decidedBy");
        Objects.requireNonNull(decidedAt, "decidedAt");
        if (rights.isEmpty() || !LeadAccess.GRANTABLE.containsAll(rights)) {
            throw new IllegalArgumentException("an access request asks for some of view, edit, delete, tag and follow");
        }
        rights = Set.copyOf(EnumSet.copyOf(rights));
        if (version < 1) {
            throw new IllegalArgumentException("a stored access request's version starts at 1");
        }
    }

    /**
     * @param approved whether the owner approved
     * @param by       the deciding user
     * @param at       when
     * @return the next version, decided
     */
    public AccessRequest decided(boolean approved, String by, Instant at) {
        return new AccessRequest(id, leadId, requesterId, rights, approved ? State.APPROVED : State.DENIED,
                requestedAt, Optional.of(by), Optional.of(at), version + 1);
    }
}
