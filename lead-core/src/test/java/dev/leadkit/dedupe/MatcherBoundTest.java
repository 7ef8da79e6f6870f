package dev.leadkit.dedupe;

import dev.leadkit.dedupe.synthetic.SyntheticData;
import dev.leadkit.dedupe.synthetic.SyntheticData.Profile;
import dev.leadkit.dedupe.synthetic.SyntheticData.Severity;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The cheap pre-filter of the scan and the check ({@link Matcher#bound}) never drops a pair the
 * full comparison would keep: on generated duplicates (the pairs that matter) and on random pairs
 * of a common name block, the bound is at least the weighed evidence. It must also prune: most
 * non-duplicate pairs of a data set with birth dates and ids are ruled out without a string
 * similarity.
 */
class MatcherBoundTest {

    private static final Matcher MATCHER = Matcher.of(MatchRules.defaults());

    @ParameterizedTest
    @EnumSource(Profile.class)
    void theBoundIsNeverBelowTheWeighedEvidenceOfAPair(Profile profile) {
        SyntheticData.Dataset data = SyntheticData.generate(profile, 1_500, Severity.MODERATE, 77);
        List<MatchRecord> records = data.records();
        List<Prepared> prepared = records.stream().map(MATCHER::prepare).collect(Collectors.toList());
        Map<Integer, List<Integer>> byCluster = new java.util.HashMap<>();
        for (int i = 0; i < data.rows.size(); i++) {
            byCluster.computeIfAbsent(data.rows.get(i).cluster, k -> new ArrayList<>()).add(i);
        }
        List<int[]> pairs = new ArrayList<>();
        for (List<Integer> members : byCluster.values()) {
            for (int x = 0; x < members.size(); x++) {
                for (int y = x + 1; y < members.size(); y++) {
                    pairs.add(new int[] {members.get(x), members.get(y)});
                }
            }
        }
        int duplicatePairs = pairs.size();
        Random rnd = new Random(5);
        for (int i = 0; i < 20_000; i++) {
            pairs.add(new int[] {rnd.nextInt(prepared.size()), rnd.nextInt(prepared.size())});
        }
        int pruned = 0;
        int keptByFullComparison = 0;
        for (int[] p : pairs) {
            Prepared a = prepared.get(p[0]);
            Prepared b = prepared.get(p[1]);
            double weight = MATCHER.weigh(a, b, null);
            assertThat(MATCHER.bound(a, b)).as("bound of %s and %s", a.id, b.id).isGreaterThanOrEqualTo(weight);
            assertThat(MATCHER.bound(b, a)).isGreaterThanOrEqualTo(MATCHER.weigh(b, a, null));
            boolean reach = MATCHER.canReach(a, b, MATCHER.rules().possibleThreshold());
            if (!reach) {
                pruned++;
            }
            if (MATCHER.score(weight) >= MATCHER.rules().possibleThreshold()) {
                keptByFullComparison++;
                assertThat(reach).isTrue();
            }
        }
        assertThat(duplicatePairs).isGreaterThan(300);
        assertThat(keptByFullComparison).isGreaterThan(300);
        if (profile == Profile.PERSONS) {
            assertThat(pruned).as("random person pairs ruled out cheaply").isGreaterThan(19_000);
        }
    }
}
