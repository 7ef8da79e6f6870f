package dev.leadkit.store.memory;

import dev.leadkit.lead.LeadId;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;

/**
 * The committed candidate index of the in-memory store: for each blocking key, the leads that
 * hold it in id order, so "the first n holders of a key" costs n steps, not a sort of all holders.
 *
 * <p>A key held by one lead maps to its id; by a few, to an immutable sorted array replaced on
 * every change (most keys have one to a handful of holders, and an array is small); by more than
 * {@link #ARRAY_MAX}, to a concurrent sorted set changed in place. Writers are serialised by the
 * store's commit lock; readers need no lock and see each key either before or after a change.
 */
final class KeyHolders {

    /** Above this many holders a key's ids live in a concurrent sorted set instead of an array. */
    static final int ARRAY_MAX = 32;

    /** Key → LeadId, LeadId[] (sorted, immutable) or ConcurrentSkipListSet&lt;LeadId&gt;. */
    private final Map<String, Object> holders = new ConcurrentHashMap<>();

    /** Adds a holder of a key; adding one that holds it already changes nothing. Writers only. */
    void add(String key, LeadId id) {
        Object v = holders.get(key);
        if (v == null) {
            holders.put(key, id);
        } else if (v instanceof LeadId) {
            LeadId one = (LeadId) v;
            int c = one.compareTo(id);
            if (c != 0) {
                holders.put(key, c < 0 ? new LeadId[] {one, id} : new LeadId[] {id, one});
            }
        } else if (v instanceof LeadId[]) {
            LeadId[] arr = (LeadId[]) v;
            int at = Arrays.binarySearch(arr, id);
            if (at >= 0) {
                return;
            }
            int insert = -at - 1;
            if (arr.length >= ARRAY_MAX) {
                ConcurrentSkipListSet<LeadId> set = new ConcurrentSkipListSet<>(Arrays.asList(arr));
                set.add(id);
                holders.put(key, set);
                return;
            }
            LeadId[] next = new LeadId[arr.length + 1];
            System.arraycopy(arr, 0, next, 0, insert);
            next[insert] = id;
            System.arraycopy(arr, insert, next, insert + 1, arr.length - insert);
            holders.put(key, next);
        } else {
            set(v).add(id);
        }
    }

    /** Removes a holder of a key; removing one that does not hold it changes nothing. Writers only. */
    void remove(String key, LeadId id) {
        Object v = holders.get(key);
        if (v == null) {
            return;
        }
        if (v instanceof LeadId) {
            if (v.equals(id)) {
                holders.remove(key);
            }
        } else if (v instanceof LeadId[]) {
            LeadId[] arr = (LeadId[]) v;
            int at = Arrays.binarySearch(arr, id);
            if (at < 0) {
                return;
            }
            if (arr.length == 2) {
                holders.put(key, arr[1 - at]);
                return;
            }
            LeadId[] next = new LeadId[arr.length - 1];
            System.arraycopy(arr, 0, next, 0, at);
            System.arraycopy(arr, at + 1, next, at, arr.length - at - 1);
            holders.put(key, next);
        } else {
            NavigableSet<LeadId> set = set(v);
            set.remove(id);
            if (set.size() <= ARRAY_MAX / 2) {
                // Back to an array when it has shrunk well below the switch, so add/remove at the edge does not flip.
                holders.put(key, set.size() == 1 ? set.first() : set.toArray(new LeadId[0]));
            }
        }
    }

    /**
     * @param key a key
     * @return its holders in id order (a snapshot for small keys, weakly consistent for large ones)
     */
    Iterator<LeadId> holders(String key) {
        Object v = holders.get(key);
        if (v == null) {
            return Collections.emptyIterator();
        }
        if (v instanceof LeadId) {
            return List.of((LeadId) v).iterator();
        }
        if (v instanceof LeadId[]) {
            return Arrays.asList((LeadId[]) v).iterator();
        }
        return set(v).iterator();
    }

    /**
     * @param key a key
     * @param n   the most ids wanted
     * @return its first {@code n} holders by id
     */
    List<LeadId> first(String key, int n) {
        List<LeadId> out = new ArrayList<>(Math.min(n, 16));
        for (Iterator<LeadId> it = holders(key); it.hasNext() && out.size() < n; ) {
            out.add(it.next());
        }
        return out;
    }

    /** @return how many keys have a holder */
    int keys() {
        return holders.size();
    }

    @SuppressWarnings("unchecked")
    private static NavigableSet<LeadId> set(Object v) {
        return (NavigableSet<LeadId>) v;
    }
}
