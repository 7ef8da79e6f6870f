package dev.leadkit.benchmarks;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.leadkit.Actor;
import dev.leadkit.LeadKit;
import dev.leadkit.access.Directory;
import dev.leadkit.access.InMemoryDirectory;
import dev.leadkit.access.Role;
import dev.leadkit.dedupe.Decision;
import dev.leadkit.dedupe.LeadMatching;
import dev.leadkit.dedupe.Match;
import dev.leadkit.dedupe.MatchRecord;
import dev.leadkit.dedupe.MatchRules;
import dev.leadkit.dedupe.Matcher;
import dev.leadkit.jpa.JpaStore;
import dev.leadkit.jpa.LeadKitPersistence;
import dev.leadkit.lead.Lead;
import dev.leadkit.lead.LeadDraft;
import dev.leadkit.lead.LeadField;
import dev.leadkit.lead.LeadId;
import dev.leadkit.store.MatchKeyRepository;
import jakarta.persistence.EntityManagerFactory;

import java.io.Reader;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

/**
 * K7 on PostgreSQL: the duplicate check against 1,000,000 stored leads. Loads the leads and their
 * match keys (computed by the engine, written with COPY; the key table's indexes are built after
 * the load) unless the database already holds that many, then times {@code kit.duplicates().check}
 * — one indexed lookup of the candidates plus the engine's scoring — for realistic new leads:
 * every second one a typo'd copy of a stored lead (a changed letter, another e-mail case, the
 * phone without its country prefix), the others new people. Prints the median and the 99th
 * percentile of {@code --calls} calls after {@code --warmup} calls, how many found a duplicate,
 * and PostgreSQL's plan of the candidate query.
 *
 * <pre>{@code
 * java -cp ... dev.leadkit.benchmarks.DuplicateCheckBenchmark --url jdbc:postgresql://127.0.0.1:5432/bench_k7 --leads 1000000 --calls 400
 * }</pre>
 */
public final class DuplicateCheckBenchmark {

    private static final String[] FIRST = ("Anna Anne Ayşe Birgitte Camilla Charlotte Dorthe Eglė Elif Emma Emine Freja"
            + " Gintarė Hanne Ida İrem Jurgita Karen Kirsten Laura Lene Lina Lise Louise Maja Marija Mette Nanna Neslihan"
            + " Oksana Rasa Rūta Sofie Susanne Şule Tove Zeynep Ahmet Anders Arūnas Bo Carsten Christian Darius Emre"
            + " Erik Frederik Hans Henrik Jonas Jens Jørgen Kasper Lars Mads Mantas Martin Mehmet Michael Morten Mustafa"
            + " Niels Ole Per Peter Povilas Rasmus Søren Thomas Tomas Ugnius Vytautas Yusuf Oğuz Çağrı Kemal").split(" ");
    private static final String[] LAST_STEMS = ("Jens Niel Hans Peder Ander Christen Lar Søren Ras Jørgen Madsen Krist"
            + " Ols Thom Poul Johann Kar Frederik Mikkel Bertel Yılmaz Kaya Demir Şahin Çelik Yıldız Yıldırım Öztürk"
            + " Aydın Özdemir Arslan Doğan Kılıç Aslan Çetin Kara Koç Kurt Özkan Şimşek Kazlausk Jankausk Petrausk"
            + " Stankevič Vasiliausk Žukausk Butkev Paulausk Urbon Kavaliausk").split(" ");
    private static final String[] LAST_ENDS = {"sen", "son", "", "oğlu", "as", "ienė", "ytė", "gaard", "holm", "berg",
            "dal", "lund", "strup", "skov", "bæk", "høj", "er", "ius"};
    private static final String[] COMPANY_WORDS = ("Nordic Baltic Anatolia Øresund Vilnius Aarhus Izmir Kaunas Odense"
            + " Bosphorus Jylland Fyn Klaipėda Marmara Ege Sjælland Amber Viking Tulip Linden Oak Birch Harbour Delta"
            + " Nova Alfa Beta Gamma Polar Solar Green Blue Red Smart Quick Prime").split(" ");
    private static final String[] COMPANY_KINDS = ("Tekstil Gardiner Møbler Baldai Mobilya Logistik Transport Bygg"
            + " Consulting Data Software Food Agro Energi Medical Design Print").split(" ");
    private static final String[] LEGAL = {"ApS", "A/S", "UAB", "A.Ş.", "Ltd.", "GmbH", "I/S", "AB"};
    private static final String[] CITIES = ("København Aarhus Odense Aalborg Vejle Esbjerg Randers Kolding Horsens"
            + " İstanbul Ankara İzmir Bursa Antalya Vilnius Kaunas Klaipėda Šiauliai Panevėžys Malmö").split(" ");
    private static final String[] DOMAINS = {"gmail.com", "outlook.com", "hotmail.com", "yahoo.com", "mail.dk",
            "post.lt", "firma.dk", "sirket.com.tr"};

