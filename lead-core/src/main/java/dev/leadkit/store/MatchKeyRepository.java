package dev.leadkit.store;

import dev.leadkit.lead.Lead;
import dev.leadkit.lead.LeadId;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Port: the candidate index of duplicate detection (requirement D3): each live lead's blocking
 * keys — several per lead, so one typo does not hide a pair. The duplicate service keeps it
 * current inside the same transaction as every create, update, delete, restore and merge; a
 * check is then one indexed lookup of the leads sharing a key with the lead checked, instead of
 * a pass over every lead. A store keeps the keys in an indexed table (the JPA store:
 * {@code lk_lead_match_key}), so the check works across application nodes.
 *
 * <pre>{@code
 * store.inTransaction(tx -> {
 *     tx.matchKeys().replace(lead.id(), Set.of("e:egon@example.com", "nt:ego|tes"));
 *     return tx.matchKeys().candidates(Set.of("email:egon@example.com"), 50);
 * });
 * }</pre>
 *
 * @since 0.2
 */
public interface MatchKeyRepository {

    /** The longest key a store keeps, in code points. */
    int MAX_KEY_LENGTH = 300;

    /**
     * The most leads one key contributes to a {@link #candidates} call (those with the smallest
     * ids): a key so common that more leads hold it says little, and reading all of them would
     * make a check cost as much as the key is popular.
     */
    int MAX_PER_KEY = 200;

    /** The most candidates one {@link #candidates} call returns. */
    int MAX_CANDIDATES = 1_000;

    /**
     * Replaces every key of a lead.
     *
     * @param id   the lead
     * @param keys its keys now, each 1 to {@link #MAX_KEY_LENGTH} code points; empty removes all
     * @throws IllegalArgumentException when a key is empty or too long
     */
    void replace(LeadId id, Set<String> keys);

    /**
     * Removes every key of a lead (it was deleted or merged away). Removing none changes nothing.
     *
     * @param id the lead
     */
    void remove(LeadId id);

    /**
     * @param id a lead
     * @return its keys (empty when none are stored)
     */
    Set<String> keys(LeadId id);

    /**
     * The stored leads that share at least one key with {@code keys}: at most {@code limit}, those
     * sharing the most keys first, ties by id.
     * Each key contributes at most its first {@link #MAX_PER_KEY} leads by id. One indexed lookup,
     * with the visibility part of the query, evaluated exactly as for {@link LeadRepository#list}
     * on the {@code limit} best candidates (so fewer may come back).
     *
     * @param keys       the keys of the lead checked; keys longer than {@link #MAX_KEY_LENGTH} match nothing
     * @param visibility which leads the asking actor may see
     * @param limit      1 to {@link #MAX_CANDIDATES}
     * @return the leads, as stored (a lead with keys is never deleted)
     */
    List<Lead> candidates(Set<String> keys, Visibility visibility, int limit);

    /**
     * The candidates of many records at once (requirement I4: an import checks a batch of rows
     * with one lookup, not one per row): for each key, the stored leads holding it — at most
     * {@code perKey} of them, the smallest ids first, filtered by the visibility as in
     * {@link #candidates}. A store answers in one or two round trips; this default asks
     * {@link #candidates} once per key.
     *
     * @param keys       the keys of every record of the batch; keys longer than {@link #MAX_KEY_LENGTH} match nothing
     * @param visibility which leads the asking actor may see
     * @param perKey     1 to {@link #MAX_PER_KEY}
     * @return key to the leads holding it; keys no visible lead holds are absent
     * @since 0.5
     */
    default Map<String, List<Lead>> candidatesByKey(Set<String> keys, Visibility visibility, int perKey) {
        if (perKey < 1 || perKey > MAX_PER_KEY) {
            throw new IllegalArgumentException("perKey must be 1 to " + MAX_PER_KEY + ": " + perKey);
        }
        Map<String, List<Lead>> found = new java.util.HashMap<>();
        for (String key : keys) {
            List<Lead> leads = candidates(Set.of(key), visibility, perKey);
            if (!leads.isEmpty()) {
                found.put(key, leads);
            }
        }
        return found;
    }

    /**
     * {@link #candidatesByKey} without the leads: for each key, the ids of the leads holding it —
     * the same leads, in the same order: of its first {@code perKey} holders by id, those the
     * visibility admits, smallest ids first. A batch check (requirement I4) chooses its few
     * candidates from the ids and then reads only those ({@link LeadRepository#findAll}), instead
     * of reading every holder of every key. A store answers from its key index in one or two
     * round trips per some hundred keys; this default asks {@link #candidatesByKey} and keeps the ids.
     *
     * <pre>{@code
     * Map<String, List<LeadId>> holders = tx.matchKeys().holdersByKey(keys, visibility, 20);
     * }</pre>
     *
     * @param keys       the keys of every record of a batch; keys longer than {@link #MAX_KEY_LENGTH} match nothing
     * @param visibility which leads the asking actor may see
     * @param perKey     1 to {@link #MAX_PER_KEY}
     * @return key to the ids of the leads holding it, ascending; keys no visible lead holds are absent
     * @throws IllegalArgumentException when {@code perKey} is out of range
     * @since 0.5
     */
    default Map<String, List<LeadId>> holdersByKey(Set<String> keys, Visibility visibility, int perKey) {
        Map<String, List<LeadId>> found = new java.util.HashMap<>();
        candidatesByKey(keys, visibility, perKey).forEach((key, leads) -> {
            List<LeadId> ids = new java.util.ArrayList<>(leads.size());
            for (Lead lead : leads) {
                ids.add(lead.id());
            }
            ids.sort(null);
            found.put(key, ids);
        });
        return found;
    }

    /**
     * A page of the non-deleted leads the visibility admits, in id order — what the index is
     * built from and a batch scan reads, block by block, with memory bounded by the page size.
     * The visibility is part of the query, evaluated exactly as for {@link LeadRepository#list}.
     *
     * @param visibility which leads
     * @param afterId    only ids greater than this one, for the next page
     * @param limit      page size, 1 to {@link LeadListing#MAX_LIMIT}
     * @return the page
     */
    List<Lead> page(Visibility visibility, Optional<LeadId> afterId, int limit);
}
