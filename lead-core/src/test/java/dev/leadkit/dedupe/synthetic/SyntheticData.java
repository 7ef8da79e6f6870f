package dev.leadkit.dedupe.synthetic;

import dev.leadkit.dedupe.MatchField;
import dev.leadkit.dedupe.MatchRecord;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Synthetic records with labelled duplicates, for the quality tests and the benchmarks (issue K7,
 * item 10). Two profiles:
 * <ul>
 * <li>{@link Profile#LEADS}: multilingual B2B leads (Danish, German, Turkish, Lithuanian, British):
 * names, e-mail, phone, company with legal form, address, website, registration number;</li>
 * <li>{@link Profile#PERSONS}: FEBRL-style person records without e-mail or phone: given name,
 * surname, street number, address 1 and 2, suburb, postcode, state, date of birth, social security id.</li>
 * </ul>
 * Some originals are relatives or colleagues of another original (same surname and address, or
 * same company), so that precision is tested on near misses, not only on strangers.
 *
 * <p>The corruption rates are fixed here, before any tuning: at {@link Severity#MODERATE} a
 * duplicate carries 1 (50 %), 2 (35 %) or 3 (15 %) corruptions, chosen by the kind weights of its
 * profile. Rules are tuned on seeds 1–10; quality is reported on seeds from 1001.
 *
 * <pre>{@code
 * Dataset d = SyntheticData.generate(Profile.PERSONS, 5_000, Severity.MODERATE, 1001);
 * d.writeCsv(Path.of("persons.csv"));   // header, rows, and a cluster_id column with the truth
 * }</pre>
 */
public final class SyntheticData {

    /** Which kind of records. */
    public enum Profile {
        /** Multilingual B2B leads with e-mail, phone, company. */
        LEADS,
        /** FEBRL-style person records: names, address, birth date, id; no e-mail, no phone. */
        PERSONS
    }

    /** How many corruptions a duplicate carries. */
    public enum Severity {
        /** Exactly one. */
        LIGHT,
        /** One (50 %), two (35 %) or three (15 %). */
        MODERATE,
        /** Two (40 %), three (40 %) or four (20 %). */
        HEAVY
    }

    /** One generated row. */
    public static final class Row {
        /** Row id, unique. */
        public final String id;
        /** The original's number: rows with the same cluster are the same entity. */
        public final int cluster;
        /** Column values by CSV header name. */
        public final Map<String, String> columns;
        /** The corruptions applied (empty for an original). */
        public final List<Corruption> corruptions;

        Row(String id, int cluster, Map<String, String> columns, List<Corruption> corruptions) {
            this.id = id;
            this.cluster = cluster;
            this.columns = columns;
            this.corruptions = corruptions;
        }
    }

    /** A generated data set. */
    public static final class Dataset {
        /** The profile. */
        public final Profile profile;
        /** The CSV header, cluster_id last. */
        public final List<String> header;
        /** The rows, shuffled. */
        public final List<Row> rows;

        Dataset(Profile profile, List<String> header, List<Row> rows) {
            this.profile = profile;
            this.header = header;
            this.rows = rows;
        }

        /** @return the rows as match records, by the column mapping of the profile */
        public List<MatchRecord> records() {
            List<MatchRecord> out = new ArrayList<>(rows.size());
            for (Row r : rows) {
                out.add(record(profile, r));
            }
            return out;
        }

        /**
         * Writes the rows as CSV (RFC 4180 quoting) with a header; the last column, cluster_id,
         * is the truth: rows with equal cluster_id are duplicates of each other.
         *
         * @param file where to write
         * @throws IOException when writing fails
         */
        public void writeCsv(Path file) throws IOException {
            try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                writeLine(w, header);
                List<String> values = new ArrayList<>(header.size());
                for (Row r : rows) {
                    values.clear();
                    for (String h : header) {
                        values.add(h.equals("cluster_id") ? Integer.toString(r.cluster)
                                : h.equals("rec_id") ? r.id : r.columns.getOrDefault(h, ""));
                    }
                    writeLine(w, values);
                }
            }
        }

        private static void writeLine(Writer w, List<String> values) throws IOException {
            for (int i = 0; i < values.size(); i++) {
                if (i > 0) {
                    w.write(',');
                }
                String v = values.get(i);
                if (v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0) {
                    w.write('"');
                    w.write(v.replace("\"", "\"\""));
                    w.write('"');
                } else {
                    w.write(v);
                }
            }
            w.write("\r\n");
        }
    }

    static final List<String> LEADS_HEADER = List.of("rec_id", "first_name", "last_name", "email", "phone",
            "company", "street", "postcode", "city", "country", "website", "registration_number", "cluster_id");
    static final List<String> PERSONS_HEADER = List.of("rec_id", "given_name", "surname", "street_number",
            "address_1", "address_2", "suburb", "postcode", "state", "date_of_birth", "soc_sec_id", "cluster_id");

    private static final Map<String, MatchField> LEADS_MAPPING = Map.ofEntries(
            Map.entry("first_name", MatchField.FIRST_NAME), Map.entry("last_name", MatchField.LAST_NAME),
            Map.entry("email", MatchField.EMAIL), Map.entry("phone", MatchField.PHONE),
            Map.entry("company", MatchField.COMPANY), Map.entry("street", MatchField.STREET),
            Map.entry("postcode", MatchField.POSTCODE), Map.entry("city", MatchField.CITY),
            Map.entry("country", MatchField.COUNTRY), Map.entry("website", MatchField.WEBSITE),
            Map.entry("registration_number", MatchField.REGISTRATION_NUMBER));
    private static final Map<String, MatchField> PERSONS_MAPPING = Map.ofEntries(
            Map.entry("given_name", MatchField.FIRST_NAME), Map.entry("surname", MatchField.LAST_NAME),
            Map.entry("street_number", MatchField.HOUSE_NUMBER), Map.entry("address_1", MatchField.STREET),
            Map.entry("address_2", MatchField.ADDRESS_LINE_2), Map.entry("suburb", MatchField.CITY),
            Map.entry("postcode", MatchField.POSTCODE), Map.entry("state", MatchField.REGION),
            Map.entry("date_of_birth", MatchField.BIRTH_DATE), Map.entry("soc_sec_id", MatchField.NATIONAL_ID));

    /** Kind weights, fixed before tuning. */
    private static final Map<Corruption, Integer> LEADS_KINDS = kinds(Corruption.TYPO, 16, Corruption.OCR, 6,
            Corruption.PHONETIC, 8, Corruption.MISSING, 12, Corruption.SWAP_NAMES, 4, Corruption.NICKNAME, 8,
            Corruption.TRANSLITERATION, 10, Corruption.PHONE_FORMAT, 10, Corruption.EMAIL_FORMAT, 8,
            Corruption.COMPANY_SUFFIX, 10, Corruption.ABBREVIATION, 5, Corruption.DIGIT, 3);
    private static final Map<Corruption, Integer> PERSONS_KINDS = kinds(Corruption.TYPO, 24, Corruption.OCR, 10,
            Corruption.PHONETIC, 12, Corruption.MISSING, 16, Corruption.SWAP_NAMES, 6, Corruption.NICKNAME, 8,
            Corruption.ABBREVIATION, 8, Corruption.DIGIT, 16);

    private static final Map<String, List<String>> NICKNAMES = nicknames();

    private SyntheticData() {
    }

    /** @return the corruption kinds the profile uses */
    public static List<Corruption> kinds(Profile profile) {
        return new ArrayList<>((profile == Profile.LEADS ? LEADS_KINDS : PERSONS_KINDS).keySet());
    }

    /**
     * @param profile   leads or persons
     * @param originals how many distinct entities
     * @param severity  how many corruptions per duplicate
     * @param seed      the random seed
     * @return originals and their duplicates, shuffled
     */
    public static Dataset generate(Profile profile, int originals, Severity severity, long seed) {
        return generate(profile, originals, severity, null, seed);
    }

    /**
     * @param profile   leads or persons
     * @param originals how many distinct entities
     * @param only      when not null, every duplicate carries exactly this one corruption
     * @param seed      the random seed
     * @return originals and their duplicates, shuffled
     */
    public static Dataset generateWith(Profile profile, int originals, Corruption only, long seed) {
        return generate(profile, originals, Severity.LIGHT, only, seed);
    }

    private static Dataset generate(Profile profile, int originals, Severity severity, Corruption only, long seed) {
        Random rnd = new Random(seed);
        List<Map<String, String>> bases = new ArrayList<>(originals);
        java.util.Set<String> emails = new java.util.HashSet<>();
        for (int i = 0; i < originals; i++) {
            Map<String, String> base;
            // One original in ten is a relative or colleague of an earlier one: a near miss, not a duplicate.
            if (i > 0 && rnd.nextInt(10) == 0) {
                base = profile == Profile.LEADS ? colleague(bases.get(rnd.nextInt(i)), rnd)
                        : relative(bases.get(rnd.nextInt(i)), rnd);
            } else {
                base = profile == Profile.LEADS ? lead(rnd) : person(rnd);
            }
            // Mailboxes are unique: a namesake gets a number, as mail providers insist.
            // Gmail ignores dots, so the mailbox is the address without them.
            String email = base.get("email");
            if (email != null) {
                base.put("email", uniqueMailbox(email, emails, rnd));
            }
            bases.add(base);
        }
        List<Row> rows = new ArrayList<>();
        Map<Corruption, Integer> weights = profile == Profile.LEADS ? LEADS_KINDS : PERSONS_KINDS;
        for (int c = 0; c < originals; c++) {
            Map<String, String> base = bases.get(c);
            rows.add(new Row("", c, base, List.of()));
            int dups = duplicates(profile, rnd);
            for (int d = 0; d < dups; d++) {
                Map<String, String> copy = new LinkedHashMap<>(base);
                List<Corruption> applied = new ArrayList<>();
                int count = only != null ? 1 : corruptions(severity, rnd);
                for (int k = 0; k < count; k++) {
                    Corruption kind = only != null ? only : pick(weights, rnd);
                    if (Corruptor.apply(kind, profile, copy, rnd, NICKNAMES)) {
                        applied.add(kind);
                    }
                }
                rows.add(new Row("", c, copy, applied));
            }
        }
        Collections.shuffle(rows, rnd);
        List<Row> numbered = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            numbered.add(new Row("rec-" + i, r.cluster, r.columns, r.corruptions));
        }
        return new Dataset(profile, profile == Profile.LEADS ? LEADS_HEADER : PERSONS_HEADER, numbered);
    }

    /** Failed draws at one number width before a namesake's number gets one digit more. */
    static final int DRAWS_PER_WIDTH = 200;

    /**
     * The address itself when its mailbox is free, else the local part with a number: two digits
     * at first, one digit more after {@link #DRAWS_PER_WIDTH} taken draws, so that even a
     * million originals (where the common names fill all 90 two-digit mailboxes) find a free one.
     * Up to some tens of thousands of originals no width is ever exhausted, so the draws, and the
     * data, are the same as with two digits only.
     */
    static String uniqueMailbox(String email, java.util.Set<String> taken, Random rnd) {
        int at = email.indexOf('@');
        String candidate = email;
        int draws = 0;
        while (!taken.add(candidate.replace(".", ""))) {
            int width = Math.min(9, 2 + draws / DRAWS_PER_WIDTH);
            int low = (int) Math.pow(10, width - 1);
            candidate = email.substring(0, at) + (low + rnd.nextInt(9 * low)) + email.substring(at);
            draws++;
        }
        return candidate;
    }

    static MatchRecord record(Profile profile, Row row) {
        Map<String, MatchField> mapping = profile == Profile.LEADS ? LEADS_MAPPING : PERSONS_MAPPING;
        EnumMap<MatchField, String> values = new EnumMap<>(MatchField.class);
        row.columns.forEach((k, v) -> {
            MatchField f = mapping.get(k);
            if (f != null && v != null && !v.isBlank()) {
                values.put(f, v);
            }
        });
        return MatchRecord.of(row.id, values);
    }

    private static int duplicates(Profile profile, Random rnd) {
        // Leads: 30 % of originals have 1–3 duplicates. Persons (FEBRL-like): 40 % have 1–5, most one or two.
        if (profile == Profile.LEADS) {
            return rnd.nextInt(10) < 3 ? 1 + (rnd.nextInt(10) < 3 ? 1 + rnd.nextInt(2) : 0) : 0;
        }
        if (rnd.nextInt(10) >= 4) {
            return 0;
        }
        int r = rnd.nextInt(100);
        return r < 55 ? 1 : r < 80 ? 2 : r < 92 ? 3 : r < 97 ? 4 : 5;
    }

    private static int corruptions(Severity severity, Random rnd) {
        int r = rnd.nextInt(100);
        switch (severity) {
            case LIGHT:
                return 1;
            case MODERATE:
                return r < 50 ? 1 : r < 85 ? 2 : 3;
            default:
                return r < 40 ? 2 : r < 80 ? 3 : 4;
        }
    }

    private static Corruption pick(Map<Corruption, Integer> weights, Random rnd) {
        int total = weights.values().stream().mapToInt(Integer::intValue).sum();
        int r = rnd.nextInt(total);
        for (Map.Entry<Corruption, Integer> e : weights.entrySet()) {
            r -= e.getValue();
            if (r < 0) {
                return e.getKey();
            }
        }
        throw new IllegalStateException("weights");
    }

    // ---- originals ---------------------------------------------------------------------------

    /** Zipf-like pick: early entries are more common, as real names are. */
    static String zipf(List<String> list, Random rnd) {
        double u = rnd.nextDouble();
        int i = (int) (list.size() * u * u);
        return list.get(Math.min(i, list.size() - 1));
    }

    private static String surname(List<String> known, List<String> syllables, Random rnd) {
        String s = zipf(known, rnd);
        // Half the surnames are rarer variants, as in real data where most surnames are rare.
        if (rnd.nextBoolean()) {
            String syl = syllables.get(rnd.nextInt(syllables.size()));
            String stem = s.length() > 4 ? s.substring(0, 3 + rnd.nextInt(s.length() - 3)) : s;
            s = stem + syl;
        }
        return s;
    }

    private static Map<String, String> lead(Random rnd) {
        Locales.Locale l = Locales.ALL.get(rnd.nextInt(Locales.ALL.size()));
        Map<String, String> m = new LinkedHashMap<>();
        String first = zipf(l.firstNames, rnd);
        String last = surname(l.lastNames, l.syllables, rnd);
        last = Character.toUpperCase(last.charAt(0)) + last.substring(1);
        m.put("first_name", first);
        m.put("last_name", last);
        boolean hasCompany = rnd.nextInt(10) < 7;
        String company = null;
        String domain = null;
        if (hasCompany) {
            String word = l.companyWords.get(rnd.nextInt(l.companyWords.size()));
            String name = rnd.nextBoolean() ? surname(l.lastNames, l.syllables, rnd) : l.streets.get(rnd.nextInt(l.streets.size()));
            name = Character.toUpperCase(name.charAt(0)) + name.substring(1);
            company = name + " " + word;
            domain = ascii(company).replace(" ", "") + "." + l.tld;
            m.put("company", company + " " + l.legalForms.get(rnd.nextInt(l.legalForms.size())));
        }
        if (rnd.nextInt(10) < 9) {
            String local = ascii(first) + (rnd.nextBoolean() ? "." : "") + ascii(last);
            if (rnd.nextInt(4) == 0) {
                local = local + (10 + rnd.nextInt(90));
            }
            String mailDomain = hasCompany && rnd.nextBoolean() ? domain : l.mailDomains.get(rnd.nextInt(l.mailDomains.size()));
            m.put("email", local + "@" + mailDomain);
        }
        if (rnd.nextInt(10) < 8) {
            m.put("phone", l.phonePrefix + " " + digits(rnd, l.phoneDigits, true));
        }
        if (rnd.nextInt(10) < 6) {
            String[] city = l.cities.get(rnd.nextInt(l.cities.size()));
            String street = l.streets.get(rnd.nextInt(l.streets.size()));
            String type = l.streetTypes.get(rnd.nextInt(l.streetTypes.size()));
            int no = 1 + rnd.nextInt(150);
            String line;
            if (l == Locales.GB) {
                line = no + " " + street + " " + type;
            } else if (l == Locales.TR) {
                line = street + " " + type + " No: " + no;
            } else if (l == Locales.LT) {
                line = street + " " + type + " " + no;
            } else {
                line = street + type + " " + no;
            }
            m.put("street", line);
            m.put("postcode", postcodeVariant(city[1], rnd));
            m.put("city", city[0]);
        }
        m.put("country", l.country);
        if (hasCompany && rnd.nextInt(10) < 3) {
            m.put("website", "www." + domain);
        }
        if (hasCompany && rnd.nextInt(10) < 2) {
            m.put("registration_number", digits(rnd, 8, false));
        }
        m.put("__locale", l.country);
        return m;
    }

    /** Another person at the same company and address: a near miss. */
    private static Map<String, String> colleague(Map<String, String> other, Random rnd) {
        Map<String, String> m = lead(rnd);
        Locales.Locale l = Locales.ALL.stream().filter(x -> x.country.equals(other.get("__locale"))).findFirst().orElseThrow();
        for (String k : List.of("company", "street", "postcode", "city", "country", "website", "registration_number", "__locale")) {
            if (other.containsKey(k)) {
                m.put(k, other.get(k));
            } else {
                m.remove(k);
            }
        }
        if (rnd.nextBoolean()) {
            m.put("last_name", other.get("last_name"));
        }
        String first = zipf(l.firstNames, rnd);
        while (first.equals(other.get("first_name"))) {
            first = zipf(l.firstNames, rnd);
        }
        m.put("first_name", first);
        if (m.containsKey("email")) {
            String dom = other.containsKey("email") ? other.get("email").substring(other.get("email").indexOf('@') + 1) : "example.com";
            m.put("email", ascii(first) + "." + ascii(m.get("last_name")) + "@" + dom);
        }
        if (m.containsKey("phone")) {
            m.put("phone", l.phonePrefix + " " + digits(rnd, l.phoneDigits, true));
        }
        return m;
    }

    private static Map<String, String> person(Random rnd) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("given_name", zipf(Locales.AU_GIVEN, rnd));
        m.put("surname", surname(Locales.AU_SURNAMES, Locales.AU_SYLLABLES, rnd));
        m.put("street_number", Integer.toString(1 + (int) (300 * Math.pow(rnd.nextDouble(), 2))));
        m.put("address_1", Locales.AU_STREETS.get(rnd.nextInt(Locales.AU_STREETS.size())) + " "
                + Locales.AU_STREET_TYPES.get(rnd.nextInt(Locales.AU_STREET_TYPES.size())));
        if (rnd.nextInt(10) < 3) {
            m.put("address_2", Locales.AU_BUILDINGS.get(rnd.nextInt(Locales.AU_BUILDINGS.size())));
        }
        String[] suburb = Locales.AU_SUBURBS.get(rnd.nextInt(Locales.AU_SUBURBS.size()));
        m.put("suburb", suburb[0]);
        // Postcodes vary around the suburb's, as neighbouring areas do.
        m.put("postcode", Integer.toString(Integer.parseInt(suburb[1]) + rnd.nextInt(40)));
        if (m.get("postcode").length() < 4) {
            m.put("postcode", "0" + m.get("postcode"));
        }
        m.put("state", suburb[2]);
        m.put("date_of_birth", String.format(Locale.ROOT, "%04d%02d%02d", 1920 + rnd.nextInt(85), 1 + rnd.nextInt(12),
                1 + rnd.nextInt(28)));
        m.put("soc_sec_id", Integer.toString(1_000_000 + rnd.nextInt(9_000_000)));
        return m;
    }

    /** A family member at the same address: same surname, other given name, birth date and id. */
    private static Map<String, String> relative(Map<String, String> other, Random rnd) {
        Map<String, String> m = person(rnd);
        while (m.get("given_name").equals(other.get("given_name"))) {
            m.put("given_name", zipf(Locales.AU_GIVEN, rnd));
        }
        for (String k : List.of("surname", "street_number", "address_1", "address_2", "suburb", "postcode", "state")) {
            if (other.containsKey(k)) {
                m.put(k, other.get(k));
            } else {
                m.remove(k);
            }
        }
        return m;
    }

    private static String postcodeVariant(String base, Random rnd) {
        if (!Character.isDigit(base.charAt(base.length() - 1))) {
            return base;
        }
        int n = Integer.parseInt(base);
        String s = Integer.toString(n + rnd.nextInt(60));
        while (s.length() < base.length()) {
            s = "0" + s;
        }
        return s;
    }

    static String digits(Random rnd, int n, boolean grouped) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            if (grouped && i > 0 && i % 2 == 0) {
                b.append(' ');
            }
            b.append((char) ('0' + (i == 0 ? 2 + rnd.nextInt(8) : rnd.nextInt(10))));
        }
        return b.toString();
    }

    static String ascii(String s) {
        return java.text.Normalizer.normalize(s.toLowerCase(Locale.ROOT)
                        .replace("ø", "o").replace("æ", "ae").replace("ß", "ss").replace("ı", "i"),
                java.text.Normalizer.Form.NFD).replaceAll("\\p{M}", "").replaceAll("[^a-z0-9 ]", "");
    }

    private static Map<Corruption, Integer> kinds(Object... pairs) {
        Map<Corruption, Integer> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put((Corruption) pairs[i], (Integer) pairs[i + 1]);
        }
        return m;
    }

    /** The generator's own nickname list: partly the engine's, partly not, as real data is. */
    private static Map<String, List<String>> nicknames() {
        Map<String, List<String>> m = new LinkedHashMap<>();
        m.put("william", List.of("bill", "will", "billy", "liam"));
        m.put("robert", List.of("bob", "rob", "bobby"));
        m.put("richard", List.of("rick", "dick", "richie"));
        m.put("james", List.of("jim", "jimmy", "jamie"));
        m.put("thomas", List.of("tom", "tommy"));
        m.put("michael", List.of("mike", "mick", "micky"));
        m.put("christopher", List.of("chris", "kit"));
        m.put("anthony", List.of("tony"));
        m.put("andrew", List.of("andy", "drew"));
        m.put("daniel", List.of("dan", "danny"));
        m.put("david", List.of("dave"));
        m.put("edward", List.of("ed", "ted", "eddie"));
        m.put("joseph", List.of("joe", "joey"));
        m.put("nicholas", List.of("nick", "nicky"));
        m.put("alexander", List.of("alex", "sandy"));
        m.put("benjamin", List.of("ben", "benny"));
        m.put("matthew", List.of("matt"));
        m.put("jonathan", List.of("jon", "jonny"));
        m.put("stephen", List.of("steve", "stevie"));
        m.put("timothy", List.of("tim"));
        m.put("peter", List.of("pete"));
        m.put("samuel", List.of("sam", "sammy"));
        m.put("philip", List.of("phil"));
        m.put("charles", List.of("charlie", "chuck"));
        m.put("henry", List.of("harry", "hank"));
        m.put("gregory", List.of("greg"));
        m.put("elizabeth", List.of("liz", "beth", "betty", "lizzie"));
        m.put("margaret", List.of("maggie", "peggy", "meg"));
        m.put("katherine", List.of("kate", "kathy", "katie"));
        m.put("jennifer", List.of("jen", "jenny"));
        m.put("rebecca", List.of("becky", "becca"));
        m.put("susan", List.of("sue", "susie"));
        m.put("patricia", List.of("pat", "trish"));
        m.put("deborah", List.of("deb", "debbie"));
        m.put("victoria", List.of("vicky", "tori"));
        m.put("samantha", List.of("sam", "sammy"));
        m.put("jessica", List.of("jess", "jessie"));
        m.put("abigail", List.of("abby"));
        m.put("isabella", List.of("bella", "izzy"));
        m.put("isabelle", List.of("belle", "izzy"));
        m.put("madeleine", List.of("maddie"));
        m.put("alexandra", List.of("alex", "lexi"));
        m.put("christine", List.of("chris", "tina"));
        m.put("caroline", List.of("carrie", "carol"));
        m.put("joshua", List.of("josh"));
        m.put("zachary", List.of("zach"));
        m.put("nathaniel", List.of("nate"));
        m.put("johannes", List.of("hans", "jens"));
        m.put("jürgen", List.of("jörg"));
        m.put("frederik", List.of("frede"));
        m.put("christian", List.of("chris"));
        m.put("mehmet", List.of("memet"));
        m.put("aleksandras", List.of("aleksas"));
        m.put("vytautas", List.of("vytas"));
        m.put("wolfgang", List.of("wolf"));
        m.put("maximilian", List.of("max"));
        m.put("katharina", List.of("kathi", "katja"));
        m.put("lachlan", List.of("lachie"));
        m.put("hamish", List.of("hamo"));
        return m;
    }
}
