package dev.leadkit.dedupe.synthetic;

import dev.leadkit.dedupe.Cluster;
import dev.leadkit.dedupe.Decision;
import dev.leadkit.dedupe.DuplicateScan;
import dev.leadkit.dedupe.ScanResult;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Pairwise precision and recall of a scan against the generator's truth: a predicted pair is two
 * rows in the same cluster; a true pair is two rows of the same original.
 *
 * @param truePairs      pairs of duplicates in the data
 * @param predictedPairs pairs the scan put in one cluster
 * @param correctPairs   pairs both true and predicted
 */
public record Quality(long truePairs, long predictedPairs, long correctPairs) {

    /** @return correct / predicted (1 when nothing is predicted) */
    public double precision() {
        return predictedPairs == 0 ? 1.0 : (double) correctPairs / predictedPairs;
    }

    /** @return correct / true (1 when there is nothing to find) */
    public double recall() {
        return truePairs == 0 ? 1.0 : (double) correctPairs / truePairs;
    }

    /** @return the harmonic mean of precision and recall */
    public double f1() {
        double p = precision();
        double r = recall();
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "precision %.4f recall %.4f F1 %.4f (true %d, predicted %d, correct %d)",
                precision(), recall(), f1(), truePairs, predictedPairs, correctPairs);
    }

    /**
     * @param data          the generated data
     * @param scan          the scan to run over it
     * @param withPossibles whether clusters with decision possible duplicate count as predicted
     * @return the quality
     */
    public static Quality measure(SyntheticData.Dataset data, DuplicateScan scan, boolean withPossibles) {
        ScanResult result = scan.run(data.records());
        return of(data, result.clusters(), withPossibles);
    }

    /**
     * @param data          the generated data
     * @param clusters      a scan's clusters over it
     * @param withPossibles whether clusters with decision possible duplicate count as predicted
     * @return the quality
     */
    public static Quality of(SyntheticData.Dataset data, List<Cluster> clusters, boolean withPossibles) {
        Map<String, Integer> index = new HashMap<>();
        Map<Integer, Integer> clusterSize = new HashMap<>();
        for (int i = 0; i < data.rows.size(); i++) {
            index.put(data.rows.get(i).id, i);
            clusterSize.merge(data.rows.get(i).cluster, 1, Integer::sum);
        }
        long truePairs = 0;
        for (int size : clusterSize.values()) {
            truePairs += (long) size * (size - 1) / 2;
        }
        Set<Long> predicted = new HashSet<>();
        long correct = 0;
        for (Cluster c : clusters) {
            if (c.decision() != Decision.DUPLICATE && !withPossibles) {
                continue;
            }
            List<String> ids = c.ids();
            for (int i = 0; i < ids.size(); i++) {
                for (int j = i + 1; j < ids.size(); j++) {
                    int a = index.get(ids.get(i));
                    int b = index.get(ids.get(j));
                    long key = ((long) Math.min(a, b) << 32) | Math.max(a, b);
                    if (predicted.add(key) && data.rows.get(a).cluster == data.rows.get(b).cluster) {
                        correct++;
                    }
                }
            }
        }
        return new Quality(truePairs, predicted.size(), correct);
    }
}
