package dev.leadkit.store;

import dev.leadkit.access.AccessRequest;

import java.util.List;
import java.util.Optional;

/**
 * Port: stores {@link AccessRequest}s.
 *
 * @since 0.1
 */
public interface AccessRequestRepository {

    /**
     * @param id a request id
     * @return the request
     */
    Optional<AccessRequest> findRequest(String id);

    /**
     * @param leadId a lead id
     * @return the lead's pending requests, oldest first
     */
    List<AccessRequest> pendingForLead(String leadId);

    /**
     * @param request a new request at version 1
     * @throws dev.leadkit.ConflictException {@code access_request.id.taken} when the id is stored
     */
    void insert(AccessRequest request);

    /**
     * @param request the next version; the stored version must be {@code request.version() - 1}
     * @throws dev.leadkit.ConflictException {@code access_request.version.stale} when it is not
     */
    void update(AccessRequest request);
}
