package dev.leadkit.benchmarks;

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

    private static final int LEADS = 100_000;
    private static final int USERS = 200;
    private static final int TEAMS = 20;
    private static final String[] STATUSES = {"new", "contacted", "offer_made", "converted", "unqualified", "lost"};

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
                    loaded = load(c);
                }
                System.out.printf(Locale.ROOT, "LeadKit K3/K5 benchmark: %,d leads, %d users in %d teams, %s (schema %s); %s in %.1f s%n",
                        LEADS, USERS, TEAMS, url, schema, loaded ? "loaded" : "reused", (System.nanoTime() - loadStart) / 1e9);
                LeadKit kit = LeadKit.builder().store(JpaStore.create(factory)).directory(directory())
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

    private static InMemoryDirectory directory() {
        InMemoryDirectory directory = Directory.inMemory();
        for (int u = 0; u < USERS; u++) {
            directory.user(user(u), user(u)).roles(Role.USER).team(String.format("t%02d", u / (USERS / TEAMS))).add();
        }
        return directory;
    }

    private static String user(int u) {
        return String.format("u%03d", u);
    }

    /** @return whether rows were loaded (false: the schema already held them) */
    private static boolean load(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select count(*) from lk_lead")) {
            rs.next();
            if (rs.getLong(1) == LEADS) {
                c.commit();
                return false;
            }
        }
        try (Statement s = c.createStatement()) {
            s.execute("truncate lk_history, lk_lead_custom_option, lk_lead, lk_lead_grant, lk_lead_follower, lk_lead_access");
        }
        Instant base = Instant.parse("2024-01-01T00:00:00Z");
        try (PreparedStatement insert = c.prepareStatement("insert into lk_lead (id, version, first_name, last_name,"
                + " email, source, status, lead_date, owner_id, created_by, created_at, updated_at, deleted,"
                + " status_since, custom, tags, products) values (?, 1, ?, ?, ?, 'website', ?, ?, ?, 'admin', ?, ?, ?, ?, '', '', '')")) {
            for (int i = 0; i < LEADS; i++) {
                Instant created = base.plusSeconds(i * 300L);
                insert.setString(1, String.format("L%06d", i));
                insert.setString(2, "First" + i);
                insert.setString(3, "Last" + i);
                insert.setString(4, "lead" + i + "@example.com");
                insert.setString(5, STATUSES[i % STATUSES.length]);
                insert.setString(6, created.toString());
                insert.setString(7, i % 50 == 0 ? null : user((i * 7) % USERS));
                insert.setTimestamp(8, Timestamp.from(created));
                insert.setTimestamp(9, Timestamp.from(created.plusSeconds(i % 977)));
                insert.setBoolean(10, i % 100 == 1);
                insert.setTimestamp(11, Timestamp.from(created.plusSeconds((i * 7919L) % 86_400)));
                insert.addBatch();
                if (i % 1_000 == 999) {
                    insert.executeBatch();
                }
            }
            insert.executeBatch();
        }
        try (PreparedStatement access = c.prepareStatement("insert into lk_lead_access (lead_id, version) values (?, 1)");
             PreparedStatement grant = c.prepareStatement(
                     "insert into lk_lead_grant (lead_id, grantee_id, rights, can_view) values (?, 'u007', 'view', true)")) {
            for (int g = 0; g < 100; g++) {
                String lead = String.format("L%06d", 1_003 + g * 997);
                access.setString(1, lead);
                access.addBatch();
                grant.setString(1, lead);
                grant.addBatch();
            }
            access.executeBatch();
            grant.executeBatch();
        }
        c.commit();
        try (Statement s = c.createStatement()) {
            // Autovacuum would do this after a bulk load; done here so the plans are the steady state's.
            c.setAutoCommit(true);
            s.execute("vacuum analyze lk_lead");
            s.execute("vacuum analyze lk_lead_grant");
            c.setAutoCommit(false);
        }
        return true;
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
