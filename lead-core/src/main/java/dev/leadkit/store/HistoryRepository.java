package dev.leadkit.store;

import dev.leadkit.activity.HistoryEntry;

import java.util.List;

/**
 * Port: the append-only audit history. There is deliberately no way to change or remove an entry.
 *
 * @since 0.1
 */
public interface HistoryRepository {

    /**
     * Appends an entry and assigns its sequence, greater than every sequence assigned before by
     * this store.
     *
     * @param entry the entry, with sequence 0
     * @return the stored entry with its sequence
     */
    HistoryEntry append(HistoryEntry entry);

    /**
     * @param leadId a lead id
     * @return the lead's entries in sequence order
     */
    List<HistoryEntry> forLead(String leadId);
}
