package dev.leadkit.store;

import dev.leadkit.access.LeadAccess;

/**
 * Port: stores each lead's {@link LeadAccess} (grants and followers).
 *
 * @since 0.1
 */
public interface LeadAccessRepository {

    /**
     * @param leadId a lead id
     * @return its grants and followers, or {@link LeadAccess#none} at version 0 when none were stored
     */
    LeadAccess find(String leadId);

    /**
     * Stores the next version.
     *
     * @param access the new state; the stored version must be {@code access.version() - 1}
     * @throws dev.leadkit.ConflictException {@code lead_access.version.stale} when it is not
     */
    void save(LeadAccess access);
}
