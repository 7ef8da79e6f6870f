package dev.leadkit.jpa;

import dev.leadkit.field.FieldValue;
import dev.leadkit.lead.Lead;
import dev.leadkit.lead.LeadField;
import dev.leadkit.lead.LeadId;
import dev.leadkit.query.SortKey;
import dev.leadkit.query.TextFold;
import dev.leadkit.store.Criterion;
import dev.leadkit.store.LeadSelection;
import dev.leadkit.store.QueryField;
import dev.leadkit.store.Store;
import dev.leadkit.store.Visibility;
import dev.leadkit.store.memory.InMemoryStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The JPA store's own cases for lead selections (K6), beyond the query contract: the same
 * selections give the same pages as the in-memory store over one data set (filters of every
 * kind, sorts with empty values, offset and keyset pages), every select and count is one SQL
 * statement, folding finds Turkish, Danish, Lithuanian and German spellings, and injection
 * strings in every text position are only ever values. Each database runs them through a
 * one-line subclass.
 */
abstract class JpaLeadQueryTests {

    private static JpaStoreFixture fixture;
    private static CountingDataSource counting;
    private static jakarta.persistence.EntityManagerFactory countingFactory;
    private static TestDatabase database;
    private JpaStore store;
    private InMemoryStore memory;

    static final QueryField FIRST = QueryField.of(LeadField.FIRST_NAME);
    static final QueryField LAST = QueryField.of(LeadField.LAST_NAME);
    static final QueryField COMPANY = QueryField.of(LeadField.COMPANY);
    static final QueryField EMAIL = QueryField.of(LeadField.EMAIL);
    static final QueryField CITY = QueryField.of(LeadField.CITY);
    static final QueryField STATUS = QueryField.of(LeadField.STATUS);
    static final QueryField OWNER = QueryField.of(LeadField.OWNER);
    static final QueryField LEAD_DATE = QueryField.of(LeadField.LEAD_DATE);
    static final QueryField BUDGET = new QueryField(QueryField.Origin.CUSTOM, "budget", QueryField.Type.NUMBER);
    static final QueryField MET = new QueryField(QueryField.Origin.CUSTOM, "met", QueryField.Type.DATE);
    static final QueryField NOTE = new QueryField(QueryField.Origin.CUSTOM, "note", QueryField.Type.TEXT);
    static final QueryField VIP = new QueryField(QueryField.Origin.CUSTOM, "vip", QueryField.Type.FLAG);
    static final QueryField SIZE = new QueryField(QueryField.Origin.CUSTOM, "size", QueryField.Type.CODE);
    static final QueryField TOPICS = new QueryField(QueryField.Origin.CUSTOM, "topics", QueryField.Type.SET);

    static final String[] NAMES = {"İbrahim", "ılgın", "Işık", "Søren", "Åse", "Ærling", "Šarūnas", "Žydrė", "Ąžuolas",
            "Jürgen", "Straße", "strasse", "Anna", "anna", "Zoë", "😀 Emoji", "Ölçü", "a", "A", "ab"};
    static final String[] COMPANIES = {"İstanbul Lojistik A.Ş.", "istanbul gıda", "Øresund ApS", "Vilniaus prekyba UAB",
            "Müller GmbH", "100% Pure Ltd.", "under_score Inc.", "O'Brien & Co", "Ærø Byg"};

    /** Opens the fixture once per class; subclasses call it from {@code @BeforeAll}. */
    static void open(TestDatabase db) {
        database = db;
        fixture = JpaStoreFixture.open(db);
        if (fixture != null) {
            counting = new CountingDataSource(fixture.pool);
            countingFactory = LeadKitPersistence.entityManagerFactory(counting, Map.of());
        }
    }

    @AfterAll
    static void closeFixture() {
        if (countingFactory != null) {
            countingFactory.close();
            countingFactory = null;
        }
        if (fixture != null) {
            fixture.close();
            fixture = null;
        }
    }

    @BeforeEach
    void emptyStores() {
        store = JpaStoreFixture.emptyStore(fixture, database);
        memory = new InMemoryStore();
    }

