package dev.leadkit.dedupe;

import java.util.List;
import java.util.function.BiPredicate;

/**
 * Finds the records that may duplicate a given one, by blocking key, and scores them
 * (requirement D3's checks rest on it). Kept current by the caller on create, update, delete and
 * merge: {@link #put} on create and update, {@link #remove} on delete, both on merge (remove the
 * merged-away record, put the survivor).
 *
 * <p>Implementations are thread-safe: checks may run while records are put and removed.
 * {@link #inMemory(Matcher)} holds everything on the heap; a store may implement this port with a
 * table of {@link Matcher#blockingKeys} so a check is one indexed query.
 *
 * <pre>{@code
 * CandidateIndex index = CandidateIndex.inMemory(Matcher.of(MatchRules.defaults()));
 * leads.forEach(l -> index.put(MatchRecord.from(l)));
 * List<Match> found = index.matches(MatchRecord.from(draftAsLead), (a, b) -> decisions.distinct(a, b));
 * }</pre>
 *
 * @since 0.3
 */
public interface CandidateIndex {

    /**
     * @param matcher the matcher that names keys and scores candidates
     * @return an empty in-memory index; a key shared by more than 500 records is not used for
     *         candidates (the record's other keys still are)
     */
    static CandidateIndex inMemory(Matcher matcher) {
        return new InMemoryCandidateIndex(matcher, 500);
    }

    /**
     * @param matcher          the matcher that names keys and scores candidates
     * @param maxRecordsPerKey a key shared by more records than this does not yield candidates
     * @return an empty in-memory index
     */
    static CandidateIndex inMemory(Matcher matcher, int maxRecordsPerKey) {
        return new InMemoryCandidateIndex(matcher, maxRecordsPerKey);
    }

    /**
     * Adds a record, or replaces the record with the same id.
     *
     * @param record the record
     */
    void put(MatchRecord record);

    /**
     * @param id a record id
     * @return whether a record with that id was indexed (and is now removed)
     */
    boolean remove(String id);

    /**
     * @param record a record, indexed or not
     * @return the indexed records that match it at or above the possible-duplicate threshold,
     *         best first, the record's own id excluded
     */
    default List<Match> matches(MatchRecord record) {
        return matches(record, (a, b) -> false);
    }

    /**
     * @param record       a record, indexed or not
     * @param notDuplicate pairs a user declared distinct, as (record id, indexed id): left out
     * @return the indexed records that match it at or above the possible-duplicate threshold,
     *         best first, the record's own id and the declared-distinct ones excluded
     */
    List<Match> matches(MatchRecord record, BiPredicate<String, String> notDuplicate);

    /** @return how many records are indexed */
    int size();
}
