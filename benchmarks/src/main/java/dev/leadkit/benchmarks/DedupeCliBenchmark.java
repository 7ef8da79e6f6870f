package dev.leadkit.benchmarks;

import dev.leadkit.dedupe.synthetic.SyntheticData;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * K7: {@code leadkit dedupe} on 1,000,000 rows. (1) Writes a labelled CSV with the engine's
 * synthetic generator (lead-core test-jar; the truth is the {@code cluster_id} column), reused
 * when it is already there; (2) runs {@code java -Xmx4g -Xlog:gc -jar examples/target/leadkit.jar
 * dedupe …} as its own process, under {@code /usr/bin/time -v} when present, and reports wall time,
 * peak heap (the largest heap occupancy the GC log shows, before any collection) and maximum
 * resident set size; (3) scores the pairs written against the labels: precision, recall, F1.
 *
 * <pre>{@code
 * java -Xmx6g -cp ... dev.leadkit.benchmarks.DedupeCliBenchmark --jar examples/target/leadkit.jar
 *      --dir benchmarks/target/dedupe-bench --rows 1000000 --profile PERSONS
 * }</pre>
 */
public final class DedupeCliBenchmark {

    private static final Pattern GC_LINE = Pattern.compile("(\\d+)([KMG])->(\\d+)([KMG])\\((\\d+)([KMG])\\)");

    private DedupeCliBenchmark() {
    }