    /** Lead {@code i} of the shared data set: names with every folding case, empty fields, custom values, tags. */
    static Lead lead(int i) {
        SplittableRandom random = new SplittableRandom(i * 7919L);
        Map<LeadField, String> values = new EnumMap<>(LeadField.class);
        if (random.nextInt(6) != 0) {
            values.put(LeadField.FIRST_NAME, NAMES[random.nextInt(NAMES.length)]);
        }
        values.put(LeadField.LAST_NAME, NAMES[random.nextInt(NAMES.length)] + (random.nextBoolean() ? "" : " " + i % 3));
        if (random.nextInt(4) != 0) {
            values.put(LeadField.COMPANY, COMPANIES[random.nextInt(COMPANIES.length)]);
        }
        if (random.nextBoolean()) {
            values.put(LeadField.EMAIL, "lead" + i + "@example.com");
        }
        if (random.nextInt(3) == 0) {
            values.put(LeadField.CITY, random.nextBoolean() ? "København" : "Kaunas");
        }
        values.put(LeadField.STATUS, new String[] {"new", "contacted", "lost"}[random.nextInt(3)]);
        values.put(LeadField.SOURCE, "web");
        Instant date = Instant.parse("2026-01-01T00:00:00Z").plusSeconds(random.nextInt(40) * 3600L);
        values.put(LeadField.LEAD_DATE, date.toString());
        if (random.nextInt(5) != 0) {
            values.put(LeadField.OWNER, new String[] {"ayse", "Bjorn", "jonas", "Émile"}[random.nextInt(4)]);
        }
        Map<String, FieldValue> custom = new TreeMap<>();
        if (random.nextBoolean()) {
            custom.put("budget", FieldValue.number(BigDecimal.valueOf(random.nextInt(5) * 250, random.nextInt(3))));
        }
        if (random.nextBoolean()) {
            custom.put("met", FieldValue.date(LocalDate.of(2026, 1, 1).plusDays(random.nextInt(10))));
        }
        if (random.nextBoolean()) {
            custom.put("note", FieldValue.text(NAMES[random.nextInt(NAMES.length)]));
        }
        if (random.nextBoolean()) {
            custom.put("vip", FieldValue.flag(random.nextBoolean()));
        }
        if (random.nextBoolean()) {
            custom.put("size", FieldValue.text(new String[] {"small", "large"}[random.nextInt(2)]));
        }
        if (random.nextBoolean()) {
            List<String> topics = new ArrayList<>(List.of("crm", "erp", "bi").subList(0, random.nextInt(4)));
            java.util.Collections.shuffle(topics, new java.util.Random(i));
            custom.put("topics", FieldValue.choices(topics));
        }
        Set<String> tags = new TreeSet<>();
        for (String tag : new String[] {"VIP", "vip", "Ærø", "cold"}) {
            if (random.nextInt(4) == 0) {
                tags.add(tag);
            }
        }
        Instant created = Instant.parse("2026-02-01T00:00:00Z").plusSeconds(i * 61L);
        return Lead.of(LeadId.of(String.format("L%03d", i)), 1, values, custom, tags, List.of(), "admin", created, created,
                created, Optional.empty(), random.nextInt(10) == 0);
    }

