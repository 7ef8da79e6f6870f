package dev.leadkit.benchmarks;

import com.zaxxer.hikari.HikariDataSource;
import dev.leadkit.Actor;
import dev.leadkit.LeadKit;
import dev.leadkit.jpa.CountingDataSource;
import dev.leadkit.jpa.JpaStore;
import dev.leadkit.jpa.LeadKitPersistence;
import dev.leadkit.lead.Lead;
import dev.leadkit.query.Filter;
import dev.leadkit.query.LeadPage;
import dev.leadkit.query.LeadQuery;
import dev.leadkit.query.Sort;
import dev.leadkit.store.Store;
import dev.leadkit.store.memory.InMemoryStore;
import jakarta.persistence.EntityManagerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * K6 on 1,000,000 leads, through the public query API ({@code kit.queries().list}, which returns
 * the page and the pager's total): (a) the first page (50) of "status = contacted and owner in my
 * team, newest lead date first" and (b) contains-searches over first name, last name, e-mail and
 * company, for a plain user (u0007, team t000: sees ~10,000 team leads, the ~20,000 unassigned
 * ones in the inbox). {@code --store postgresql} runs on the JPA store over PostgreSQL (data from
 * {@link QueryBenchmarkData#loadPostgreSql}, reused when present) and prints {@code EXPLAIN
 * (ANALYZE, BUFFERS)} of each statement; {@code --store memory} loads the same leads into the
 * in-memory store. Each case runs {@code --iterations} times (default 200) after a warm-up of
 * at least 50 calls; the median and the 99th percentile are printed.
 *
 * <pre>{@code
 * java -cp ... dev.leadkit.benchmarks.QueryBenchmark --store postgresql --url jdbc:postgresql://127.0.0.1:5432/bench_k6
 * java -Xmx8g -cp ... dev.leadkit.benchmarks.QueryBenchmark --store memory
 * }</pre>
 */
public final class QueryBenchmark {

    private QueryBenchmark() {
    }

    /** The searches timed: a surname, a first name with Lithuanian letters typed plainly, a company word typed without its dotted İ, an e-mail part. */
    static final String[] SEARCHES = {"kaya", "sarunas", "istanbul", "soren.jensen"};

    /**
     * @param args {@code --store postgresql|memory}, {@code --url}, {@code --user}, {@code --password},
     *             {@code --iterations}, {@code --actor} (default u0007), {@code --leads}
     * @throws Exception when the database fails
     */
    public static void main(String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("expected --option value, got " + args[i]);
            }
            options.put(args[i].substring(2), args[i + 1]);
        }
        String kind = options.getOrDefault("store", "postgresql");
        int iterations = Integer.parseInt(options.getOrDefault("iterations", "200"));
        int leads = Integer.parseInt(options.getOrDefault("leads", String.valueOf(QueryBenchmarkData.LEADS)));
        Actor actor = Actor.of(options.getOrDefault("actor", QueryBenchmarkData.user(7)));
        int team = Integer.parseInt(actor.userId().substring(1)) / 10;
        Clock clock = Clock.fixed(Instant.parse("2026-11-23T12:00:00Z"), ZoneOffset.UTC);
        System.out.printf(Locale.ROOT, "LeadKit K6 query benchmark: %,d leads, store %s, actor %s (team %s), %s, %d cores, max heap %d MiB%n",
                leads, kind, actor.userId(), QueryBenchmarkData.team(team), System.getProperty("java.vm.version"),
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
        if (kind.equals("memory")) {
            long start = System.nanoTime();
            InMemoryStore store = new InMemoryStore();
            QueryBenchmarkData.loadMemory(store, leads);
            System.out.printf(Locale.ROOT, "loaded in %.1f s%n", (System.nanoTime() - start) / 1e9);
            run(kit(store, clock), actor, team, iterations, null);
            return;
        }
        String url = options.getOrDefault("url", "jdbc:postgresql://127.0.0.1:5432/bench_k6");
        try (HikariDataSource pool = QueryBenchmarkData.pool(url, options.getOrDefault("user", "postgres"),
                options.getOrDefault("password", ""))) {
            CountingDataSource recording = new CountingDataSource(pool);
            recording.recording(false);
            EntityManagerFactory factory = LeadKitPersistence.entityManagerFactory(recording, Map.of());
            try {
                long start = System.nanoTime();
                boolean loaded;
                try (Connection c = pool.getConnection()) {
                    loaded = QueryBenchmarkData.loadPostgreSql(c, leads);
                }
                System.out.printf(Locale.ROOT, "%s in %.1f s (%s)%n", loaded ? "loaded" : "reused", (System.nanoTime() - start) / 1e9, url);
                run(kit(JpaStore.create(factory), clock), actor, team, iterations, recording);
            } finally {
                factory.close();
            }
        }
    }

    private static LeadKit kit(Store store, Clock clock) {
        return LeadKit.builder().store(store).directory(QueryBenchmarkData.directory()).clock(clock).build();
    }

    private static void run(LeadKit kit, Actor actor, int team, int iterations, CountingDataSource recording) throws SQLException {
        LeadQuery teamPage = LeadQuery.builder()
                .where(Filter.and(Filter.eq("status", "contacted"), Filter.in("owner", QueryBenchmarkData.members(team))))
                .sort(Sort.desc("leadDate")).pageSize(50).build();
        LeadPage first = kit.queries().list(actor, teamPage);
        System.out.printf(Locale.ROOT, "(a) status = contacted, owner in team: %d on the page, %,d in total%n",
                first.leads().size(), first.total());
        report("(a) first page, status+team", iterations, () -> kit.queries().list(actor, teamPage));
        explain(recording, () -> kit.queries().list(actor, teamPage));
        for (String text : SEARCHES) {
            LeadQuery search = LeadQuery.builder().search(text).searchIn("firstName", "lastName", "email", "company")
                    .pageSize(50).build();
            LeadPage found = kit.queries().list(actor, search);
            List<String> sample = new ArrayList<>();
            for (Lead lead : found.leads().subList(0, Math.min(2, found.leads().size()))) {
                sample.add(lead.firstName().orElse("") + " " + lead.lastName().orElse("") + " / " + lead.company().orElse(""));
            }
            System.out.printf(Locale.ROOT, "(b) search \"%s\": %d on the page, %,d in total, e.g. %s%n", text,
                    found.leads().size(), found.total(), sample);
            report("(b) search \"" + text + "\"", iterations, () -> kit.queries().list(actor, search));
            explain(recording, () -> kit.queries().list(actor, search));
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
        System.out.printf(Locale.ROOT, "%-36s %d runs: median %.2f ms, p99 %.2f ms, max %.2f ms%n", what, iterations,
                nanos[iterations / 2] / 1e6, nanos[(int) Math.ceil(iterations * 0.99) - 1] / 1e6, nanos[iterations - 1] / 1e6);
    }

    /** Runs the call once more, recording its statements on lk_lead, and prints each one's plan with timings. */
    private static void explain(CountingDataSource recording, Supplier<?> call) throws SQLException {
        if (recording == null) {
            return;
        }
        recording.reset();
        recording.recording(true);
        call.get();
        recording.recording(false);
        for (CountingDataSource.Recorded r : recording.statements()) {
            if (!r.sql().contains("lk_lead l")) {
                continue;
            }
            System.out.println("  statement: " + r.sql());
            try (Connection c = recording.unwrap(DataSource.class).getConnection();
                 PreparedStatement s = c.prepareStatement("explain (analyze, buffers) " + r.sql())) {
                r.replay(s);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        System.out.println("    " + rs.getString(1));
                    }
                }
                c.rollback();
            }
        }
    }

}
