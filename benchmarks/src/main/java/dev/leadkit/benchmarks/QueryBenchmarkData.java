package dev.leadkit.benchmarks;

import dev.leadkit.access.Directory;
import dev.leadkit.access.InMemoryDirectory;
import dev.leadkit.access.Role;
import dev.leadkit.field.FieldValue;
import dev.leadkit.jpa.internal.SearchKeys;
import dev.leadkit.lead.Lead;
import dev.leadkit.lead.LeadField;
import dev.leadkit.lead.LeadId;
import dev.leadkit.query.TextFold;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The K6 query benchmark's data: {@value #LEADS} leads with multilingual names and companies
 * (Turkish, Danish, Lithuanian, German, English …), e-mail addresses derived from them, owners
 * round-robin over {@value #USERS} plain users in {@value #TEAMS} teams of 10, every 50th lead
 * unassigned, every 100th soft-deleted, the six default statuses, lead dates spread over three
 * years, a fifth of the leads tagged and a tenth with a budget (a custom number). Deterministic:
 * lead {@code i} is the same on every run and in both stores.
 *
 * <pre>{@code
 * QueryBenchmarkData.loadPostgreSql(connection, QueryBenchmarkData.LEADS);   // COPY, ~1 minute
 * Lead lead = QueryBenchmarkData.lead(42);                               // the same lead, for the in-memory store
 * }</pre>
 */
public final class QueryBenchmarkData {

    /** How many leads the set holds. */
    public static final int LEADS = 1_000_000;
    /** How many users own them. */
    public static final int USERS = 1_000;
    /** How many teams of 10 the users form. */
    public static final int TEAMS = 100;
    /** The statuses, in the order leads cycle through them. */
    static final String[] STATUSES = {"new", "contacted", "offer_made", "converted", "unqualified", "lost"};
    static final String[] SOURCES = {"reference", "phone", "email", "website", "web_form", "import"};
    static final String[] TAGS = {"vip", "partner", "event-2026", "newsletter", "cold", "hot", "Ærø", "İzmir", "Vilnius", "München"};

    static final String[] FIRST = {"Ayşe", "İbrahim", "Işıl", "Ümit", "Çağla", "Gökhan", "Şükrü", "Özge", "Ilgın", "Emre",
            "Søren", "Mette", "Bjørn", "Åse", "Jørgen", "Frederikke", "Mads", "Sofie", "Ærling", "Kasper",
            "Šarūnas", "Jonas", "Gintarė", "Žygimantas", "Rūta", "Ąžuolas", "Eglė", "Vytautas", "Ieva", "Lukas",
            "Jürgen", "Günther", "Straße", "Claudia", "Jörg", "Anna", "Maximilian", "Lena", "Felix", "Sophie",
            "James", "Olivia", "Noah", "Emma", "Liam", "Ava", "William", "Isabella", "Mateo", "Lucía"};
    static final String[] LAST = {"Yılmaz", "Kaya", "Demir", "Şahin", "Çelik", "Öztürk", "Aydın", "Arslan", "Doğan", "Kılıç",
            "Jensen", "Nielsen", "Hansen", "Pedersen", "Andersen", "Christensen", "Larsen", "Sørensen", "Rasmussen", "Jørgensen",
            "Kazlauskas", "Petrauskas", "Jankauskas", "Stankevičius", "Vasiliauskas", "Žukauskas", "Butkus", "Paulauskas", "Urbonas", "Kavaliauskas",
            "Müller", "Schmidt", "Schneider", "Fischer", "Weiß", "Meyer", "Wagner", "Becker", "Schäfer", "Groß",
            "Smith", "Johnson", "Williams", "Brown", "Jones", "García", "Martínez", "Rodríguez", "Hernández", "López"};
    static final String[] COMPANY_WORDS = {"Anadolu", "İstanbul", "Boğaziçi", "Ege", "Karadeniz", "Nordisk", "Øresund", "Ærø",
            "Fyn", "Jylland", "Baltijos", "Vilniaus", "Kauno", "Nemuno", "Žalgirio", "Rhein", "Bayerische", "Nord", "Süd", "Alpen",
            "Atlantic", "Pacific", "Summit", "Harbor", "Granite", "Cedar", "Quantum", "Vertex", "Polar", "Sunrise"};
    static final String[] COMPANY_TRADES = {"Lojistik", "Tekstil", "Gıda", "Maskinfabrik", "Byg", "Handel", "Statyba",
            "Prekyba", "Energija", "Maschinenbau", "Logistik", "Bäckerei", "Software", "Consulting", "Foods", "Solutions"};
    static final String[] COMPANY_FORMS = {"A.Ş.", "Ltd. Şti.", "A/S", "ApS", "UAB", "AB", "GmbH", "AG", "Ltd.", "Inc."};
    static final String[] CITIES = {"İstanbul", "İzmir", "Ankara", "København", "Århus", "Odense", "Vilnius", "Kaunas",
            "Šiauliai", "München", "Köln", "Düsseldorf", "London", "Madrid", "New York"};
    static final String[] COUNTRIES = {"TR", "TR", "TR", "DK", "DK", "DK", "LT", "LT", "LT", "DE", "DE", "DE", "GB", "ES", "US"};

    static final Instant BASE = Instant.parse("2023-11-23T00:00:00Z");
    static final long SPAN_SECONDS = 3L * 365 * 86_400;

    private QueryBenchmarkData() {
    }

    /** @return milliseconds the JVM's collectors have spent so far, summed over all of them */
    public static long gcMillis() {
        long ms = 0;
        for (java.lang.management.GarbageCollectorMXBean gc : java.lang.management.ManagementFactory.getGarbageCollectorMXBeans()) {
            ms += Math.max(0, gc.getCollectionTime());
        }
        return ms;
    }

    /** @return the names of the JVM's collectors, for the benchmark's first line */
    public static String collectors() {
        List<String> names = new ArrayList<>();
        for (java.lang.management.GarbageCollectorMXBean gc : java.lang.management.ManagementFactory.getGarbageCollectorMXBeans()) {
            names.add(gc.getName());
        }
        return String.join(" + ", names);
    }

    /** @return the directory: {@value #USERS} plain users in {@value #TEAMS} teams of 10 */
    public static InMemoryDirectory directory() {
        InMemoryDirectory directory = Directory.inMemory();
        for (int u = 0; u < USERS; u++) {
            directory.user(user(u), user(u)).roles(Role.USER).team(team(u / 10)).add();
        }
        return directory;
    }

    /** @param u a user number @return its id, {@code u0000} … {@code u0999} */
    public static String user(int u) {
        return String.format("u%04d", u);
    }

    /** @param t a team number @return its id, {@code t000} … {@code t099} */
    public static String team(int t) {
        return String.format("t%03d", t);
    }

    /** @param t a team number @return its members */
    public static List<String> members(int t) {
        List<String> members = new ArrayList<>();
        for (int u = t * 10; u < t * 10 + 10; u++) {
            members.add(user(u));
        }
        return members;
    }

    /**
     * @param i the lead's number, 0 to {@value #LEADS} − 1
     * @return lead {@code i}, as a store holds it (version 1)
     */
    public static Lead lead(int i) {
        SplittableRandom random = new SplittableRandom(0x4b36L * 1_000_003L + i);
        String first = FIRST[random.nextInt(FIRST.length)];
        String last = LAST[random.nextInt(LAST.length)];
        String company = COMPANY_WORDS[random.nextInt(COMPANY_WORDS.length)] + " "
                + COMPANY_TRADES[random.nextInt(COMPANY_TRADES.length)] + " " + COMPANY_FORMS[random.nextInt(COMPANY_FORMS.length)];
        int city = random.nextInt(CITIES.length);
        Instant leadDate = BASE.plusSeconds(random.nextLong(SPAN_SECONDS)).plusNanos(random.nextInt(1_000_000) * 1_000L);
        Map<LeadField, String> values = new EnumMap<>(LeadField.class);
        values.put(LeadField.FIRST_NAME, first);
        values.put(LeadField.LAST_NAME, last);
        values.put(LeadField.EMAIL, (ascii(first) + "." + ascii(last) + "." + i + "@" + ascii(company.split(" ")[0]) + ".example")
                .replace(' ', '-'));
        values.put(LeadField.COMPANY, company);
        values.put(LeadField.PHONE, String.format("+45 %02d %02d %02d %02d", 20 + random.nextInt(80), random.nextInt(100),
                random.nextInt(100), random.nextInt(100)));
        values.put(LeadField.CITY, CITIES[city]);
        values.put(LeadField.COUNTRY, COUNTRIES[city]);
        values.put(LeadField.SOURCE, SOURCES[random.nextInt(SOURCES.length)]);
        values.put(LeadField.STATUS, STATUSES[i % STATUSES.length]);
        values.put(LeadField.LEAD_DATE, leadDate.toString());
        if (i % 50 != 0) {
            values.put(LeadField.OWNER, user((int) ((i * 7L) % USERS)));
        }
        Map<String, FieldValue> custom = new TreeMap<>();
        if (i % 10 == 3) {
            custom.put("budget", FieldValue.number(BigDecimal.valueOf(1_000L * (1 + random.nextInt(500)))));
        }
        Set<String> tags = new TreeSet<>();
        if (i % 5 == 2) {
            tags.add(TAGS[random.nextInt(TAGS.length)]);
        }
        return Lead.of(LeadId.of(String.format("L%07d", i)), 1, values, custom, tags, List.of(), "admin", leadDate,
                leadDate, leadDate, java.util.Optional.empty(), i % 100 == 1);
    }

    private static String ascii(String text) {
        return TextFold.fold(text).replaceAll("[^a-z0-9 .-]", "");
    }

    /**
     * @param url      the JDBC URL of the benchmark database
     * @param user     its user
     * @param password its password
     * @return a pool of 4 connections, auto-commit off, as the K6/K10 benchmarks use it
     */
    public static com.zaxxer.hikari.HikariDataSource pool(String url, String user, String password) {
        com.zaxxer.hikari.HikariConfig config = new com.zaxxer.hikari.HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(4);
        config.setAutoCommit(false);
        return new com.zaxxer.hikari.HikariDataSource(config);
    }

    /**
     * Inserts the first {@code count} leads into an in-memory store through the store port, 10,000
     * per transaction.
     *
     * @param store an empty store
     * @param count how many leads
     */
    public static void loadMemory(dev.leadkit.store.memory.InMemoryStore store, int count) {
        for (int from = 0; from < count; from += 10_000) {
            int first = from;
            store.inTransaction(tx -> {
                for (int i = first; i < Math.min(first + 10_000, count); i++) {
                    tx.leads().insert(lead(i));
                }
                return null;
            });
        }
    }

    /**
     * Loads leads {@code 0 … count − 1} into a migrated PostgreSQL schema with COPY, unless it
     * already holds exactly them: drops the secondary indexes of the lead tables, copies the
     * rows (with their search keys, tags and custom values), recreates the indexes from their
     * recorded definitions, and analyses.
     *
     * @param c     a connection to the migrated schema, auto-commit off
     * @param count how many leads
     * @return whether rows were loaded (false: reused)
     * @throws SQLException when the database refuses
     */
    public static boolean loadPostgreSql(Connection c, int count) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "select count(*), count(search_keys_version) from lk_lead")) {
            rs.next();
            if (rs.getLong(1) == count && rs.getLong(2) == count) {
                c.commit();
                return false;
            }
        }
        Map<String, String> indexes = new LinkedHashMap<>();
        try (Statement s = c.createStatement()) {
            s.execute("truncate lk_history, lk_lead_custom_option, lk_lead_custom_value, lk_lead_tag, lk_lead,"
                    + " lk_lead_grant, lk_lead_follower, lk_lead_access");
            try (ResultSet rs = s.executeQuery("select i.indexname, i.indexdef from pg_indexes i"
                    + " where i.schemaname = current_schema() and i.tablename in ('lk_lead', 'lk_lead_tag', 'lk_lead_custom_value')"
                    + " and not exists (select 1 from pg_constraint k where k.conname = i.indexname)")) {
                while (rs.next()) {
                    indexes.put(rs.getString(1), rs.getString(2));
                }
            }
            for (String index : indexes.keySet()) {
                s.execute("drop index " + index);
            }
        }
        List<LeadField> keyed = new ArrayList<>();
        for (LeadField field : LeadField.values()) {
            if (SearchKeys.keyed(field)) {
                keyed.add(field);
            }
        }
        StringBuilder columns = new StringBuilder("id, version, first_name, last_name, email, phone, company, city, country,"
                + " source, status, lead_date, owner_id, created_by, created_at, updated_at, deleted, status_since, custom,"
                + " tags, products, lead_at, search_keys_version");
        for (LeadField field : keyed) {
            columns.append(", ").append(SearchKeys.keyColumn(field));
        }
        CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
        CopyIn leads = copy.copyIn("copy lk_lead (" + columns + ") from stdin");
        StringBuilder tags = new StringBuilder();
        StringBuilder custom = new StringBuilder();
        StringBuilder row = new StringBuilder(1_024);
        try {
            for (int i = 0; i < count; i++) {
                Lead lead = lead(i);
                row.setLength(0);
                field(row, lead.id().value());
                row.append("\t1");
                for (LeadField f : new LeadField[] {LeadField.FIRST_NAME, LeadField.LAST_NAME, LeadField.EMAIL,
                        LeadField.PHONE, LeadField.COMPANY, LeadField.CITY, LeadField.COUNTRY, LeadField.SOURCE,
                        LeadField.STATUS, LeadField.LEAD_DATE, LeadField.OWNER}) {
                    row.append('\t');
                    field(row, lead.get(f).orElse(null));
                }
                row.append("\tadmin\t").append(lead.createdAt()).append('\t').append(lead.updatedAt()).append('\t')
                        .append(lead.isDeleted() ? 't' : 'f').append('\t').append(lead.statusSince()).append('\t');
                field(row, customJson(lead.custom()));
                row.append('\t');
                field(row, tagsJson(lead.tags()));
                row.append("\t\t").append(SearchKeys.micros(lead.leadDate())).append('\t').append(SearchKeys.VERSION);
                for (LeadField f : keyed) {
                    row.append('\t');
                    field(row, SearchKeys.key(f, lead.get(f).orElse(null)));
                }
                row.append('\n');
                byte[] bytes = row.toString().getBytes(StandardCharsets.UTF_8);
                leads.writeToCopy(bytes, 0, bytes.length);
                for (String tag : lead.tags()) {
                    field(tags, lead.id().value());
                    tags.append('\t');
                    field(tags, tag);
                    tags.append('\t');
                    field(tags, SearchKeys.tagKey(tag));
                    tags.append('\n');
                }
                lead.custom().forEach((key, value) -> {
                    field(custom, lead.id().value());
                    custom.append('\t').append(key).append('\t').append(value.kind().name()).append('\t');
                    field(custom, TextFold.fold(value.canonical()));
                    custom.append('\t').append(((FieldValue.Number) value).value().toPlainString()).append("\t\\N\n");
                });
            }
            leads.endCopy();
        } finally {
            if (leads.isActive()) {
                leads.cancelCopy();
            }
        }
        copyAll(copy, "copy lk_lead_tag (lead_id, tag, tag_key) from stdin", tags);
        copyAll(copy, "copy lk_lead_custom_value (lead_id, field_key, kind, text_key, number_value, date_value) from stdin", custom);
        c.commit();
        try (Statement s = c.createStatement()) {
            for (String definition : indexes.values()) {
                s.execute(definition);
            }
            c.commit();
            c.setAutoCommit(true);
            s.execute("vacuum analyze lk_lead");
            s.execute("vacuum analyze lk_lead_tag");
            s.execute("vacuum analyze lk_lead_custom_value");
            c.setAutoCommit(false);
        }
        return true;
    }

    /**
     * Migrates the schema and loads the leads, for a load ahead of the benchmark.
     *
     * @param args {@code --url} (default {@code jdbc:postgresql://127.0.0.1:5432/bench_k6}), {@code --leads}
     * @throws Exception when the database fails
     */
    public static void main(String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        String url = options.getOrDefault("url", "jdbc:postgresql://127.0.0.1:5432/bench_k6");
        int count = Integer.parseInt(options.getOrDefault("leads", String.valueOf(LEADS)));
        try (Connection c = java.sql.DriverManager.getConnection(url, options.getOrDefault("user", "postgres"),
                options.getOrDefault("password", ""))) {
            dev.leadkit.jpa.LeadKitMigrations.migrate(c, dev.leadkit.jpa.Dialect.POSTGRESQL);
            c.setAutoCommit(false);
            long start = System.nanoTime();
            boolean loaded = loadPostgreSql(c, count);
            System.out.printf(java.util.Locale.ROOT, "%s %,d leads in %.1f s%n", loaded ? "loaded" : "reused", count,
                    (System.nanoTime() - start) / 1e9);
        }
    }

    private static void copyAll(CopyManager copy, String sql, StringBuilder rows) throws SQLException {
        try {
            copy.copyIn(sql, new java.io.StringReader(rows.toString()));
        } catch (java.io.IOException e) {
            throw new SQLException("COPY failed", e);
        }
    }

    /** Appends a value in COPY's text format: \N for null, backslash escapes for the separators. */
    private static void field(StringBuilder out, String value) {
        if (value == null) {
            out.append("\\N");
            return;
        }
        for (int k = 0; k < value.length(); k++) {
            char ch = value.charAt(k);
            switch (ch) {
                case '\\': out.append("\\\\"); break;
                case '\t': out.append("\\t"); break;
                case '\n': out.append("\\n"); break;
                case '\r': out.append("\\r"); break;
                default: out.append(ch);
            }
        }
    }

    /** The JSON the JPA store writes for custom values (number values only, as this set holds). */
    private static String customJson(Map<String, FieldValue> custom) {
        if (custom.isEmpty()) {
            return "";
        }
        StringBuilder json = new StringBuilder("{");
        custom.forEach((key, value) -> json.append(json.length() > 1 ? "," : "").append('"').append(key)
                .append("\":{\"kind\":\"").append(value.kind().name()).append("\",\"canonical\":\"")
                .append(value.canonical()).append("\"}"));
        return json.append('}').toString();
    }

    private static String tagsJson(Set<String> tags) {
        if (tags.isEmpty()) {
            return "";
        }
        StringBuilder json = new StringBuilder("[");
        tags.forEach(tag -> json.append(json.length() > 1 ? "," : "").append('"').append(tag).append('"'));
        return json.append(']').toString();
    }
}
