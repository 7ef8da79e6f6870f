package dev.leadkit.dedupe;

import dev.leadkit.lead.Lead;
import dev.leadkit.lead.LeadId;
import dev.leadkit.store.LeadListing;
import dev.leadkit.store.Store;
import dev.leadkit.store.StoreTransaction;
import dev.leadkit.store.Visibility;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;

/**
 * Duplicate checks of many records at once — a batch of import rows (requirement I4): the
 * blocking keys of every record of the batch go to the store's candidate index in ONE
 * {@link dev.leadkit.store.MatchKeyRepository#holdersByKey} call, which names the holders of each
 * key by id; each record's candidates are chosen on those ids, the chosen stored leads are read by
 * id ({@link dev.leadkit.store.LeadRepository#findAll}, in the same transaction), and each record
 * is scored against them and against the earlier records of the same batch, so two duplicates in
 * the same file are found as well. Nothing is stored.
 *
 * <p>To keep the cost of a record bounded whatever the data, each key contributes at most
 * {@value #PER_KEY} stored leads (those with the smallest ids), a candidate must share at least
 * {@value #MIN_SHARED} keys with the record or one rare key (held by at most {@value #RARE}
 * others), and at most {@value #PER_RECORD} candidates are scored per record — those whose
 * shared keys weigh most, each key weighing one over its number of holders, so that a candidate
 * sharing a rare e-mail key beats namesakes sharing several common name keys. A check can therefore miss a pair that the single-lead check of
 * {@link DuplicateService#check} would find through one common key.
 *
 * <p>A dry run stores nothing, so later batches would not see this batch's rows:
 * {@link #remember} keeps records on the heap as if they were stored, and later checks find them.
 * One instance per import, used by one thread at a time; a big batch is checked on several threads
 * of the common fork-join pool.
 *
 * <pre>{@code
 * BatchCheck check = kit.duplicates().batchCheck(admin, Matcher.of(MatchRules.defaults()));
 * List<List<Match>> found = check.check(rows);   // per row, best first
 * }</pre>
 *
 * @since 0.5
 */
public final class BatchCheck {

    /** The most stored leads one key contributes. */
    static final int PER_KEY = 20;
    /** The most candidates one record is scored against. */
    static final int PER_RECORD = 20;
    /** A key held by at most this many other leads and records is rare: sharing it alone makes a candidate. */
    static final int RARE = 4;
    /** A candidate shares at least this many keys with the record, or one rare key. */
    static final int MIN_SHARED = 2;
    /** Batches at least this large are prepared and checked on several threads. */
    private static final int PARALLEL_FROM = 256;

    private final Store store;
    private final Visibility visibility;
    private final Matcher keys;
    private final Matcher scoring;
    private final boolean sameKeys;
    /** Records remembered as if stored (a dry run), by key. */
    private final Map<String, List<Prepared>> remembered = new HashMap<>();

    BatchCheck(Store store, Visibility visibility, Matcher keys, Matcher scoring) {
        this.store = Objects.requireNonNull(store, "store");
        this.visibility = Objects.requireNonNull(visibility, "visibility");
        this.keys = Objects.requireNonNull(keys, "keys");
        this.scoring = Objects.requireNonNull(scoring, "scoring");
        MatchRules a = keys.rules();
        MatchRules b = scoring.rules();
        this.sameKeys = a == b || a.emailProviderRules() == b.emailProviderRules()
                && a.defaultRegion().equals(b.defaultRegion());
    }

    /** A record of the batch, prepared once. */
    private static final class Row {
        final Prepared prepared;
        final List<String> keys;

        Row(Prepared prepared, List<String> keys) {
            this.prepared = prepared;
            this.keys = keys;
        }
    }

    /** A candidate of one record, with how many keys it shares with it. */
    private static final class Candidate {
        final Object ref;
        int shared;
        boolean rare;
        /** The keys shared, each weighing 1 / its holders: a rare key says more than a common one. */
        double weight;

        Candidate(Object ref) {
            this.ref = ref;
        }
    }

