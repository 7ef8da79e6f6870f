package dev.leadkit.dedupe;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The batch scan of requirement D4: reads records, groups them by blocking key, compares the
 * pairs within each block on several threads (each pair once, however many keys it shares) and
 * joins matched pairs into clusters.
 *
 * <p>Clustering is the transitive closure with a guard against chaining: links are taken best
 * first, and a link is left out when it would make a cluster larger than
 * {@link Builder#maxClusterSize}, or when it is below the duplicate threshold and would join a
 * record to a cluster that already has two or more members. So a cluster is split at its weakest
 * links; a pair linked only by a possible-duplicate score stays a cluster of two with decision
 * {@link Decision#POSSIBLE_DUPLICATE}.
 *
 * <p>Before comparing, the scan counts how many records share each full name; a full name shared
 * by many records counts for less (one unit of weight per doubling beyond 16 records, at most 4),
 * so that a common name alone does not make a possible duplicate of every namesake in a large file. A check of one record
 * against a store ({@link CandidateIndex}) does not count names.
 *
 * <p>Each pair is first bounded by cheap comparisons (exact values, one typing error, dates); only a pair that can
 * reach the possible-duplicate threshold is weighed with the string similarities.
 *
 * <p>Blocks larger than {@link Builder#maxBlockSize} (a very common name in a big file) are not
 * compared all against all: their records are sorted by name and each is compared with the next
 * {@link Builder#window} records (sorted neighbourhood). They are counted in
 * {@link ScanSummary#oversizedBlocks()}. Memory: the records are held normalised (a few hundred
 * bytes each) plus one 8-byte entry per blocking key; 1,000,000 records fit in well under 2 GB.
 *
 * <pre>{@code
 * DuplicateScan scan = DuplicateScan.builder(Matcher.of(MatchRules.defaults()))
 *         .listener(p -> log.info("{} {}", p.phase(), p.pairsCompared()))
 *         .build();
 * ScanSummary summary = scan.run(csvRows.iterator(), cluster -> out.write(cluster));
 * }</pre>
 *
 * @since 0.3
 */
public final class DuplicateScan {

    /** Bits of an entry that hold the record's position; the rest hold the key's hash. */
    private static final int SLOT_BITS = 26;
    private static final long SLOT_MASK = (1L << SLOT_BITS) - 1;
    /**
     * Set on a record's key (above the 38 bits of a key's hash) when the key's block is oversized:
     * such keys sort after all others, so the first key two records share is the block that owns them.
     */
    private static final long OVERSIZED = 1L << 62;
    private static final int BATCH = 4096;
    /** Blocks a comparing thread takes at a time; also the unit in which matched pairs are gathered, in block order. */
    private static final int CHUNK = 256;

    private final Matcher matcher;
    private final int maxClusterSize;
    private final int maxBlockSize;
    private final int window;
    private final int threads;
    private final ScanListener listener;

    private DuplicateScan(Builder b) {
        this.matcher = b.matcher;
        this.maxClusterSize = b.maxClusterSize;
        this.maxBlockSize = b.maxBlockSize;
        this.window = b.window;
        this.threads = b.threads;
        this.listener = b.listener;
    }

    /**
     * @param matcher the matcher that names keys and scores pairs
     * @return a builder with defaults: clusters of at most 50, blocks of at most 50 compared in
     *         full, a window of 5, one thread per processor, no listener
     */
    public static Builder builder(Matcher matcher) {
        return new Builder(matcher);
    }

    /**
     * Scans records held in memory and returns every cluster.
     *
     * @param records the records; ids should be unique
     * @return the clusters and counts
     */
    public ScanResult run(Iterable<MatchRecord> records) {
        List<Cluster> clusters = new ArrayList<>();
        ScanSummary summary = run(records.iterator(), clusters::add);
        return new ScanResult(clusters, summary);
    }

    /**
     * Scans records read one by one (for example rows of a file) and hands over each cluster as it
     * is formed, in the order of its first member.
     *
     * @param records  the records; ids should be unique
     * @param clusters receives each cluster, on the calling thread
     * @return the counts
     */
    public ScanSummary run(Iterator<MatchRecord> records, Consumer<Cluster> clusters) {
        Objects.requireNonNull(records, "records");
        Objects.requireNonNull(clusters, "clusters");
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "leadkit-dedupe-scan");
            t.setDaemon(true);
            return t;
        });
        try {
            return new Run(pool).execute(records, clusters);
        } finally {
            pool.shutdownNow();
        }
    }

    /** One scan's state. */
    private final class Run {
        private final ExecutorService pool;
        private final Progress progress;
        private Prepared[] recs = new Prepared[1024];
        private long[][] keys = new long[1024][];
        /** The hash of each record's full name key (see Prepared.fullNameKey), 0 without one. */
        private long[] names = new long[1024];
        private int n;

        Run(ExecutorService pool) {
            this.pool = pool;
            this.progress = new Progress(listener);
        }

        ScanSummary execute(Iterator<MatchRecord> records, Consumer<Cluster> out) {
            read(records);
            progress.phase(ScanProgress.Phase.BLOCKING);
            countNames();
            long[] entries = entries();
            int[][] bounds = blocks(entries);
            int blocks = bounds[0].length;
            // Keys whose blocks are too large to compare in full.
            long[] oversized = oversized(entries, bounds);
            flagOversized(entries, bounds);
            progress.blocks(blocks);
            progress.phase(ScanProgress.Phase.COMPARING);
            Edges edges = compare(entries, bounds);
            entries = null;
            progress.phase(ScanProgress.Phase.CLUSTERING);
            long[] counts = cluster(edges, out);
            progress.phase(ScanProgress.Phase.DONE);
            return new ScanSummary(n, blocks, oversized.length, progress.pairs.get(), edges.size,
                    counts[0], counts[1], counts[2]);
        }

        private void read(Iterator<MatchRecord> records) {
            progress.phase(ScanProgress.Phase.READING);
            List<Future<Object[]>> pending = new ArrayList<>();
            List<MatchRecord> batch = new ArrayList<>(BATCH);
            while (records.hasNext()) {
                batch.add(Objects.requireNonNull(records.next(), "record"));
                if (batch.size() == BATCH) {
                    pending.add(submitPrepare(batch));
                    batch = new ArrayList<>(BATCH);
                    if (pending.size() >= 2 * threads + 2) {
                        collect(pending.remove(0));
                    }
                }
            }
            if (!batch.isEmpty()) {
                pending.add(submitPrepare(batch));
            }
            for (Future<Object[]> f : pending) {
                collect(f);
            }
        }

        private Future<Object[]> submitPrepare(List<MatchRecord> batch) {
            return pool.submit(() -> {
                Prepared[] p = new Prepared[batch.size()];
                long[][] k = new long[batch.size()][];
                long[] names = new long[batch.size()];
                for (int i = 0; i < p.length; i++) {
                    p[i] = matcher.prepare(batch.get(i));
                    k[i] = Keys.hashes(p[i].blockingKeys());
                    for (int j = 0; j < k[i].length; j++) {
                        k[i][j] = k[i][j] >>> SLOT_BITS;
                    }
                    Arrays.sort(k[i]);
                    String name = p[i].fullNameKey();
                    names[i] = name == null ? 0 : Keys.hash(name);
                }
                return new Object[] {p, k, names};
            });
        }

        private void collect(Future<Object[]> f) {
            Object[] r = get(f);
            Prepared[] p = (Prepared[]) r[0];
            long[][] k = (long[][]) r[1];
            long[] nm = (long[]) r[2];
            if (n + p.length > SLOT_MASK) {
                throw new IllegalArgumentException("a scan takes at most " + SLOT_MASK + " records");
            }
            if (n + p.length > recs.length) {
                int cap = Math.max(recs.length * 2, n + p.length);
                recs = Arrays.copyOf(recs, cap);
                keys = Arrays.copyOf(keys, cap);
                names = Arrays.copyOf(names, cap);
            }
            System.arraycopy(p, 0, recs, n, p.length);
            System.arraycopy(k, 0, keys, n, k.length);
            System.arraycopy(nm, 0, names, n, nm.length);
            n += p.length;
            progress.read(n);
        }

        /** Tells each record how many records share its full name (see Matcher.commonNamePenalty). */
        private void countNames() {
            long[] sorted = new long[n];
            int m = 0;
            for (int i = 0; i < n; i++) {
                if (hasFullName(recs[i])) {
                    sorted[m++] = names[i];
                }
            }
            sort(sorted, m);
            int[] run = new int[m];
            for (int j = 0; j < m; ) {
                int k = j + 1;
                while (k < m && sorted[k] == sorted[j]) {
                    k++;
                }
                Arrays.fill(run, j, k, k - j);
                j = k;
            }
            for (int i = 0; i < n; i++) {
                if (hasFullName(recs[i])) {
                    recs[i].nameCount = run[Arrays.binarySearch(sorted, 0, m, names[i])];
                }
            }
            names = null;
        }

        /** One entry per (key, record): the key's hash in the high bits, the record's slot in the low. */
        private long[] entries() {
            long total = 0;
            for (int i = 0; i < n; i++) {
                total += keys[i].length;
            }
            long[] e = new long[Math.toIntExact(total)];
            int at = 0;
            for (int i = 0; i < n; i++) {
                for (long k : keys[i]) {
                    e[at++] = (k << SLOT_BITS) | i;
                }
            }
            sort(e, e.length);
            return e;
        }

        /** The runs of equal keys with two or more records: their starts and (exclusive) ends. */
        private int[][] blocks(long[] e) {
            int[] starts = new int[1024];
            int count = 0;
            int i = 0;
            while (i < e.length) {
                long key = e[i] >>> SLOT_BITS;
                int j = i + 1;
                while (j < e.length && (e[j] >>> SLOT_BITS) == key) {
                    j++;
                }
                if (j - i >= 2) {
                    if (count + 2 > starts.length) {
                        starts = Arrays.copyOf(starts, starts.length * 2);
                    }
                    starts[count++] = i;
                    starts[count++] = j;
                }
                i = j;
            }
            int blocks = count / 2;
            int[][] bounds = {new int[blocks], new int[blocks]};
            for (int b = 0; b < blocks; b++) {
                bounds[0][b] = starts[2 * b];
                bounds[1][b] = starts[2 * b + 1];
            }
            return bounds;
        }

        private long[] oversized(long[] e, int[][] bounds) {
            List<Long> big = new ArrayList<>();
            for (int b = 0; b < bounds[0].length; b++) {
                int from = bounds[0][b];
                int to = bounds[1][b];
                if (to - from > maxBlockSize) {
                    big.add(e[from] >>> SLOT_BITS);
                }
            }
            long[] out = big.stream().mapToLong(Long::longValue).toArray();
            Arrays.sort(out);
            return out;
        }

        /**
         * Marks the keys of oversized blocks with {@link #OVERSIZED} in their members' key lists,
         * which stay sorted (they were sorted as the records were prepared).
         */
        private void flagOversized(long[] e, int[][] bounds) {
            for (int b = 0; b < bounds[0].length; b++) {
                int from = bounds[0][b];
                int to = bounds[1][b];
                if (to - from <= maxBlockSize) {
                    continue;
                }
                long key = e[from] >>> SLOT_BITS;
                for (int x = from; x < to; x++) {
                    long[] k = keys[(int) (e[x] & SLOT_MASK)];
                    for (int j = 0; j < k.length; j++) {
                        if (k[j] == key) {
                            k[j] |= OVERSIZED;
                        }
                    }
                }
            }
            for (int b = 0; b < bounds[0].length; b++) {
                int from = bounds[0][b];
                int to = bounds[1][b];
                if (to - from > maxBlockSize) {
                    for (int x = from; x < to; x++) {
                        Arrays.sort(keys[(int) (e[x] & SLOT_MASK)]);
                    }
                }
            }
        }

        /** Sorts {@code a[0, length)}: in two halves on the pool and merged, when large and the pool has two threads. */
        private void sort(long[] a, int length) {
            if (threads < 2 || length < (1 << 16)) {
                Arrays.sort(a, 0, length);
                return;
            }
            int mid = length >>> 1;
            Future<?> low = pool.submit(() -> Arrays.sort(a, 0, mid));
            Future<?> high = pool.submit(() -> Arrays.sort(a, mid, length));
            get(low);
            get(high);
            long[] left = Arrays.copyOfRange(a, 0, mid);
            int i = 0;
            int j = mid;
            int o = 0;
            while (i < left.length && j < length) {
                a[o++] = left[i] <= a[j] ? left[i++] : a[j++];
            }
            while (i < left.length) {
                a[o++] = left[i++];
            }
        }

        /**
         * Compares the blocks on the pool. Each chunk of blocks gathers its own pairs and the chunks
         * are joined in block order, so the pairs, and hence the clusters, are the same whichever
         * thread compared which chunk.
         */
        private Edges compare(long[] e, int[][] bounds) {
            int blocks = bounds[0].length;
            Edges[] chunks = new Edges[(blocks + CHUNK - 1) / CHUNK];
            AtomicInteger next = new AtomicInteger();
            List<Future<?>> parts = new ArrayList<>();
            double possible = matcher.rules().possibleThreshold();
            for (int t = 0; t < threads; t++) {
                parts.add(pool.submit(() -> {
                    for (int c = next.getAndIncrement(); c < chunks.length; c = next.getAndIncrement()) {
                        int start = c * CHUNK;
                        int stop = Math.min(blocks, start + CHUNK);
                        Edges mine = new Edges(64);
                        long pairs = 0;
                        for (int b = start; b < stop; b++) {
                            pairs += compareBlock(e, bounds[0][b], bounds[1][b], possible, mine);
                        }
                        chunks[c] = mine;
                        progress.compared(stop - start, pairs);
                    }
                }));
            }
            for (Future<?> f : parts) {
                get(f);
            }
            int total = 0;
            for (Edges c : chunks) {
                total += c.size;
            }
            Edges all = new Edges(Math.max(total, 1));
            for (int c = 0; c < chunks.length; c++) {
                all.addAll(chunks[c]);
                chunks[c] = null;
            }
            return all;
        }

        private long compareBlock(long[] e, int from, int to, double possible, Edges out) {
            int size = to - from;
            long key = (e[from] >>> SLOT_BITS) | (size > maxBlockSize ? OVERSIZED : 0);
            long pairs = 0;
            if (size <= maxBlockSize) {
                for (int i = from; i < to; i++) {
                    int a = (int) (e[i] & SLOT_MASK);
                    for (int j = i + 1; j < to; j++) {
                        int b = (int) (e[j] & SLOT_MASK);
                        if (owns(key, a, b)) {
                            pairs++;
                            score(a, b, possible, out);
                        }
                    }
                }
                return pairs;
            }
            // Sorted neighbourhood within an oversized block.
            Integer[] members = new Integer[size];
            for (int i = 0; i < size; i++) {
                members[i] = (int) (e[from + i] & SLOT_MASK);
            }
            java.util.Map<Integer, String> byMember = new java.util.HashMap<>(size * 2);
            for (Integer m : members) {
                byMember.put(m, sortKey(recs[m]));
            }
            Arrays.sort(members, (x, y) -> byMember.get(x).compareTo(byMember.get(y)));
            for (int i = 0; i < size; i++) {
                for (int j = i + 1; j < size && j <= i + window; j++) {
                    int a = members[i];
                    int b = members[j];
                    if (owns(key, a, b)) {
                        pairs++;
                        score(a, b, possible, out);
                    }
                }
            }
            return pairs;
        }

        private void score(int a, int b, double possible, Edges out) {
            if (!matcher.canReach(recs[a], recs[b], possible)) {
                return;
            }
            double s = matcher.score(matcher.weigh(recs[a], recs[b], null));
            if (s >= possible) {
                out.add(Math.min(a, b), Math.max(a, b), (float) s);
            }
        }

        /**
         * Whether block {@code key} owns a pair: the owner is the smallest key both records share
         * among keys compared in full; when they share only oversized keys, the smallest of those.
         * With oversized keys flagged to sort last, that is the first key the two sorted key lists
         * share, so the merge stops at {@code key} at the latest. Comparing a pair only in its
         * owner's block compares it once.
         */
        private boolean owns(long key, int a, int b) {
            long[] ka = keys[a];
            long[] kb = keys[b];
            int i = 0;
            int j = 0;
            while (i < ka.length && j < kb.length) {
                long x = ka[i];
                long y = kb[j];
                if (x < y) {
                    i++;
                } else if (x > y) {
                    j++;
                } else {
                    return x == key;
                }
            }
            return false;
        }

        private long[] cluster(Edges edges, Consumer<Cluster> out) {
            int m = edges.size;
            double dup = matcher.rules().duplicateThreshold();
            // Best first: sort (inverted score bits, edge index).
            long[] order = new long[m];
            for (int i = 0; i < m; i++) {
                long inv = 0xFFFFFFFFL - Float.floatToIntBits(edges.score[i]);
                order[i] = (inv << 32) | i;
            }
            sort(order, order.length);
            UnionFind uf = new UnionFind(n);
            long split = 0;
            for (long o : order) {
                int idx = (int) o;
                int a = edges.a[idx];
                int b = edges.b[idx];
                int ra = uf.find(a);
                int rb = uf.find(b);
                if (ra == rb) {
                    continue;
                }
                boolean strong = edges.score[idx] >= dup;
                int sa = uf.size[ra];
                int sb = uf.size[rb];
                if (sa + sb > maxClusterSize || (!strong && (sa > 1 || sb > 1))) {
                    split++;
                    continue;
                }
                uf.union(ra, rb, strong);
            }
            // Members grouped by root, in read order of their first member.
            int count = 0;
            boolean[] inEdge = new boolean[n];
            for (int i = 0; i < m; i++) {
                inEdge[edges.a[i]] = true;
                inEdge[edges.b[i]] = true;
            }
            long[] memberships = new long[n];
            for (int i = 0; i < n; i++) {
                if (inEdge[i]) {
                    int r = uf.find(i);
                    if (uf.size[r] > 1) {
                        memberships[count++] = ((long) uf.minMember[r] << 32) | i;
                    }
                }
            }
            memberships = Arrays.copyOf(memberships, count);
            sort(memberships, memberships.length);
            // Edges by cluster: sort edge indices by their cluster's first member.
            long[] edgeOrder = new long[m];
            int kept = 0;
            for (int i = 0; i < m; i++) {
                int ra = uf.find(edges.a[i]);
                if (ra == uf.find(edges.b[i])) {
                    edgeOrder[kept++] = ((long) uf.minMember[ra] << 32) | i;
                }
            }
            edgeOrder = Arrays.copyOf(edgeOrder, kept);
            sort(edgeOrder, edgeOrder.length);
            long clusters = 0;
            long duplicates = 0;
            Explained explained = new Explained(edges, edgeOrder);
            int e = 0;
            int i = 0;
            while (i < memberships.length) {
                int first = (int) (memberships[i] >>> 32);
                List<String> ids = new ArrayList<>();
                int j = i;
                while (j < memberships.length && (int) (memberships[j] >>> 32) == first) {
                    ids.add(recs[(int) memberships[j]].id);
                    j++;
                }
                List<Match> pairs = new ArrayList<>();
                while (e < edgeOrder.length && (int) (edgeOrder[e] >>> 32) == first) {
                    pairs.add(explained.at(e));
                    e++;
                }
                pairs.sort(Matcher.BEST_FIRST);
                Decision d = uf.allStrong[uf.find(first)] ? Decision.DUPLICATE : Decision.POSSIBLE_DUPLICATE;
                out.accept(new Cluster(ids, pairs, d));
                clusters++;
                if (d == Decision.DUPLICATE) {
                    duplicates++;
                }
                i = j;
            }
            return new long[] {clusters, duplicates, split};
        }

        /**
         * The explained pairs of the clusters, in cluster order, explained on the pool a window at
         * a time as the clusters are handed over: the explanations (the clustering's main cost) use
         * every thread, and only one window of them is held at once.
         */
        private final class Explained {
            private static final int WINDOW = 1 << 14;
            private final Edges edges;
            private final long[] order;
            private final Match[] window = new Match[WINDOW];
            private int from;
            private int to;

            Explained(Edges edges, long[] order) {
                this.edges = edges;
                this.order = order;
            }

            /** @return the match of the edge at {@code position} in the order; positions are asked for in turn */
            Match at(int position) {
                if (position >= to) {
                    explain(position, Math.min(order.length, position + WINDOW));
                }
                return window[position - from];
            }

            private void explain(int start, int stop) {
                from = start;
                to = stop;
                int slices = Math.min(threads * 4, stop - start);
                List<Future<?>> parts = new ArrayList<>(slices);
                for (int k = 0; k < slices; k++) {
                    int lo = start + (int) ((long) (stop - start) * k / slices);
                    int hi = start + (int) ((long) (stop - start) * (k + 1) / slices);
                    parts.add(pool.submit(() -> {
                        for (int p = lo; p < hi; p++) {
                            int idx = (int) order[p];
                            window[p - start] = matcher.explain(recs[edges.a[idx]], recs[edges.b[idx]]);
                        }
                    }));
                }
                for (Future<?> f : parts) {
                    get(f);
                }
            }
        }
    }

    /**
     * The order of an oversized block: by name, then by what tells namesakes apart (postcode,
     * birth date, house number), so that a window over a block of thousands of records with one
     * common name compares each with the namesakes most like it rather than with arbitrary ones.
     */
    private static boolean hasFullName(Prepared p) {
        return p.first != null && p.last != null;
    }

    private static String sortKey(Prepared p) {
        String a = p.last != null ? p.last : p.company != null ? p.company : p.email != null ? p.email : "";
        StringBuilder k = new StringBuilder(a);
        k.append('\u0000').append(p.first != null ? p.first : "");
        k.append('\u0000').append(p.postcode != null ? p.postcode : "");
        k.append('\u0000').append(p.birthDate != null ? p.birthDate : "");
        k.append('\u0000').append(p.house != null ? p.house : "");
        return k.toString();
    }

    private static <T> T get(Future<T> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("the duplicate scan was interrupted", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException) {
                throw (RuntimeException) cause;
            }
            if (cause instanceof Error) {
                throw (Error) cause;
            }
            throw new IllegalStateException(cause);
        }
    }

    /** Matched pairs as parallel primitive arrays. */
    private static final class Edges {
        int[] a;
        int[] b;
        float[] score;
        int size;

        Edges(int capacity) {
            a = new int[capacity];
            b = new int[capacity];
            score = new float[capacity];
        }

        void add(int x, int y, float s) {
            if (size == a.length) {
                int cap = a.length * 2;
                a = Arrays.copyOf(a, cap);
                b = Arrays.copyOf(b, cap);
                score = Arrays.copyOf(score, cap);
            }
            a[size] = x;
            b[size] = y;
            score[size] = s;
            size++;
        }

        void addAll(Edges o) {
            if (size + o.size > a.length) {
                int cap = Math.max(a.length * 2, size + o.size);
                a = Arrays.copyOf(a, cap);
                b = Arrays.copyOf(b, cap);
                score = Arrays.copyOf(score, cap);
            }
            System.arraycopy(o.a, 0, a, size, o.size);
            System.arraycopy(o.b, 0, b, size, o.size);
            System.arraycopy(o.score, 0, score, size, o.size);
            size += o.size;
        }
    }

    /** Union-find by size with path halving; each root knows its smallest member and whether all its links are strong. */
    private static final class UnionFind {
        final int[] parent;
        final int[] size;
        final int[] minMember;
        final boolean[] allStrong;

        UnionFind(int n) {
            parent = new int[n];
            size = new int[n];
            minMember = new int[n];
            allStrong = new boolean[n];
            for (int i = 0; i < n; i++) {
                parent[i] = i;
                size[i] = 1;
                minMember[i] = i;
                allStrong[i] = true;
            }
        }

        int find(int x) {
            while (parent[x] != x) {
                parent[x] = parent[parent[x]];
                x = parent[x];
            }
            return x;
        }

        void union(int ra, int rb, boolean strong) {
            if (size[ra] < size[rb]) {
                int t = ra;
                ra = rb;
                rb = t;
            }
            parent[rb] = ra;
            size[ra] += size[rb];
            minMember[ra] = Math.min(minMember[ra], minMember[rb]);
            allStrong[ra] = allStrong[ra] && allStrong[rb] && strong;
        }
    }

    /** Counts and reports, at most about once a second per phase plus every phase change. */
    private static final class Progress {
        private final ScanListener listener;
        private volatile ScanProgress.Phase phase = ScanProgress.Phase.READING;
        private volatile long read;
        private final AtomicLong blocksDone = new AtomicLong();
        private volatile long blocksTotal;
        final AtomicLong pairs = new AtomicLong();
        private long lastReport = System.nanoTime();

        Progress(ScanListener listener) {
            this.listener = listener;
        }

        void phase(ScanProgress.Phase p) {
            phase = p;
            report(true);
        }

        void read(long records) {
            read = records;
            report(false);
        }

        void blocks(long total) {
            blocksTotal = total;
        }

        void compared(long blocks, long pairCount) {
            blocksDone.addAndGet(blocks);
            pairs.addAndGet(pairCount);
            report(false);
        }

        private synchronized void report(boolean always) {
            long now = System.nanoTime();
            if (always || now - lastReport >= 1_000_000_000L) {
                lastReport = now;
                listener.progress(new ScanProgress(phase, read, blocksDone.get(), blocksTotal, pairs.get()));
            }
        }
    }

    /** Builds a {@link DuplicateScan}. */
    public static final class Builder {
        private final Matcher matcher;
        private int maxClusterSize = 50;
        private int maxBlockSize = 50;
        private int window = 5;
        private int threads = Runtime.getRuntime().availableProcessors();
        private ScanListener listener = ScanListener.none();

        private Builder(Matcher matcher) {
            this.matcher = Objects.requireNonNull(matcher, "matcher");
        }

        /**
         * @param size the largest cluster the guard lets form, at least 2
         * @return this builder
         */
        public Builder maxClusterSize(int size) {
            if (size < 2) {
                throw new IllegalArgumentException("a cluster holds at least 2 records");
            }
            this.maxClusterSize = size;
            return this;
        }

        /**
         * @param size the largest block compared all against all, at least 2; larger ones use the window
         * @return this builder
         */
        public Builder maxBlockSize(int size) {
            if (size < 2) {
                throw new IllegalArgumentException("a block holds at least 2 records");
            }
            this.maxBlockSize = size;
            return this;
        }

        /**
         * @param size how many following records each record of an oversized block is compared with, at least 1
         * @return this builder
         */
        public Builder window(int size) {
            if (size < 1) {
                throw new IllegalArgumentException("the window is at least 1");
            }
            this.window = size;
            return this;
        }

        /**
         * @param count threads for normalising and comparing, at least 1
         * @return this builder
         */
        public Builder threads(int count) {
            if (count < 1) {
                throw new IllegalArgumentException("a scan needs at least 1 thread");
            }
            this.threads = count;
            return this;
        }

        /**
         * @param listener receives progress reports
         * @return this builder
         */
        public Builder listener(ScanListener listener) {
            this.listener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /** @return the scan, reusable and thread-safe */
        public DuplicateScan build() {
            return new DuplicateScan(this);
        }
    }
}
