package dev.leadkit.benchmarks;

import dev.leadkit.dedupe.CandidateIndex;
import dev.leadkit.dedupe.DuplicateScan;
import dev.leadkit.dedupe.MatchRecord;
import dev.leadkit.dedupe.MatchRules;
import dev.leadkit.dedupe.Matcher;
import dev.leadkit.dedupe.ScanSummary;
import dev.leadkit.dedupe.synthetic.SyntheticData;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;

/**
 * K7 speed: one duplicate check against an in-memory index of N leads (median and 99th
 * percentile), and the in-process batch scan of N records (wall time, peak heap).
 *
 * <pre>
 * java -Xmx4g -cp … dev.leadkit.benchmarks.DedupeBenchmark check [records] [profile]
 * java -Xmx4g -cp … dev.leadkit.benchmarks.DedupeBenchmark scan  [records] [profile]
 * </pre>
 * Records come from the synthetic generator (lead-core test-jar) in chunks of 7,000 originals,
 * seeds 5001, 5002, …, with moderate corruption.
 */
public final class DedupeBenchmark {

    private DedupeBenchmark() {
    }

    /**
     * @param args mode ("check" or "scan"), record count (default 1,000,000), profile (LEADS or PERSONS)
     */
    public static void main(String[] args) {
        String mode = args.length > 0 ? args[0] : "check";
        int records = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        SyntheticData.Profile profile = args.length > 2 ? SyntheticData.Profile.valueOf(args[2]) : SyntheticData.Profile.LEADS;
        System.out.printf(Locale.ROOT, "K7 %s, %,d %s records, %d processors, max heap %,d MB%n", mode, records, profile,
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
        if (mode.equals("check")) {
            check(records, profile);
        } else {
            scan(records, profile);
        }
    }

    private static void check(int records, SyntheticData.Profile profile) {
        Matcher matcher = Matcher.of(MatchRules.defaults());
        CandidateIndex index = CandidateIndex.inMemory(matcher);
        List<MatchRecord> queries = new ArrayList<>();
        long t0 = System.nanoTime();
        Chunks chunks = new Chunks(profile, records);
        int i = 0;
        while (chunks.hasNext()) {
            MatchRecord r = chunks.next();
            // One record in a hundred is held back as a query: new to the index, often with a duplicate in it.
            if (i++ % 100 == 0 && queries.size() < 20_000) {
                queries.add(r);
            } else {
                index.put(r);
            }
        }
        long built = System.nanoTime() - t0;
        System.gc();
        System.out.printf(Locale.ROOT, "index: %,d records built in %.1f s, heap used after GC %,d MB%n", index.size(),
                built / 1e9, used() >> 20);
        // Warm-up on the first half of the queries, measure on the second half.
        int half = queries.size() / 2;
        long found = 0;
        for (int k = 0; k < half; k++) {
            found += index.matches(queries.get(k)).size();
        }
        long[] nanos = new long[queries.size() - half];
        for (int k = half; k < queries.size(); k++) {
            long s = System.nanoTime();
            found += index.matches(queries.get(k)).size();
            nanos[k - half] = System.nanoTime() - s;
        }
        Arrays.sort(nanos);
        System.out.printf(Locale.ROOT, "check: %,d timed checks, median %.3f ms, p99 %.3f ms, max %.3f ms, mean %.3f ms (%,d matches found)%n",
                nanos.length, nanos[nanos.length / 2] / 1e6, nanos[(int) (nanos.length * 0.99)] / 1e6,
                nanos[nanos.length - 1] / 1e6, Arrays.stream(nanos).average().orElse(0) / 1e6, found);
    }

    private static void scan(int records, SyntheticData.Profile profile) {
        Matcher matcher = Matcher.of(MatchRules.defaults());
        long[] lastPhase = {System.nanoTime()};
        DuplicateScan scan = DuplicateScan.builder(matcher).listener(p -> {
            long now = System.nanoTime();
            System.out.printf(Locale.ROOT, "  %-10s records %,d blocks %,d/%,d pairs %,d (+%.1f s)%n", p.phase(),
                    p.recordsRead(), p.blocksDone(), p.blocksTotal(), p.pairsCompared(), (now - lastPhase[0]) / 1e9);
            lastPhase[0] = now;
        }).build();
        // Generated first, so the scan's time is the scan's alone; the list stays on the heap during the
        // scan (as rows would not when the CLI streams a file), so the peak below is an upper bound.
        long g0 = System.nanoTime();
        List<MatchRecord> input = new ArrayList<>(records);
        new Chunks(profile, records).forEachRemaining(input::add);
        System.out.printf(Locale.ROOT, "generated %,d records in %.1f s%n", input.size(), (System.nanoTime() - g0) / 1e9);
        resetPeaks();
        long base = used();
        long t0 = System.nanoTime();
        long[] clusterRecords = {0};
        ScanSummary s = scan.run(input.iterator(), c -> clusterRecords[0] += c.ids().size());
        double secs = (System.nanoTime() - t0) / 1e9;
        System.out.printf(Locale.ROOT, "heap: %,d MB held by the generated input before the scan%n", base >> 20);
        System.out.printf(Locale.ROOT, "scan: %,d records in %.1f s wall; %,d blocks, %,d oversized; "
                        + "%,d pairs compared, %,d matched; %,d clusters (%,d duplicate) holding %,d records; %,d links split%n",
                s.records(), secs, s.blocks(), s.oversizedBlocks(), s.pairsCompared(), s.pairsMatched(), s.clusters(),
                s.duplicateClusters(), clusterRecords[0], s.splitLinks());
        System.out.printf(Locale.ROOT, "heap: peak used %,d MB (sum of pool peaks, garbage included)%n", peak() >> 20);
    }

    private static long used() {
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }

    private static void resetPeaks() {
        System.gc();
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP) {
                p.resetPeakUsage();
            }
        }
    }

    private static long peak() {
        long sum = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP) {
                sum += p.getPeakUsage().getUsed();
            }
        }
        return sum;
    }

    /** Generated records, chunk by chunk, so the generator's rows never all live at once. */
    private static final class Chunks implements Iterator<MatchRecord> {
        private final SyntheticData.Profile profile;
        private final int total;
        private int produced;
        private int seed = 5001;
        private List<MatchRecord> chunk = List.of();
        private int at;

        Chunks(SyntheticData.Profile profile, int total) {
            this.profile = profile;
            this.total = total;
        }

        @Override
        public boolean hasNext() {
            return produced < total;
        }

        @Override
        public MatchRecord next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            if (at == chunk.size()) {
                int s = seed++;
                List<MatchRecord> raw = SyntheticData.generate(profile, 7_000, SyntheticData.Severity.MODERATE, s).records();
                // Ids unique across chunks.
                List<MatchRecord> renamed = new ArrayList<>(raw.size());
                for (MatchRecord r : raw) {
                    renamed.add(MatchRecord.of(s + "-" + r.id(), r.values()));
                }
                chunk = renamed;
                at = 0;
            }
            produced++;
            return chunk.get(at++);
        }
    }
}