    /**
     * Checks a batch: one lookup in the store's candidate index for all of it.
     *
     * @param records the batch's records, with ids unique in the batch and unlike stored lead ids
     *                (an import uses {@code row:N})
     * @return per record, in the same order, its matches at or above the possible-duplicate
     *         threshold, best first: stored leads the actor may view ({@link Match#otherId()} a
     *         lead id), earlier records of the batch and remembered records (their record ids)
     */
    public List<List<Match>> check(List<MatchRecord> records) {
        Objects.requireNonNull(records, "records");
        List<Row> rows = prepare(records);
        Set<String> all = new LinkedHashSet<>();
        for (Row r : rows) {
            all.addAll(r.keys);
        }
        Map<String, List<Integer>> inBatch = new HashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            for (String k : rows.get(i).keys) {
                inBatch.computeIfAbsent(k, x -> new ArrayList<>(2)).add(i);
            }
        }
        boolean parallel = rows.size() >= PARALLEL_FROM;
        // The candidates are chosen on the holders' ids; only the chosen stored leads are read, in
        // the same transaction — a fraction of the holders (each key contributes up to PER_KEY of them).
        List<List<Candidate>> chosen = new ArrayList<>();
        Map<LeadId, Lead> leads = store.inTransaction(tx -> {
            chosen.clear();
            Map<String, List<LeadId>> stored = all.isEmpty() ? Map.of()
                    : tx.matchKeys().holdersByKey(all, visibility, PER_KEY);
            IntStream range = IntStream.range(0, rows.size());
            chosen.addAll((parallel ? range.parallel() : range).mapToObj(i -> choose(i, rows, stored, inBatch)).toList());
            return read(tx, chosen);
        });
        Map<LeadId, Prepared> preparedLeads = new ConcurrentHashMap<>();
        (leads.size() >= PARALLEL_FROM ? leads.values().parallelStream() : leads.values().stream())
                .forEach(l -> preparedLeads.put(l.id(), scoring.prepare(MatchRecord.from(l))));
        IntStream range = IntStream.range(0, rows.size());
        return (parallel ? range.parallel() : range)
                .mapToObj(i -> rank(rows.get(i), chosen.get(i), preparedLeads)).toList();
    }

    /** @return a record's candidates: those sharing enough keys, at most {@value #PER_RECORD}, the weightiest */
    private List<Candidate> choose(int i, List<Row> rows, Map<String, List<LeadId>> stored,
                                   Map<String, List<Integer>> inBatch) {
        Row row = rows.get(i);
        Map<Object, Candidate> found = new HashMap<>(64);
        for (String k : row.keys) {
            List<LeadId> leads = stored.getOrDefault(k, List.of());
            List<Integer> others = inBatch.getOrDefault(k, List.of());
            List<Prepared> kept = remembered.getOrDefault(k, List.of());
            int holders = leads.size() + others.size() - 1 + kept.size();
            boolean rare = holders <= RARE;
            double weight = 1.0 / Math.max(1, holders);
            for (LeadId lead : leads) {
                take(found, lead, lead, rare, weight);
            }
            int taken = 0;
            for (int j : others) {
                if (j >= i || taken++ >= PER_KEY) {
                    break;
                }
                take(found, j, rows.get(j).prepared, rare, weight);
            }
            for (int n = 0; n < kept.size() && n < PER_KEY; n++) {
                take(found, kept.get(n), kept.get(n), rare, weight);
            }
        }
        if (found.isEmpty()) {
            return List.of();
        }
        List<Candidate> chosen = new ArrayList<>();
        for (Candidate c : found.values()) {
            if (c.shared >= MIN_SHARED || c.rare) {
                chosen.add(c);
            }
        }
        if (chosen.size() > PER_RECORD) {
            chosen.sort((a, b) -> a.weight != b.weight ? Double.compare(b.weight, a.weight)
                    : a.shared != b.shared ? Integer.compare(b.shared, a.shared) : id(a).compareTo(id(b)));
            chosen = chosen.subList(0, PER_RECORD);
        }
        return chosen;
    }

    /**
     * @return the stored leads among the chosen candidates, read by id
     *         ({@value LeadListing#MAX_LIMIT} per call); a lead deleted meanwhile is left out
     */
    private static Map<LeadId, Lead> read(StoreTransaction tx, List<List<Candidate>> chosen) {
        Set<LeadId> wanted = new TreeSet<>();
        for (List<Candidate> cs : chosen) {
            for (Candidate c : cs) {
                if (c.ref instanceof LeadId) {
                    wanted.add((LeadId) c.ref);
                }
            }
        }
        if (wanted.isEmpty()) {
            return Map.of();
        }
        List<LeadId> ids = new ArrayList<>(wanted);
        Map<LeadId, Lead> leads = new HashMap<>();
        for (int from = 0; from < ids.size(); from += LeadListing.MAX_LIMIT) {
            tx.leads().findAll(ids.subList(from, Math.min(ids.size(), from + LeadListing.MAX_LIMIT))).forEach((id, l) -> {
                if (!l.isDeleted()) {
                    leads.put(id, l);
                }
            });
        }
        return leads;
    }

    private List<Match> rank(Row row, List<Candidate> chosen, Map<LeadId, Prepared> preparedLeads) {
        if (chosen.isEmpty()) {
            return List.of();
        }
        List<Prepared> candidates = new ArrayList<>(chosen.size());
        for (Candidate c : chosen) {
            Prepared p = c.ref instanceof LeadId ? preparedLeads.get((LeadId) c.ref) : (Prepared) c.ref;
            if (p != null && !p.id.equals(row.prepared.id)) {
                candidates.add(p);
            }
        }
        return scoring.rankPrepared(row.prepared, candidates);
    }

    private static String id(Candidate c) {
        return c.ref instanceof LeadId ? ((LeadId) c.ref).value() : ((Prepared) c.ref).id;
    }

    private static void take(Map<Object, Candidate> found, Object identity, Object ref, boolean rare, double weight) {
        Candidate c = found.computeIfAbsent(identity, x -> new Candidate(ref));
        c.shared++;
        c.rare |= rare;
        c.weight += weight;
    }

    /**
     * Keeps records as if they were stored, so later {@link #check} calls find them — what a dry
     * run does with the rows it would have created. They stay on the heap until this check is dropped.
     *
     * @param records records checked before
     */
    public void remember(Collection<MatchRecord> records) {
        Objects.requireNonNull(records, "records");
        for (Row r : prepare(new ArrayList<>(records))) {
            for (String k : r.keys) {
                remembered.computeIfAbsent(k, x -> new ArrayList<>(1)).add(r.prepared);
            }
        }
    }

    private List<Row> prepare(List<MatchRecord> records) {
        Row[] rows = new Row[records.size()];
        IntStream range = IntStream.range(0, rows.length);
        (rows.length >= PARALLEL_FROM ? range.parallel() : range).forEach(i -> rows[i] = row(records.get(i)));
        return List.of(rows);
    }

    private Row row(MatchRecord record) {
        Prepared p = scoring.prepare(Objects.requireNonNull(record, "record"));
        List<String> k = sameKeys ? p.blockingKeys() : keys.prepare(record).blockingKeys();
        List<String> cut = new ArrayList<>(k.size());
        for (String key : k) {
            cut.add(key.length() > 300 ? key.substring(0, 300) : key);
        }
        return new Row(p, cut);
    }
}
