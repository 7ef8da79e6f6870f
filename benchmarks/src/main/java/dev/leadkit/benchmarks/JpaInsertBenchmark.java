package dev.leadkit.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.leadkit.Actor;
import dev.leadkit.LeadKit;
import dev.leadkit.access.Directory;
import dev.leadkit.activity.FieldChange;
import dev.leadkit.activity.HistoryAction;
import dev.leadkit.activity.HistoryEntry;
import dev.leadkit.jpa.JpaStore;
import dev.leadkit.jpa.LeadKitPersistence;
import dev.leadkit.lead.Lead;
import dev.leadkit.lead.LeadDraft;
import dev.leadkit.lead.LeadField;
import dev.leadkit.lead.LeadId;
import jakarta.persistence.EntityManagerFactory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Calendar;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Inserts N leads (default 100,000) into PostgreSQL through LeadKit's public API on the JPA
 * store, and the same rows — each lead and its CREATED history entry — with plain JDBC batched
 * inserts into the same tables over the same pool and driver settings. Every variant runs
 * {@code --runs} times (default 5), interleaved, on emptied tables; the median is reported.
 *
 * <pre>{@code
 * mvn -B -q install -DskipTests && mvn -B -q -pl benchmarks exec:exec
 * mvn -B -q -pl benchmarks exec:exec -Dbench.args="--leads 20000 --runs 3 --variants jdbc-batch-50,jpa-create-1"
 * }</pre>
 *
 * <p>Variants: {@code jdbc-batch-50} (the baseline: batches of 50 leads plus 50 history rows, one
 * commit per batch), {@code jdbc-batch-1000}, {@code jdbc-tx-per-lead-T} (JDBC doing what one
 * {@code create} writes — two inserts and a commit per lead — from T threads),
 * {@code jpa-create-T} ({@code kit.leads().create} from T threads, each call its own
 * transaction), {@code jpa-store-batch-50} (50 leads per {@code store.inTransaction}
 * through the store port) and {@code jpa-create-all-B} ({@code kit.leads().createAll} with B
 * drafts per call: the public bulk path an import takes).
 */
public final class JpaInsertBenchmark {

    private static final String ACTOR = "bench";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Calendar UTC = Calendar.getInstance(TimeZone.getTimeZone("UTC"));
    private static final List<String> ALL_VARIANTS = List.of("jdbc-batch-50", "jdbc-batch-1000",
            "jdbc-tx-per-lead-1", "jdbc-tx-per-lead-8", "jdbc-tx-per-lead-32",
            "jpa-create-1", "jpa-create-8", "jpa-create-32", "jpa-store-batch-50", "jpa-create-all-50",
            "jpa-create-all-1000");

    private final HikariDataSource pool;
    private final EntityManagerFactory factory;
    private final int leads;

    private JpaInsertBenchmark(HikariDataSource pool, EntityManagerFactory factory, int leads) {
        this.pool = pool;
        this.factory = factory;
        this.leads = leads;
    }

