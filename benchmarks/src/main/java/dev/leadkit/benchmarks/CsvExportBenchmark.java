package dev.leadkit.benchmarks;

import com.zaxxer.hikari.HikariDataSource;
import dev.leadkit.Actor;
import dev.leadkit.LeadKit;
import dev.leadkit.access.InMemoryDirectory;
import dev.leadkit.access.Role;
import dev.leadkit.csv.ExportOptions;
import dev.leadkit.csv.LeadExport;
import dev.leadkit.jpa.JpaStore;
import dev.leadkit.jpa.LeadKitPersistence;
import dev.leadkit.store.Store;
import dev.leadkit.store.memory.InMemoryStore;
import jakarta.persistence.EntityManagerFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * K10 export speed without an import in front of it: loads K6's benchmark leads
 * ({@link QueryBenchmarkData}) straight through the store port (in memory) or reuses/loads them in
 * PostgreSQL ({@code bench_k6}), then exports every lead as the Admin, all columns, several runs,
 * and prints rows per second of each run. Before each run the JVM collects garbage (as JMH does between
 * iterations) and, from the second run on, one lead is tagged, so every run sorts its walk afresh
 * instead of reusing the run before's: run 1 is a cold JVM, later runs a warm one.
 *
 * <pre>
 * java -Xmx8g -cp ... dev.leadkit.benchmarks.CsvExportBenchmark --store memory --leads 1000000 --runs 3
 * java -Xmx1g -cp ... dev.leadkit.benchmarks.CsvExportBenchmark --store postgresql --leads 1000000 --runs 3
 * </pre>
 */
public final class CsvExportBenchmark {

    private CsvExportBenchmark() {
    }

    /**
     * @param args {@code --store memory|postgresql}, {@code --leads N}, {@code --runs N}, {@code --url}, {@code --user}
     * @throws Exception when the database or the file fails
     */
    public static void main(String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        String kind = options.getOrDefault("store", "memory");
        int leads = Integer.parseInt(options.getOrDefault("leads", "1000000"));
        int runs = Integer.parseInt(options.getOrDefault("runs", "3"));
        Clock clock = Clock.fixed(Instant.parse("2026-11-23T12:00:00Z"), ZoneOffset.UTC);
        System.out.printf(Locale.ROOT, "K10 export benchmark: %,d leads, store %s, %d runs, %d cores, max heap %d MiB, GC %s%n",
                leads, kind, runs, Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20,
                QueryBenchmarkData.collectors());
        if (kind.equals("memory")) {
            long start = System.nanoTime();
            InMemoryStore store = new InMemoryStore();
            QueryBenchmarkData.loadMemory(store, leads);
            System.out.printf(Locale.ROOT, "loaded in %.1f s%n", (System.nanoTime() - start) / 1e9);
            export(store, clock, runs);
            return;
        }
        String url = options.getOrDefault("url", "jdbc:postgresql://127.0.0.1:5432/bench_k6");
        try (HikariDataSource pool = QueryBenchmarkData.pool(url, options.getOrDefault("user", "postgres"),
                options.getOrDefault("password", ""))) {
            EntityManagerFactory factory = LeadKitPersistence.entityManagerFactory(pool, Map.of());
            try {
                long start = System.nanoTime();
                boolean loaded;
                try (Connection c = pool.getConnection()) {
                    loaded = QueryBenchmarkData.loadPostgreSql(c, leads);
                }
                System.out.printf(Locale.ROOT, "%s in %.1f s (%s)%n", loaded ? "loaded" : "reused",
                        (System.nanoTime() - start) / 1e9, url);
                export(JpaStore.create(factory), clock, runs);
            } finally {
                factory.close();
            }
        }
    }

    private static void export(Store store, Clock clock, int runs) throws Exception {
        InMemoryDirectory directory = QueryBenchmarkData.directory();
        directory.user("admin", "Admin").roles(Role.ADMIN).add();
        LeadKit kit = LeadKit.builder().store(store).directory(directory).clock(clock).build();
        Actor admin = Actor.of("admin");
        Path file = Files.createTempFile("k10-export", ".csv");
        try {
            for (int run = 1; run <= runs; run++) {
                if (run > 1) {
                    // One lead changes between runs, as between two real exports: a run sorts
                    // afresh instead of reusing the sorted walk of the run before.
                    dev.leadkit.lead.Lead first = kit.queries().list(admin,
                            dev.leadkit.query.LeadQuery.builder().pageSize(1).build()).leads().get(0);
                    kit.leads().tag(admin, first.id(), java.util.Set.of("bench-run-" + run));
                }
                // As JMH does between iterations: the garbage of loading (or of the run before) is
                // collected before the clock starts, not charged to this run.
                System.gc();
                long gc = QueryBenchmarkData.gcMillis();
                long cpu = CsvImportExportBenchmark.processCpuNanos();
                long start = System.nanoTime();
                long rows = LeadExport.of(kit).write(admin, file, ExportOptions.defaults());
                double seconds = (System.nanoTime() - start) / 1e9;
                System.out.printf(Locale.ROOT, "run %d: %,d rows (%,d bytes) in %.2f s = %,.0f rows/s (process CPU %.1f s, GC pauses %,d ms)%n",
                        run, rows, Files.size(file), seconds, rows / seconds,
                        (CsvImportExportBenchmark.processCpuNanos() - cpu) / 1e9, QueryBenchmarkData.gcMillis() - gc);
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