    private DuplicateCheckBenchmark() {
    }

    /**
     * @param args {@code --url}, {@code --user}, {@code --password}, {@code --leads} (default
     *             1,000,000), {@code --calls} (default 400), {@code --warmup} (default 200),
     *             {@code --actor} (default u007), {@code --reload} to load again
     * @throws Exception when the database fails
     */
    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        String url = options.getOrDefault("url", "jdbc:postgresql://127.0.0.1:5432/bench_k7");
        String user = options.getOrDefault("user", "postgres");
        String password = options.getOrDefault("password", "");
        int leads = Integer.parseInt(options.getOrDefault("leads", "1000000"));
        int calls = Integer.parseInt(options.getOrDefault("calls", "400"));
        int warmup = Integer.parseInt(options.getOrDefault("warmup", "200"));
        Actor actor = Actor.of(options.getOrDefault("actor", "u007"));
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(4);
        config.setAutoCommit(false);
        Matcher matcher = Matcher.of(MatchRules.defaults());
        try (HikariDataSource pool = new HikariDataSource(config)) {
            EntityManagerFactory factory = LeadKitPersistence.entityManagerFactory(pool);
            try {
                long stored;
                try (Connection c = pool.getConnection(); Statement s = c.createStatement();
                     ResultSet rs = s.executeQuery("select count(*) from lk_lead")) {
                    rs.next();
                    stored = rs.getLong(1);
                }
                if (stored != leads || options.containsKey("reload")) {
                    long start = System.nanoTime();
                    load(pool, leads, matcher);
                    System.out.printf(Locale.ROOT, "loaded %,d leads with their match keys in %.1f s%n", leads,
                            (System.nanoTime() - start) / 1e9);
                } else {
                    System.out.printf(Locale.ROOT, "reusing the %,d leads already stored%n", stored);
                }
                try (Connection c = pool.getConnection(); Statement s = c.createStatement();
                     ResultSet rs = s.executeQuery("select count(*) from lk_lead_match_key")) {
                    rs.next();
                    System.out.printf(Locale.ROOT, "match keys stored: %,d%n", rs.getLong(1));
                }
                LeadKit kit = LeadKit.builder().store(JpaStore.create(factory)).directory(directory())
                        .clock(Clock.fixed(Instant.parse("2026-11-23T12:00:00Z"), ZoneOffset.UTC)).build();
                run(kit, pool, actor, leads, calls, warmup, matcher);
            } finally {
                factory.close();
            }
        }
    }

    private static void run(LeadKit kit, HikariDataSource pool, Actor actor, int leads, int calls, int warmup,
                            Matcher matcher) throws Exception {
        Random random = new Random(7);
        List<LeadDraft> probes = new ArrayList<>();
        for (int i = 0; i < warmup + calls; i++) {
            probes.add(i % 2 == 0 ? typo(person(random.nextInt(leads)), random) : person(leads + 1 + random.nextInt(1_000_000)));
        }
        for (int i = 0; i < warmup; i++) {
            kit.duplicates().check(actor, probes.get(i));
        }
        long[] nanos = new long[calls];
        int found = 0;
        int duplicates = 0;
        for (int i = 0; i < calls; i++) {
            long start = System.nanoTime();
            List<Match> matches = kit.duplicates().check(actor, probes.get(warmup + i));
            nanos[i] = System.nanoTime() - start;
            if (!matches.isEmpty()) {
                found++;
                if (matches.get(0).decision() == Decision.DUPLICATE) {
                    duplicates++;
                }
            }
        }
        long[] adminNanos = new long[calls];
        int adminFound = 0;
        for (int i = 0; i < calls; i++) {
            long start = System.nanoTime();
            List<Match> matches = kit.duplicates().check(Actor.of("admin"), probes.get(warmup + i));
            adminNanos[i] = System.nanoTime() - start;
            adminFound += matches.isEmpty() ? 0 : 1;
        }
        Arrays.sort(nanos);
        Arrays.sort(adminNanos);
        System.out.printf(Locale.ROOT, "kit.duplicates().check as %s (a seller: their team's leads and grants), %d calls after %d"
                        + " warm-up: median %.2f ms, p99 %.2f ms, max %.2f ms; %d of %d found a match (%d a duplicate)%n",
                actor.userId(), calls, warmup, nanos[calls / 2] / 1e6, nanos[(int) Math.ceil(calls * 0.99) - 1] / 1e6,
                nanos[calls - 1] / 1e6, found, calls, duplicates);
        System.out.printf(Locale.ROOT, "kit.duplicates().check as admin (every lead visible), %d calls: median %.2f ms, p99 %.2f ms;"
                        + " %d of %d found a match (every second probe is a typo'd copy of a stored lead)%n",
                calls, adminNanos[calls / 2] / 1e6, adminNanos[(int) Math.ceil(calls * 0.99) - 1] / 1e6, adminFound, calls);
        breakdown(kit, matcher, probes.subList(warmup, warmup + calls));
        explain(pool, matcher, probes.get(warmup));
    }

    /** Where a check's time goes: an empty transaction, the candidate lookup alone, the scoring alone. */
    private static void breakdown(LeadKit kit, Matcher matcher, List<LeadDraft> probes) {
        int n = probes.size();
        long[] empty = new long[n];
        long[] lookup = new long[n];
        long[] scoring = new long[n];
        int candidates = 0;
        for (int i = 0; i < n; i++) {
            Lead probe = probeLead(probes.get(i));
            long t0 = System.nanoTime();
            kit.store().inTransaction(tx -> null);
            long t1 = System.nanoTime();
            List<Lead> found = kit.store().inTransaction(tx -> tx.matchKeys().candidates(
                    new java.util.LinkedHashSet<>(matcher.blockingKeys(MatchRecord.from(probe))),
                    dev.leadkit.store.Visibility.everything(), LeadMatching.CANDIDATE_LIMIT));
            long t2 = System.nanoTime();
            matcher.rank(MatchRecord.from(probe), found.stream().map(MatchRecord::from).toList(), (a, b) -> false);
            long t3 = System.nanoTime();
            empty[i] = t1 - t0;
            lookup[i] = t2 - t1;
            scoring[i] = t3 - t2;
            candidates += found.size();
        }
        Arrays.sort(empty);
        Arrays.sort(lookup);
        Arrays.sort(scoring);
        System.out.printf(Locale.ROOT, "breakdown (medians, every lead visible): empty transaction %.2f ms, candidate lookup"
                        + " %.2f ms, scoring %.2f ms; %.1f candidates per check%n", empty[n / 2] / 1e6, lookup[n / 2] / 1e6,
                scoring[n / 2] / 1e6, candidates / (double) n);
    }

    private static Lead probeLead(LeadDraft probe) {
        EnumMap<LeadField, String> values = new EnumMap<>(probe.values());
        values.put(LeadField.STATUS, "new");
        values.put(LeadField.SOURCE, "web_form");
        values.put(LeadField.LEAD_DATE, "2026-11-23T12:00:00Z");
        return Lead.of(LeadId.of("probe"), 1, values, "u007", Instant.EPOCH, Instant.EPOCH, false);
    }

    /**
     * The plan of the candidate query as the store sends it for u007 (see JpaMatchKeyRepository:
     * the same text, rebuilt here because the adapter's internals are not exported), for one probe.
     */
    private static void explain(HikariDataSource pool, Matcher matcher, LeadDraft probe) throws Exception {
        Lead lead = probeLead(probe);
        List<String> keys = matcher.blockingKeys(MatchRecord.from(lead)).stream().sorted().toList();
        StringBuilder branches = new StringBuilder();
        for (int i = 0; i < keys.size(); i++) {
            branches.append(i > 0 ? " union all " : "").append("(select k.lead_id from lk_lead_match_key k where"
                    + " k.match_key = ? order by k.lead_id limit " + MatchKeyRepository.MAX_PER_KEY + ")");
        }
        String team = String.join(",", java.util.Collections.nCopies(10, "?"));
        String sql = "explain (analyze, costs off, timing off) select l.* from (select c.lead_id, count(*) as shared from ("
                + branches + ") c group by c.lead_id order by shared desc, c.lead_id limit " + LeadMatching.CANDIDATE_LIMIT
                + ") m join lk_lead l on l.id = m.lead_id where (l.owner_id in (" + team + ") or exists (select 1"
                + " from lk_lead_grant g where g.lead_id = l.id and g.grantee_id = ? and g.can_view = true))"
                + " order by m.shared desc, l.id";
        try (Connection c = pool.getConnection(); java.sql.PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < keys.size(); i++) {
                s.setString(i + 1, keys.get(i));
            }
            for (int u = 0; u < 10; u++) {
                s.setString(keys.size() + 1 + u, String.format(Locale.ROOT, "u%03d", u));
            }
            s.setString(keys.size() + 11, "u007");
            System.out.println("plan of the candidate query (" + keys.size() + " keys):");
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    System.out.println("  " + rs.getString(1));
                }
            }
            c.rollback();
        }
    }

    /** 200 users in 20 teams of 10; u000 … u199; and an Admin. */
    private static InMemoryDirectory directory() {
        InMemoryDirectory d = Directory.inMemory().user("admin", "Admin").roles(Role.ADMIN).add();
        for (int u = 0; u < 200; u++) {
            d = d.user(String.format(Locale.ROOT, "u%03d", u), "User " + u).team("team" + (u / 10)).add();
        }
        return d;
    }

    /** Person number {@code n}: the same values every time, so a probe can be a typo'd copy of a stored lead. */
    static LeadDraft person(int n) {
        Random r = new Random(n * 2_654_435_761L);
        String first = FIRST[r.nextInt(FIRST.length)];
        String last = LAST_STEMS[r.nextInt(LAST_STEMS.length)] + LAST_ENDS[r.nextInt(LAST_ENDS.length)];
        String company = COMPANY_WORDS[r.nextInt(COMPANY_WORDS.length)] + " "
                + COMPANY_KINDS[r.nextInt(COMPANY_KINDS.length)] + " " + r.nextInt(5000) + " " + LEGAL[r.nextInt(LEGAL.length)];
        String email = ascii(first) + "." + ascii(last) + n + "@" + DOMAINS[r.nextInt(DOMAINS.length)];
        String phone = String.format(Locale.ROOT, "+45 %02d %02d %02d %02d", 20 + r.nextInt(70), r.nextInt(100),
                r.nextInt(100), r.nextInt(100));
        return LeadDraft.builder().firstName(first).lastName(last).email(email).phone(phone).company(company)
                .city(CITIES[r.nextInt(CITIES.length)]).build();
    }

    /** A changed letter in the last name, the e-mail in capitals or the phone without country prefix. */
    static LeadDraft typo(LeadDraft d, Random r) {
        Map<LeadField, String> v = d.values();
        String last = v.get(LeadField.LAST_NAME);
        int at = 1 + r.nextInt(last.length() - 1);
        String typoLast = last.substring(0, at) + (char) ('a' + r.nextInt(26)) + last.substring(Math.min(last.length(), at + 1));
        LeadDraft.Builder b = LeadDraft.builder().firstName(v.get(LeadField.FIRST_NAME)).lastName(typoLast)
                .company(v.get(LeadField.COMPANY)).city(v.get(LeadField.CITY));
        switch (r.nextInt(3)) {
            case 0:
                b.email(v.get(LeadField.EMAIL).toUpperCase(Locale.ROOT));
                break;
            case 1:
                b.phone(v.get(LeadField.PHONE).substring(4));
                break;
            default:
                b.email(v.get(LeadField.EMAIL)).phone(v.get(LeadField.PHONE));
                break;
        }
        return b.build();
    }

    private static String ascii(String s) {
        return java.text.Normalizer.normalize(s.toLowerCase(Locale.ROOT), java.text.Normalizer.Form.NFD)
                .replaceAll("[^a-z]", "");
    }

    /**
     * Writes the leads and their keys with COPY, 50,000 per chunk, the keys computed on every
     * processor; the key table's indexes are dropped for the load and built afterwards.
     */
    private static void load(HikariDataSource pool, int leads, Matcher matcher) throws Exception {
        try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
            s.execute("truncate lk_lead, lk_lead_match_key, lk_history, lk_lead_grant, lk_lead_access,"
                    + " lk_lead_follower, lk_duplicate_decision");
            s.execute("alter table lk_lead_match_key drop constraint lk_lead_match_key_pk");
            s.execute("drop index lk_lead_match_key_lead_ix");
            c.commit();
        }
        int chunk = 50_000;
        AtomicLong keyRows = new AtomicLong();
        try (Connection c = pool.getConnection()) {
            Copy copy = new Copy(c);
            Instant created = Instant.parse("2026-01-01T00:00:00Z");
            for (int from = 0; from < leads; from += chunk) {
                int to = Math.min(leads, from + chunk);
                String[] leadRows = new String[to - from];
                String[] keyRowsText = new String[to - from];
                int base = from;
                IntStream.range(from, to).parallel().forEach(n -> {
                    LeadDraft d = person(n);
                    String id = String.format(Locale.ROOT, "lead-%07d", n);
                    String owner = n % 50 == 0 ? null : String.format(Locale.ROOT, "u%03d", n % 200);
                    EnumMap<LeadField, String> values = new EnumMap<>(d.values());
                    values.put(LeadField.STATUS, "new");
                    values.put(LeadField.SOURCE, "web_form");
                    values.put(LeadField.LEAD_DATE, created.plusSeconds(n).toString());
                    if (owner != null) {
                        values.put(LeadField.OWNER, owner);
                    }
                    Lead lead = Lead.of(LeadId.of(id), 1, values, "u000", created.plusSeconds(n), created.plusSeconds(n), false);
                    String at = created.plusSeconds(n).toString();
                    leadRows[n - base] = String.join("\t", id, "1", d.values().get(LeadField.FIRST_NAME),
                            d.values().get(LeadField.LAST_NAME), d.values().get(LeadField.EMAIL),
                            d.values().get(LeadField.PHONE), d.values().get(LeadField.COMPANY),
                            d.values().get(LeadField.CITY), "web_form", "new", at, owner == null ? "\\N" : owner, "u000",
                            at, at, "f", at) + "\n";
                    StringBuilder keys = new StringBuilder();
                    for (String key : matcher.blockingKeys(MatchRecord.from(lead))) {
                        keys.append(escape(key)).append('\t').append(id).append('\n');
                    }
                    keyRowsText[n - base] = keys.toString();
                });
                copy.copyIn("copy lk_lead (id, version, first_name, last_name, email, phone, company, city, source,"
                        + " status, lead_date, owner_id, created_by, created_at, updated_at, deleted, status_since)"
                        + " from stdin", reader(leadRows));
                long rows = copy.copyIn("copy lk_lead_match_key (match_key, lead_id) from stdin", reader(keyRowsText));
                keyRows.addAndGet(rows);
                c.commit();
                if ((to / chunk) % 4 == 0 || to == leads) {
                    System.out.printf(Locale.ROOT, "  %,d leads, %,d keys%n", to, keyRows.get());
                }
            }
        }
        try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
            // Identical keys of one lead (after normalisation) would break the primary key: there are none,
            // the engine returns distinct keys; the constraint proves it.
            s.execute("alter table lk_lead_match_key add constraint lk_lead_match_key_pk primary key (match_key, lead_id)");
            s.execute("create index lk_lead_match_key_lead_ix on lk_lead_match_key (lead_id)");
            c.commit();
        }
        // What autovacuum does soon after a bulk load: statistics, and the visibility map that lets
        // the candidate lookup read the key index alone (index-only scans).
        try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
            c.setAutoCommit(true);
            s.execute("vacuum (analyze) lk_lead");
            s.execute("vacuum (analyze) lk_lead_match_key");
            c.setAutoCommit(false);
        }
    }

    /**
     * PostgreSQL's COPY through the driver's CopyManager, reached reflectively: the driver is a
     * runtime dependency of this module.
     */
    private static final class Copy {
        private final Object manager;
        private final java.lang.reflect.Method copyIn;

        Copy(Connection c) throws Exception {
            Object pg = c.unwrap(Class.forName("org.postgresql.PGConnection"));
            this.manager = pg.getClass().getMethod("getCopyAPI").invoke(pg);
            this.copyIn = manager.getClass().getMethod("copyIn", String.class, Reader.class);
        }

        long copyIn(String sql, Reader rows) throws Exception {
            return (Long) copyIn.invoke(manager, sql, rows);
        }
    }

    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n");
    }

    private static Reader reader(String[] parts) {
        return new StringReader(String.join("", parts));
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("options are --name value; got " + args[i]);
            }
            String name = args[i].substring(2);
            if (name.equals("reload")) {
                options.put(name, "true");
            } else if (i + 1 < args.length) {
                options.put(name, args[++i]);
            } else {
                throw new IllegalArgumentException("--" + name + " needs a value");
            }
        }
        return options;
    }
}
