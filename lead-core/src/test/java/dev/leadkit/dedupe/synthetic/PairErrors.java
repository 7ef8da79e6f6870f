package dev.leadkit.dedupe.synthetic;

import dev.leadkit.dedupe.Cluster;
import dev.leadkit.dedupe.Decision;
import dev.leadkit.dedupe.DuplicateScan;
import dev.leadkit.dedupe.FieldScore;
import dev.leadkit.dedupe.Match;
import dev.leadkit.dedupe.MatchField;
import dev.leadkit.dedupe.MatchRecord;
import dev.leadkit.dedupe.MatchRules;
import dev.leadkit.dedupe.Matcher;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Tuning aid on the tuning seeds only (1–10): runs the scan at one threshold, and prints the false
 * positive and false negative pairs grouped by which fields agreed (weight above zero) in their
 * direct comparison, largest groups first, with a few examples each, and the pooled precision and
 * recall. A false positive whose two rows were not compared directly (joined through a third row)
 * is grouped as "transitive".
 *
 * <pre>
 * java -cp lead-core/target/classes:lead-core/target/test-classes:$(cat lead-core/target/cp.txt) \
 *     dev.leadkit.dedupe.synthetic.PairErrors LEADS possible 3000 1 10 2
 * </pre>
 */
public final class PairErrors {

    private PairErrors() {
    }

    /** @param args profile, threshold (duplicate|possible), originals, first seed, last seed, examples per group */
    public static void main(String[] args) {
        SyntheticData.Profile profile = SyntheticData.Profile.valueOf(args.length > 0 ? args[0] : "LEADS");
        boolean possibles = !(args.length > 1 && args[1].equals("duplicate"));
        int originals = args.length > 2 ? Integer.parseInt(args[2]) : 3000;
        int from = args.length > 3 ? Integer.parseInt(args[3]) : 1;
        int to = args.length > 4 ? Integer.parseInt(args[4]) : 10;
        int show = args.length > 5 ? Integer.parseInt(args[5]) : 2;
        if (from < 1 || to > 10) {
            throw new IllegalArgumentException("tuning seeds only (1-10)");
        }
        Matcher matcher = Matcher.of(MatchRules.defaults());
        DuplicateScan scan = DuplicateScan.builder(matcher).build();
        Map<String, List<String>> fps = new TreeMap<>();
        Map<String, List<String>> fns = new TreeMap<>();
        long truePairs = 0;
        long predicted = 0;
        long correct = 0;
        for (int seed = from; seed <= to; seed++) {
            SyntheticData.Dataset d = SyntheticData.generate(profile, originals, SyntheticData.Severity.MODERATE, seed);
            List<Cluster> clusters = scan.run(d.records()).clusters();
            Quality q = Quality.of(d, clusters, possibles);
            System.out.println(profile + " seed " + seed + (possibles ? " possible: " : " duplicate: ") + q);
            truePairs += q.truePairs();
            predicted += q.predictedPairs();
            correct += q.correctPairs();
            Map<String, SyntheticData.Row> rows = new HashMap<>();
            Map<String, MatchRecord> recs = new HashMap<>();
            List<MatchRecord> all = d.records();
            for (int i = 0; i < d.rows.size(); i++) {
                rows.put(d.rows.get(i).id, d.rows.get(i));
                recs.put(d.rows.get(i).id, all.get(i));
            }
            Map<String, Integer> clusterOf = new HashMap<>();
            int n = 0;
            for (Cluster c : clusters) {
                if (c.decision() != Decision.DUPLICATE && !possibles) {
                    continue;
                }
                n++;
                Map<String, Match> direct = new HashMap<>();
                for (Match m : c.pairs()) {
                    direct.put(m.id() + "|" + m.otherId(), m);
                    direct.put(m.otherId() + "|" + m.id(), m);
                }
                List<String> ids = c.ids();
                for (int i = 0; i < ids.size(); i++) {
                    clusterOf.put(ids.get(i), n);
                    for (int j = i + 1; j < ids.size(); j++) {
                        SyntheticData.Row a = rows.get(ids.get(i));
                        SyntheticData.Row b = rows.get(ids.get(j));
                        if (a.cluster != b.cluster) {
                            Match m = direct.get(a.id + "|" + b.id);
                            String group = m == null ? "transitive" : signature(m);
                            if (m == null) {
                                m = matcher.compare(recs.get(a.id), recs.get(b.id));
                            }
                            fps.computeIfAbsent(group, k -> new ArrayList<>()).add(describe(m, a, b));
                        }
                    }
                }
            }
            Map<Integer, List<SyntheticData.Row>> truth = new HashMap<>();
            for (SyntheticData.Row r : d.rows) {
                truth.computeIfAbsent(r.cluster, k -> new ArrayList<>()).add(r);
            }
            for (List<SyntheticData.Row> group : truth.values()) {
                for (int i = 0; i < group.size(); i++) {
                    for (int j = i + 1; j < group.size(); j++) {
                        SyntheticData.Row a = group.get(i);
                        SyntheticData.Row b = group.get(j);
                        Integer ca = clusterOf.get(a.id);
                        if (ca == null || !ca.equals(clusterOf.get(b.id))) {
                            Match m = matcher.compare(recs.get(a.id), recs.get(b.id));
                            fns.computeIfAbsent(signature(m), k -> new ArrayList<>()).add(describe(m, a, b));
                        }
                    }
                }
            }
        }
        System.out.println();
        print("FALSE POSITIVES", fps, show);
        print("FALSE NEGATIVES", fns, show);
        Quality pooled = new Quality(truePairs, predicted, correct);
        System.out.println(String.format(Locale.ROOT, "%s seeds %d-%d at %s, pooled: %s", profile, from, to,
                possibles ? "possible" : "duplicate", pooled));
    }