    private void load(int count) {
        List<Lead> leads = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            leads.add(lead(i));
        }
        for (Store s : List.of(store, memory)) {
            s.inTransaction(tx -> {
                leads.forEach(tx.leads()::insert);
                return null;
            });
        }
    }

    private List<String> ids(Store s, LeadSelection selection) {
        return s.inTransaction(tx -> tx.leads().select(selection)).stream().map(l -> l.id().value()).toList();
    }

    private long count(Store s, LeadSelection selection) {
        return s.inTransaction(tx -> tx.leads().count(selection));
    }

    static LeadSelection selection(Visibility visibility, Criterion filter, Optional<LeadSelection.Search> search,
                                   List<LeadSelection.Order> order, int limit) {
        return new LeadSelection(visibility, false, filter, search, order, Optional.empty(), 0, limit);
    }

    static LeadSelection.Order asc(QueryField field) {
        return new LeadSelection.Order(field, false);
    }

    static LeadSelection.Order desc(QueryField field) {
        return new LeadSelection.Order(field, true);
    }

    static Criterion match(QueryField field, Criterion.Operator operator, Object... values) {
        return new Criterion.Match(field, operator, List.of(values));
    }

    static final Visibility TEAM = new Visibility(false, Set.of("ayse", "jonas"), true, Optional.empty());

    /** Filters of every kind and shape, on every kind of field. */
    static List<Criterion> filters() {
        return List.of(Criterion.ALWAYS,
                Criterion.in(STATUS, List.of("new")),
                Criterion.not(Criterion.in(STATUS, List.of("lost", "contacted"))),
                Criterion.in(OWNER, List.of("ayse", "Émile")),
                Criterion.not(Criterion.in(OWNER, List.of("ayse"))),
                match(OWNER, Criterion.Operator.EMPTY),
                match(FIRST, Criterion.Operator.EMPTY),
                Criterion.not(match(FIRST, Criterion.Operator.NOT_EMPTY)),
                Criterion.in(FIRST, List.of(TextFold.fold("ANNA"), "soren")),
                Criterion.not(Criterion.in(CITY, List.of("kobenhavn"))),
                match(COMPANY, Criterion.Operator.CONTAINS, "istanbul"),
                match(COMPANY, Criterion.Operator.CONTAINS, "%"),
                match(COMPANY, Criterion.Operator.CONTAINS, "_"),
                match(COMPANY, Criterion.Operator.STARTS_WITH, "o'"),
                match(LAST, Criterion.Operator.STARTS_WITH, "s"),
                Criterion.not(match(LAST, Criterion.Operator.CONTAINS, "a")),
                new Criterion.Range(LEAD_DATE, Optional.of(Instant.parse("2026-01-01T05:00:00.0000001Z")),
                        Optional.of(Instant.parse("2026-01-02T01:00:00Z"))),
                new Criterion.Range(QueryField.CREATED_AT, Optional.empty(), Optional.of(Instant.parse("2026-02-01T00:20:00Z"))),
                new Criterion.Range(BUDGET, Optional.of(new BigDecimal("250")), Optional.of(new BigDecimal("7.5E2"))),
                Criterion.in(BUDGET, List.of(new BigDecimal("500.0"), BigDecimal.ZERO)),
                Criterion.not(new Criterion.Range(MET, Optional.of(LocalDate.of(2026, 1, 3)), Optional.empty())),
                match(MET, Criterion.Operator.EMPTY),
                Criterion.in(VIP, List.of(true)),
                Criterion.not(Criterion.in(VIP, List.of(false))),
                match(NOTE, Criterion.Operator.CONTAINS, "s"),
                Criterion.in(NOTE, List.of("strasse")),
                match(NOTE, Criterion.Operator.EMPTY),
                Criterion.in(SIZE, List.of("small")),
                Criterion.in(TOPICS, List.of("crm", "bi")),
                match(TOPICS, Criterion.Operator.EMPTY),
                Criterion.in(QueryField.TAGS, List.of("VIP")),
                Criterion.not(Criterion.in(QueryField.TAGS, List.of("Ærø"))),
                match(QueryField.TAGS, Criterion.Operator.EMPTY),
                Criterion.or(List.of(Criterion.in(STATUS, List.of("lost")), match(COMPANY, Criterion.Operator.EMPTY))),
                Criterion.and(List.of(Criterion.not(Criterion.or(List.of())), Criterion.in(STATUS, List.of("new", "lost")),
                        Criterion.not(Criterion.and(List.of(match(FIRST, Criterion.Operator.NOT_EMPTY),
                                match(EMAIL, Criterion.Operator.EMPTY)))))));
    }

    /** Sorts on every kind of field, both directions, with empty values. */
    static List<List<LeadSelection.Order>> orders() {
        return List.of(List.of(desc(LEAD_DATE)), List.of(asc(LAST)), List.of(desc(FIRST), asc(LEAD_DATE)),
                List.of(asc(COMPANY), desc(LAST)), List.of(asc(OWNER)), List.of(desc(QueryField.TAGS)),
                List.of(asc(BUDGET)), List.of(desc(MET), asc(FIRST)), List.of(asc(VIP), desc(NOTE)), List.of(desc(TOPICS)),
                List.of(asc(STATUS), asc(CITY), desc(QueryField.CREATED_AT)), List.of(desc(SIZE)));
    }

    @Test
    @DisplayName("every filter and sort gives the in-memory store's page and total, by offset and walking every keyset page")
    void sameResultsAsTheInMemoryStore() {
        load(120);
        List<Criterion> filters = filters();
        List<List<LeadSelection.Order>> orders = orders();
        int run = 0;
        for (Criterion filter : filters) {
            for (Visibility visibility : List.of(Visibility.everything(), TEAM)) {
                List<LeadSelection.Order> order = orders.get(run++ % orders.size());
                LeadSelection all = selection(visibility, filter, Optional.empty(), order, 1_000);
                List<String> expected = ids(memory, all);
                assertThat(ids(store, all)).as("%s sorted by %s", filter, order).containsExactlyElementsOf(expected);
                assertThat(count(store, all)).as("count of %s", filter).isEqualTo(expected.size());
                LeadSelection offset = new LeadSelection(visibility, false, filter, Optional.empty(), order,
                        Optional.empty(), 3, 7);
                assertThat(ids(store, offset)).as("offset page of %s", filter).containsExactlyElementsOf(ids(memory, offset));
                assertThat(walk(store, all.withLimit(4))).as("keyset walk of %s by %s", filter, order)
                        .containsExactlyElementsOf(expected);
            }
        }
        for (List<LeadSelection.Order> order : orders) {
            LeadSelection all = selection(Visibility.everything(), Criterion.ALWAYS, Optional.empty(), order, 1_000);
            assertThat(walk(store, all.withLimit(9))).as("keyset walk by %s", order).containsExactlyElementsOf(ids(memory, all));
        }
    }

    /** Every page after the last lead of the previous one, as QueryService pages with cursors. */
    private List<String> walk(Store s, LeadSelection first) {
        List<String> walked = new ArrayList<>();
        LeadSelection page = first;
        while (true) {
            LeadSelection current = page;
            List<Lead> leads = s.inTransaction(tx -> tx.leads().select(current));
            leads.forEach(l -> walked.add(l.id().value()));
            if (leads.size() < current.limit()) {
                return walked;
            }
            Lead last = leads.get(leads.size() - 1);
            List<Optional<Object>> values = new ArrayList<>();
            current.order().forEach(o -> values.add(SortKey.of(last, o.field())));
            page = current.after(new LeadSelection.Position(values, last.id()));
        }
    }

    @Test
    @DisplayName("a search finds every term in any listed field, folded: istanbul finds İstanbul, soren Søren, sarunas Šarūnas, strasse Straße")
    void searchFoldsEveryLanguage() {
        load(120);
        List<QueryField> fields = List.of(FIRST, LAST, COMPANY, EMAIL, NOTE);
        for (String text : new String[] {"istanbul", "soren", "sarunas", "strasse", "STRASSE", "Işık", "ılgın", "aero",
                "zydre", "100%", "under_", "o'brien", "lead1 example", "😀"}) {
            List<String> terms = new ArrayList<>();
            for (String term : TextFold.fold(text).split(" ")) {
                terms.add(term);
            }
            LeadSelection search = selection(TEAM, Criterion.ALWAYS, Optional.of(new LeadSelection.Search(terms, fields)),
                    List.of(desc(LEAD_DATE)), 1_000);
            List<String> expected = ids(memory, search);
            assertThat(ids(store, search)).as(text).containsExactlyElementsOf(expected);
            assertThat(count(store, search)).as(text).isEqualTo(expected.size());
        }
        LeadSelection istanbul = selection(Visibility.everything(), Criterion.ALWAYS, Optional.of(new LeadSelection.Search(
                List.of("istanbul"), List.of(COMPANY))), List.of(asc(LEAD_DATE)), 1_000);
        List<Lead> found = store.inTransaction(tx -> tx.leads().select(istanbul));
        assertThat(found).isNotEmpty().allMatch(l -> l.company().orElseThrow().startsWith("İstanbul")
                || l.company().orElseThrow().startsWith("istanbul"));
        assertThat(found).anyMatch(l -> l.company().orElseThrow().startsWith("İstanbul"));
    }

    @Test
    @DisplayName("a select and a count are one SQL statement each, whatever the filter, search and sort")
    void oneStatementPerSelectAndCount() {
        load(40);
        JpaStore counted = JpaStore.create(countingFactory);
        LeadSelection busy = new LeadSelection(new Visibility(false, Set.of("ayse"), true, Optional.of("jonas")), false,
                Criterion.and(List.of(Criterion.in(STATUS, List.of("new", "lost")), Criterion.in(QueryField.TAGS, List.of("vip")),
                        new Criterion.Range(BUDGET, Optional.of(BigDecimal.ONE), Optional.empty()),
                        Criterion.not(match(NOTE, Criterion.Operator.CONTAINS, "x")))),
                Optional.of(new LeadSelection.Search(List.of("a", "e"), List.of(FIRST, LAST, NOTE))),
                List.of(asc(BUDGET), desc(TOPICS), asc(LAST)), Optional.empty(), 0, 10);
        counted.inTransaction(tx -> {
            counting.reset();
            tx.leads().select(busy);
            assertThat(counting.statements()).as("select").hasSize(1);
            counting.reset();
            tx.leads().count(busy);
            assertThat(counting.statements()).as("count").hasSize(1);
            counting.reset();
            tx.leads().select(busy.after(new LeadSelection.Position(List.of(Optional.of(BigDecimal.TEN), Optional.empty(),
                    Optional.of("x")), LeadId.of("L001"))));
            assertThat(counting.statements()).as("keyset page").hasSize(1);
            return null;
        });
    }

    /** What a hostile host user might type; each must be nothing but a value to compare with. */
    static final String[] INJECTIONS = {"'; drop table lk_lead; --", "' or '1'='1", "\") or 1=1 --", "%' or 1=1 --",
            "\\'; delete from lk_lead where 'a'='a", "x' union select * from lk_lead --", "$$; drop table lk_lead; $$",
            "!%_\\", "*/ or /*"};

    @Test
    @DisplayName("injection strings in every text position (values, contains, prefixes, search terms, custom keys, cursor values) are only values")
    void injectionStringsAreOnlyValues() throws Exception {
        load(30);
        long all = count(store, selection(Visibility.everything(), Criterion.ALWAYS, Optional.empty(), List.of(asc(LAST)), 10));
        for (String evil : INJECTIONS) {
            String folded = TextFold.fold(evil);
            QueryField evilCustom = new QueryField(QueryField.Origin.CUSTOM, evil, QueryField.Type.TEXT);
            QueryField evilNumber = new QueryField(QueryField.Origin.CUSTOM, evil, QueryField.Type.NUMBER);
            List<Criterion> probes = List.of(Criterion.in(STATUS, List.of(evil)), Criterion.in(OWNER, List.of(evil)),
                    Criterion.in(LAST, List.of(folded)), match(COMPANY, Criterion.Operator.CONTAINS, folded),
                    match(COMPANY, Criterion.Operator.STARTS_WITH, folded), Criterion.in(QueryField.TAGS, List.of(evil)),
                    Criterion.in(evilCustom, List.of(folded)), match(evilCustom, Criterion.Operator.NOT_EMPTY),
                    Criterion.in(SIZE, List.of(evil)), Criterion.in(QueryField.CREATED_BY, List.of(evil)));
            for (Criterion probe : probes) {
                LeadSelection s = new LeadSelection(new Visibility(false, Set.of(evil), false, Optional.of(evil)), false,
                        probe, Optional.of(new LeadSelection.Search(List.of(folded), List.of(FIRST, COMPANY, evilCustom))),
                        List.of(asc(evilNumber), desc(LAST)), Optional.empty(), 0, 10);
                assertThat(ids(store, s)).as(evil).isEmpty();
                assertThat(count(store, s)).as(evil).isZero();
                assertThat(ids(store, s.after(new LeadSelection.Position(List.of(Optional.of(BigDecimal.ONE),
                        Optional.of(folded)), LeadId.of("L001"))))).isEmpty();
                LeadSelection open = selection(Visibility.everything(), Criterion.not(probe), Optional.empty(),
                        List.of(asc(LAST)), 1_000);
                assertThat(ids(store, open)).as("not " + evil).containsExactlyElementsOf(ids(memory, open));
            }
        }
        assertThat(count(store, selection(Visibility.everything(), Criterion.ALWAYS, Optional.empty(), List.of(asc(LAST)), 10)))
                .isEqualTo(all);
        try (Connection c = fixture.pool.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select count(*) from lk_lead")) {
            rs.next();
            assertThat(rs.getLong(1)).isEqualTo(30);
            c.commit();
        }
    }
}
