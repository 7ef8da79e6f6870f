package dev.leadkit.store.memory;

import dev.leadkit.activity.FieldChange;
import dev.leadkit.activity.HistoryAction;
import dev.leadkit.activity.HistoryEntry;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A committed history entry as the in-memory store keeps it: the changes flattened into one array
 * of (field, before, after) triples, null where a value is absent, instead of a
 * {@link FieldChange} and two {@code Optional}s per field. A created lead's entry names every set
 * field, so at a million leads this is about 380 MB less heap; the values are the lead's own
 * strings, not copies. The lead id is the key it is kept under.
 */
final class StoredHistory {

    private final long sequence;
    private final Instant at;
    private final String actorId;
    private final HistoryAction action;
    private final String[] changes;

    private StoredHistory(HistoryEntry entry) {
        this.sequence = entry.sequence();
        this.at = entry.at();
        this.actorId = entry.actorId();
        this.action = entry.action();
        List<FieldChange> list = entry.changes();
        this.changes = new String[3 * list.size()];
        for (int i = 0; i < list.size(); i++) {
            FieldChange c = list.get(i);
            changes[3 * i] = c.field();
            changes[3 * i + 1] = c.before().orElse(null);
            changes[3 * i + 2] = c.after().orElse(null);
        }
    }

    /** @return the entry kept compactly */
    static StoredHistory of(HistoryEntry entry) {
        return new StoredHistory(entry);
    }

    /**
     * @param leadId the lead it is kept under
     * @return the entry as appended
     */
    HistoryEntry entry(String leadId) {
        List<FieldChange> list = new ArrayList<>(changes.length / 3);
        for (int i = 0; i < changes.length; i += 3) {
            list.add(FieldChange.of(changes[i], changes[i + 1], changes[i + 2]));
        }
        return new HistoryEntry(sequence, leadId, at, actorId, action, list);
    }
}
