package dev.leadkit.benchmarks;

import dev.leadkit.jpa.ScopedListingData;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.leadkit.Actor;
import dev.leadkit.LeadKit;
import dev.leadkit.access.Directory;
import dev.leadkit.access.InMemoryDirectory;
import dev.leadkit.access.Role;
import dev.leadkit.jpa.JpaStore;
import dev.leadkit.jpa.LeadKitPersistence;
import dev.leadkit.store.LeadSort;
import jakarta.persistence.EntityManagerFactory;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * K3/K5 on PostgreSQL: loads 100,000 leads (batched JDBC, into their own schema, reused when
 * already there) owned by 200 users in 20 teams, with unassigned and deleted leads and 100 VIEW
 * grants; then times a plain user's first page ({@code kit.leads().list(actor, 0, 50)}) and their
 * kanban board ({@code kanban(actor, 10, LONGEST_IN_STATUS, false)}), each {@code --iterations}
 * times (default 200) after a warm-up, and prints the median and the 99th percentile.
 *
 * <pre>{@code
 * java -cp ... dev.leadkit.benchmarks.ScopedListingBenchmark --url jdbc:postgresql://127.0.0.1:5432/test --iterations 200
 * }</pre>
 */
public final class ScopedListingBenchmark {


    private ScopedListingBenchmark() {
    }

    /**
     * @param args {@code --url}, {@code --user}, {@code --password}, {@code --schema} (default
     *             {@code leadkit_bench_k3}), {@code --iterations}, {@code --actor} (default u007)
     * @throws Exception when the database fails
     */
    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        String url = options.getOrDefault("url", "jdbc:postgresql://127.0.0.1:5432/test?reWriteBatchedInserts=true");
        String user = options.getOrDefault("user", "postgres");
        String password = options.getOrDefault("password", "");
        String schema = options.getOrDefault("schema", "leadkit_bench_k3");
        int iterations = Integer.parseInt(options.getOrDefault("iterations", "200"));
        Actor actor = Actor.of(options.getOrDefault("actor", "u007"));
        if (!schema.matches("[a-z_][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("--schema must be a plain lower-case identifier");
        }
        try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
            s.execute("create schema if not exists " + schema);
        }
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(4);
        config.setAutoCommit(false);
        try (HikariDataSource pool = new HikariDataSource(config)) {
            EntityManagerFactory factory = LeadKitPersistence.entityManagerFactory(pool);
            try {
                long loadStart = System.nanoTime();
                boolean loaded;
                try (Connection c = pool.getConnection()) {
                    loaded = ScopedListingData.load(c);
                }
                System.out.printf(Locale.ROOT, "LeadKit K3/K5 benchmark: %,d leads, %d users in %d teams, %s (schema %s); %s in %.1f s%n",
                        ScopedListingData.LEADS, ScopedListingData.USERS, ScopedListingData.TEAMS, url, schema, loaded ? "loaded" : "reused", (System.nanoTime() - loadStart) / 1e9);
                LeadKit kit = LeadKit.builder().store(JpaStore.create(factory)).directory(ScopedListingData.directory())
                        .clock(Clock.fixed(Instant.parse("2026-11-23T12:00:00Z"), ZoneOffset.UTC)).build();
                report("first page (list 0..50)", iterations, () -> kit.leads().list(actor, 0, 50));
                report("kanban (10 per column)", iterations,
                        () -> kit.workflow().kanban(actor, 10, LeadSort.LONGEST_IN_STATUS, false));
            } finally {
                factory.close();
            }
        }
    }

    private static void report(String what, int iterations, Supplier<?> call) {
        for (int i = 0; i < Math.max(50, iterations / 4); i++) {
            call.get();
        }
        long[] nanos = new long[iterations];
        for (int i = 0; i < iterations; i++) {
            long start = System.nanoTime();
            call.get();
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        System.out.printf(Locale.ROOT, "%-26s %d runs: median %.2f ms, p99 %.2f ms, max %.2f ms%n", what, iterations,
                nanos[iterations / 2] / 1e6, nanos[(int) Math.ceil(iterations * 0.99) - 1] / 1e6,
                nanos[iterations - 1] / 1e6);
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("expected --option value, got " + args[i]);
            }
            options.put(args[i].substring(2), args[i + 1]);
        }
        return options;
    }
}
