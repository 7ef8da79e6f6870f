package dev.leadkit.dedupe;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.BiPredicate;

/**
 * The heap index: records by id, and per blocking key (as a 64-bit hash) the records that have
 * it. A key held by one record maps to that record directly, to save the array.
 */
final class InMemoryCandidateIndex implements CandidateIndex {

    private final Matcher matcher;
    private final int maxRecordsPerKey;
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final Map<String, Entry> byId = new HashMap<>();
    /** Key hash → Prepared or Prepared[] (trailing nulls unused). */
    private final Map<Long, Object> postings = new HashMap<>();

    private static final class Entry {
        final Prepared record;
        final long[] keys;

        Entry(Prepared record, long[] keys) {
            this.record = record;
            this.keys = keys;
        }
    }

    InMemoryCandidateIndex(Matcher matcher, int maxRecordsPerKey) {
        this.matcher = Objects.requireNonNull(matcher, "matcher");
        if (maxRecordsPerKey < 1) {
            throw new IllegalArgumentException("the records per key cap is at least 1");
        }
        this.maxRecordsPerKey = maxRecordsPerKey;
    }

    @Override
    public void put(MatchRecord record) {
        Prepared p = matcher.prepare(Objects.requireNonNull(record, "record"));
        long[] keys = Keys.hashes(p.blockingKeys());
        lock.writeLock().lock();
        try {
            Entry old = byId.remove(p.id);
            if (old != null) {
                unlink(old);
            }
            Entry e = new Entry(p, keys);
            byId.put(p.id, e);
            for (long k : keys) {
                postings.merge(k, p, InMemoryCandidateIndex::add);
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    private static Object add(Object existing, Object value) {
        Prepared p = (Prepared) value;
        if (existing instanceof Prepared) {
            return new Prepared[] {(Prepared) existing, p};
        }
        Prepared[] arr = (Prepared[]) existing;
        int n = length(arr);
        if (n == arr.length) {
            arr = java.util.Arrays.copyOf(arr, n + (n >> 1) + 1);
        }
        arr[n] = p;
        return arr;
    }

    private static int length(Prepared[] arr) {
        int n = arr.length;
        while (n > 0 && arr[n - 1] == null) {
            n--;
        }
        return n;
    }

    @Override
    public boolean remove(String id) {
        Objects.requireNonNull(id, "id");
        lock.writeLock().lock();
        try {
            Entry old = byId.remove(id);
            if (old == null) {
                return false;
            }
            unlink(old);
            return true;
        } finally {
            lock.writeLock().unlock();
        }
    }

    private void unlink(Entry e) {
        for (long k : e.keys) {
            Object v = postings.get(k);
            if (v == e.record) {
                postings.remove(k);
            } else if (v instanceof Prepared[]) {
                Prepared[] arr = (Prepared[]) v;
                int n = length(arr);
                List<Prepared> kept = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    if (arr[i] != e.record) {
                        kept.add(arr[i]);
                    }
                }
                if (kept.size() == 1) {
                    postings.put(k, kept.get(0));
                } else if (kept.isEmpty()) {
                    postings.remove(k);
                } else {
                    postings.put(k, kept.toArray(new Prepared[0]));
                }
            }
        }
    }

    @Override
    public List<Match> matches(MatchRecord record, BiPredicate<String, String> notDuplicate) {
        Objects.requireNonNull(notDuplicate, "notDuplicate");
        Prepared p = matcher.prepare(Objects.requireNonNull(record, "record"));
        long[] keys = Keys.hashes(p.blockingKeys());
        Map<Prepared, Boolean> seen = new IdentityHashMap<>();
        List<Prepared> candidates = new ArrayList<>();
        lock.readLock().lock();
        try {
            for (long k : keys) {
                Object v = postings.get(k);
                if (v instanceof Prepared) {
                    take((Prepared) v, p, seen, candidates);
                } else if (v != null) {
                    Prepared[] arr = (Prepared[]) v;
                    int n = length(arr);
                    if (n > maxRecordsPerKey) {
                        continue;
                    }
                    for (int i = 0; i < n; i++) {
                        take(arr[i], p, seen, candidates);
                    }
                }
            }
        } finally {
            lock.readLock().unlock();
        }
        candidates.removeIf(c -> notDuplicate.test(p.id, c.id));
        return matcher.rankPrepared(p, candidates);
    }

    private static void take(Prepared c, Prepared p, Map<Prepared, Boolean> seen, List<Prepared> out) {
        if (!c.id.equals(p.id) && seen.put(c, Boolean.TRUE) == null) {
            out.add(c);
        }
    }

    @Override
    public int size() {
        lock.readLock().lock();
        try {
            return byId.size();
        } finally {
            lock.readLock().unlock();
        }
    }
}
