package dev.leadkit.store.contract;

import dev.leadkit.Actor;
import dev.leadkit.IdGenerator;
import dev.leadkit.LeadKit;
import dev.leadkit.access.Directory;
import dev.leadkit.access.LeadAccess;
import dev.leadkit.access.Right;
import dev.leadkit.access.Role;
import dev.leadkit.field.CustomField;
import dev.leadkit.field.FieldOption;
import dev.leadkit.field.FieldType;
import dev.leadkit.field.FieldValue;
import dev.leadkit.lead.Lead;
import dev.leadkit.lead.LeadField;
import dev.leadkit.lead.LeadId;
import dev.leadkit.query.Filter;
import dev.leadkit.query.LeadPage;
import dev.leadkit.query.LeadQuery;
import dev.leadkit.query.Sort;
import dev.leadkit.query.TextFold;
import dev.leadkit.store.Store;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The acceptance property of issue K6: random leads (Unicode texts, custom fields, tags, grants,
 * deleted and converted ones) and random queries (filters with AND/OR/NOT, search, sorts, pages)
 * answered by {@code kit.queries()} on a store equal a brute-force evaluation written plainly
 * here over every lead the actor may view (asked lead by lead of the access service); and walking
 * every keyset page returns each lead that matched at the start exactly once, even while other
 * leads are inserted between pages. Each store runs it by extending this class.
 */
public abstract class QueryProperties {

    /** @return a store holding nothing */
    protected abstract Store newEmptyStore();

    private static final List<String> USERS = List.of("admin", "ayse", "mehmet", "jonas", "boss");
    private static final List<String> STATUSES = List.of("new", "contacted", "offer_made", "converted", "unqualified", "lost");
    private static final List<String> SOURCES = List.of("reference", "phone", "email", "web_form");
    private static final List<String> WORDS = List.of("İstanbul", "istanbul", "ISTANBUL", "Søren", "soren", "Šarūnas",
            "sarunas", "Straße", "strasse", "Æbelø", "ėžų", "EZU", "ı", "I", "%", "_", "\\", "'", "O'Brien", "Acme",
            "acme", "100%", "a_b", "Zeta", "🚀", "e\u0301", "Ørsted", "Öztürk");
    private static final List<String> TAGS = List.of("fair", "hot", "ılık", "Søren", "x%y", "VIP");
    private static final List<String> OPTIONS = List.of("crm", "erp", "web");
    private static final Instant BASE = Instant.parse("2026-01-01T00:00:00Z");
    private static final List<String> TEXT_FIELDS = List.of("firstName", "lastName", "email", "phone", "company", "city",
            "description", "country", "note");
    private static final List<String> SORTABLE = List.of("firstName", "lastName", "email", "company", "city", "status",
            "source", "owner", "leadDate", "createdAt", "updatedAt", "statusSince", "createdBy", "tags", "budget", "met_on",
            "vip", "note", "sector", "interests", "externalId", "closeReason");

    // ------------------------------------------------------------------ generated leads

    /** One generated lead, before it gets an id. */
    record Spec(Map<LeadField, String> values, Map<String, FieldValue> custom, Set<String> tags, String createdBy,
                int created, int updated, int since, boolean deleted, Optional<String> grantee) {
    }

    private static Arbitrary<String> text() {
        return Arbitraries.of(WORDS).list().ofMinSize(1).ofMaxSize(3)
                .map(words -> Normalizer.normalize(String.join(" ", words), Normalizer.Form.NFC).strip());
    }

    private static <T> Arbitrary<Optional<T>> maybe(Arbitrary<T> a) {
        return a.optional(0.7);
    }

