package dev.leadkit.benchmarks;

import dev.leadkit.Actor;
import dev.leadkit.LeadKit;
import dev.leadkit.access.Directory;
import dev.leadkit.access.Role;
import dev.leadkit.csv.ExportOptions;
import dev.leadkit.csv.ImportIssueSink;
import dev.leadkit.csv.ImportOptions;
import dev.leadkit.csv.ImportResult;
import dev.leadkit.csv.LeadExport;
import dev.leadkit.csv.LeadImport;
import dev.leadkit.csv.OnDuplicate;
import dev.leadkit.jpa.JpaStore;
import dev.leadkit.jpa.LeadKitMigrations;
import dev.leadkit.jpa.LeadKitPersistence;
import dev.leadkit.jpa.Dialect;
import dev.leadkit.store.Store;
import dev.leadkit.store.memory.InMemoryStore;
import jakarta.persistence.EntityManagerFactory;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * K10: CSV import and export at a million rows. Generates an N-row CSV (default 1,000,000) of
 * distinct people with Turkish, Lithuanian and Danish letters, +45/+90/+370 phones and a few
 * formula-like cells, then in the same JVM:
 * <ul>
 * <li>{@code raw}: parses it with Apache Commons CSV alone (the baseline);</li>
 * <li>{@code memory}: imports it into the in-memory store with duplicate policy {@code --policy}
 *     (default flag), then exports all leads from that store to a CSV file;</li>
 * <li>{@code postgres}: imports it into PostgreSQL ({@code --url}, tables emptied first, the
 *     candidate index included) through a pool of two connections, as a server application
 *     would; nothing is analysed after the tables are emptied (autovacuum may be off), so the
 *     store's statements must not depend on fresh statistics.</li>
 * <li>{@code memory-raw}: the hand-written baseline for {@code memory}: the same rows kept in
 *     plain hash maps (each row's values, its lower-cased search keys and a random id; its
 *     seven match keys probed in batches, then indexed), no validation, history or normalising
 *     beyond lower case: what keeping a million leads searchable in this JVM must at least
 *     cost.</li>
 * <li>{@code postgres-raw}: the raw JDBC baseline for {@code postgres}: the same rows written by
 *     hand into the same tables, with all their indexes, by batched prepared statements
 *     ({@code reWriteBatchedInserts}), one commit per batch: per batch one array probe of the
 *     rows' seven match keys and one of their external ids, then the leads (their search-key
 *     columns lower-cased), seven match keys and one history row per lead. No validation, no
 *     normalisation beyond lower case, no entities: what any import into this schema must at
 *     least cost the database. {@code --raw-tables lead} writes the lead rows alone (no match
 *     keys, no history): the floor of any import that stores leads in this schema.</li>
 * </ul>
 * Prints rows/s for each and the ratio of import to raw parse.
 *
 * <pre>{@code
 * mvn -B -q -o package -DskipTests -pl benchmarks -am
 * java -cp "$(cat benchmarks/target/cp.txt):benchmarks/target/classes" dev.leadkit.benchmarks.CsvImportExportBenchmark --rows 1000000 --targets raw,memory
 * }</pre>
 */
public final class CsvImportExportBenchmark {

    private static final Actor ADMIN = Actor.of("admin");
    private static final String[] FIRST = {"Ayşe", "Mehmet", "Jūratė", "Jonas", "Mette", "Søren", "Eglė", "Kemal",
            "Anna", "Lars", "Şükrü", "Žydrūnė", "Ølaf", "Gül", "Ieva"};
    private static final String[] CITIES = {"İstanbul", "Vilnius", "København", "Aarhus", "Kaunas", "İzmir", "Odense"};
    private static final String LETTERS = "abcdefghijklmnoprstuvyzışğüöçæøåėųž";

    private CsvImportExportBenchmark() {
    }

