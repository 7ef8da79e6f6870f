package dev.leadkit.store.contract;

import dev.leadkit.AccessDeniedException;
import dev.leadkit.Actor;
import dev.leadkit.ConflictException;
import dev.leadkit.FieldError;
import dev.leadkit.IdGenerator;
import dev.leadkit.LeadKit;
import dev.leadkit.NotFoundException;
import dev.leadkit.ValidationException;
import dev.leadkit.access.Directory;
import dev.leadkit.access.Role;
import dev.leadkit.field.CustomField;
import dev.leadkit.field.FieldOption;
import dev.leadkit.field.FieldType;
import dev.leadkit.field.FieldValue;
import dev.leadkit.lead.Lead;
import dev.leadkit.lead.LeadDraft;
import dev.leadkit.lead.LeadId;
import dev.leadkit.lead.LeadPatch;
import dev.leadkit.query.BulkOutcome;
import dev.leadkit.query.BulkResult;
import dev.leadkit.query.BulkTarget;
import dev.leadkit.query.Filter;
import dev.leadkit.query.LeadPage;
import dev.leadkit.query.LeadQuery;
import dev.leadkit.query.SavedView;
import dev.leadkit.query.Sort;
import dev.leadkit.query.ViewDefinition;
import dev.leadkit.query.ViewPage;
import dev.leadkit.lead.LeadField;
import dev.leadkit.store.Criterion;
import dev.leadkit.store.LeadSelection;
import dev.leadkit.store.QueryField;
import dev.leadkit.store.Store;
import dev.leadkit.store.Visibility;
import dev.leadkit.support.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Lists, search, views, the inbox and bulk actions through {@code kit.queries()} on a store
 * (issue K6, Q1–Q7): worked examples with exact expected answers, and bad input — unknown
 * fields, wrong-typed values, forged cursors, page sizes out of range, and injection strings in
 * every text position (which must be refused with a typed error or matched literally). Each store
 * runs it by extending this class with {@link #newEmptyStore()}.
 */
public abstract class QueryContract {

    /** Strings that would change an SQL statement built from user text, or a LIKE pattern. */
    public static final List<String> INJECTIONS = List.of("' OR 1=1 --", "%", "_", "\\", "\"; DROP TABLE lk_lead; --",
            "'; DELETE FROM lk_lead; --", "%_\\%", "*", "?", ") OR (1=1");

    /** @return a store holding nothing */
    protected abstract Store newEmptyStore();

    protected static final Actor ADMIN = Actor.of("admin");
    protected static final Actor AYSE = Actor.of("ayse");
    protected static final Actor MEHMET = Actor.of("mehmet");
    protected static final Actor JONAS = Actor.of("jonas");

    protected LeadKit kit;
    protected Store store;
    protected MutableClock clock;

    @BeforeEach
    void newKit() {
        store = newEmptyStore();
        clock = MutableClock.at("2026-03-01T08:00:00Z");
        kit = kit(store, Optional.empty());
        kit.customFields().define(ADMIN, CustomField.of("budget", FieldType.NUMBER, Map.of("en", "Budget")));
        kit.customFields().define(ADMIN, CustomField.of("met_on", FieldType.DATE, Map.of("en", "Met on")));
        kit.customFields().define(ADMIN, CustomField.of("vip", FieldType.CHECKBOX, Map.of("en", "VIP")));
        kit.customFields().define(ADMIN, CustomField.of("note", FieldType.TEXT, Map.of("en", "Note")));
        kit.customFields().define(ADMIN, CustomField.of("sector", FieldType.DROPDOWN, Map.of("en", "Sector"))
                .withOptions(List.of(FieldOption.of("it", Map.of("en", "IT")), FieldOption.of("retail", Map.of("en", "Retail")))));
    }

    private LeadKit kit(Store on, Optional<byte[]> cursorKey) {
        LeadKit.Builder b = LeadKit.builder().store(on).clock(clock).ids(IdGenerator.sequential("q"))
                .directory(Directory.inMemory()
                        .user("admin", "Admin").roles(Role.ADMIN).add()
                        .user("ayse", "Ayşe").team("tr").add()
                        .user("mehmet", "Mehmet").team("tr").add()
                        .user("jonas", "Jonas").team("lt").add());
        cursorKey.ifPresent(b::cursorKey);
        return b.build();
    }

    protected Lead lead(Actor by, Consumer<LeadDraft.Builder> values) {
        clock.advance(Duration.ofMinutes(1));
        LeadDraft.Builder b = LeadDraft.builder().firstName("Test").lastName("Lead").leadDate(clock.instant());
        values.accept(b);
        return kit.leads().create(by, b.build());
    }

    protected LeadPage list(Actor actor, LeadQuery.Builder query) {
        return kit.queries().list(actor, query.build());
    }

    protected static List<LeadId> ids(LeadPage page) {
        return page.leads().stream().map(Lead::id).toList();
    }

    private static List<LeadId> ids(Lead... leads) {
        return java.util.Arrays.stream(leads).map(Lead::id).toList();
    }

    // ------------------------------------------------------------------ search (Q2)

    @Test
    void searchFindsTurkishDanishLithuanianAndGermanSpellingsWhateverTheCaseAndAccents() {
        Lead istanbul = lead(AYSE, b -> b.company("İstanbul Ticaret A.Ş."));
        Lead soren = lead(AYSE, b -> b.firstName("Søren").lastName("Kierkegaard"));
        Lead sarunas = lead(AYSE, b -> b.firstName("Šarūnas").lastName("Jasikevičius"));
        Lead strasse = lead(AYSE, b -> b.company("Große Straße GmbH"));
        Lead aebelo = lead(AYSE, b -> b.lastName("Æbelø").email("info@ærø.dk"));
        lead(AYSE, b -> b.company("Oslo AS"));

        assertThat(ids(list(AYSE, LeadQuery.builder().search("istanbul")))).containsExactly(istanbul.id());
        assertThat(ids(list(AYSE, LeadQuery.builder().search("ISTANBUL")))).containsExactly(istanbul.id());
        assertThat(ids(list(AYSE, LeadQuery.builder().search("ıstanbul")))).containsExactly(istanbul.id());
        assertThat(ids(list(AYSE, LeadQuery.builder().search("soren")))).containsExactly(soren.id());
        assertThat(ids(list(AYSE, LeadQuery.builder().search("sarunas")))).containsExactly(sarunas.id());
        assertThat(ids(list(AYSE, LeadQuery.builder().search("JASIKEVICIUS sarūnas")))).containsExactly(sarunas.id());
        assertThat(ids(list(AYSE, LeadQuery.builder().search("strasse")))).containsExactly(strasse.id());
        assertThat(ids(list(AYSE, LeadQuery.builder().search("aebelo")))).containsExactly(aebelo.id());
        assertThat(ids(list(AYSE, LeadQuery.builder().search("aero.dk")))).containsExactly(aebelo.id());
        assertThat(list(AYSE, LeadQuery.builder().search("soren oslo")).total()).isZero();
    }

    @Test
    void searchCoversOnlyTheNamedColumns() {
        Lead inCity = lead(AYSE, b -> b.city("Vilnius"));
        Lead inCompany = lead(AYSE, b -> b.company("Vilnius Prekyba"));

        assertThat(ids(list(AYSE, LeadQuery.builder().search("vilnius")))).containsExactly(inCompany.id());
        assertThat(ids(list(AYSE, LeadQuery.builder().search("vilnius").searchIn("city")))).containsExactly(inCity.id());
        assertThat(ids(list(AYSE, LeadQuery.builder().search("vilnius").searchIn("city", "company")
                .sort(Sort.asc("leadDate"))))).containsExactly(inCity.id(), inCompany.id());
    }

    // ------------------------------------------------------------------ filters (Q3)

    @Test
    void filtersOnStandardAndCustomFieldsAndTagsCombineWithAndOrNot() {
        Lead a = lead(AYSE, b -> b.company("Acme İnşaat").city("İzmir").tags("fair", "hot")
                .custom("budget", FieldValue.number(new BigDecimal("1500.50"))).custom("vip", FieldValue.flag(true))
                .custom("met_on", FieldValue.date(LocalDate.of(2026, 2, 10))).custom("sector", FieldValue.text("it")));
        Lead b2 = lead(AYSE, b -> b.company("Beta ApS").city("Århus").email("kontakt@beta.dk").tags("fair")
                .custom("budget", FieldValue.number(new BigDecimal("900"))).custom("sector", FieldValue.text("retail")));
        Lead c = lead(AYSE, b -> b.company("Ceta UAB").status("contacted")
                .custom("met_on", FieldValue.date(LocalDate.of(2026, 1, 5))));

        assertThat(ids(list(AYSE, LeadQuery.builder().where(Filter.eq("status", "new")).sort(Sort.asc("leadDate")))))
                .containsExactly(a.id(), b2.id());
        assertThat(ids(list(AYSE, LeadQuery.builder().where(Filter.eq("city", "IZMIR"))))).containsExactly(a.id());
        assertThat(ids(list(AYSE, LeadQuery.builder().where(Filter.startsWith("city", "ar"))))).containsExactly(b2.id());
        assertThat(ids(list(AYSE, LeadQuery.builder().where(Filter.contains("company", "insaat"))))).containsExactly(a.id());
        assertThat(ids(list(AYSE, LeadQuery.builder().where(Filter.eq("tags", "hot"))))).containsExactly(a.id());
        assertThat(ids(list(AYSE, LeadQuery.builder().where(Filter.in("tags", "hot", "fair")).sort(Sort.asc("leadDate")))))
                .containsExactly(a.id(), b2.id());
        assertThat(ids(list(AYSE, LeadQuery.builder().where(Filter.empty("tags"))))).containsExactly(c.id());
        assertThat(ids(list(AYSE, LeadQuery.builder().where(Filter.notEmpty("email"))))).containsExactly(b2.id());
        assertThat(ids(list(AYSE, LeadQuery.builder().where(Filter.atLeast("budget", new BigDecimal("1000")))))).containsExactly(a.id());
        assertThat(ids(list(AYSE, LeadQuery.builder().where(Filter.between("budget", 900, "1500.5")).sort(Sort.asc("budget")))))
                .containsExactly(b2.id(), a.id());
        assertThat(ids(list(AYSE, LeadQuery.builder().where(Filter.eq("budget", "1500.500"))))).containsExactly(a.id());
        assertThat(ids(list(AYSE, LeadQuery.builder().where(Filter.atMost("met_on", LocalDate.of(2026, 2, 1)))))).containsExactly(c.id());
        assertThat(ids(list(AYSE, LeadQuery.builder().where(Filter.eq("vip", true))))).containsExactly(a.id());
        assertThat(ids(list(AYSE, LeadQuery.builder().where(Filter.eq("cf.sector", "retail"))))).containsExactly(b2.id());
        assertThat(ids(list(AYSE, LeadQuery.builder().where(Filter.between("leadDate", a.leadDate(), b2.leadDate()))
                .sort(Sort.asc("leadDate"))))).containsExactly(a.id(), b2.id());
        // NOT includes the leads where the field is empty.
        assertThat(ids(list(AYSE, LeadQuery.builder().where(Filter.not(Filter.eq("vip", true))).sort(Sort.asc("leadDate")))))
                .containsExactly(b2.id(), c.id());
        assertThat(ids(list(AYSE, LeadQuery.builder().where(Filter.or(Filter.eq("tags", "hot"), Filter.eq("status", "contacted")))
                .sort(Sort.asc("leadDate"))))).containsExactly(a.id(), c.id());
        assertThat(ids(list(AYSE, LeadQuery.builder().where(Filter.and(Filter.eq("tags", "fair"),
                Filter.not(Filter.or(Filter.eq("vip", true), Filter.empty("budget")))))))).containsExactly(b2.id());
    }

    @Test
    void aFilterSurvivesItsTextForm() {
        Filter filter = Filter.and(Filter.in("status", "new", "contacted"), Filter.not(Filter.empty("email")),
                Filter.or(Filter.contains("company", "\"quoted\" \\ back"), Filter.between("leadDate", "", "2026-01-01T00:00:00Z")));
        assertThat(Filter.parse(filter.toText())).isEqualTo(filter);
        assertThatThrownBy(() -> Filter.parse("{\"field\":\"status\"}")).isInstanceOf(ValidationException.class)
                .hasMessageContaining("filter");
    }

    // ------------------------------------------------------------------ sort and pages (Q4)

    @Test
    void textSortsByItsFoldedFormWithEmptyValuesLastInBothDirectionsAndTiesById() {
        Lead zeta = lead(AYSE, b -> b.lastName("Zeta").company("Same"));
        Lead orsted = lead(AYSE, b -> b.lastName("ørsted").company("Same"));
        Lead ozturk = lead(AYSE, b -> b.lastName("Öztürk").company("Same"));
        Lead abel = lead(AYSE, b -> b.lastName("abel").company("Same"));
        Lead none = lead(AYSE, b -> b.lastName("Zz"));
        Lead tie = lead(AYSE, b -> b.lastName("ABEL").company("Same"));

        assertThat(ids(list(AYSE, LeadQuery.builder().sort(Sort.asc("lastName")))))
                .containsExactly(abel.id(), tie.id(), orsted.id(), ozturk.id(), zeta.id(), none.id());
        assertThat(ids(list(AYSE, LeadQuery.builder().sort(Sort.desc("lastName")))))
                .containsExactly(none.id(), zeta.id(), ozturk.id(), orsted.id(), tie.id(), abel.id());
        assertThat(ids(list(AYSE, LeadQuery.builder().sort(Sort.asc("company")))).subList(5, 6)).containsExactly(none.id());
        assertThat(ids(list(AYSE, LeadQuery.builder().sort(Sort.desc("company")))).subList(5, 6)).containsExactly(none.id());
        assertThat(ids(list(AYSE, LeadQuery.builder().sort(Sort.asc("company")))).subList(0, 5))
                .containsExactly(zeta.id(), orsted.id(), ozturk.id(), abel.id(), tie.id());
        assertThat(ids(list(AYSE, LeadQuery.builder().sort(Sort.desc("company")))).subList(0, 5))
                .containsExactly(tie.id(), abel.id(), ozturk.id(), orsted.id(), zeta.id());
    }

    @Test
    void offsetAndKeysetPagesReturnEveryLeadOnceInOrder() {
        List<LeadId> all = new ArrayList<>();
        for (int i = 0; i < 23; i++) {
            int n = i;
            all.add(lead(AYSE, b -> b.company("Firma " + (n % 4))).id());
        }
        LeadQuery query = LeadQuery.builder().sort(Sort.asc("company"), Sort.desc("leadDate")).pageSize(5).build();
        List<LeadId> byOffset = new ArrayList<>();
        for (int offset = 0; offset < 30; offset += 5) {
            byOffset.addAll(ids(kit.queries().list(AYSE, query.toBuilder().offset(offset).build())));
        }
        List<LeadId> byKeyset = new ArrayList<>();
        LeadPage page = kit.queries().list(AYSE, query);
        byKeyset.addAll(ids(page));
        while (page.nextCursor().isPresent()) {
            page = kit.queries().list(AYSE, query.after(page.nextCursor().get()));
            byKeyset.addAll(ids(page));
        }
        assertThat(byKeyset).hasSize(23).containsExactlyInAnyOrderElementsOf(all).isEqualTo(byOffset);
        assertThat(page.total()).isEqualTo(23);
    }

    @Test
    void forEachPageHandsOverEveryVisibleLeadOnceInTheQuerysOrderPageByPage() {
        for (int i = 0; i < 23; i++) {
            int n = i;
            lead(i % 2 == 0 ? AYSE : MEHMET, b -> b.company("Firma " + (n % 4)));
        }
        lead(JONAS, b -> b.company("Firma 1")); // not visible to Ayşe
        LeadQuery query = LeadQuery.builder().sort(Sort.asc("company"), Sort.desc("leadDate")).pageSize(5).build();
        List<LeadId> byOffset = new ArrayList<>();
        for (int offset = 0; offset < 30; offset += 5) {
            byOffset.addAll(ids(kit.queries().list(AYSE, query.toBuilder().offset(offset).build())));
        }
        List<Integer> sizes = new ArrayList<>();
        List<LeadId> walked = new ArrayList<>();

        long handed = kit.queries().forEachPage(AYSE, query, page -> {
            sizes.add(page.size());
            page.forEach(l -> walked.add(l.id()));
        });

        assertThat(handed).isEqualTo(23);
        assertThat(sizes).containsExactly(5, 5, 5, 5, 3);
        assertThat(walked).isEqualTo(byOffset).doesNotHaveDuplicates();
        assertThat(kit.queries().forEachPage(JONAS, query.toBuilder().search("no such company").build(), page -> {
            throw new AssertionError("no page expected");
        })).isZero();
    }

    @Test
    void pagesInTheDefaultOrderLeaveOutDeletedAndUnmatchedLeadsByKeysetOffsetAndWalkAlike() {
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 14; i++) {
            int n = i;
            Lead lead = lead(i % 3 == 0 ? JONAS : AYSE, b -> b.company(n % 4 == 0 ? "Other" : "Firma " + n));
            if (i == 5) {
                kit.leads().delete(ADMIN, lead.id());
            } else if (n % 4 != 0) {
                expected.add(lead.id().value());
            }
        }
        java.util.Collections.reverse(expected);
        LeadQuery query = LeadQuery.builder().search("firma").pageSize(3).build(); // no sort: newest lead date first
        List<String> byKeyset = new ArrayList<>();
        LeadPage page = kit.queries().list(ADMIN, query);
        page.leads().forEach(l -> byKeyset.add(l.id().value()));
        while (page.nextCursor().isPresent()) {
            page = kit.queries().list(ADMIN, query.after(page.nextCursor().get()));
            page.leads().forEach(l -> byKeyset.add(l.id().value()));
        }
        List<String> byOffset = new ArrayList<>();
        for (int offset = 0; offset < 15; offset += 3) {
            kit.queries().list(ADMIN, query.toBuilder().offset(offset).build()).leads().forEach(l -> byOffset.add(l.id().value()));
        }
        List<String> walked = new ArrayList<>();
        kit.queries().forEachPage(ADMIN, query, leads -> leads.forEach(l -> walked.add(l.id().value())));

        assertThat(byKeyset).isEqualTo(expected).hasSize(9);
        assertThat(byOffset).isEqualTo(expected);
        assertThat(walked).isEqualTo(expected);
        assertThat(page.total()).isEqualTo(9);
    }

    @Test
    void keysetPagesSeeLeadsAndGrantsCommittedBetweenPages() {
        List<Lead> leads = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            int n = i;
            leads.add(lead(AYSE, b -> b.company("B" + n)));
        }
        Lead foreign = lead(JONAS, b -> b.company("B9"));
        LeadQuery query = LeadQuery.builder().sort(Sort.asc("company")).pageSize(3).build();
        List<String> walked = new ArrayList<>();
        LeadPage page = kit.queries().list(AYSE, query);
        page.leads().forEach(l -> walked.add(l.company().orElseThrow()));
        page = kit.queries().list(AYSE, query.after(page.nextCursor().orElseThrow()));
        page.leads().forEach(l -> walked.add(l.company().orElseThrow()));

        // Between the second and the third page: one lead ahead is renamed behind the position, one
        // is added ahead, and a foreign lead is shared with Ayşe.
        Lead renamed = leads.get(7);
        kit.leads().update(AYSE, renamed.id(), LeadPatch.builder().set(LeadField.COMPANY, "A7").build(), renamed.version());
        lead(AYSE, b -> b.company("B6½"));
        kit.access().grant(JONAS, foreign.id(), "ayse", Set.of(dev.leadkit.access.Right.VIEW));
        while (page.nextCursor().isPresent()) {
            page = kit.queries().list(AYSE, query.after(page.nextCursor().get()));
            page.leads().forEach(l -> walked.add(l.company().orElseThrow()));
        }

        assertThat(walked).containsExactly("B0", "B1", "B2", "B3", "B4", "B5", "B6", "B6½", "B8", "B9");
        assertThat(page.total()).isEqualTo(11);
    }

    @Test
    void aCursorSignedWithTheSameKeyWorksOnAnotherInstanceAndAForeignOneIsRefused() {
        for (int i = 0; i < 5; i++) {
            lead(AYSE, b -> b.company("Firma"));
        }
        byte[] key = new byte[32];
        key[0] = 7;
        LeadKit one = kit(store, Optional.of(key));
        LeadKit two = kit(store, Optional.of(key.clone()));
        LeadQuery query = LeadQuery.builder().pageSize(2).build();
        String cursor = one.queries().list(AYSE, query).nextCursor().orElseThrow();

        assertThat(two.queries().list(AYSE, query.after(cursor)).leads()).hasSize(2);
        assertCursorRefused(() -> kit.queries().list(AYSE, query.after(cursor)));
        assertCursorRefused(() -> one.queries().list(AYSE, LeadQuery.builder().pageSize(2).sort(Sort.asc("leadDate"))
                .after(cursor).build()));
        assertCursorRefused(() -> one.queries().list(AYSE, LeadQuery.builder().pageSize(2).where(Filter.eq("status", "new"))
                .after(cursor).build()));
    }

    @Test
    void aForgedCursorIsRefused() {
        for (int i = 0; i < 3; i++) {
            lead(AYSE, b -> b.company("Firma"));
        }
        LeadQuery query = LeadQuery.builder().pageSize(1).build();
        String cursor = kit.queries().list(AYSE, query).nextCursor().orElseThrow();
        for (int i = 0; i < cursor.length(); i++) {
            char c = cursor.charAt(i);
            String forged = cursor.substring(0, i) + (c == 'A' ? 'B' : 'A') + cursor.substring(i + 1);
            assertCursorRefused(() -> kit.queries().list(AYSE, query.after(forged)));
        }
        for (String junk : List.of("", "x", "not a cursor", cursor + "A", cursor.substring(1), "' OR 1=1 --")) {
            assertCursorRefused(() -> kit.queries().list(AYSE, query.after(junk)));
        }
    }

    private static void assertCursorRefused(Runnable call) {
        assertThatThrownBy(call::run).isInstanceOf(ValidationException.class)
                .satisfies(e -> assertThat(((ValidationException) e).errors()).singleElement()
                        .satisfies(err -> {
                            assertThat(err.field()).isEqualTo("cursor");
                            assertThat(err.code()).isEqualTo("query.cursor.invalid");
                        }));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, 1001, 100_000})
    void aPageSizeOutsideOneToAThousandIsRefusedNamingTheRange(int size) {
        assertThatThrownBy(() -> LeadQuery.builder().pageSize(size)).isInstanceOf(ValidationException.class)
                .satisfies(e -> assertThat(((ValidationException) e).errors()).singleElement().satisfies(err -> {
                    assertThat(err.field()).isEqualTo("pageSize");
                    assertThat(err.code()).isEqualTo("query.page_size.out_of_range");
                    assertThat(err.message()).contains("1").contains("1000");
                }));
    }

    @Test
    void pageSizesOneAndAThousandAreAccepted() {
        lead(AYSE, b -> b.company("Firma"));
        assertThat(list(AYSE, LeadQuery.builder().pageSize(1)).leads()).hasSize(1);
        assertThat(list(AYSE, LeadQuery.builder().pageSize(1000)).leads()).hasSize(1);
    }

    // ------------------------------------------------------------------ bad input

    @Test
    void anUnknownFieldIsRefusedNamingItAndWhatIsAllowed() {
        for (LeadQuery.Builder query : List.of(LeadQuery.builder().where(Filter.eq("colour", "red")),
                LeadQuery.builder().sort(Sort.asc("colour")), LeadQuery.builder().search("x").searchIn("colour"))) {
            assertThatThrownBy(() -> list(AYSE, query)).isInstanceOf(ValidationException.class)
                    .satisfies(e -> assertThat(((ValidationException) e).errors()).singleElement().satisfies(err -> {
                        assertThat(err.field()).isEqualTo("colour");
                        assertThat(err.code()).isEqualTo("query.field.unknown");
                        assertThat(err.message()).contains("lastName").contains("tags").contains("custom field");
                    }));
        }
    }

    @Test
    void aWrongTypedValueIsRefusedNamingTheFieldAndTheType() {
        assertRefused(Filter.eq("leadDate", "yesterday"), "leadDate", "query.value.type", "ISO-8601 instant");
        assertRefused(Filter.eq("budget", "a lot"), "budget", "query.value.type", "decimal number");
        assertRefused(Filter.eq("met_on", "10/02/2026"), "met_on", "query.value.type", "ISO-8601 date");
        assertRefused(Filter.eq("vip", "yes"), "vip", "query.value.type", "true or false");
        assertRefused(Filter.contains("leadDate", "2026"), "leadDate", "query.operator.unsupported", "range");
        assertRefused(Filter.between("company", "a", "b"), "company", "query.operator.unsupported", "contains");
        assertRefused(Filter.contains("tags", "fa"), "tags", "query.operator.unsupported", "in");
        assertRefused(Filter.contains("company", "\u0301"), "company", "query.value.empty", "empty()");
        assertThatThrownBy(() -> Filter.eq("budget", new Object())).isInstanceOf(ValidationException.class)
                .hasMessageContaining("budget");
        assertThatThrownBy(() -> Filter.in("status", List.of())).isInstanceOf(ValidationException.class)
                .hasMessageContaining("status");
    }

    private void assertRefused(Filter filter, String field, String code, String allowed) {
        assertThatThrownBy(() -> list(AYSE, LeadQuery.builder().where(filter))).isInstanceOf(ValidationException.class)
                .satisfies(e -> assertThat(((ValidationException) e).errors()).singleElement().satisfies(err -> {
                    assertThat(err.field()).isEqualTo(field);
                    assertThat(err.code()).isEqualTo(code);
                    assertThat(err.message()).contains(allowed);
                }));
    }

    @Test
    void injectionStringsInFilterValuesAndSearchAreMatchedLiterally() {
        List<Lead> holders = new ArrayList<>();
        for (String s : INJECTIONS) {
            holders.add(lead(AYSE, b -> b.company("X" + s + "Y").city(s).description("a" + s).tags("t" + s.replace(",", ""))
                    .custom("note", FieldValue.text("n" + s)).externalId("e" + s)));
        }
        Lead plain = lead(AYSE, b -> b.company("Plain Company").city("Plain").description("plain"));
        long before = kit.queries().count(ADMIN, LeadQuery.builder().includeDeleted().includeConverted().build());

        for (int i = 0; i < INJECTIONS.size(); i++) {
            String s = INJECTIONS.get(i);
            Set<LeadId> expected = new HashSet<>();
            for (int k = 0; k < INJECTIONS.size(); k++) {
                if (("X" + INJECTIONS.get(k) + "Y").contains(s)) {
                    expected.add(holders.get(k).id());
                }
            }
            assertThat(ids(list(AYSE, LeadQuery.builder().where(Filter.contains("company", s)).pageSize(100))))
                    .as("company contains %s", s).containsExactlyInAnyOrderElementsOf(expected);
            assertThat(ids(list(AYSE, LeadQuery.builder().search(s).searchIn("company").pageSize(100))))
                    .as("search %s", s).containsExactlyInAnyOrderElementsOf(expected);
            assertThat(ids(list(AYSE, LeadQuery.builder().where(Filter.eq("city", s))))).as("city = %s", s)
                    .containsExactly(holders.get(i).id());
            Set<LeadId> prefixed = new HashSet<>();
            for (int k = 0; k < INJECTIONS.size(); k++) {
                if (INJECTIONS.get(k).startsWith(s)) {
                    prefixed.add(holders.get(k).id());
                }
            }
            assertThat(ids(list(AYSE, LeadQuery.builder().where(Filter.startsWith("description", "a" + s)))))
                    .as("description starts with a%s", s).containsExactlyInAnyOrderElementsOf(prefixed);
            assertThat(ids(list(AYSE, LeadQuery.builder().where(Filter.eq("note", "n" + s))))).containsExactly(holders.get(i).id());
            assertThat(ids(list(AYSE, LeadQuery.builder().where(Filter.eq("externalId", "e" + s))))).containsExactly(holders.get(i).id());
            assertThat(ids(list(AYSE, LeadQuery.builder().where(Filter.eq("tags", "t" + s.replace(",", "")))))).containsExactly(holders.get(i).id());
            assertThat(list(AYSE, LeadQuery.builder().where(Filter.eq("status", s))).total()).isZero();
            assertThat(list(AYSE, LeadQuery.builder().where(Filter.in("owner", s, "ayse"))).total()).isEqualTo(INJECTIONS.size() + 1);
            assertThatThrownBy(() -> list(AYSE, LeadQuery.builder().sort(Sort.asc(s)))).isInstanceOf(ValidationException.class)
                    .satisfies(e -> assertThat(((ValidationException) e).errors().get(0).code()).isEqualTo("query.field.unknown"));
            assertThatThrownBy(() -> list(AYSE, LeadQuery.builder().where(Filter.eq(s, "x")))).isInstanceOf(ValidationException.class);
        }
        assertThat(ids(list(AYSE, LeadQuery.builder().where(Filter.contains("company", "plain"))))).containsExactly(plain.id());
        assertThat(kit.queries().count(ADMIN, LeadQuery.builder().includeDeleted().includeConverted().build())).isEqualTo(before);
    }

    @Test
    void injectionStringsInViewNamesAreStoredLiterally() {
        ViewDefinition definition = new ViewDefinition(Filter.contains("company", "%"), List.of("company"), List.of(), List.of());
        for (String s : INJECTIONS) {
            SavedView view = kit.queries().createView(AYSE, "View " + s, definition, Optional.empty());
            assertThat(kit.queries().view(AYSE, view.id()).name()).isEqualTo("View " + s);
        }
        assertThat(kit.queries().views(AYSE)).hasSize(INJECTIONS.size());
    }

    // ------------------------------------------------------------------ defaults, scoping, inbox (Q6, Q7)

    @Test
    void defaultListsLeaveOutDeletedAndConvertedLeadsUnlessAsked() {
        Lead open = lead(AYSE, b -> b.company("Open"));
        Lead deleted = lead(AYSE, b -> b.company("Deleted"));
        kit.leads().delete(AYSE, deleted.id());
        Lead working = lead(AYSE, b -> b.company("Converted"));
        // Conversion is K8's; the store is told directly that the lead moved to the converted status.
        Lead converted = working.withStatus("converted", Optional.empty(), clock.instant());
        store.inTransaction(tx -> {
            tx.leads().update(converted);
            return null;
        });

        assertThat(ids(list(AYSE, LeadQuery.builder()))).containsExactly(open.id());
        assertThat(kit.queries().count(AYSE, LeadQuery.builder().build())).isEqualTo(1);
        assertThat(ids(list(AYSE, LeadQuery.builder().includeDeleted()))).containsExactly(deleted.id(), open.id());
        assertThat(ids(list(AYSE, LeadQuery.builder().includeConverted()))).containsExactly(converted.id(), open.id());
        assertThat(list(AYSE, LeadQuery.builder().includeConverted().includeDeleted()).total()).isEqualTo(3);
    }

    @Test
    void everyQueryIsScopedToWhatTheActorMayView() {
        Lead ayses = lead(AYSE, b -> b.company("Kardeşler"));
        Lead mehmets = lead(MEHMET, b -> b.company("Kardeşler 2"));
        Lead jonass = lead(JONAS, b -> b.company("Kardeşler 3"));
        Lead unassigned = lead(ADMIN, b -> b.company("Kardeşler 4").unassigned());
        Lead granted = lead(JONAS, b -> b.company("Kardeşler 5"));
        kit.access().grant(JONAS, granted.id(), "ayse", Set.of(dev.leadkit.access.Right.VIEW));

        LeadQuery kardesler = LeadQuery.builder().search("kardesler").sort(Sort.asc("leadDate")).build();
        assertThat(ids(kit.queries().list(AYSE, kardesler))).containsExactly(ayses.id(), mehmets.id(), unassigned.id(), granted.id());
        assertThat(kit.queries().count(AYSE, kardesler)).isEqualTo(4);
        assertThat(ids(kit.queries().list(JONAS, kardesler))).containsExactly(jonass.id(), unassigned.id(), granted.id());
        assertThat(kit.queries().list(ADMIN, kardesler).total()).isEqualTo(5);
    }

    @Test
    void theInboxHoldsOpenUnownedLeadsNewestFirst() {
        Lead older = lead(ADMIN, b -> b.company("Older").unassigned());
        lead(ADMIN, b -> b.company("Working").unassigned().status("contacted"));
        lead(AYSE, b -> b.company("Owned"));
        Lead newer = lead(ADMIN, b -> b.company("Newer").unassigned());
        Lead deleted = lead(ADMIN, b -> b.company("Deleted").unassigned());
        kit.leads().delete(ADMIN, deleted.id());

        LeadPage inbox = kit.queries().inbox(AYSE);
        assertThat(ids(inbox)).containsExactly(newer.id(), older.id());
        assertThat(inbox.total()).isEqualTo(2);
        assertThat(ids(kit.queries().inbox(AYSE, LeadQuery.builder().search("older").build()))).containsExactly(older.id());

        kit.access().claim(AYSE, newer.id());
        assertThat(ids(kit.queries().inbox(MEHMET))).containsExactly(older.id());
    }

    // ------------------------------------------------------------------ views (Q1, Q5)

    @Test
    void applyingAViewReturnsExactlyItsColumnsInItsOrder() {
        Lead hot = lead(AYSE, b -> b.lastName("Yılmaz").company("Acme").email("info@acme.tr").tags("hot", "fair")
                .custom("budget", FieldValue.number(new BigDecimal("250.5"))));
        lead(AYSE, b -> b.lastName("Cold").company("Beta"));
        ViewDefinition definition = new ViewDefinition(Filter.eq("tags", "hot"),
                List.of("company", "lastName", "budget", "tags", "phone", "status"), List.of("email"), List.of(Sort.asc("company")));
        SavedView view = kit.queries().createView(AYSE, "Hot leads", definition, Optional.empty());

        ViewPage page = kit.queries().applyView(AYSE, view.id(), LeadQuery.builder().build());

        assertThat(page.columns()).containsExactly("company", "lastName", "budget", "tags", "phone", "status");
        assertThat(page.rows()).singleElement().satisfies(row -> {
            assertThat(row.id()).isEqualTo(hot.id());
            assertThat(row.values()).containsExactly("Acme", "Yılmaz", "250.5", "fair,hot", "", "new");
        });
        assertThat(page.total()).isEqualTo(1);
        assertThat(kit.queries().applyView(AYSE, view.id(), LeadQuery.builder().search("info").build()).rows())
                .as("email is hidden, so the search does not look there").isEmpty();
        assertThat(kit.queries().applyView(AYSE, view.id(), LeadQuery.builder().search("yilmaz").build()).rows()).hasSize(1);
        assertThat(ViewDefinition.parse(definition.toText())).isEqualTo(definition);
    }

    @Test
    void aPrivateViewIsItsOwnersAndASharedOneIsItsTeams() {
        ViewDefinition definition = new ViewDefinition(Filter.all(), List.of("company"), List.of(), List.of());
        SavedView mine = kit.queries().createView(AYSE, "Mine", definition, Optional.empty());
        SavedView ours = kit.queries().createView(AYSE, "Ours", definition, Optional.of("tr"));

        assertThat(kit.queries().views(AYSE)).extracting(SavedView::name).containsExactly("Mine", "Ours");
        assertThat(kit.queries().views(MEHMET)).extracting(SavedView::name).containsExactly("Ours");
        assertThat(kit.queries().views(JONAS)).isEmpty();
        assertThatThrownBy(() -> kit.queries().view(MEHMET, mine.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> kit.queries().applyView(JONAS, ours.id(), LeadQuery.builder().build()))
                .isInstanceOf(NotFoundException.class);
        assertThat(kit.queries().applyView(MEHMET, ours.id(), LeadQuery.builder().build()).columns()).containsExactly("company");
        assertThatThrownBy(() -> kit.queries().updateView(MEHMET, ours.id(), "Taken", definition, Optional.of("tr"), 1))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> kit.queries().deleteView(MEHMET, ours.id(), 1)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> kit.queries().createView(AYSE, "Theirs", definition, Optional.of("lt")))
                .isInstanceOf(ValidationException.class).hasMessageContaining("team");

        SavedView renamed = kit.queries().updateView(AYSE, ours.id(), "Ours, renamed", definition, Optional.empty(), 1);
        assertThat(renamed.version()).isEqualTo(2);
        assertThat(kit.queries().views(MEHMET)).isEmpty();
        assertThatThrownBy(() -> kit.queries().updateView(AYSE, ours.id(), "Stale", definition, Optional.empty(), 1))
                .isInstanceOf(ConflictException.class);
        kit.queries().deleteView(AYSE, mine.id(), 1);
        assertThat(kit.queries().views(AYSE)).extracting(SavedView::name).containsExactly("Ours, renamed");
    }

    @Test
    void aViewNamingAnUnknownFieldIsNotSaved() {
        ViewDefinition bad = new ViewDefinition(Filter.all(), List.of("company", "colour"), List.of(), List.of());
        assertThatThrownBy(() -> kit.queries().createView(AYSE, "Bad", bad, Optional.empty()))
                .isInstanceOf(ValidationException.class)
                .satisfies(e -> assertThat(((ValidationException) e).errors()).extracting(FieldError::field).containsExactly("colour"));
        assertThat(kit.queries().views(AYSE)).isEmpty();
    }

    // ------------------------------------------------------------------ bulk actions

    @Test
    void aBulkTagReportsEachLeadAndLeavesTheRefusedOnesUntouched() {
        Lead mine = lead(AYSE, b -> b.company("Mine"));
        Lead teams = lead(MEHMET, b -> b.company("Team's"));
        Lead foreign = lead(JONAS, b -> b.company("Foreign"));

        BulkResult result = kit.queries().tag(AYSE, BulkTarget.ids(List.of(mine.id(), foreign.id(), teams.id())), Set.of("fair"));

        assertThat(result.outcomes()).extracting(BulkOutcome::id, BulkOutcome::result).containsExactly(
                org.assertj.core.groups.Tuple.tuple(mine.id(), BulkOutcome.Result.DONE),
                org.assertj.core.groups.Tuple.tuple(foreign.id(), BulkOutcome.Result.DENIED),
                org.assertj.core.groups.Tuple.tuple(teams.id(), BulkOutcome.Result.DONE));
        assertThat(kit.leads().get(ADMIN, foreign.id())).isEqualTo(foreign);
        assertThat(kit.leads().get(ADMIN, mine.id()).tags()).containsExactly("fair");
    }

    @Test
    void aBulkStatusChangeOnAQueryReportsForbiddenMovesAsConflicts() {
        Lead fresh = lead(AYSE, b -> b.company("Fresh").tags("batch"));
        Lead lost = lead(AYSE, b -> b.company("Lost").tags("batch"));
        lost = kit.workflow().close(AYSE, lost.id(), "lost", "no_budget", lost.version());
        Lead foreign = lead(JONAS, b -> b.company("Foreign").tags("batch"));

        BulkResult result = kit.queries().setStatus(AYSE,
                BulkTarget.of(LeadQuery.builder().where(Filter.eq("tags", "batch")).sort(Sort.asc("leadDate")).build()), "contacted");

        assertThat(result.outcomes()).extracting(BulkOutcome::id).containsExactly(fresh.id(), lost.id());
        assertThat(result.outcomes().get(0).result()).isEqualTo(BulkOutcome.Result.DONE);
        assertThat(result.outcomes().get(1).result()).isEqualTo(BulkOutcome.Result.CONFLICT);
        assertThat(kit.leads().get(ADMIN, lost.id())).isEqualTo(lost);
        assertThat(kit.leads().get(ADMIN, fresh.id()).status()).isEqualTo("contacted");
        assertThat(kit.leads().get(ADMIN, foreign.id()).status()).isEqualTo("new");
    }

    @Test
    void aBulkTransferAndDeleteActOnEveryLeadTheQueryMatched() {
        List<LeadId> batch = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            batch.add(lead(AYSE, b -> b.company("Batch")).id());
        }
        lead(AYSE, b -> b.company("Other"));
        LeadQuery query = LeadQuery.builder().where(Filter.eq("company", "batch")).pageSize(2).build();

        BulkResult moved = kit.queries().transfer(AYSE, BulkTarget.of(query), "mehmet", false);
        assertThat(moved.count(BulkOutcome.Result.DONE)).isEqualTo(7);
        assertThat(batch).allSatisfy(id -> assertThat(kit.leads().get(ADMIN, id).owner()).contains("mehmet"));
        assertThatThrownBy(() -> kit.queries().transfer(AYSE, BulkTarget.of(query), "nobody", false))
                .isInstanceOf(ValidationException.class);

        BulkResult deleted = kit.queries().delete(MEHMET, BulkTarget.of(query));
        assertThat(deleted.outcomes()).extracting(BulkOutcome::id).containsExactlyInAnyOrderElementsOf(batch);
        assertThat(kit.queries().count(AYSE, query)).isZero();
        assertThat(kit.queries().count(AYSE, LeadQuery.builder().build())).isEqualTo(1);
    }

    // ------------------------------------------------------------------ the store port directly

    private static LeadSelection companyContains(String text) {
        return new LeadSelection(Visibility.everything(), false,
                new Criterion.Match(QueryField.of(LeadField.COMPANY), Criterion.Operator.CONTAINS, List.of(text)),
                Optional.empty(), List.of(new LeadSelection.Order(QueryField.of(LeadField.COMPANY), false)),
                Optional.empty(), 0, 10);
    }

    private List<LeadId> select(LeadSelection selection) {
        return store.inTransaction(tx -> tx.leads().select(selection)).stream().map(Lead::id).toList();
    }

    @Test
    void aTransactionSelectsAndCountsItsOwnWritesOverTheCommittedLeads() {
        Lead alpha = TestLeads.aLead().with(LeadField.COMPANY, "Alpha").build();
        Lead beta = TestLeads.aLead().with(LeadField.COMPANY, "Beta").build();
        store.inTransaction(tx -> {
            tx.leads().insert(alpha);
            tx.leads().insert(beta);
            return null;
        });
        Lead gamma = TestLeads.aLead().with(LeadField.COMPANY, "Gamma").build();

        store.inTransaction(tx -> {
            tx.leads().update(TestLeads.next(alpha, LeadField.COMPANY, "Zulu"));
            tx.leads().insert(gamma);
            assertThat(tx.leads().select(companyContains("a")).stream().map(Lead::id)).containsExactly(beta.id(), gamma.id());
            assertThat(tx.leads().count(companyContains("a"))).isEqualTo(2);
            assertThat(tx.leads().select(companyContains("zu")).stream().map(Lead::id)).containsExactly(alpha.id());
            return null;
        });

        assertThat(select(companyContains("a"))).containsExactly(beta.id(), gamma.id());
        assertThat(select(companyContains("zulu"))).containsExactly(alpha.id());
    }

    @Test
    void aFailedTransactionLeavesNoTraceInSelections() {
        Lead alpha = TestLeads.aLead().with(LeadField.COMPANY, "Alpha").build();
        assertThatThrownBy(() -> store.inTransaction(tx -> {
            tx.leads().insert(alpha);
            throw new IllegalStateException("boom");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(select(companyContains("alpha"))).isEmpty();
        long count = store.inTransaction(tx -> tx.leads().count(companyContains("alpha")));
        assertThat(count).isZero();
    }

    @Test
    void aLeadThatChangesStatusAndOwnerIsSelectedByItsNewValuesOnly() {
        Lead lead = TestLeads.aLead().with(LeadField.COMPANY, "Moving").build();
        store.inTransaction(tx -> {
            tx.leads().insert(lead);
            return null;
        });
        Lead moved = TestLeads.next(TestLeads.next(lead, LeadField.STATUS, "contacted"), LeadField.OWNER, "jonas");
        store.inTransaction(tx -> {
            tx.leads().update(TestLeads.next(lead, LeadField.STATUS, "contacted"));
            return null;
        });
        store.inTransaction(tx -> {
            tx.leads().update(moved);
            return null;
        });

        for (String status : List.of("new", "contacted")) {
            for (String owner : List.of("ayse", "jonas")) {
                LeadSelection selection = new LeadSelection(new Visibility(false, Set.of(owner), false, Optional.empty()), false,
                        Criterion.in(QueryField.of(LeadField.STATUS), List.of(status)), Optional.empty(),
                        List.of(new LeadSelection.Order(QueryField.of(LeadField.LEAD_DATE), true)), Optional.empty(), 0, 10);
                boolean expected = status.equals("contacted") && owner.equals("jonas");
                assertThat(select(selection)).as("status %s, owner %s", status, owner)
                        .isEqualTo(expected ? List.of(lead.id()) : List.of());
            }
        }
    }
}