    @Provide
    Arbitrary<Spec> leads() {
        Arbitrary<Map<LeadField, String>> values = Combinators.combine(List.of(
                maybe(text()).map(o -> o.map(v -> Map.entry(LeadField.FIRST_NAME, v))),
                maybe(text()).map(o -> o.map(v -> Map.entry(LeadField.LAST_NAME, v))),
                maybe(Arbitraries.of("info@acme.com", "soren@ærø.dk", "x%y@istanbul.com.tr", "a_b@sarunas.lt"))
                        .map(o -> o.map(v -> Map.entry(LeadField.EMAIL, v))),
                maybe(Arbitraries.of("+45 12345678", "+90 5321234567", "+370 61234567"))
                        .map(o -> o.map(v -> Map.entry(LeadField.PHONE, v))),
                maybe(text()).map(o -> o.map(v -> Map.entry(LeadField.COMPANY, v))),
                maybe(text()).map(o -> o.map(v -> Map.entry(LeadField.CITY, v))),
                maybe(text()).map(o -> o.map(v -> Map.entry(LeadField.DESCRIPTION, v))),
                Arbitraries.of(STATUSES).map(v -> Optional.of(Map.entry(LeadField.STATUS, v))),
                Arbitraries.of(SOURCES).map(v -> Optional.of(Map.entry(LeadField.SOURCE, v))),
                Arbitraries.integers().between(0, 8).map(h -> Optional.of(Map.entry(LeadField.LEAD_DATE, BASE.plusSeconds(3600L * h).toString()))),
                maybe(Arbitraries.of(USERS)).map(o -> o.map(v -> Map.entry(LeadField.OWNER, v))),
                maybe(Arbitraries.of("E-1", "e-1", "E-2", "%")).optional(0.5).map(o -> o.flatMap(x -> x)
                        .map(v -> Map.entry(LeadField.EXTERNAL_ID, v)))))
                .as(entries -> {
                    Map<LeadField, String> map = new EnumMap<>(LeadField.class);
                    for (Optional<Map.Entry<LeadField, String>> e : entries) {
                        e.ifPresent(x -> map.put(x.getKey(), x.getValue()));
                    }
                    return map;
                });
        Arbitrary<Map<String, FieldValue>> custom = Combinators.combine(
                maybe(Arbitraries.of("-1.5", "0", "2", "2.00", "1000", "999.999").map(n -> FieldValue.number(new BigDecimal(n)))),
                maybe(Arbitraries.integers().between(1, 5).map(d -> FieldValue.date(LocalDate.of(2026, 2, d)))),
                maybe(Arbitraries.of(true, false).map(FieldValue::flag)),
                maybe(text().map(FieldValue::text)),
                maybe(Arbitraries.of("it", "retail").map(FieldValue::text)),
                maybe(Arbitraries.subsetOf(OPTIONS).ofMinSize(1).map(s -> FieldValue.choices(new ArrayList<>(new TreeSet<>(s))))))
                .as((budget, met, vip, note, sector, interests) -> {
                    Map<String, FieldValue> map = new HashMap<>();
                    budget.ifPresent(v -> map.put("budget", v));
                    met.ifPresent(v -> map.put("met_on", v));
                    vip.ifPresent(v -> map.put("vip", v));
                    note.ifPresent(v -> map.put("note", v));
                    sector.ifPresent(v -> map.put("sector", v));
                    interests.ifPresent(v -> map.put("interests", v));
                    return map;
                });
        return Combinators.combine(values, custom, Arbitraries.subsetOf(TAGS), Arbitraries.of(USERS),
                        Arbitraries.integers().between(0, 4), Arbitraries.integers().between(0, 4),
                        Arbitraries.integers().between(0, 4), Arbitraries.integers().between(0, 9))
                .as((v, c, tags, by, created, updated, since, roll) -> new Spec(v, c, tags, by, created, updated, since,
                        roll == 0, roll >= 7 ? Optional.of(USERS.get(roll % USERS.size())) : Optional.empty()));
    }

    // ------------------------------------------------------------------ generated queries

