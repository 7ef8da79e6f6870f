package dev.leadkit.dedupe.synthetic;

import dev.leadkit.dedupe.DuplicateScan;
import dev.leadkit.dedupe.MatchRules;
import dev.leadkit.dedupe.Matcher;

/** Tuning run on seeds 1–10 (never the reporting seeds): prints quality per profile and kind. */
public final class Tune {

    private Tune() {
    }

    /**
     * @param args [originals] [seeds]
     */
    public static void main(String[] args) {
        int originals = args.length > 0 ? Integer.parseInt(args[0]) : 3000;
        int seeds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        DuplicateScan scan = DuplicateScan.builder(Matcher.of(MatchRules.defaults())).build();
        for (SyntheticData.Profile p : SyntheticData.Profile.values()) {
            for (int seed = 1; seed <= seeds; seed++) {
                SyntheticData.Dataset d = SyntheticData.generate(p, originals, SyntheticData.Severity.MODERATE, seed);
                System.out.println(p + " seed " + seed + " moderate: " + Quality.measure(d, scan, false)
                        + " | with possibles " + Quality.measure(d, scan, true));
            }
            for (Corruption k : SyntheticData.kinds(p)) {
                SyntheticData.Dataset d = SyntheticData.generateWith(p, originals, k, 1);
                System.out.println(p + " " + k + ": " + Quality.measure(d, scan, false));
            }
        }
    }
}