    /**
     * @param args {@code --rows N --targets raw,memory,memory-raw,postgres,postgres-raw --policy flag --url JDBC --batch 1000 --file PATH --raw-tables all|lead}
     * @throws Exception when the benchmark cannot run
     */
    public static void main(String[] args) throws Exception {
        int rows = 1_000_000;
        String targets = "raw,memory";
        String policy = "flag";
        String url = "jdbc:postgresql://127.0.0.1:5432/bench_k10?reWriteBatchedInserts=true";
        int batch = 1_000;
        Path file = null;
        boolean rawLeadsOnly = false;
        for (int i = 0; i < args.length; i += 2) {
            switch (args[i]) {
                case "--rows": rows = Integer.parseInt(args[i + 1]); break;
                case "--targets": targets = args[i + 1]; break;
                case "--policy": policy = args[i + 1]; break;
                case "--url": url = args[i + 1]; break;
                case "--batch": batch = Integer.parseInt(args[i + 1]); break;
                case "--file": file = Path.of(args[i + 1]); break;
                case "--raw-tables": rawLeadsOnly = "lead".equals(args[i + 1]); break;
                default: throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        System.out.printf(Locale.ROOT, "K10 CSV benchmark: %,d rows, targets %s, policy %s, batch %d, max heap %d MiB, %d cores, GC %s%n",
                rows, targets, policy, batch, Runtime.getRuntime().maxMemory() >> 20, Runtime.getRuntime().availableProcessors(),
                QueryBenchmarkData.collectors());
        if (file == null) {
            file = Files.createTempFile("k10-bench", ".csv");
            file.toFile().deleteOnExit();
        }
        if (!Files.exists(file) || Files.size(file) == 0) {
            long t = System.nanoTime();
            generate(file, rows);
            System.out.printf(Locale.ROOT, "generated %s (%,d bytes) in %.1f s%n", file, Files.size(file), seconds(t));
        }
        double raw = 0;
        for (String target : targets.split(",")) {
            switch (target) {
                case "raw":
                    raw = raw(file);
                    break;
                case "memory":
                    memory(file, OnDuplicate.valueOf(policy.toUpperCase(Locale.ROOT)), batch, raw);
                    break;
                case "postgres":
                    postgres(file, url, OnDuplicate.valueOf(policy.toUpperCase(Locale.ROOT)), batch, raw);
                    break;
                case "memory-raw":
                    memoryRaw(file, batch);
                    break;
                case "postgres-raw":
                    postgresRaw(file, url, batch, rawLeadsOnly);
                    break;
                default:
                    throw new IllegalArgumentException("unknown target " + target);
            }
        }
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    static void generate(Path file, int rows) throws IOException {
        SplittableRandom random = new SplittableRandom(10);
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("External ID,First Name,Last Name,Email,Phone,Company,City,Lead Source,Description\r\n");
            StringBuilder b = new StringBuilder(256);
            for (int i = 1; i <= rows; i++) {
                b.setLength(0);
                String last = word(random, 7);
                b.append("x").append(i).append(',').append(FIRST[random.nextInt(FIRST.length)]).append(',')
                        .append(Character.toUpperCase(last.charAt(0))).append(last, 1, last.length()).append(',')
                        .append(word(random, 6)).append(i).append("@example.com,")
                        .append(i % 3 == 0 ? "'+45 " + (20_000_000 + random.nextInt(9_999_999))
                                : i % 3 == 1 ? "+90 53" + (20_000_000 + random.nextInt(9_999_999))
                                : "+370 6" + (1_000_000 + random.nextInt(8_999_999))).append(',')
                        .append('"').append(word(random, 5)).append(", ").append(i % 2 == 0 ? "A/S" : "UAB").append('"')
                        .append(',').append(CITIES[random.nextInt(CITIES.length)]).append(',')
                        .append(i % 10 == 0 ? "Cold Call" : "Web").append(',')
                        .append(i % 50 == 0 ? "\"multi\nline \"\"quoted\"\" note\"" : "").append("\r\n");
                out.append(b);
            }
        }
    }

    private static String word(SplittableRandom random, int length) {
        StringBuilder w = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            w.append(LETTERS.charAt(random.nextInt(LETTERS.length())));
        }
        return w.toString();
    }

    static double raw(Path file) throws IOException {
        long t = System.nanoTime();
        long cpu = processCpuNanos();
        long n = 0;
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
            for (CSVRecord r : parser) {
                n += r.size() > 0 ? 1 : 0;
            }
        }
        double s = seconds(t);
        double cpuSeconds = (processCpuNanos() - cpu) / 1e9;
        System.out.printf(Locale.ROOT, "raw Commons CSV parse: %,d rows in %.2f s = %,.0f rows/s; process CPU %.1f s%n",
                n, s, n / s, cpuSeconds);
        return n / s;
    }

    private static LeadKit kit(Store store) {
        return LeadKit.builder().store(store)
                .directory(Directory.inMemory().user("admin", "Admin").roles(Role.ADMIN).add()).build();
    }