    private static Arbitrary<Filter> leaf() {
        Arbitrary<String> textField = Arbitraries.of(TEXT_FIELDS);
        Arbitrary<String> word = Arbitraries.of(WORDS);
        Arbitrary<String> piece = word.map(w -> w.length() > 2 ? w.substring(1, w.length() - 1) : w);
        return Arbitraries.oneOf(List.of(
                Combinators.combine(textField, piece).as(Filter::contains),
                Combinators.combine(textField, piece).as(Filter::contains),
                Combinators.combine(textField, piece).as(Filter::startsWith),
                Arbitraries.of(STATUSES).list().ofMinSize(2).ofMaxSize(4).map(s -> Filter.in("status", s)),
                Arbitraries.of(USERS).list().ofMinSize(2).ofMaxSize(4).map(s -> Filter.in("owner", s)),
                Arbitraries.of(SORTABLE).map(Filter::notEmpty),
                Arbitraries.of(SORTABLE).map(Filter::empty),
                Arbitraries.of(TEXT_FIELDS).map(f -> Filter.not(Filter.contains(f, "a"))),
                Combinators.combine(textField, text()).as(Filter::eq),
                Combinators.combine(textField, word).as(Filter::eq),
                Combinators.combine(textField, word, word).as((f, a, b) -> Filter.in(f, a, b)),
                Combinators.combine(textField, piece).as(Filter::contains),
                Combinators.combine(textField, piece).as(Filter::startsWith),
                Arbitraries.of(STATUSES).list().ofMinSize(1).ofMaxSize(3).map(s -> Filter.in("status", s)),
                Arbitraries.of(SOURCES).map(s -> Filter.eq("source", s)),
                Arbitraries.of(USERS).list().ofMinSize(1).ofMaxSize(3).map(s -> Filter.in("owner", s)),
                Arbitraries.of(TAGS).list().ofMinSize(1).ofMaxSize(2).map(s -> Filter.in("tags", s)),
                Arbitraries.of("E-1", "e-1", "%").map(s -> Filter.eq("externalId", s)),
                Arbitraries.of(USERS).map(s -> Filter.eq("createdBy", s)),
                Combinators.combine(Arbitraries.integers().between(-1, 8), Arbitraries.integers().between(-1, 8))
                        .as((a, b) -> range("leadDate", a < 0 ? "" : BASE.plusSeconds(3600L * a).toString(),
                                b < 0 ? "" : BASE.plusSeconds(3600L * b).toString())),
                Combinators.combine(Arbitraries.integers().between(-1, 4), Arbitraries.integers().between(-1, 4))
                        .as((a, b) -> range("createdAt", a < 0 ? "" : BASE.plusSeconds(60L * a).toString(),
                                b < 0 ? "" : BASE.plusSeconds(60L * b).toString())),
                Combinators.combine(Arbitraries.of("", "-2", "0", "2", "1000.0"), Arbitraries.of("", "0", "2.0", "999.999"))
                        .as((a, b) -> range("budget", a, b)),
                Arbitraries.of("0", "2", "-1.50", "1e3").map(n -> Filter.eq("budget", n)),
                Combinators.combine(Arbitraries.of("", "2026-02-02"), Arbitraries.of("", "2026-02-04"))
                        .as((a, b) -> range("met_on", a, b)),
                Arbitraries.of(true, false).map(b -> Filter.eq("vip", b)),
                Arbitraries.of("it", "retail").map(s -> Filter.eq("sector", s)),
                Arbitraries.of(OPTIONS).list().ofMinSize(1).ofMaxSize(2).map(s -> Filter.in("cf.interests", s)),
                Arbitraries.of(SORTABLE).map(Filter::empty),
                Arbitraries.of(SORTABLE).map(Filter::notEmpty)));
    }

    private static Filter range(String field, String min, String max) {
        if (min.isEmpty() && max.isEmpty()) {
            return Filter.notEmpty(field);
        }
        return new Filter.Condition(field, Filter.Operator.RANGE, List.of(min, max));
    }

