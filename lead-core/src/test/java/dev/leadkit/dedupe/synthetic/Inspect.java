package dev.leadkit.dedupe.synthetic;

import dev.leadkit.dedupe.Cluster;
import dev.leadkit.dedupe.Decision;
import dev.leadkit.dedupe.DuplicateScan;
import dev.leadkit.dedupe.MatchRecord;
import dev.leadkit.dedupe.MatchRules;
import dev.leadkit.dedupe.Matcher;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Tuning aid on seed 1..10 data: prints false positives and false negatives with their explanations. */
public final class Inspect {

    private Inspect() {
    }

    /** @param args profile, originals, seed, how many to print */
    public static void main(String[] args) {
        SyntheticData.Profile profile = SyntheticData.Profile.valueOf(args[0]);
        int originals = Integer.parseInt(args[1]);
        long seed = Long.parseLong(args[2]);
        int show = Integer.parseInt(args[3]);
        if (seed > 10) {
            throw new IllegalArgumentException("inspect tuning seeds only (1-10)");
        }
        SyntheticData.Dataset d = SyntheticData.generate(profile, originals, SyntheticData.Severity.MODERATE, seed);
        Matcher matcher = Matcher.of(MatchRules.defaults());
        List<Cluster> clusters = DuplicateScan.builder(matcher).build().run(d.records()).clusters();
        Map<String, SyntheticData.Row> rows = new HashMap<>();
        Map<String, MatchRecord> recs = new HashMap<>();
        List<MatchRecord> all = d.records();
        for (int i = 0; i < d.rows.size(); i++) {
            rows.put(d.rows.get(i).id, d.rows.get(i));
            recs.put(d.rows.get(i).id, all.get(i));
        }
        Map<String, String> clusterOf = new HashMap<>();
        int fp = 0;
        for (Cluster c : clusters) {
            if (c.decision() != Decision.DUPLICATE) {
                continue;
            }
            for (String id : c.ids()) {
                clusterOf.put(id, c.ids().get(0));
            }
            for (var m : c.pairs()) {
                if (rows.get(m.id()).cluster != rows.get(m.otherId()).cluster && fp++ < show) {
                    System.out.println("FP " + m.score() + " " + m.explanation());
                    System.out.println("   " + rows.get(m.id()).columns + "\n   " + rows.get(m.otherId()).columns);
                }
            }
        }
        Map<Integer, List<String>> truth = new HashMap<>();
        for (SyntheticData.Row r : d.rows) {
            truth.computeIfAbsent(r.cluster, k -> new java.util.ArrayList<>()).add(r.id);
        }
        int fn = 0;
        for (List<String> ids : truth.values()) {
            for (int i = 0; i < ids.size(); i++) {
                for (int j = i + 1; j < ids.size(); j++) {
                    String a = ids.get(i);
                    String b = ids.get(j);
                    if ((clusterOf.get(a) == null || !clusterOf.get(a).equals(clusterOf.get(b))) && fn++ < show) {
                        var m = matcher.compare(recs.get(a), recs.get(b));
                        System.out.println("FN " + m.score() + " " + rows.get(b).corruptions + " " + m.explanation());
                        System.out.println("   " + rows.get(a).columns + "\n   " + rows.get(b).columns);
                    }
                }
            }
        }
        System.out.println("FP " + fp + " FN " + fn);
    }
}