    static void memory(Path file, OnDuplicate policy, int batch, double raw) throws IOException {
        LeadKit kit = kit(new InMemoryStore());
        System.gc();
        long gc = QueryBenchmarkData.gcMillis();
        long t = System.nanoTime();
        long cpu = processCpuNanos();
        ImportResult r = LeadImport.of(kit).run(ADMIN, file, ImportOptions.builder().onDuplicate(policy).batchSize(batch)
                .issues(ImportIssueSink.keeping(0)).build());
        double s = seconds(t);
        double cpuSeconds = (processCpuNanos() - cpu) / 1e9;
        long n = r.job().counts().rows();
        System.out.printf(Locale.ROOT, "import into memory, policy %s: %,d rows (%s) in %.2f s = %,.0f rows/s%s;"
                        + " process CPU %.1f s (%,.0f rows per CPU second); GC %,d ms%n",
                policy, n, r.job().counts(), s, n / s,
                raw > 0 ? String.format(Locale.ROOT, " (%.1f %% of raw parse)", 100 * (n / s) / raw) : "",
                cpuSeconds, n / cpuSeconds, QueryBenchmarkData.gcMillis() - gc);
        Path out = Files.createTempFile("k10-export", ".csv");
        try {
            System.gc(); // the import's garbage is not charged to the export
            gc = QueryBenchmarkData.gcMillis();
            t = System.nanoTime();
            long written = LeadExport.of(kit).write(ADMIN, out, ExportOptions.defaults());
            s = seconds(t);
            System.out.printf(Locale.ROOT, "export from memory: %,d rows (%,d bytes) in %.2f s = %,.0f rows/s; GC %,d ms%n",
                    written, Files.size(out), s, written / s, QueryBenchmarkData.gcMillis() - gc);
        } finally {
            Files.deleteIfExists(out);
        }
    }

    /**
     * The CPU time of the whole process, all threads and GC included: on a machine shared with
     * other work the wall time says more about the neighbours than about the import.
     */
    static long processCpuNanos() {
        java.lang.management.OperatingSystemMXBean os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean
                ? ((com.sun.management.OperatingSystemMXBean) os).getProcessCpuTime() : 0;
    }

    /** The seven match keys {@code memory-raw} and {@code postgres-raw} give a row. */
    private static String[] rawKeys(CSVRecord r) {
        String first = r.get(1).toLowerCase(Locale.ROOT);
        String last = r.get(2).toLowerCase(Locale.ROOT);
        String email = r.get(3).toLowerCase(Locale.ROOT);
        String phone = digits(r.get(4));
        String company = r.get(5).toLowerCase(Locale.ROOT);
        return new String[] {"e:" + email, "p:" + phone, "c:" + company, "n:" + first + " " + last,
                "nc:" + last + "|" + company, "nt:" + last + "|" + r.get(6).toLowerCase(Locale.ROOT),
                "d:" + email.substring(email.indexOf('@') + 1) + "|" + last};
    }

