package dev.leadkit.store;

import dev.leadkit.lead.Lead;
import dev.leadkit.lead.LeadField;
import dev.leadkit.lead.LeadId;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Port: stores leads. Holds no business rules — {@link dev.leadkit.lead.LeadService} decides what
 * may be stored; the repository keeps it safe.
 *
 * @since 0.1
 */
public interface LeadRepository {

    /**
     * @param id an id
     * @return the lead, deleted or not
     */
    Optional<Lead> find(LeadId id);

    /**
     * @param externalId an id of the system of origin
     * @return the lead holding it, deleted or not
     */
    Optional<Lead> findByExternalId(String externalId);

    /**
     * The leads holding any of many external ids, for a batch that checks them all at once (an
     * import batch of 1,000 rows asks once, not 1,000 times). A store answers in one round trip;
     * this default asks {@link #findByExternalId} once per id.
     *
     * @param externalIds ids of the system of origin, at most {@link LeadListing#MAX_LIMIT} per call
     * @return external id to the lead holding it, deleted or not; ids nobody holds are absent
     * @since 0.5
     */
    default Map<String, Lead> findByExternalIds(java.util.Collection<String> externalIds) {
        Map<String, Lead> found = new java.util.HashMap<>();
        for (String id : externalIds) {
            findByExternalId(id).ifPresent(l -> found.put(id, l));
        }
        return found;
    }

    /**
     * Many leads by id at once, for a batch that needs them all (an import batch reads the
     * candidates it chose for all its rows in one call, not one per candidate). A store answers
     * in one round trip per some hundred ids; this default asks {@link #find} once per id.
     *
     * <pre>{@code
     * Map<LeadId, Lead> leads = tx.leads().findAll(chosen);
     * }</pre>
     *
     * @param ids lead ids, at most {@link LeadListing#MAX_LIMIT} per call
     * @return id to the lead, deleted or not, as {@link #find} gives it; ids no lead has are absent
     * @since 0.5
     */
    default Map<LeadId, Lead> findAll(java.util.Collection<LeadId> ids) {
        Map<LeadId, Lead> found = new java.util.HashMap<>();
        for (LeadId id : ids) {
            find(id).ifPresent(l -> found.put(id, l));
        }
        return found;
    }

    /**
     * Stores a new lead at version 1.
     *
     * @param lead the lead, {@code version() == 1}
     * @throws dev.leadkit.ConflictException {@code lead.id.taken} or {@code lead.external_id.taken}
     *                                       when the id or external id is already stored
     */
    void insert(Lead lead);

    /**
     * Replaces a stored lead with its next version.
     *
     * @param lead the new value; the stored version must be {@code lead.version() - 1}
     * @throws dev.leadkit.ConflictException {@code lead.version.stale} when the stored version differs
     *                                       (nothing is changed), {@code lead.external_id.taken}
     * @throws dev.leadkit.NotFoundException when no such lead is stored
     */
    void update(Lead lead);

    /**
     * @param listing which page of which leads, in which order
     * @return the page, in the listing's {@link LeadSort} order
     */
    List<Lead> list(LeadListing listing);

    /**
     * @param listing which leads (offset and limit are ignored)
     * @return how many leads match
     */
    long count(LeadListing listing);

    /**
     * @param field a catalogue-valued field ({@link LeadField#STATUS} or {@link LeadField#SOURCE})
     * @param code  a code
     * @return how many leads, deleted ones included, hold that value
     */
    long countWithValue(LeadField field, String code);

    /**
     * @param code a close-reason code
     * @return how many leads, deleted ones included, were closed with it
     */
    long countWithCloseReason(String code);

    /**
     * @param fieldKey   a dropdown or multi-select custom field key
     * @param optionCode one of its option codes
     * @return the ids of the leads, deleted ones included, whose value is or contains that option
     */
    List<LeadId> withCustomOption(String fieldKey, String optionCode);

    /**
     * Counts visible, non-deleted leads per status, in one query (the kanban header).
     *
     * @param visibility which leads the actor may see
     * @return count per status code; statuses without leads are absent
     */
    Map<String, Long> countByStatus(Visibility visibility);

    /**
     * Non-deleted leads in a status since at or before a time, ordered by id — the candidates of a
     * stale-status rule, read page by page.
     *
     * @param status  a status code
     * @param since   the latest {@link Lead#statusSince()} to include
     * @param afterId only ids greater than this one, for the next page
     * @param limit   page size, 1 to 1,000
     * @return the page
     */
    List<Lead> inStatusSince(String status, Instant since, Optional<LeadId> afterId, int limit);

    /**
     * Selects a page of leads in one query: the selection's visibility, deleted flag, filter and
     * search decide which leads, its order, keyset position or offset and limit which page
     * (requirements Q3, Q4, Q7). See {@link LeadSelection} for the exact rules every store follows.
     *
     * @param selection which leads, in which order, which page
     * @return the page, in the selection's order
     * @since 0.3
     */
    List<Lead> select(LeadSelection selection);

    /**
     * Counts the leads a selection matches, ignoring its order, position, offset and limit — the
     * total a pager shows. One query, scoped like {@link #select}.
     *
     * @param selection which leads
     * @return how many match
     * @since 0.3
     */
    long count(LeadSelection selection);
}