    /**
     * @param args {@code --url}, {@code --user}, {@code --password}, {@code --leads},
     *             {@code --runs}, {@code --variants a,b,c}
     * @throws Exception when the database fails
     */
    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        String url = options.getOrDefault("url", "jdbc:postgresql://127.0.0.1:5432/test?reWriteBatchedInserts=true");
        int leads = Integer.parseInt(options.getOrDefault("leads", "100000"));
        int runs = Integer.parseInt(options.getOrDefault("runs", "5"));
        List<String> variants = options.containsKey("variants")
                ? Arrays.asList(options.get("variants").split(",")) : ALL_VARIANTS;

        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(options.getOrDefault("user", "postgres"));
        config.setPassword(options.getOrDefault("password", ""));
        config.setMaximumPoolSize(33);
        config.setAutoCommit(false);
        try (HikariDataSource pool = new HikariDataSource(config)) {
            EntityManagerFactory factory = LeadKitPersistence.entityManagerFactory(pool);
            try {
                new JpaInsertBenchmark(pool, factory, leads).run(variants, runs, url);
            } finally {
                factory.close();
            }
        }
    }

    private void run(List<String> variants, int runs, String url) throws Exception {
        System.out.printf(Locale.ROOT, "LeadKit insert benchmark: %,d leads per run, %d runs, %s%n", leads, runs, url);
        System.out.printf(Locale.ROOT, "java %s, %d cores%n", System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors());
        warmUp(variants);
        Map<String, List<Double>> results = new LinkedHashMap<>();
        for (int r = 1; r <= runs; r++) {
            for (String variant : variants) {
                empty();
                long cpuStart = processCpuNanos();
                long start = System.nanoTime();
                long inserted = run(variant, leads);
                double seconds = (System.nanoTime() - start) / 1e9;
                double cpuMicrosPerLead = (processCpuNanos() - cpuStart) / 1e3 / inserted;
                requireRows(inserted);
                double perSecond = inserted / seconds;
                results.computeIfAbsent(variant, v -> new ArrayList<>()).add(perSecond);
                System.out.printf(Locale.ROOT, "run %d %-20s %,10.0f leads/s (%,.0f rows/s, %.1f s, JVM CPU %.0f µs/lead)%n",
                        r, variant, perSecond, 2 * perSecond, seconds, cpuMicrosPerLead);
            }
        }
        empty();
        System.out.println();
        System.out.printf(Locale.ROOT, "%-20s %14s %14s %14s %8s%n", "variant", "median leads/s", "min", "max", "vs jdbc");
        double baseline = results.containsKey("jdbc-batch-50") ? median(results.get("jdbc-batch-50")) : Double.NaN;
        for (Map.Entry<String, List<Double>> e : results.entrySet()) {
            List<Double> values = e.getValue();
            double median = median(values);
            System.out.printf(Locale.ROOT, "%-20s %,14.0f %,14.0f %,14.0f %8s%n", e.getKey(), median,
                    values.stream().mapToDouble(Double::doubleValue).min().orElse(0),
                    values.stream().mapToDouble(Double::doubleValue).max().orElse(0),
                    Double.isNaN(baseline) ? "-" : String.format(Locale.ROOT, "%.1f%%", 100 * median / baseline));
        }
    }

    /** Runs each variant once on a tenth of the rows, so the JIT has compiled the hot paths. */
    private void warmUp(List<String> variants) throws Exception {
        for (String variant : variants) {
            empty();
            run(variant, Math.max(1_000, leads / 10));
        }
    }

    private long run(String variant, int count) throws Exception {
        if (variant.startsWith("jpa-create-all-")) {
            return jpaCreateAll(count, Integer.parseInt(variant.substring("jpa-create-all-".length())));
        }
        if (variant.startsWith("jpa-create-")) {
            return jpaCreate(count, Integer.parseInt(variant.substring("jpa-create-".length())));
        }
        if (variant.startsWith("jdbc-tx-per-lead-")) {
            return inThreads(count, Integer.parseInt(variant.substring("jdbc-tx-per-lead-".length())),
                    (from, to) -> jdbc(from, to, 1));
        }
        switch (variant) {
            case "jdbc-batch-50":
                return jdbc(0, count, 50);
            case "jdbc-batch-1000":
                return jdbc(0, count, 1000);
            case "jpa-store-batch-50":
                return jpaStoreBatch(count, 50);
            default:
                throw new IllegalArgumentException("unknown variant " + variant + "; known: " + ALL_VARIANTS);
        }
    }

    // ------------------------------------------------------------------ the public API

    private long jpaCreate(int count, int threads) throws Exception {
        LeadKit kit = LeadKit.builder().store(JpaStore.create(factory))
                .directory(Directory.inMemory().user(ACTOR, "Benchmark").add())
                .clock(Clock.systemUTC()).build();
        Actor actor = Actor.of(ACTOR);
        return inThreads(count, threads, (from, to) -> {
            for (int i = from; i < to; i++) {
                kit.leads().create(actor, draft(i));
            }
            return to - from;
        });
    }

    /** The public bulk path: {@code kit.leads().createAll} with {@code batch} drafts per call, one thread. */
    private long jpaCreateAll(int count, int batch) {
        LeadKit kit = LeadKit.builder().store(JpaStore.create(factory))
                .directory(Directory.inMemory().user(ACTOR, "Benchmark").add())
                .clock(Clock.systemUTC()).build();
        Actor actor = Actor.of(ACTOR);
        long created = 0;
        for (int from = 0; from < count; from += batch) {
            List<LeadDraft> drafts = new ArrayList<>(batch);
            for (int i = from; i < Math.min(count, from + batch); i++) {
                drafts.add(draft(i));
            }
            created += kit.leads().createAll(actor, drafts).size();
        }
        return created;
    }

    /** A slice {@code [from, to)} of the rows, run by one thread. */
    @FunctionalInterface
    private interface Slice {
        long run(int from, int to) throws Exception;
    }

    private static long inThreads(int count, int threads, Slice slice) throws Exception {
        ExecutorService executor = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Long>> parts = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int from = count * t / threads;
                int to = count * (t + 1) / threads;
                parts.add(executor.submit(() -> slice.run(from, to)));
            }
            long total = 0;
            for (Future<Long> part : parts) {
                total += part.get();
            }
            return total;
        } finally {
            executor.shutdown();
        }
    }

    private static LeadDraft draft(int i) {
        return LeadDraft.builder().firstName("Ayşe " + i).lastName("Yılmaz").email("ayse" + i + "@example.com.tr")
                .company("Gardinfirmaet ApS").city("København").description("Asked for an offer on the web form.").build();
    }

    // ------------------------------------------------------------------ the store port, batched

    private long jpaStoreBatch(int count, int batch) {
        JpaStore store = JpaStore.create(factory);
        for (int from = 0; from < count; from += batch) {
            int to = Math.min(count, from + batch);
            int start = from;
            store.inTransaction(tx -> {
                for (int i = start; i < to; i++) {
                    Lead lead = lead(i);
                    tx.leads().insert(lead);
                    tx.history().append(created(lead));
                }
                return null;
            });
        }
        return count;
    }

    /** The lead {@code create(actor, draft(i))} stores, built directly. */
    private static Lead lead(int i) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        EnumMap<LeadField, String> values = new EnumMap<>(LeadField.class);
        values.putAll(draft(i).values());
        values.put(LeadField.STATUS, "new");
        values.put(LeadField.SOURCE, "reference");
        values.put(LeadField.LEAD_DATE, now.toString());
        values.put(LeadField.OWNER, ACTOR);
        return Lead.of(LeadId.of(UUID.randomUUID().toString()), 1, values, ACTOR, now, now, false);
    }

    private static HistoryEntry created(Lead lead) {
        List<FieldChange> changes = new ArrayList<>();
        lead.values().forEach((field, value) -> changes.add(FieldChange.of(field.key(), null, value)));
        return new HistoryEntry(0, lead.id().value(), lead.createdAt(), ACTOR, HistoryAction.CREATED, changes);
    }

    // ------------------------------------------------------------------ plain JDBC

    private static final String INSERT_LEAD = "insert into lk_lead (id, version, first_name, last_name, email, phone,"
            + " company, department, title, description, street, city, postcode, region, country, website,"
            + " registration_number, source, status, lead_date, owner_id, external_id, created_by, created_at,"
            + " updated_at, deleted, status_since, close_reason, custom, tags, products)"
            + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String INSERT_HISTORY =
            "insert into lk_history (seq, lead_id, at, actor_id, action, changes) values (?, ?, ?, ?, ?, ?)";
    private static final LeadField[] LEAD_COLUMNS = {LeadField.FIRST_NAME, LeadField.LAST_NAME, LeadField.EMAIL,
        LeadField.PHONE, LeadField.COMPANY, LeadField.DEPARTMENT, LeadField.TITLE, LeadField.DESCRIPTION,
        LeadField.STREET, LeadField.CITY, LeadField.POSTCODE, LeadField.REGION, LeadField.COUNTRY, LeadField.WEBSITE,
        LeadField.REGISTRATION_NUMBER, LeadField.SOURCE, LeadField.STATUS, LeadField.LEAD_DATE, LeadField.OWNER,
        LeadField.EXTERNAL_ID};

    /**
     * Inserts the same rows as {@code create}: the lead with every column, and its history entry
     * with the same JSON changes; sequence values reserved 50 at a time, as Hibernate's pooled
     * optimizer does. One batch of {@code batch} leads per transaction.
     */
    private long jdbc(int fromRow, int toRow, int batch) throws SQLException {
        try (Connection c = pool.getConnection();
             PreparedStatement leadInsert = c.prepareStatement(INSERT_LEAD);
             PreparedStatement historyInsert = c.prepareStatement(INSERT_HISTORY);
             PreparedStatement nextSequence = c.prepareStatement("select nextval('lk_history_seq')")) {
            long next = 0;
            long last = -1;
            for (int i = fromRow; i < toRow; i++) {
                Lead lead = lead(i);
                HistoryEntry entry = created(lead);
                if (next > last) {
                    try (ResultSet rs = nextSequence.executeQuery()) {
                        rs.next();
                        next = rs.getLong(1);
                        last = next + 49;
                    }
                }
                bindLead(leadInsert, lead);
                bindHistory(historyInsert, next++, entry);
                if (batch == 1) {
                    leadInsert.executeUpdate();
                    historyInsert.executeUpdate();
                    c.commit();
                } else {
                    leadInsert.addBatch();
                    historyInsert.addBatch();
                    if ((i + 1 - fromRow) % batch == 0 || i == toRow - 1) {
                        leadInsert.executeBatch();
                        historyInsert.executeBatch();
                        c.commit();
                    }
                }
            }
        }
        return toRow - fromRow;
    }

    private static void bindLead(PreparedStatement s, Lead lead) throws SQLException {
        int p = 1;
        s.setString(p++, lead.id().value());
        s.setLong(p++, lead.version());
        for (LeadField field : LEAD_COLUMNS) {
            s.setString(p++, lead.get(field).orElse(null));
        }
        s.setString(p++, lead.createdBy());
        s.setTimestamp(p++, Timestamp.from(lead.createdAt()), UTC);
        s.setTimestamp(p++, Timestamp.from(lead.updatedAt()), UTC);
        s.setBoolean(p++, lead.isDeleted());
        // The V3 columns, with what the JPA store writes for a new lead without custom values, tags or products.
        s.setTimestamp(p++, Timestamp.from(lead.statusSince()), UTC);
        s.setString(p++, lead.closeReason().orElse(null));
        s.setString(p++, "");
        s.setString(p++, "");
        s.setString(p, "");
    }

    private static void bindHistory(PreparedStatement s, long sequence, HistoryEntry entry) throws SQLException {
        s.setLong(1, sequence);
        s.setString(2, entry.leadId());
        s.setTimestamp(3, Timestamp.from(entry.at()), UTC);
        s.setString(4, entry.actorId());
        s.setString(5, entry.action().name());
        ArrayNode changes = JSON.createArrayNode();
        for (FieldChange change : entry.changes()) {
            ObjectNode node = changes.addObject();
            node.put("field", change.field());
            change.before().ifPresent(v -> node.put("before", v));
            change.after().ifPresent(v -> node.put("after", v));
        }
        s.setString(6, changes.toString());
    }

    // ------------------------------------------------------------------ helpers

    private void empty() throws SQLException {
        try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
            s.execute("truncate table lk_history, lk_lead, lk_catalogue, lk_settings");
            c.commit();
            // Settle the table statistics and dirty buffers so every run starts alike.
            c.setAutoCommit(true);
            s.execute("checkpoint");
            c.setAutoCommit(false);
        }
    }

    private void requireRows(long expected) throws SQLException {
        long leadsStored = count("lk_lead");
        long historyStored = count("lk_history");
        if (leadsStored != expected || historyStored != expected) {
            throw new IllegalStateException("expected " + expected + " leads and history rows, found " + leadsStored
                    + " and " + historyStored);
        }
    }

    private long count(String table) throws SQLException {
        try (Connection c = pool.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select count(*) from " + table)) {
            rs.next();
            long n = rs.getLong(1);
            c.commit();
            return n;
        }
    }

    /** CPU time of this JVM, all threads, garbage collection included. */
    private static long processCpuNanos() {
        java.lang.management.OperatingSystemMXBean os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean
                ? ((com.sun.management.OperatingSystemMXBean) os).getProcessCpuTime() : 0;
    }

    private static double median(List<Double> values) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        List<String> words = new ArrayList<>();
        for (String arg : args) {
            words.addAll(Arrays.asList(arg.trim().split("\\s+")));
        }
        words.removeIf(String::isEmpty);
        for (int i = 0; i + 1 < words.size(); i += 2) {
            if (!words.get(i).startsWith("--")) {
                throw new IllegalArgumentException("expected --option value, got " + words.get(i));
            }
            options.put(words.get(i).substring(2), words.get(i + 1));
        }
        return options;
    }

}