    private static String digits(String text) {
        StringBuilder b = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                b.append(c);
            }
        }
        return b.toString();
    }

    /** What each baseline does with one batch of records. */
    @FunctionalInterface
    private interface Batch {
        void accept(List<CSVRecord> rows) throws SQLException;
    }

    /** Parses the file with Commons CSV and hands its records on in batches of {@code size}, as the import reads them. */
    private static void forEachBatch(Path file, int size, Batch batch) throws IOException, SQLException {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
            List<CSVRecord> rows = new ArrayList<>(size);
            Iterator<CSVRecord> records = parser.iterator();
            while (records.hasNext()) {
                rows.clear();
                while (rows.size() < size && records.hasNext()) {
                    rows.add(records.next());
                }
                batch.accept(rows);
            }
        }
    }

    static void memoryRaw(Path file, int batch) throws IOException, SQLException {
        System.gc();
        long gc = QueryBenchmarkData.gcMillis();
        long t = System.nanoTime();
        long cpu = processCpuNanos();
        Map<String, String[]> leads = new HashMap<>();
        Map<String, String> byExternalId = new HashMap<>();
        Map<String, List<String>> holders = new HashMap<>();
        long[] n = {0};
        long[] flagged = {0};
        forEachBatch(file, batch, rows -> {
            List<String[]> keys = new ArrayList<>(rows.size());
            for (CSVRecord r : rows) {
                String[] k = rawKeys(r);
                keys.add(k);
                boolean duplicate = byExternalId.containsKey(r.get(0));
                for (String key : k) {
                    duplicate |= holders.containsKey(key);
                }
                flagged[0] += duplicate ? 1 : 0;
            }
            for (int i = 0; i < rows.size(); i++) {
                CSVRecord r = rows.get(i);
                String id = Long.toString(n[0], 36);
                String[] lead = new String[2 * r.size() + 1];
                lead[0] = id;
                for (int f = 0; f < r.size(); f++) {
                    lead[1 + f] = r.get(f);
                    lead[1 + r.size() + f] = r.get(f).toLowerCase(Locale.ROOT);
                }
                leads.put(id, lead);
                byExternalId.put(r.get(0), id);
                for (String key : keys.get(i)) {
                    holders.computeIfAbsent(key, x -> new ArrayList<>(1)).add(id);
                }
                n[0]++;
            }
        });
        double s = seconds(t);
        System.out.printf(Locale.ROOT, "hand-written in-memory baseline: %,d rows (%,d with a key already held) in %.2f s = %,.0f rows/s;"
                        + " process CPU %.1f s; GC %,d ms; %,d leads and %,d keys held%n",
                n[0], flagged[0], s, n[0] / s, (processCpuNanos() - cpu) / 1e9, QueryBenchmarkData.gcMillis() - gc, leads.size(), holders.size());
    }

    private static void emptyTables(String url) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, "postgres", "")) {
            LeadKitMigrations.migrate(c, Dialect.of(c));
            try (Statement s = c.createStatement()) {
                s.execute("truncate table lk_history, lk_lead_tag, lk_lead_custom_value, lk_lead_custom_option, lk_lead, lk_lead_match_key,"
                        + " lk_import_job, lk_catalogue, lk_settings, lk_custom_fields cascade");
            }
        }
    }

    private static final String[] KEY_COLUMNS = {"first_name_key", "last_name_key", "email_key", "phone_key", "company_key",
            "city_key", "description_key", "external_id_key", "owner_key", "created_by_key"};

    static void postgresRaw(Path file, String url, int batch, boolean leadsOnly) throws SQLException, IOException {
        emptyTables(url);
        long t = System.nanoTime();
        long cpu = processCpuNanos();
        long[] n = {0};
        String leadSql = "insert into lk_lead (id, version, first_name, last_name, email, phone, company, city, description,"
                + " source, status, lead_date, owner_id, external_id, created_by, created_at, updated_at, deleted, status_since,"
                + " lead_at, search_keys_version, " + String.join(", ", KEY_COLUMNS) + ")"
                + " values (?, 0, ?, ?, ?, ?, ?, ?, ?, ?, 'new', ?, ?, ?, ?, ?, ?, false, ?, ?, 1" + ", ?".repeat(KEY_COLUMNS.length) + ")";
        try (Connection c = DriverManager.getConnection(url, "postgres", "")) {
            c.setAutoCommit(false);
            try (PreparedStatement probeKeys = c.prepareStatement("select match_key, lead_id from lk_lead_match_key where match_key = any(?)");
                 PreparedStatement probeIds = c.prepareStatement("select external_id from lk_lead where external_id = any(?)");
                 PreparedStatement lead = c.prepareStatement(leadSql);
                 PreparedStatement key = c.prepareStatement("insert into lk_lead_match_key (match_key, lead_id) values (?, ?)");
                 PreparedStatement history = c.prepareStatement("insert into lk_history (seq, lead_id, at, actor_id, action, changes)"
                         + " values (?, ?, ?, 'admin', 'CREATED', ?)")) {
                long[] seq = {0};
                forEachBatch(file, batch, rows -> {
                    List<String[]> keys = new ArrayList<>(rows.size());
                    List<String> allKeys = new ArrayList<>(rows.size() * 7);
                    String[] externalIds = new String[rows.size()];
                    for (int i = 0; i < rows.size(); i++) {
                        CSVRecord r = rows.get(i);
                        String[] k = rawKeys(r);
                        keys.add(k);
                        Collections.addAll(allKeys, k);
                        externalIds[i] = r.get(0);
                    }
                    if (leadsOnly) {
                        allKeys.clear();
                    }
                    probeKeys.setArray(1, c.createArrayOf("text", allKeys.toArray()));
                    try (ResultSet rs = probeKeys.executeQuery()) {
                        while (rs.next()) {
                            rs.getString(2);
                        }
                    }
                    probeIds.setArray(1, c.createArrayOf("text", externalIds));
                    try (ResultSet rs = probeIds.executeQuery()) {
                        while (rs.next()) {
                            rs.getString(1);
                        }
                    }
                    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
                    for (int i = 0; i < rows.size(); i++) {
                        CSVRecord r = rows.get(i);
                        String id = UUID.randomUUID().toString();
                        int p = 1;
                        lead.setString(p++, id);
                        for (int f = 1; f <= 6; f++) {
                            lead.setString(p++, r.get(f));
                        }
                        lead.setString(p++, r.get(8).isEmpty() ? null : r.get(8));
                        lead.setString(p++, r.get(7).toLowerCase(Locale.ROOT).replace(' ', '_'));
                        lead.setString(p++, now.toLocalDate().toString());
                        lead.setString(p++, "admin");
                        lead.setString(p++, r.get(0));
                        lead.setString(p++, "admin");
                        lead.setObject(p++, now);
                        lead.setObject(p++, now);
                        lead.setObject(p++, now);
                        lead.setLong(p++, now.toInstant().toEpochMilli());
                        lead.setString(p++, r.get(1).toLowerCase(Locale.ROOT));
                        lead.setString(p++, r.get(2).toLowerCase(Locale.ROOT));
                        lead.setString(p++, r.get(3).toLowerCase(Locale.ROOT));
                        lead.setString(p++, keys.get(i)[1].substring(2));
                        lead.setString(p++, r.get(5).toLowerCase(Locale.ROOT));
                        lead.setString(p++, r.get(6).toLowerCase(Locale.ROOT));
                        lead.setString(p++, r.get(8).toLowerCase(Locale.ROOT));
                        lead.setString(p++, r.get(0).toLowerCase(Locale.ROOT));
                        lead.setString(p++, "admin");
                        lead.setString(p++, "admin");
                        lead.addBatch();
                        if (leadsOnly) {
                            continue;
                        }
                        for (String k : keys.get(i)) {
                            key.setString(1, k);
                            key.setString(2, id);
                            key.addBatch();
                        }
                        history.setLong(1, ++seq[0]);
                        history.setString(2, id);
                        history.setObject(3, now);
                        history.setString(4, "[{\"field\":\"email\",\"to\":\"" + r.get(3) + "\"}]");
                        history.addBatch();
                    }
                    lead.executeBatch();
                    if (!leadsOnly) {
                        key.executeBatch();
                        history.executeBatch();
                    }
                    c.commit();
                    n[0] += rows.size();
                });
            }
        }
        double s = seconds(t);
        System.out.printf(Locale.ROOT, "raw JDBC into the same PostgreSQL tables (baseline%s): %,d rows in %.2f s = %,.0f rows/s;"
                + " JVM process CPU %.1f s%n", leadsOnly ? ", lk_lead alone" : "", n[0], s, n[0] / s, (processCpuNanos() - cpu) / 1e9);
    }

    static void postgres(Path file, String url, OnDuplicate policy, int batch, double raw) throws SQLException {
        emptyTables(url);
        // A server application hands LeadKit its connection pool; the URL factory would open a
        // connection (a PostgreSQL backend) per transaction, two or three per batch.
        com.zaxxer.hikari.HikariConfig config = new com.zaxxer.hikari.HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername("postgres");
        config.setPassword("");
        config.setMaximumPoolSize(2);
        config.setAutoCommit(false);
        com.zaxxer.hikari.HikariDataSource pool = new com.zaxxer.hikari.HikariDataSource(config);
        EntityManagerFactory factory = LeadKitPersistence.entityManagerFactory(pool);
        try {
            LeadKit kit = kit(JpaStore.create(factory));
            long t = System.nanoTime();
            long cpu = processCpuNanos();
            ImportResult r = LeadImport.of(kit).run(ADMIN, file, ImportOptions.builder().onDuplicate(policy)
                    .batchSize(batch).issues(ImportIssueSink.keeping(0)).build());
            double s = seconds(t);
            double cpuSeconds = (processCpuNanos() - cpu) / 1e9;
            long n = r.job().counts().rows();
            System.out.printf(Locale.ROOT, "import into PostgreSQL, policy %s: %,d rows (%s) in %.2f s = %,.0f rows/s%s;"
                            + " heap max %d MiB; JVM process CPU %.1f s (JIT and GC included; the database's CPU is not)%n",
                    policy, n, r.job().counts(), s, n / s,
                    raw > 0 ? String.format(Locale.ROOT, " (%.1f %% of raw parse)", 100 * (n / s) / raw) : "",
                    Runtime.getRuntime().maxMemory() >> 20, cpuSeconds);
        } finally {
            factory.close();
            pool.close();
        }
    }
}