    /**
     * @param args {@code --rows} (1,000,000), {@code --profile} (PERSONS or LEADS), {@code --severity}
     *             (MODERATE), {@code --seed} (1001), {@code --dir} (target/dedupe-bench), {@code --jar}
     *             (../examples/target/leadkit.jar), {@code --xmx} (4g), {@code --threshold} (possible)
     * @throws Exception when generating, running or scoring fails
     */
    public static void main(String[] args) throws Exception {
        Map<String, String> o = options(args);
        int rows = Integer.parseInt(o.getOrDefault("rows", "1000000"));
        SyntheticData.Profile profile = SyntheticData.Profile.valueOf(o.getOrDefault("profile", "PERSONS"));
        SyntheticData.Severity severity = SyntheticData.Severity.valueOf(o.getOrDefault("severity", "MODERATE"));
        long seed = Long.parseLong(o.getOrDefault("seed", "1001"));
        Path dir = Path.of(o.getOrDefault("dir", "target/dedupe-bench"));
        Path jar = Path.of(o.getOrDefault("jar", "../examples/target/leadkit.jar")).toAbsolutePath().normalize();
        String xmx = o.getOrDefault("xmx", "4g");
        String threshold = o.getOrDefault("threshold", "possible");
        Files.createDirectories(dir);

        Path input = dir.resolve(String.format(Locale.ROOT, "%s-%s-%d-%d.csv", profile, severity, rows, seed)
                .toLowerCase(Locale.ROOT));
        if (!Files.exists(input)) {
            long t0 = System.nanoTime();
            write(profile, severity, rows, seed, input);
            System.out.printf(Locale.ROOT, "generated %s in %.1f s%n", input, (System.nanoTime() - t0) / 1e9);
        }

        Path pairs = dir.resolve("pairs.csv");
        Path gcLog = dir.resolve("gc.log");
        Path timeLog = dir.resolve("time.txt");
        Path stderr = dir.resolve("stderr.txt");
        List<String> command = new ArrayList<>();
        boolean timed = Files.isExecutable(Path.of("/usr/bin/time"));
        if (timed) {
            command.addAll(List.of("/usr/bin/time", "-v", "-o", timeLog.toString()));
        }
        command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx" + xmx,
                "-Xlog:gc:file=" + gcLog, "-jar", jar.toString(), "dedupe", input.toString(),
                "--id-column", "rec_id", "--out", pairs.toString(), "--threshold", threshold));
        System.out.println("running: " + String.join(" ", command));
        long start = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectError(stderr.toFile())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        int exit = process.waitFor();
        double wall = (System.nanoTime() - start) / 1e9;
        if (exit != 0) {
            System.out.println("leadkit dedupe exited with " + exit + "; stderr:");
            System.out.println(Files.readString(stderr));
            System.exit(1);
        }
        String summary = Files.readAllLines(stderr).stream().filter(l -> l.startsWith("leadkit dedupe:"))
                .reduce((a, b) -> b).orElse("");
        double peakHeapMb = peakHeapMb(gcLog);
        double liveHeapMb = liveHeapMb(gcLog);
        String maxRss = timed ? maxRssMb(timeLog) : "n/a";
        double[] quality = quality(input, pairs);

        System.out.println(summary);
        System.out.printf(Locale.ROOT, "rows %,d  wall %.1f s  peak heap %.0f MB (largest after a GC %.0f MB)  max RSS %s MB"
                        + "  (-Xmx%s, %d cores, load average %.2f)%n", rows, wall, peakHeapMb, liveHeapMb, maxRss, xmx,
                Runtime.getRuntime().availableProcessors(), ManagementFactory.getOperatingSystemMXBean()
                        .getSystemLoadAverage());
        System.out.printf(Locale.ROOT, "pairs written %,d  true pairs %,d  correct %,d  precision %.4f  recall %.4f"
                        + "  F1 %.4f%n", (long) quality[0], (long) quality[1], (long) quality[2], quality[3], quality[4],
                quality[5]);
    }

    /** Writes {@code rows} rows of the generator's output, shuffled as it made them, with the truth column. */
    private static void write(SyntheticData.Profile profile, SyntheticData.Severity severity, int rows, long seed,
                              Path file) throws IOException {
        // The generator makes originals plus their duplicates; a first small run gives the ratio.
        SyntheticData.Dataset probe = SyntheticData.generate(profile, 10_000, severity, seed);
        double perOriginal = probe.rows.size() / 10_000.0;
        int originals = (int) Math.ceil(rows / perOriginal * 1.02);
        SyntheticData.Dataset data = SyntheticData.generate(profile, originals, severity, seed);
        if (data.rows.size() < rows) {
            throw new IllegalStateException("the generator made " + data.rows.size() + " rows, fewer than " + rows);
        }
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
             CSVPrinter printer = new CSVPrinter(w, CSVFormat.DEFAULT)) {
            printer.printRecord(data.header);
            List<String> values = new ArrayList<>(data.header.size());
            for (int i = 0; i < rows; i++) {
                SyntheticData.Row r = data.rows.get(i);
                values.clear();
                for (String h : data.header) {
                    values.add(h.equals("cluster_id") ? Integer.toString(r.cluster)
                            : h.equals("rec_id") ? r.id : r.columns.getOrDefault(h, ""));
                }
                printer.printRecord(values);
            }
        }
    }

    /** @return the largest heap occupancy in the GC log (before or after a collection), in MB */
    static double peakHeapMb(Path gcLog) throws IOException {
        double peak = 0;
        for (String line : Files.readAllLines(gcLog)) {
            Matcher m = GC_LINE.matcher(line);
            if (m.find()) {
                peak = Math.max(peak, Math.max(mb(m.group(1), m.group(2)), mb(m.group(3), m.group(4))));
            }
        }
        return peak;
    }

    /** @return the largest heap occupancy right after a collection in the GC log (the live set, roughly), in MB */
    static double liveHeapMb(Path gcLog) throws IOException {
        double live = 0;
        for (String line : Files.readAllLines(gcLog)) {
            Matcher m = GC_LINE.matcher(line);
            if (m.find()) {
                live = Math.max(live, mb(m.group(3), m.group(4)));
            }
        }
        return live;
    }

    private static double mb(String n, String unit) {
        double v = Double.parseDouble(n);
        switch (unit) {
            case "K":
                return v / 1024;
            case "G":
                return v * 1024;
            default:
                return v;
        }
    }

    private static String maxRssMb(Path timeLog) throws IOException {
        for (String line : Files.readAllLines(timeLog)) {
            if (line.contains("Maximum resident set size")) {
                long kb = Long.parseLong(line.substring(line.lastIndexOf(':') + 1).strip());
                return Long.toString(kb / 1024);
            }
        }
        return "n/a";
    }

    /** @return pairs written, true pairs, correct pairs, precision, recall, F1 */
    static double[] quality(Path input, Path pairs) throws IOException {
        Map<String, Integer> clusterOf = new HashMap<>();
        Map<Integer, Integer> sizes = new HashMap<>();
        try (Reader r = Files.newBufferedReader(input, StandardCharsets.UTF_8);
             CSVParser p = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)) {
            for (CSVRecord rec : p) {
                int cluster = Integer.parseInt(rec.get("cluster_id"));
                clusterOf.put(rec.get("rec_id"), cluster);
                sizes.merge(cluster, 1, Integer::sum);
            }
        }
        long truePairs = 0;
        for (int n : sizes.values()) {
            truePairs += (long) n * (n - 1) / 2;
        }
        long written = 0;
        long correct = 0;
        try (BufferedReader r = Files.newBufferedReader(pairs, StandardCharsets.UTF_8);
             CSVParser p = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)) {
            for (CSVRecord rec : p) {
                written++;
                if (clusterOf.get(rec.get("left_id")).equals(clusterOf.get(rec.get("right_id")))) {
                    correct++;
                }
            }
        }
        double precision = written == 0 ? 1 : (double) correct / written;
        double recall = truePairs == 0 ? 1 : (double) correct / truePairs;
        double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        return new double[] {written, truePairs, correct, precision, recall, f1};
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("expected --name value, got " + args[i]);
            }
            options.put(args[i].substring(2), args[i + 1]);
        }
        return options;
    }
}