    private static Arbitrary<Filter> filter(int depth) {
        if (depth == 0) {
            return leaf();
        }
        Arbitrary<Filter> sub = filter(depth - 1);
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(5, leaf()),
                net.jqwik.api.Tuple.of(1, sub.list().ofMinSize(0).ofMaxSize(2).map(l -> new Filter.And(l))),
                net.jqwik.api.Tuple.of(2, sub.list().ofMinSize(0).ofMaxSize(3).map(l -> new Filter.Or(l))),
                net.jqwik.api.Tuple.of(1, sub.map(Filter::not)));
    }

    @Provide
    Arbitrary<LeadQuery> queries() {
        Arbitrary<Optional<Filter>> filter = filter(2).optional(0.7);
        Arbitrary<List<Sort>> sort = Combinators.combine(Arbitraries.of(SORTABLE), Arbitraries.of(true, false))
                .as(Sort::new).list().ofMaxSize(3).map(l -> {
                    Set<String> seen = new HashSet<>();
                    return l.stream().filter(s -> seen.add(s.field())).toList();
                });
        Arbitrary<Optional<String>> search = Arbitraries.oneOf(List.of(Arbitraries.of(WORDS),
                Arbitraries.of(WORDS).map(w -> w.toUpperCase(Locale.ROOT)), text())).optional(0.3);
        Arbitrary<List<String>> searchIn = Arbitraries.subsetOf(TEXT_FIELDS).map(ArrayList::new);
        return Combinators.combine(List.of(filter.map(x -> (Object) x), sort.map(x -> (Object) x), search.map(x -> (Object) x),
                        searchIn.map(x -> (Object) x), Arbitraries.integers().between(1, 7).map(x -> (Object) x),
                        Arbitraries.integers().between(0, 3).map(x -> (Object) x)))
                .as(parts -> {
                    @SuppressWarnings("unchecked") Optional<Filter> f = (Optional<Filter>) parts.get(0);
                    @SuppressWarnings("unchecked") List<Sort> s = (List<Sort>) parts.get(1);
                    @SuppressWarnings("unchecked") Optional<String> text = (Optional<String>) parts.get(2);
                    @SuppressWarnings("unchecked") List<String> in = (List<String>) parts.get(3);
                    int size = (Integer) parts.get(4);
                    int flags = (Integer) parts.get(5);
                    LeadQuery.Builder b = LeadQuery.builder().pageSize(size).sort(s.toArray(new Sort[0]));
                    f.ifPresent(b::where);
                    text.ifPresent(b::search);
                    if (!in.isEmpty()) {
                        b.searchIn(in.toArray(new String[0]));
                    }
                    if ((flags & 1) != 0) {
                        b.includeDeleted();
                    }
                    if ((flags & 2) != 0) {
                        b.includeConverted();
                    }
                    return b.build();
                });
    }

    // ------------------------------------------------------------------ the properties

    @Property(tries = 60, edgeCases = net.jqwik.api.EdgeCasesMode.NONE)
    void everyPageEqualsABruteForceEvaluationOverTheLeadsTheActorMayView(
            @ForAll("leadSets") List<Spec> specs, @ForAll("queryLists") List<LeadQuery> queries,
            @ForAll("actors") String actorId, @ForAll("offsets") int offset) {
        World world = new World(specs);
        Actor actor = Actor.of(actorId);
        for (LeadQuery query : queries) {
            List<Lead> expected = world.evaluate(actor, query);
            net.jqwik.api.statistics.Statistics.label("matching").collect(expected.isEmpty() ? "none"
                    : expected.size() == world.stored.size() ? "all" : expected.size() <= query.pageSize() ? "one page" : "several pages");

            LeadPage page = world.kit.queries().list(actor, query.toBuilder().offset(offset).build());
            assertThat(page.total()).as("total of %s", describe(query)).isEqualTo(expected.size());
            assertThat(ids(page.leads())).as("page at %d of %s", offset, describe(query))
                    .isEqualTo(ids(expected.subList(Math.min(offset, expected.size()),
                            Math.min(offset + query.pageSize(), expected.size()))));
            assertThat(page.leads()).as("leads are returned as stored")
                    .allSatisfy(l -> assertThat(l).isEqualTo(world.stored.get(l.id())));
            assertThat(world.kit.queries().count(actor, query)).isEqualTo(expected.size());

            assertThat(ids(walk(world, actor, query, () -> { }))).as("keyset walk of %s", describe(query))
                    .isEqualTo(ids(expected));
        }
    }

    @Property(tries = 40, edgeCases = net.jqwik.api.EdgeCasesMode.NONE)
    void aKeysetWalkReturnsEveryLeadThatMatchedAtTheStartExactlyOnceWhileOthersAreInserted(
            @ForAll("leadSets") List<Spec> specs, @ForAll("queries") LeadQuery query, @ForAll("actors") String actorId,
            @ForAll("insertions") List<Spec> inserted) {
        World world = new World(specs);
        Actor actor = Actor.of(actorId);
        List<Lead> atStart = world.evaluate(actor, query);
        List<Spec> toInsert = new ArrayList<>(inserted);

        List<Lead> walked = walk(world, actor, query, () -> {
            for (int i = 0; i < 2 && !toInsert.isEmpty(); i++) {
                world.insert(List.of(toInsert.remove(0)));
            }
        });

        List<LeadId> walkedIds = ids(walked);
        assertThat(new HashSet<>(walkedIds)).as("no lead twice").hasSize(walkedIds.size());
        assertThat(walkedIds).as("every lead that matched at the start").containsAll(ids(atStart));
        List<Lead> atEnd = world.evaluate(actor, query);
        assertThat(ids(atEnd)).as("only leads that match").containsAll(walkedIds);
    }

    private static List<Lead> walk(World world, Actor actor, LeadQuery query, Runnable betweenPages) {
        List<Lead> all = new ArrayList<>();
        LeadPage page = world.kit.queries().list(actor, query);
        all.addAll(page.leads());
        int guard = 0;
        while (page.nextCursor().isPresent()) {
            betweenPages.run();
            page = world.kit.queries().list(actor, query.after(page.nextCursor().get()));
            all.addAll(page.leads());
            if (++guard > 500) {
                throw new AssertionError("the keyset walk does not end");
            }
        }
        return all;
    }

    @Provide
    Arbitrary<List<Spec>> leadSets() {
        return leads().list().ofMinSize(5).ofMaxSize(40).withSizeDistribution(net.jqwik.api.RandomDistribution.uniform());
    }

    @Provide
    Arbitrary<List<Spec>> insertions() {
        return leads().list().ofMinSize(0).ofMaxSize(12).withSizeDistribution(net.jqwik.api.RandomDistribution.uniform());
    }

    @Provide
    Arbitrary<List<LeadQuery>> queryLists() {
        return queries().list().ofMinSize(1).ofMaxSize(6);
    }

    @Provide
    Arbitrary<String> actors() {
        return Arbitraries.of(USERS);
    }

    @Provide
    Arbitrary<Integer> offsets() {
        return Arbitraries.integers().between(0, 12);
    }

    private static List<LeadId> ids(List<Lead> leads) {
        return leads.stream().map(Lead::id).toList();
    }

    private static String describe(LeadQuery q) {
        return "filter " + q.filter().toText() + ", search " + q.search() + " in " + q.searchFields() + ", sort " + q.sort()
                + ", deleted " + q.includeDeleted() + ", converted " + q.includeConverted() + ", size " + q.pageSize();
    }

    // ------------------------------------------------------------------ the world and the brute-force evaluation

    private final class World {
        final Store store = newEmptyStore();
        final LeadKit kit;
        final Map<LeadId, Lead> stored = new HashMap<>();
        private int next;

        World(List<Spec> specs) {
            kit = LeadKit.builder().store(store).ids(IdGenerator.sequential("w"))
                    .clock(Clock.fixed(BASE.plusSeconds(86_400), ZoneOffset.UTC))
                    .directory(Directory.inMemory()
                            .user("admin", "Admin").roles(Role.ADMIN).add()
                            .user("ayse", "Ayşe").team("tr").add()
                            .user("mehmet", "Mehmet").team("tr").add()
                            .user("jonas", "Jonas").team("lt").manager("boss").add()
                            .user("boss", "Boss").team("board").roles(Role.MANAGER).add())
                    .build();
            Actor admin = Actor.of("admin");
            kit.customFields().define(admin, CustomField.of("budget", FieldType.NUMBER, Map.of("en", "Budget")));
            kit.customFields().define(admin, CustomField.of("met_on", FieldType.DATE, Map.of("en", "Met on")));
            kit.customFields().define(admin, CustomField.of("vip", FieldType.CHECKBOX, Map.of("en", "VIP")));
            kit.customFields().define(admin, CustomField.of("note", FieldType.TEXT, Map.of("en", "Note")));
            kit.customFields().define(admin, CustomField.of("sector", FieldType.DROPDOWN, Map.of("en", "Sector"))
                    .withOptions(List.of(FieldOption.of("it", Map.of("en", "IT")), FieldOption.of("retail", Map.of("en", "Retail")))));
            kit.customFields().define(admin, CustomField.of("interests", FieldType.MULTI_SELECT, Map.of("en", "Interests"))
                    .withOptions(OPTIONS.stream().map(o -> FieldOption.of(o, Map.of("en", o))).toList()));
            insert(specs);
        }

        void insert(List<Spec> specs) {
            for (Spec spec : specs) {
                // Ids in no particular order, so that ties broken by id are not also broken by creation.
                String id = String.format("L%03d-%02d", (next * 37) % 1000, next);
                next++;
                Map<LeadField, String> values = new EnumMap<>(spec.values());
                String status = values.get(LeadField.STATUS);
                Optional<String> reason = status.equals("lost") || status.equals("unqualified")
                        ? Optional.of("no_budget") : Optional.empty();
                Lead lead = Lead.of(LeadId.of(id), 1, values, spec.custom(), spec.tags(), List.of(), spec.createdBy(),
                        BASE.plusSeconds(60L * spec.created()), BASE.plusSeconds(60L * spec.created() + 30L * spec.updated()),
                        BASE.plusSeconds(45L * spec.since()), reason, spec.deleted());
                // Setting up, not under test: a database may refuse a write with a transient deadlock
                // (MariaDB: "try restarting transaction"), which is retried like any client would.
                for (int attempt = 1; ; attempt++) {
                    try {
                        store.inTransaction(tx -> {
                            tx.leads().insert(lead);
                            spec.grantee().ifPresent(user -> tx.access().save(
                                    new LeadAccess(id, Map.of(user, Set.of(Right.VIEW)), Set.of(), 1)));
                            return null;
                        });
                        stored.put(lead.id(), lead);
                        break;
                    } catch (dev.leadkit.ConflictException e) {
                        if (e.code().equals("store.concurrent_change") && attempt < 3) {
                            continue;
                        }
                        // A duplicate external id: that lead is simply not stored, as a database would refuse it.
                        assertThat(e.code()).isEqualTo("lead.external_id.taken");
                        break;
                    }
                }
            }
        }

        /** The plain evaluation: every stored lead, checked one by one. */
        List<Lead> evaluate(Actor actor, LeadQuery query) {
            List<Lead> out = new ArrayList<>();
            for (Lead lead : stored.values()) {
                if (!kit.access().can(actor, Right.VIEW, lead.id())) {
                    continue;
                }
                if (lead.isDeleted() && !query.includeDeleted()) {
                    continue;
                }
                if (lead.status().equals("converted") && !query.includeConverted()) {
                    continue;
                }
                if (!holds(query.filter(), lead) || !found(query, lead)) {
                    continue;
                }
                out.add(lead);
            }
            List<Sort> sort = query.sort().isEmpty() ? List.of(Sort.desc("leadDate")) : query.sort();
            out.sort(order(sort));
            return out;
        }
    }

    /** The value of a field as a filter compares it: text folded, codes as they are; null when empty. */
    private static Object value(Lead lead, String field) {
        switch (field) {
            case "firstName": case "lastName": case "email": case "phone": case "company": case "city":
            case "description": case "country":
                return lead.get(LeadField.byKey(field).orElseThrow()).map(TextFold::fold).orElse(null);
            case "status": case "source": case "owner": case "externalId":
                return lead.get(LeadField.byKey(field).orElseThrow()).orElse(null);
            case "leadDate":
                return lead.leadDate();
            case "createdAt":
                return lead.createdAt();
            case "updatedAt":
                return lead.updatedAt();
            case "statusSince":
                return lead.statusSince();
            case "createdBy":
                return lead.createdBy();
            case "closeReason":
                return lead.closeReason().orElse(null);
            case "tags":
                return lead.tags().isEmpty() ? null : lead.tags();
            case "note":
                return lead.custom("note").map(v -> TextFold.fold(((FieldValue.Text) v).value())).orElse(null);
            case "sector":
                return lead.custom("sector").map(v -> ((FieldValue.Text) v).value()).orElse(null);
            case "interests": case "cf.interests":
                return lead.custom("interests").map(v -> (Object) new TreeSet<>(((FieldValue.Choices) v).codes())).orElse(null);
            case "budget":
                return lead.custom("budget").map(v -> ((FieldValue.Number) v).value()).orElse(null);
            case "met_on":
                return lead.custom("met_on").map(v -> ((FieldValue.Date) v).value()).orElse(null);
            case "vip":
                return lead.custom("vip").map(v -> ((FieldValue.Flag) v).value()).orElse(null);
            default:
                throw new IllegalArgumentException("the test knows no field " + field);
        }
    }

    private static boolean isText(String field) {
        return TEXT_FIELDS.contains(field);
    }

    /** A filter value parsed for its field, as the evaluation compares it. */
    private static Object parse(String field, String text) {
        switch (field) {
            case "leadDate": case "createdAt": case "updatedAt": case "statusSince":
                return Instant.parse(text);
            case "budget":
                return new BigDecimal(text);
            case "met_on":
                return LocalDate.parse(text);
            case "vip":
                return Boolean.valueOf(text);
            default:
                return isText(field) ? TextFold.fold(text) : text;
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static boolean holds(Filter filter, Lead lead) {
        if (filter instanceof Filter.And) {
            return ((Filter.And) filter).parts().stream().allMatch(p -> holds(p, lead));
        }
        if (filter instanceof Filter.Or) {
            return ((Filter.Or) filter).parts().stream().anyMatch(p -> holds(p, lead));
        }
        if (filter instanceof Filter.Not) {
            return !holds(((Filter.Not) filter).part(), lead);
        }
        Filter.Condition c = (Filter.Condition) filter;
        Object v = value(lead, c.field());
        switch (c.operator()) {
            case EMPTY:
                return v == null;
            case NOT_EMPTY:
                return v != null;
            case CONTAINS:
                return v != null && ((String) v).contains(TextFold.fold(c.values().get(0)));
            case STARTS_WITH:
                return v != null && ((String) v).startsWith(TextFold.fold(c.values().get(0)));
            case RANGE: {
                if (v == null) {
                    return false;
                }
                String min = c.values().get(0);
                String max = c.values().get(1);
                return (min.isEmpty() || ((Comparable) v).compareTo(parse(c.field(), min)) >= 0)
                        && (max.isEmpty() || ((Comparable) v).compareTo(parse(c.field(), max)) <= 0);
            }
            case EQUALS:
            case IN:
            default:
                if (v == null) {
                    return false;
                }
                for (String text : c.values()) {
                    Object wanted = parse(c.field(), text);
                    if (v instanceof Set ? ((Set<?>) v).contains(wanted)
                            : v instanceof BigDecimal ? ((BigDecimal) v).compareTo((BigDecimal) wanted) == 0 : v.equals(wanted)) {
                        return true;
                    }
                }
                return false;
        }
    }

    private static boolean found(LeadQuery query, Lead lead) {
        if (query.search().isEmpty()) {
            return true;
        }
        List<String> fields = query.searchFields().isEmpty() ? LeadQuery.DEFAULT_SEARCH_FIELDS : query.searchFields();
        for (String word : TextFold.fold(query.search().get()).split("\\s+")) {
            if (word.isEmpty()) {
                continue;
            }
            boolean any = false;
            for (String f : fields) {
                Object v = value(lead, f);
                any |= v != null && ((String) v).contains(word);
            }
            if (!any) {
                return false;
            }
        }
        return true;
    }

    /** The sort value: text folded, sets folded after joining in code-point order; null when empty. */
    private static Object sortValue(Lead lead, String field) {
        Object v = value(lead, field);
        if (v == null) {
            return null;
        }
        if (v instanceof Set) {
            List<String> sorted = new ArrayList<>((Set<String>) v);
            sorted.sort(QueryProperties::byCodePoints);
            return TextFold.fold(String.join(",", sorted));
        }
        if (v instanceof String) {
            return TextFold.fold((String) v);
        }
        return v;
    }

    private static int byCodePoints(String a, String b) {
        int[] x = a.codePoints().toArray();
        int[] y = b.codePoints().toArray();
        for (int i = 0; i < Math.min(x.length, y.length); i++) {
            if (x[i] != y[i]) {
                return Integer.compare(x[i], y[i]);
            }
        }
        return Integer.compare(x.length, y.length);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Comparator<Lead> order(List<Sort> sort) {
        return (a, b) -> {
            for (Sort s : sort) {
                Object x = sortValue(a, s.field());
                Object y = sortValue(b, s.field());
                if (x == null && y == null) {
                    continue;
                }
                if (x == null || y == null) {
                    return x == null ? 1 : -1;
                }
                int c = x instanceof String ? byCodePoints((String) x, (String) y) : ((Comparable) x).compareTo(y);
                if (c != 0) {
                    return s.descending() ? -c : c;
                }
            }
            int c = a.id().value().compareTo(b.id().value());
            return sort.get(sort.size() - 1).descending() ? -c : c;
        };
    }

}