    private static final Set<MatchField> NAMES = EnumSet.of(MatchField.FIRST_NAME, MatchField.MIDDLE_NAME,
            MatchField.LAST_NAME, MatchField.FULL_NAME);

    /** The fields that agreed (weight above zero), names first, e.g. "names+EMAIL+CITY". */
    private static String signature(Match m) {
        StringBuilder names = new StringBuilder();
        StringBuilder rest = new StringBuilder();
        for (FieldScore f : m.explanation().fields()) {
            if (f.weight() <= 0) {
                continue;
            }
            if (NAMES.contains(f.field())) {
                if (names.indexOf(f.field().name()) < 0) {
                    names.append(names.length() == 0 ? "" : ",").append(f.field().name());
                }
            } else {
                rest.append('+').append(f.field().name());
            }
        }
        return (names.length() == 0 ? "no-names" : names.toString()) + rest;
    }

    private static String describe(Match m, SyntheticData.Row a, SyntheticData.Row b) {
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "  %.3f %s %s%n", m.score(),
                m.explanation().rule(), b.corruptions.isEmpty() ? a.corruptions : b.corruptions));
        for (FieldScore f : m.explanation().fields()) {
            s.append(String.format(Locale.ROOT, "      %s %s %.2f -> %.2f%n", f.field(), f.comparator(), f.similarity(),
                    f.weight()));
        }
        s.append("    ").append(a.columns).append("\n    ").append(b.columns);
        return s.toString();
    }

    private static void print(String title, Map<String, List<String>> groups, int show) {
        int total = groups.values().stream().mapToInt(List::size).sum();
        System.out.println("== " + title + ": " + total);
        groups.entrySet().stream()
                .sorted((x, y) -> Integer.compare(y.getValue().size(), x.getValue().size()))
                .forEach(e -> {
                    System.out.println(String.format(Locale.ROOT, "-- %5d  %s", e.getValue().size(), e.getKey()));
                    for (int i = 0; i < Math.min(show, e.getValue().size()); i++) {
                        System.out.println(e.getValue().get(i));
                    }
                });
        System.out.println();
    }
}
