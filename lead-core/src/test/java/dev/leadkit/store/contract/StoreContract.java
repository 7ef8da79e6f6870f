package dev.leadkit.store.contract;

import dev.leadkit.Actor;
import dev.leadkit.ConflictException;
import dev.leadkit.LeadKit;
import dev.leadkit.LeadKitException;
import dev.leadkit.NotFoundException;
import dev.leadkit.access.AccessRequest;
import dev.leadkit.access.Directory;
import dev.leadkit.access.LeadAccess;
import dev.leadkit.access.Right;
import dev.leadkit.access.Role;
import dev.leadkit.activity.Activity;
import dev.leadkit.activity.ActivityDraft;
import dev.leadkit.activity.ActivityType;
import dev.leadkit.activity.Attachment;
import dev.leadkit.activity.AttachmentDownload;
import dev.leadkit.activity.FieldChange;
import dev.leadkit.activity.HistoryAction;
import dev.leadkit.activity.HistoryEntry;
import dev.leadkit.field.CustomField;
import dev.leadkit.field.CustomFields;
import dev.leadkit.field.FieldOption;
import dev.leadkit.field.FieldType;
import dev.leadkit.field.FieldValue;
import dev.leadkit.activity.Reminder;
import dev.leadkit.activity.ReminderOffset;
import dev.leadkit.activity.StreamPost;
import dev.leadkit.lead.Lead;
import dev.leadkit.lead.LeadDraft;
import dev.leadkit.lead.LeadField;
import dev.leadkit.lead.LeadId;
import dev.leadkit.lead.LeadPatch;
import dev.leadkit.lead.ProductInterest;
import dev.leadkit.store.LeadListing;
import dev.leadkit.store.Settings;
import dev.leadkit.store.Store;
import dev.leadkit.store.Visibility;
import dev.leadkit.workflow.Catalogue;
import dev.leadkit.workflow.CatalogueEntry;
import dev.leadkit.workflow.CatalogueKind;
import dev.leadkit.workflow.StatusCategory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.leadkit.store.contract.TestActivities.aPost;
import static dev.leadkit.store.contract.TestActivities.anActivity;
import static dev.leadkit.store.contract.TestActivities.anAttachment;
import static dev.leadkit.store.contract.TestLeads.aLead;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The storage contract kit: the behaviour every {@link Store} must show. A store adapter proves
 * itself by extending this class with one method that returns an empty store:
 *
 * <pre>{@code
 * class InMemoryStoreContractTest extends StoreContract {
 *     protected Store newEmptyStore() { return new InMemoryStore(); }
 * }
 * }</pre>
 *
 * <p>Every later feature that stores data adds its cases here first.
 */
public abstract class StoreContract {

    /** Test text in the languages LeadKit serves, plus an emoji (a surrogate pair). */
    protected static final String TURKISH = "Işıl Ağaoğlu İstanbul";
    protected static final String DANISH = "Søren Ærø Åbenrå";
    protected static final String LITHUANIAN = "Šarūnas Žėkas Ąžuolų";
    protected static final String EMOJI = "Ayşe 🚀";

    protected Store store;

    /**
     * @return a store holding nothing (for a database: all LeadKit tables emptied)
     */
    protected abstract Store newEmptyStore();

    @BeforeEach
    void openStore() {
        store = newEmptyStore();
    }

    /** Runs one write in its own transaction. */
    protected void write(java.util.function.Consumer<dev.leadkit.store.StoreTransaction> work) {
        store.inTransaction(tx -> {
            work.accept(tx);
            return null;
        });
    }

    private void insert(Lead lead) {
        write(tx -> tx.leads().insert(lead));
    }

    private Optional<Lead> find(LeadId id) {
        return store.inTransaction(tx -> tx.leads().find(id));
    }

    private Optional<Lead> byExternalId(String externalId) {
        return store.inTransaction(tx -> tx.leads().findByExternalId(externalId));
    }

    private long count(LeadListing listing) {
        return store.inTransaction(tx -> tx.leads().count(listing));
    }

    private List<Lead> list(LeadListing listing) {
        return store.inTransaction(tx -> tx.leads().list(listing));
    }

    private long countWithValue(LeadField field, String code) {
        return store.inTransaction(tx -> tx.leads().countWithValue(field, code));
    }

    private List<HistoryEntry> history(String leadId) {
        return store.inTransaction(tx -> tx.history().forLead(leadId));
    }

    private Optional<Catalogue> catalogue(CatalogueKind kind) {
        return store.inTransaction(tx -> tx.catalogues().find(kind));
    }

    private Settings settings() {
        return store.inTransaction(tx -> tx.settings().load());
    }

    private static HistoryEntry entry(String leadId, HistoryAction action, FieldChange... changes) {
        return new HistoryEntry(0, leadId, Instant.parse("2026-03-01T10:00:00Z"), "ayse", action, List.of(changes));
    }

    // ------------------------------------------------------------------ leads: CRUD

    @Test
    @DisplayName("an inserted lead is found by id and by external id, unchanged")
    void insertedLeadIsFoundUnchanged() {
        Lead lead = aLead().named("Egon", "Tester").with(LeadField.EXTERNAL_ID, "crm-42")
                .with(LeadField.EMAIL, "egon@gardinfirmaet.dk").with(LeadField.PHONE, "+45 33 12 34 56").build();
        insert(lead);

        assertThat(find(lead.id())).contains(lead);
        assertThat(byExternalId("crm-42")).contains(lead);
        assertThat(byExternalId("crm-43")).isEmpty();
        assertThat(find(LeadId.of("missing"))).isEmpty();
    }

    @Test
    @DisplayName("every standard field round-trips at its maximum length, in Turkish, Danish, Lithuanian and emoji")
    void everyFieldRoundTripsAtItsMaximumLength() {
        for (String sample : List.of(TURKISH, DANISH, LITHUANIAN, EMOJI)) {
            EnumMap<LeadField, String> values = new EnumMap<>(LeadField.class);
            for (LeadField field : LeadField.values()) {
                if (field.kind() == LeadField.Kind.TEXT || field.kind() == LeadField.Kind.PARAGRAPH) {
                    values.put(field, repeatToCodePoints(sample, field.maxLength()));
                }
            }
            values.put(LeadField.EMAIL, "ışıl.ağaoğlu@örnek.com.tr");
            values.put(LeadField.WEBSITE, "https://" + "å".repeat(60) + ".dk/" + "ė".repeat(400));
            values.put(LeadField.OWNER, "u".repeat(LeadField.OWNER.maxLength()));
            values.put(LeadField.STATUS, "s".repeat(LeadField.STATUS.maxLength()));
            values.put(LeadField.SOURCE, "w".repeat(LeadField.SOURCE.maxLength()));
            Lead lead = aLead().with(values).build();
            insert(lead);
            assertThat(find(lead.id())).as(sample).contains(lead);
            assertThat(byExternalId(values.get(LeadField.EXTERNAL_ID)))
                    .as(sample).contains(lead);
        }
    }

    @Test
    @DisplayName("a paragraph keeps its line breaks and tabs")
    void paragraphKeepsLineBreaks() {
        Lead lead = aLead().with(LeadField.DESCRIPTION, "Line one\nLine two\n\tindented").build();
        insert(lead);
        assertThat(find(lead.id()).orElseThrow().get(LeadField.DESCRIPTION)).contains("Line one\nLine two\n\tindented");
    }

    @Test
    @DisplayName("external ids are compared exactly: case and accents matter")
    void externalIdsAreCaseSensitive() {
        Lead lower = aLead().with(LeadField.EXTERNAL_ID, "abc").build();
        Lead upper = aLead().with(LeadField.EXTERNAL_ID, "ABC").build();
        Lead accented = aLead().with(LeadField.EXTERNAL_ID, "abç").build();
        insert(lower);
        insert(upper);
        insert(accented);
        assertThat(byExternalId("ABC")).contains(upper);
        assertThat(byExternalId("abc")).contains(lower);
        assertThat(byExternalId("abç")).contains(accented);
    }

    @Test
    @DisplayName("inserting a taken id or external id is a conflict and stores nothing")
    void insertingTakenKeysConflicts() {
        Lead first = aLead().id("same-id").with(LeadField.EXTERNAL_ID, "ext-1").build();
        insert(first);

        Lead sameId = aLead().id("same-id").named("Other", "Person").build();
        assertThatThrownBy(() -> insert(sameId)).isInstanceOf(ConflictException.class)
                .extracting(e -> ((ConflictException) e).code()).isEqualTo("lead.id.taken");

        Lead sameExternal = aLead().with(LeadField.EXTERNAL_ID, "ext-1").build();
        assertThatThrownBy(() -> insert(sameExternal)).isInstanceOf(ConflictException.class)
                .extracting(e -> ((ConflictException) e).code()).isEqualTo("lead.external_id.taken");

        assertThat(find(first.id())).contains(first);
        assertThat(find(sameExternal.id())).isEmpty();
        assertThat(count(new LeadListing(true, 0, 10))).isEqualTo(1);
    }

    @Test
    @DisplayName("an update stores the next version; a stale one is a conflict and changes nothing")
    void staleUpdateConflictsAndChangesNothing() {
        Lead v1 = aLead().build();
        insert(v1);
        Lead v2 = TestLeads.next(v1, LeadField.COMPANY, "Gardinfirmaet ApS");
        write(tx -> tx.leads().update(v2));
        assertThat(find(v1.id())).contains(v2);

        Lead staleV2 = TestLeads.next(v1, LeadField.COMPANY, "Stale Ltd");
        assertThatThrownBy(() -> write(tx -> tx.leads().update(staleV2))).isInstanceOf(ConflictException.class)
                .extracting(e -> ((ConflictException) e).code()).isEqualTo("lead.version.stale");
        assertThat(find(v1.id())).contains(v2);
    }

    @Test
    @DisplayName("updating a lead that is not stored is not-found")
    void updatingMissingLeadIsNotFound() {
        Lead ghost = TestLeads.next(aLead().build(), LeadField.CITY, "Vilnius");
        assertThatThrownBy(() -> write(tx -> tx.leads().update(ghost))).isInstanceOf(NotFoundException.class);
    }

    @Test
    @DisplayName("an external id can move from one lead to another inside one transaction")
    void externalIdMovesBetweenLeads() {
        Lead a = aLead().with(LeadField.EXTERNAL_ID, "moving").build();
        Lead b = aLead().build();
        insert(a);
        insert(b);
        store.inTransaction(tx -> {
            tx.leads().update(TestLeads.next(a, LeadField.EXTERNAL_ID, "moved-away"));
            tx.leads().update(TestLeads.next(b, LeadField.EXTERNAL_ID, "moving"));
            return null;
        });
        assertThat(byExternalId("moving").map(Lead::id)).contains(b.id());
        assertThat(byExternalId("moved-away").map(Lead::id)).contains(a.id());
    }

    @Test
    @DisplayName("updating to another lead's external id is a conflict and changes nothing")
    void updatingToTakenExternalIdConflicts() {
        Lead a = aLead().with(LeadField.EXTERNAL_ID, "taken").build();
        Lead b = aLead().build();
        insert(a);
        insert(b);
        assertThatThrownBy(() -> write(tx -> tx.leads().update(TestLeads.next(b, LeadField.EXTERNAL_ID, "taken")))).isInstanceOf(ConflictException.class);
        assertThat(find(b.id())).contains(b);
    }

    // ------------------------------------------------------------------ transactions

    @Test
    @DisplayName("work that throws leaves no trace: no lead, history, catalogue or settings")
    void throwingWorkLeavesNoTrace() {
        Lead lead = aLead().build();
        RuntimeException boom = new IllegalStateException("boom");
        assertThatThrownBy(() -> store.inTransaction(tx -> {
            tx.leads().insert(lead);
            tx.history().append(entry(lead.id().value(), HistoryAction.CREATED, FieldChange.of("firstName", null, "Egon")));
            tx.catalogues().save(new Catalogue(CatalogueKind.SOURCE, Catalogue.defaults(CatalogueKind.SOURCE).entries(),
                    "reference", 1));
            tx.settings().save(tx.settings().load().with("k", "v"));
            throw boom;
        })).isSameAs(boom);

        assertThat(find(lead.id())).isEmpty();
        assertThat(history(lead.id().value())).isEmpty();
        assertThat(catalogue(CatalogueKind.SOURCE)).isEmpty();
        assertThat(settings()).isEqualTo(Settings.empty());
    }

    @Test
    @DisplayName("a failed update rolls back the other writes of its transaction")
    void failingUpdateRollsBackEarlierWrites() {
        Lead existing = aLead().build();
        insert(existing);
        Lead newOne = aLead().build();
        Lead stale = TestLeads.next(TestLeads.next(existing, LeadField.CITY, "x"), LeadField.CITY, "y");
        assertThatThrownBy(() -> store.inTransaction(tx -> {
            tx.leads().insert(newOne);
            tx.leads().update(stale);
            return null;
        })).isInstanceOf(ConflictException.class);
        assertThat(find(newOne.id())).isEmpty();
        assertThat(find(existing.id())).contains(existing);
    }

    @Test
    @DisplayName("reads inside a transaction see its own writes")
    void transactionSeesItsOwnWrites() {
        Lead lead = aLead().with(LeadField.EXTERNAL_ID, "own").build();
        List<Object> seen = store.inTransaction(tx -> {
            tx.leads().insert(lead);
            Lead v2 = TestLeads.next(lead, LeadField.CITY, "København");
            tx.leads().update(v2);
            HistoryEntry appended = tx.history().append(entry(lead.id().value(), HistoryAction.CREATED));
            return List.of(tx.leads().find(lead.id()).orElseThrow(), tx.leads().findByExternalId("own").orElseThrow(),
                    tx.leads().count(LeadListing.firstPage(10)), tx.history().forLead(lead.id().value()), appended);
        });
        Lead v2 = (Lead) seen.get(0);
        assertThat(v2.version()).isEqualTo(2);
        assertThat(v2.get(LeadField.CITY)).contains("København");
        assertThat(seen.get(1)).isEqualTo(v2);
        assertThat(seen.get(2)).isEqualTo(1L);
        assertThat(seen.get(3)).isEqualTo(List.of(seen.get(4)));
        assertThat(find(lead.id())).contains(v2);
    }

    @Test
    @DisplayName("concurrent updates from several threads lose no update")
    void concurrentUpdatesLoseNothing() throws Exception {
        Lead lead = aLead().with(LeadField.DESCRIPTION, "0").build();
        insert(lead);
        int threads = 4;
        int incrementsEach = 15;
        AtomicInteger conflicts = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < incrementsEach; i++) {
                        while (true) {
                            try {
                                store.inTransaction(tx -> {
                                    Lead current = tx.leads().find(lead.id()).orElseThrow();
                                    int n = Integer.parseInt(current.get(LeadField.DESCRIPTION).orElseThrow());
                                    tx.leads().update(TestLeads.next(current, LeadField.DESCRIPTION, String.valueOf(n + 1)));
                                    tx.history().append(entry(lead.id().value(), HistoryAction.UPDATED,
                                            FieldChange.of("description", String.valueOf(n), String.valueOf(n + 1))));
                                    return null;
                                });
                                break;
                            } catch (ConflictException e) {
                                conflicts.incrementAndGet();
                            }
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get(120, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        Lead last = find(lead.id()).orElseThrow();
        assertThat(last.get(LeadField.DESCRIPTION)).contains(String.valueOf(threads * incrementsEach));
        assertThat(last.version()).isEqualTo(1 + threads * incrementsEach);
        List<HistoryEntry> history = history(lead.id().value());
        assertThat(history).hasSize(threads * incrementsEach);
        for (int i = 0; i < history.size(); i++) {
            assertThat(history.get(i).changes().get(0).after()).contains(String.valueOf(i + 1));
        }
    }

    @Test
    @DisplayName("of two concurrent inserts with the same external id, exactly one commits")
    void concurrentInsertsOfOneExternalIdLetOneWin() throws Exception {
        int threads = 4;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Callable<Boolean>> tasks = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                tasks.add(() -> {
                    try {
                        insert(aLead().with(LeadField.EXTERNAL_ID, "race").build());
                        return true;
                    } catch (ConflictException e) {
                        return false;
                    }
                });
            }
            long winners = 0;
            for (Future<Boolean> f : pool.invokeAll(tasks, 120, TimeUnit.SECONDS)) {
                winners += f.get() ? 1 : 0;
            }
            assertThat(winners).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(count(new LeadListing(true, 0, 10))).isEqualTo(1);
    }

    // ------------------------------------------------------------------ listing

    @Test
    @DisplayName("lists page newest first, ties by id; deleted leads only when asked for; counts agree")
    void listingPagesNewestFirst() {
        Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
        List<Lead> all = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            Lead lead = aLead().id("l" + i).createdAt(t0.plusSeconds(i / 2)).build();
            all.add(lead);
            insert(lead);
        }
        Lead gone = aLead().id("l9").createdAt(t0.plusSeconds(100)).deleted().build();
        insert(gone);

        List<Lead> firstPage = list(new LeadListing(false, 0, 3));
        List<Lead> secondPage = list(new LeadListing(false, 3, 3));
        List<Lead> lastPage = list(new LeadListing(false, 6, 3));
        assertThat(firstPage).extracting(l -> l.id().value()).containsExactly("l6", "l5", "l4");
        assertThat(secondPage).extracting(l -> l.id().value()).containsExactly("l3", "l2", "l1");
        assertThat(lastPage).extracting(l -> l.id().value()).containsExactly("l0");
        assertThat(count(LeadListing.firstPage(1))).isEqualTo(7);
        assertThat(list(new LeadListing(true, 0, 1)))
                .extracting(l -> l.id().value()).containsExactly("l9");
        assertThat(count(new LeadListing(true, 0, 1))).isEqualTo(8);
    }

    @Test
    @DisplayName("counting leads by status or source includes deleted leads")
    void countWithValueIncludesDeleted() {
        insert(aLead().with(LeadField.STATUS, "lost").build());
        insert(aLead().with(LeadField.STATUS, "lost").deleted().build());
        insert(aLead().with(LeadField.STATUS, "new").with(LeadField.SOURCE, "import").build());
        assertThat(countWithValue(LeadField.STATUS, "lost")).isEqualTo(2);
        assertThat(countWithValue(LeadField.SOURCE, "import")).isEqualTo(1);
        assertThat(countWithValue(LeadField.STATUS, "contacted")).isZero();
    }

    // ------------------------------------------------------------------ history

    @Test
    @DisplayName("history is append-only: entries come back in append order, unchanged, with increasing sequences")
    void historyIsAppendOnly() {
        String leadId = "h1";
        HistoryEntry created = store.inTransaction(tx -> tx.history().append(entry(leadId, HistoryAction.CREATED,
                FieldChange.of("firstName", null, "Şarūnas"), FieldChange.of("email", null, "sarunas@imone.lt"))));
        HistoryEntry other = store.inTransaction(tx -> tx.history().append(entry("h2", HistoryAction.CREATED)));
        HistoryEntry updated = store.inTransaction(tx -> tx.history().append(entry(leadId, HistoryAction.UPDATED,
                FieldChange.of("email", "sarunas@imone.lt", null), FieldChange.of("description", null, "a\nb"))));

        assertThat(created.sequence()).isPositive();
        assertThat(other.sequence()).isGreaterThan(created.sequence());
        assertThat(updated.sequence()).isGreaterThan(other.sequence());
        assertThat(history(leadId)).containsExactly(created, updated);
        assertThat(history("h2")).containsExactly(other);
        assertThat(history("nobody")).isEmpty();
    }

    @Test
    @DisplayName("a history entry keeps a value at the longest field length")
    void historyKeepsLongValues() {
        String longText = repeatToCodePoints(DANISH + "\n", LeadField.DESCRIPTION.maxLength());
        HistoryEntry stored = store.inTransaction(tx -> tx.history().append(entry("h3", HistoryAction.UPDATED,
                FieldChange.of("description", longText, longText + "x"))));
        assertThat(history("h3")).containsExactly(stored);
    }

    // ------------------------------------------------------------------ catalogues and settings

    @Test
    @DisplayName("catalogues persist with order, categories, labels and state; a stale save conflicts")
    void cataloguesPersist() {
        assertThat(catalogue(CatalogueKind.STATUS)).isEmpty();

        Catalogue defaults = Catalogue.defaults(CatalogueKind.STATUS);
        List<CatalogueEntry> entries = new ArrayList<>(defaults.entries());
        entries.add(0, CatalogueEntry.status("waiting", StatusCategory.WORKING,
                Map.of("en", "Waiting for reply", "tr", "Cevap Bekleniyor", "lt", "Laukiama atsakymo", "da", "Afventer svar")));
        entries.set(5, entries.get(5).withActive(false));
        Catalogue v1 = new Catalogue(CatalogueKind.STATUS, entries, "waiting", 1);
        write(tx -> tx.catalogues().save(v1));
        assertThat(catalogue(CatalogueKind.STATUS)).contains(v1);
        assertThat(catalogue(CatalogueKind.SOURCE)).isEmpty();

        List<CatalogueEntry> fewer = new ArrayList<>(entries);
        fewer.remove(6);
        Catalogue v2 = new Catalogue(CatalogueKind.STATUS, fewer, "new", 2);
        write(tx -> tx.catalogues().save(v2));
        assertThat(catalogue(CatalogueKind.STATUS)).contains(v2);

        Catalogue staleV2 = new Catalogue(CatalogueKind.STATUS, entries, "new", 2);
        assertThatThrownBy(() -> write(tx -> tx.catalogues().save(staleV2))).isInstanceOf(ConflictException.class);
        Catalogue secondInsert = new Catalogue(CatalogueKind.STATUS, entries, "new", 1);
        assertThatThrownBy(() -> write(tx -> tx.catalogues().save(secondInsert))).isInstanceOf(ConflictException.class);
        assertThat(catalogue(CatalogueKind.STATUS)).contains(v2);
    }

    @Test
    @DisplayName("settings persist; a stale save conflicts and changes nothing")
    void settingsPersist() {
        assertThat(settings()).isEqualTo(Settings.empty());
        Settings v1 = Settings.empty().with("lead.requiredFields", "email,firstName").with("ünïcode", "ø");
        assertThat(v1.version()).isEqualTo(2);
        Settings first = Settings.empty().with("lead.requiredFields", "email,firstName");
        write(tx -> tx.settings().save(first));
        assertThat(settings()).isEqualTo(first);
        Settings second = first.with("ünïcode", "ø");
        write(tx -> tx.settings().save(second));
        assertThatThrownBy(() -> write(tx -> tx.settings().save(first.with("x", "y")))).isInstanceOf(ConflictException.class);
        assertThat(settings()).isEqualTo(second);
    }

    // ------------------------------------------------------------------ access (K3)

    private LeadAccess access(String leadId) {
        return store.inTransaction(tx -> tx.access().find(leadId));
    }

    private Optional<AccessRequest> request(String id) {
        return store.inTransaction(tx -> tx.accessRequests().findRequest(id));
    }

    private List<AccessRequest> pending(String leadId) {
        return store.inTransaction(tx -> tx.accessRequests().pendingForLead(leadId));
    }

    private void saveAccess(LeadAccess access) {
        write(tx -> tx.access().save(access));
    }

    @Test
    @DisplayName("a lead's grants and followers persist, versioned; a stale save conflicts; a failed transaction leaves none")
    void leadAccessPersists() {
        assertThat(access("a1")).isEqualTo(LeadAccess.none("a1"));
        LeadAccess v1 = LeadAccess.none("a1").withGrant("jonas", Set.of(Right.EDIT, Right.FOLLOW))
                .withFollower("mette", true);
        LeadAccess stored1 = new LeadAccess("a1", v1.grants(), v1.followers(), 1);
        saveAccess(stored1);
        assertThat(access("a1")).isEqualTo(stored1);
        assertThat(access("a1").grantedTo("jonas")).containsExactlyInAnyOrder(Right.VIEW, Right.EDIT, Right.FOLLOW);

        LeadAccess stored2 = stored1.withGrant("jonas", Set.of()).withGrant("şarūnas", Set.of(Right.VIEW))
                .withFollower("mette", false).withFollower("jonas", true);
        LeadAccess v2 = new LeadAccess("a1", stored2.grants(), stored2.followers(), 2);
        saveAccess(v2);
        assertThat(access("a1")).isEqualTo(v2);

        assertThatThrownBy(() -> saveAccess(new LeadAccess("a1", Map.of(), Set.of(), 2)))
                .isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> store.inTransaction(tx -> {
            tx.access().save(new LeadAccess("a2", Map.of("x", Set.of(Right.VIEW)), Set.of("x"), 1));
            throw new IllegalStateException("boom");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(access("a2")).isEqualTo(LeadAccess.none("a2"));
        assertThat(access("a1")).isEqualTo(v2);
    }

    @Test
    @DisplayName("access requests persist; pending ones list oldest first; decided ones leave the list; stale updates conflict")
    void accessRequestsPersist() {
        Instant t = Instant.parse("2026-03-01T10:00:00Z");
        AccessRequest first = new AccessRequest("r1", "l1", "jonas", Set.of(Right.VIEW, Right.EDIT),
                AccessRequest.State.PENDING, t, Optional.empty(), Optional.empty(), 1);
        AccessRequest second = new AccessRequest("r2", "l1", "mette", Set.of(Right.VIEW),
                AccessRequest.State.PENDING, t.plusSeconds(5), Optional.empty(), Optional.empty(), 1);
        AccessRequest elsewhere = new AccessRequest("r3", "l2", "mette", Set.of(Right.VIEW),
                AccessRequest.State.PENDING, t, Optional.empty(), Optional.empty(), 1);
        store.inTransaction(tx -> {
            tx.accessRequests().insert(second);
            tx.accessRequests().insert(first);
            tx.accessRequests().insert(elsewhere);
            return null;
        });
        assertThat(request("r1")).contains(first);
        assertThat(pending("l1")).containsExactly(first, second);

        AccessRequest approved = first.decided(true, "ayse", t.plusSeconds(60));
        write(tx -> tx.accessRequests().update(approved));
        assertThat(request("r1")).contains(approved);
        assertThat(pending("l1")).containsExactly(second);

        assertThatThrownBy(() -> write(tx -> tx.accessRequests().update(first.decided(false, "ayse", t)))).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> write(tx -> tx.accessRequests().insert(first))).isInstanceOf(ConflictException.class);
        assertThat(request("r1")).contains(approved);
    }

    @Test
    @DisplayName("visibility is part of the listing: owners, the inbox and view grants; pages and counts agree")
    void listingIsScopedByVisibility() {
        Instant t0 = Instant.parse("2026-02-01T00:00:00Z");
        insert(aLead().id("v-ayse").with(LeadField.OWNER, "ayse").createdAt(t0).build());
        insert(aLead().id("v-mehmet").with(LeadField.OWNER, "mehmet").createdAt(t0.plusSeconds(1)).build());
        insert(aLead().id("v-jonas").with(LeadField.OWNER, "jonas").createdAt(t0.plusSeconds(2)).build());
        insert(aLead().id("v-inbox").with(LeadField.OWNER, null).createdAt(t0.plusSeconds(3)).build());
        insert(aLead().id("v-granted").with(LeadField.OWNER, "mette").createdAt(t0.plusSeconds(4)).build());
        insert(aLead().id("v-tag-only").with(LeadField.OWNER, "mette").createdAt(t0.plusSeconds(5)).build());
        insert(aLead().id("v-gone").with(LeadField.OWNER, "ayse").createdAt(t0.plusSeconds(6)).deleted().build());
        saveAccess(new LeadAccess("v-granted", Map.of("ayse", Set.of(Right.VIEW, Right.EDIT), "jonas", Set.of(Right.VIEW)),
                Set.of(), 1));
        saveAccess(new LeadAccess("v-tag-only", Map.of("ayse", Set.of(Right.TAG)), Set.of(), 1));

        Visibility ayse = new Visibility(false, Set.of("ayse", "mehmet"), false, Optional.of("ayse"));
        assertThat(list(new LeadListing(ayse, false, 0, 10))).extracting(l -> l.id().value())
                .containsExactly("v-granted", "v-mehmet", "v-ayse");
        assertThat(count(new LeadListing(ayse, false, 0, 1))).isEqualTo(3);
        assertThat(list(new LeadListing(ayse, false, 1, 1))).extracting(l -> l.id().value()).containsExactly("v-mehmet");
        assertThat(list(new LeadListing(ayse, true, 0, 10))).extracting(l -> l.id().value())
                .containsExactly("v-gone", "v-granted", "v-mehmet", "v-ayse");

        Visibility withInbox = new Visibility(false, Set.of("jonas"), true, Optional.of("jonas"));
        assertThat(list(new LeadListing(withInbox, false, 0, 10))).extracting(l -> l.id().value())
                .containsExactly("v-granted", "v-inbox", "v-jonas");
        assertThat(count(new LeadListing(withInbox, false, 0, 1))).isEqualTo(3);

        Visibility nobody = new Visibility(false, Set.of(), false, Optional.empty());
        assertThat(list(new LeadListing(nobody, false, 0, 10))).isEmpty();
        assertThat(count(new LeadListing(nobody, false, 0, 1))).isZero();
        assertThat(count(new LeadListing(Visibility.everything(), false, 0, 1))).isEqualTo(6);
    }

    @Test
    @DisplayName("a visibility with many owners is answered in full (owners bound as parameters, not truncated)")
    void visibilityWithManyOwners() {
        Set<String> owners = new java.util.HashSet<>();
        for (int i = 0; i < 1500; i++) {
            owners.add("owner-" + i);
        }
        insert(aLead().id("many-1").with(LeadField.OWNER, "owner-1499").build());
        insert(aLead().id("many-2").with(LeadField.OWNER, "outsider").build());
        Visibility visibility = new Visibility(false, owners, false, Optional.empty());
        assertThat(list(new LeadListing(visibility, false, 0, 10))).extracting(l -> l.id().value()).containsExactly("many-1");
    }

    // ------------------------------------------------------------------ custom fields, tags, products (K4)

    private List<LeadId> withOption(String key, String code) {
        return store.inTransaction(tx -> tx.leads().withCustomOption(key, code));
    }

    private CustomFields fieldDefinitions() {
        return store.inTransaction(tx -> tx.customFields().load());
    }

    /** One value of every kind, at the limits: long Unicode text, 18-digit numbers, an address. */
    protected static Map<String, FieldValue> everyKindOfCustomValue() {
        Map<String, FieldValue> custom = new java.util.TreeMap<>();
        custom.put("line", FieldValue.text(repeatToCodePoints(TURKISH + EMOJI, 255)));
        custom.put("notes", FieldValue.text(repeatToCodePoints(LITHUANIAN + "\n\t", 10_000)));
        custom.put("newsletter", FieldValue.flag(true));
        custom.put("declined", FieldValue.flag(false));
        custom.put("interests", FieldValue.choices(List.of("crm", "erp", "opt_499")));
        custom.put("size", FieldValue.text("medium"));
        custom.put("first_met", FieldValue.date(LocalDate.of(1999, 12, 31)));
        custom.put("budget", FieldValue.number(new BigDecimal("123456789012.345678")));
        custom.put("margin", FieldValue.number(new BigDecimal("-0.000001")));
        custom.put("whole", FieldValue.number(new BigDecimal("1E+3")));
        custom.put("billing", new FieldValue.Address("Åboulevarden 12", "8000", "Aarhus C", "", "Danmark"));
        custom.put("site", FieldValue.text("https://gardinfirmaet.dk/kontakt"));
        return custom;
    }

    @Test
    @DisplayName("custom values of every kind, tags and products round-trip unchanged, and can be changed and removed")
    void customValuesTagsAndProductsRoundTrip() {
        Lead lead = Lead.of(LeadId.of("cf-1"), 1, aLead().build().values(), everyKindOfCustomValue(),
                Set.of("vip", "ışık", "øresund", repeatToCodePoints(DANISH, 50)),
                List.of(new ProductInterest("SKU-1", new BigDecimal("4.0001"), "Velvet — dark green"),
                        new ProductInterest("ŠVIESA-7", new BigDecimal("1"), "")),
                "ayse", Instant.parse("2026-03-01T09:00:00Z"), Instant.parse("2026-03-01T09:00:00Z"), false);
        insert(lead);
        assertThat(find(lead.id())).contains(lead);
        assertThat(find(lead.id()).orElseThrow().custom("budget")).contains(FieldValue.number(new BigDecimal("123456789012.345678")));

        Map<String, FieldValue> fewer = new java.util.TreeMap<>(lead.custom());
        fewer.remove("notes");
        fewer.put("size", FieldValue.text("large"));
        Lead v2 = Lead.of(lead.id(), 2, lead.values(), fewer, Set.of("vip"), List.of(), lead.createdBy(),
                lead.createdAt(), lead.updatedAt().plusSeconds(1), false);
        write(tx -> tx.leads().update(v2));
        assertThat(find(lead.id())).contains(v2);
    }

    @Test
    @DisplayName("leads holding a dropdown or multi-select option are found, deleted ones included")
    void leadsHoldingAnOptionAreFound() {
        insert(Lead.of(LeadId.of("o-1"), 1, aLead().build().values(), Map.of("size", FieldValue.text("medium")),
                Set.of(), List.of(), "ayse", Instant.EPOCH, Instant.EPOCH, false));
        insert(Lead.of(LeadId.of("o-2"), 1, aLead().build().values(),
                Map.of("interests", FieldValue.choices(List.of("crm", "medium"))), Set.of(), List.of(), "ayse",
                Instant.EPOCH, Instant.EPOCH, true));
        insert(Lead.of(LeadId.of("o-3"), 1, aLead().build().values(),
                Map.of("size", FieldValue.text("mediumish"), "other", FieldValue.text("medium")), Set.of(), List.of(),
                "ayse", Instant.EPOCH, Instant.EPOCH, false));
        insert(Lead.of(LeadId.of("o-4"), 1, aLead().build().values(),
                Map.of("interests", FieldValue.choices(List.of("crm_plus"))), Set.of(), List.of(), "ayse",
                Instant.EPOCH, Instant.EPOCH, false));

        assertThat(withOption("size", "medium"))
                .extracting(LeadId::value).containsExactly("o-1");
        assertThat(withOption("interests", "crm"))
                .extracting(LeadId::value).containsExactly("o-2");
        assertThat(withOption("interests", "medium"))
                .extracting(LeadId::value).containsExactly("o-2");
        assertThat(withOption("size", "large")).isEmpty();
    }

    @Test
    @DisplayName("custom field definitions persist with 500 options and Unicode labels; stale saves conflict; rollback leaves none")
    void customFieldDefinitionsPersist() {
        assertThat(fieldDefinitions()).isEqualTo(CustomFields.none());
        List<FieldOption> options = new ArrayList<>();
        for (int i = 0; i < CustomField.MAX_OPTIONS; i++) {
            options.add(new FieldOption("opt_" + i, Map.of("en", "Option " + i, "lt", "Parinktis ė" + i), i % 7 != 0));
        }
        CustomFields v1 = new CustomFields(List.of(
                CustomField.of("interests", FieldType.MULTI_SELECT, Map.of("en", "Interests", "tr", "İlgi alanları"))
                        .withOptions(options).withRequired(true).withShown(true, false),
                CustomField.of("budget", FieldType.NUMBER, Map.of("da", "Budget (kr.)")).withActive(false)), 1);
        write(tx -> tx.customFields().save(v1));
        assertThat(fieldDefinitions()).isEqualTo(v1);
        CustomFields v2 = new CustomFields(List.of(v1.fields().get(1)), 2);
        write(tx -> tx.customFields().save(v2));
        assertThat(fieldDefinitions()).isEqualTo(v2);
        assertThatThrownBy(() -> write(tx -> tx.customFields().save(new CustomFields(List.of(), 2)))).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> store.inTransaction(tx -> {
            tx.customFields().save(new CustomFields(List.of(), 3));
            throw new IllegalStateException("boom");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(fieldDefinitions()).isEqualTo(v2);
    }

    // ------------------------------------------------------------------ the service on this store

    @Test
    @DisplayName("LeadKit on this store: create, update, delete, restore, history and catalogue changes")
    void leadKitRunsOnThisStore() {
        LeadKit kit = LeadKit.builder().store(store)
                .directory(Directory.inMemory().user("admin", "Admin").roles(Role.ADMIN).add()
                        .user("ayse", "Ayşe Yılmaz").team("tr").add())
                .clock(Clock.fixed(Instant.parse("2026-03-02T10:15:30.123456789Z"), ZoneOffset.UTC))
                .build();
        Actor ayse = Actor.of("ayse");
        Lead lead = kit.leads().create(ayse, LeadDraft.builder().firstName("Işıl").lastName("Ağaoğlu")
                .email("ISIL@Ornek.com.tr").externalId("tr-1").status("contacted").build());
        assertThat(lead.email()).contains("isil@ornek.com.tr");
        assertThat(lead.createdAt()).isEqualTo(Instant.parse("2026-03-02T10:15:30.123456Z"));
        assertThat(kit.leads().get(ayse, lead.id())).isEqualTo(lead);
        assertThat(kit.leads().findByExternalId(ayse, "tr-1")).contains(lead);

        Lead updated = kit.leads().update(ayse, lead.id(), LeadPatch.builder().set(LeadField.CITY, "İzmir").build(),
                lead.version());
        assertThatThrownBy(() -> kit.leads().update(ayse, lead.id(),
                LeadPatch.builder().set(LeadField.CITY, "Ankara").build(), lead.version()))
                .isInstanceOf(ConflictException.class);
        kit.leads().delete(ayse, lead.id());
        assertThat(kit.leads().list(ayse, 0, 10)).isEmpty();
        Lead restored = kit.leads().restore(ayse, lead.id());
        assertThat(kit.leads().list(ayse, 0, 10)).containsExactly(restored);
        assertThat(kit.leads().history(ayse, lead.id())).extracting(HistoryEntry::action)
                .containsExactly(HistoryAction.CREATED, HistoryAction.UPDATED, HistoryAction.DELETED, HistoryAction.RESTORED);
        assertThat(kit.leads().get(ayse, lead.id()).get(LeadField.CITY)).isEqualTo(updated.get(LeadField.CITY));

        Actor admin = Actor.of("admin");
        kit.catalogues().relabel(admin, CatalogueKind.STATUS, "new", "lt", "Naujas klientas");
        assertThatThrownBy(() -> kit.catalogues().delete(admin, CatalogueKind.STATUS, "contacted"))
                .isInstanceOf(LeadKitException.class).hasMessageContaining("held by 1 lead")
                .extracting(e -> ((LeadKitException) e).code()).isEqualTo("catalogue.entry.in_use");
        kit.catalogues().delete(admin, CatalogueKind.SOURCE, "import");
        LeadKit reopened = LeadKit.builder().store(store).directory(kit.directory()).build();
        assertThat(reopened.catalogues().get(CatalogueKind.STATUS).entry("new").orElseThrow().labels())
                .containsEntry("lt", "Naujas klientas");
        assertThat(reopened.catalogues().get(CatalogueKind.SOURCE).entry("import")).isEmpty();
    }

    // ------------------------------------------------------------------ activities, stream, attachments (K4)

    private Optional<Activity> activity(String id) {
        return store.inTransaction(tx -> tx.activities().find(id));
    }

    private List<Activity> activitiesOf(String leadId) {
        return store.inTransaction(tx -> tx.activities().forLead(leadId));
    }

    private void insertActivity(Activity activity) {
        write(tx -> tx.activities().insert(activity));
    }

    private void updateActivity(Activity activity) {
        write(tx -> tx.activities().update(activity));
    }

    private List<String> candidates(Visibility visibility, Instant from, Instant to) {
        return store.inTransaction(tx -> tx.activities().reminderCandidates(visibility, from, to))
                .stream().map(Activity::id).toList();
    }

    private Optional<StreamPost> post(String id) {
        return store.inTransaction(tx -> tx.stream().find(id));
    }

    private void insertPost(StreamPost post) {
        write(tx -> tx.stream().insert(post));
    }

    private List<StreamPost> streamOf(String leadId) {
        return store.inTransaction(tx -> tx.stream().forLead(leadId));
    }

    private List<Attachment> attachmentsOf(String leadId) {
        return store.inTransaction(tx -> tx.attachments().forLead(leadId));
    }

    private Optional<Attachment> attachment(String id) {
        return store.inTransaction(tx -> tx.attachments().find(id));
    }

    private void insertAttachment(Attachment attachment) {
        write(tx -> tx.attachments().insert(attachment));
    }

    private static String code(Throwable e) {
        return ((LeadKitException) e).code();
    }

    @Test
    @DisplayName("an activity round-trips with every component, in Turkish, Danish, Lithuanian and emoji, at the longest subject")
    void activityRoundTrips() {
        insert(aLead().id("k4-a").build());
        Instant due = Instant.parse("2026-03-06T09:00:00.123456Z");
        for (String sample : List.of(TURKISH, DANISH, LITHUANIAN, EMOJI)) {
            Activity full = anActivity().onLead("k4-a").type(ActivityType.MEETING)
                    .subject(repeatToCodePoints(sample, 200))
                    .start(due.minusSeconds(3600)).due(due).duration(Duration.ofMinutes(45).plusNanos(1_000))
                    .assignee("şarūnas").doneAt(due.plusSeconds(60))
                    .reminders(ReminderOffset.WEEK, ReminderOffset.MINUTES_15, ReminderOffset.AT_DUE)
                    .attendee("jonas", Activity.Response.ACCEPTED).attendee("søren", Activity.Response.DECLINED)
                    .attendee("ışıl", Activity.Response.PENDING)
                    .created("mette", Instant.parse("2026-03-01T08:00:00.000001Z")).build();
            insertActivity(full);
            assertThat(activity(full.id())).as(sample).contains(full);
        }
        Activity bare = anActivity().onLead("k4-a").type(ActivityType.of("site-visit")).subject(EMOJI).build();
        insertActivity(bare);
        assertThat(activity(bare.id())).contains(bare);
        assertThat(activity(bare.id()).orElseThrow().reminders()).isEmpty();
        assertThat(activity("nothing-here")).isEmpty();
    }

    @Test
    @DisplayName("activities are versioned: the next version is stored, a stale or repeated one conflicts, a taken id conflicts")
    void activityVersionsAndConflicts() {
        insert(aLead().id("k4-v").build());
        Activity v1 = anActivity().onLead("k4-v").build();
        insertActivity(v1);
        Activity v2 = TestActivities.next(v1, "Send the revised offer");
        updateActivity(v2);
        assertThat(activity(v1.id())).contains(v2);

        assertThatThrownBy(() -> updateActivity(TestActivities.next(v1, "Stale")))
                .isInstanceOf(ConflictException.class).extracting(StoreContract::code).isEqualTo("activity.version.stale");
        assertThatThrownBy(() -> insertActivity(anActivity().id(v1.id()).onLead("k4-v").build()))
                .isInstanceOf(ConflictException.class).extracting(StoreContract::code).isEqualTo("activity.id.taken");
        assertThatThrownBy(() -> updateActivity(TestActivities.next(anActivity().onLead("k4-v").build(), "Ghost")))
                .isInstanceOf(NotFoundException.class);
        assertThat(activity(v1.id())).contains(v2);
    }

    @Test
    @DisplayName("of several transactions updating one activity version concurrently, exactly one commits")
    void concurrentActivityUpdatesLetOneWin() throws Exception {
        insert(aLead().id("k4-race").build());
        Activity v1 = anActivity().onLead("k4-race").build();
        insertActivity(v1);
        int threads = 4;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Callable<Boolean>> tasks = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                String subject = "Winner " + t;
                tasks.add(() -> {
                    try {
                        updateActivity(TestActivities.next(v1, subject));
                        return true;
                    } catch (ConflictException e) {
                        return false;
                    }
                });
            }
            long winners = 0;
            for (Future<Boolean> f : pool.invokeAll(tasks, 120, TimeUnit.SECONDS)) {
                winners += f.get() ? 1 : 0;
            }
            assertThat(winners).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(activity(v1.id()).orElseThrow().version()).isEqualTo(2);
    }

    @Test
    @DisplayName("a lead's activities come by due time, else start, those with neither last, ties by id")
    void activitiesOfALeadAreOrdered() {
        insert(aLead().id("k4-o").build());
        insert(aLead().id("k4-other").build());
        Instant t = Instant.parse("2026-04-01T10:00:00Z");
        insertActivity(anActivity().id("o-none-b").onLead("k4-o").build());
        insertActivity(anActivity().id("o-none-a").onLead("k4-o").build());
        insertActivity(anActivity().id("o-due-late").onLead("k4-o").due(t.plusSeconds(120)).build());
        insertActivity(anActivity().id("o-start-mid").onLead("k4-o").start(t.plusSeconds(60)).build());
        insertActivity(anActivity().id("o-due-b").onLead("k4-o").start(t.minusSeconds(999)).due(t).build());
        insertActivity(anActivity().id("o-due-a").onLead("k4-o").due(t).doneAt(t).build());
        insertActivity(anActivity().id("o-elsewhere").onLead("k4-other").due(t).build());

        assertThat(activitiesOf("k4-o")).extracting(Activity::id)
                .containsExactly("o-due-a", "o-due-b", "o-start-mid", "o-due-late", "o-none-a", "o-none-b");
        assertThat(activitiesOf("k4-other")).extracting(Activity::id).containsExactly("o-elsewhere");
        assertThat(activitiesOf("k4-nobody")).isEmpty();
    }

    @Test
    @DisplayName("reminder candidates: open activities due in [from, to + 1 week), bounds exact to the microsecond")
    void reminderCandidatesRespectTheWindowBounds() {
        insert(aLead().id("k4-r").build());
        Instant from = Instant.parse("2026-05-01T00:00:00Z");
        Instant to = Instant.parse("2026-05-02T00:00:00Z");
        Instant end = to.plus(Duration.ofDays(7));
        Instant micro = Instant.ofEpochSecond(0, 1_000);
        insertActivity(anActivity().id("r-at-from").onLead("k4-r").due(from).build());
        insertActivity(anActivity().id("r-before-from").onLead("k4-r").due(from.minusNanos(1_000)).build());
        insertActivity(anActivity().id("r-last").onLead("k4-r").due(end.minusNanos(micro.getNano())).build());
        insertActivity(anActivity().id("r-at-end").onLead("k4-r").due(end).build());
        insertActivity(anActivity().id("r-inside").onLead("k4-r").due(to).reminders(ReminderOffset.DAY).build());
        insertActivity(anActivity().id("r-done").onLead("k4-r").due(to).doneAt(from).build());
        insertActivity(anActivity().id("r-no-due").onLead("k4-r").start(to).build());

        assertThat(candidates(Visibility.everything(), from, to))
                .containsExactly("r-at-from", "r-inside", "r-last");
        assertThat(candidates(Visibility.everything(), from, from)).containsExactly("r-at-from", "r-inside");
        assertThat(candidates(Visibility.everything(), end, end.plusSeconds(1))).containsExactly("r-at-end");
    }

    @Test
    @DisplayName("reminder candidates are scoped by visibility (owners, the inbox, view grants) and skip deleted leads")
    void reminderCandidatesAreScopedByVisibility() {
        Instant due = Instant.parse("2026-05-03T12:00:00Z");
        insert(aLead().id("k4-ayse").with(LeadField.OWNER, "ayse").build());
        insert(aLead().id("k4-jonas").with(LeadField.OWNER, "jonas").build());
        insert(aLead().id("k4-inbox").with(LeadField.OWNER, null).build());
        insert(aLead().id("k4-granted").with(LeadField.OWNER, "mette").build());
        insert(aLead().id("k4-tagged").with(LeadField.OWNER, "mette").build());
        insert(aLead().id("k4-gone").with(LeadField.OWNER, "ayse").deleted().build());
        for (String lead : List.of("k4-ayse", "k4-jonas", "k4-inbox", "k4-granted", "k4-tagged", "k4-gone")) {
            insertActivity(anActivity().id("c-" + lead).onLead(lead).due(due).build());
        }
        saveAccess(new LeadAccess("k4-granted", Map.of("ayse", Set.of(Right.VIEW)), Set.of(), 1));
        saveAccess(new LeadAccess("k4-tagged", Map.of("ayse", Set.of(Right.TAG)), Set.of(), 1));
        Instant from = due.minusSeconds(60);
        Instant to = due.plusSeconds(60);

        Visibility ayse = new Visibility(false, Set.of("ayse"), false, Optional.of("ayse"));
        assertThat(candidates(ayse, from, to)).containsExactly("c-k4-ayse", "c-k4-granted");
        Visibility jonasWithInbox = new Visibility(false, Set.of("jonas"), true, Optional.of("jonas"));
        assertThat(candidates(jonasWithInbox, from, to)).containsExactly("c-k4-inbox", "c-k4-jonas");
        assertThat(candidates(new Visibility(false, Set.of(), false, Optional.empty()), from, to)).isEmpty();
        assertThat(candidates(Visibility.everything(), from, to))
                .containsExactly("c-k4-ayse", "c-k4-granted", "c-k4-inbox", "c-k4-jonas", "c-k4-tagged");
    }

    @Test
    @DisplayName("reminder candidates are ordered by due time, ties by id, and see the transaction's own writes")
    void reminderCandidatesAreOrdered() {
        insert(aLead().id("k4-ord").build());
        Instant t = Instant.parse("2026-06-01T08:00:00Z");
        insertActivity(anActivity().id("b").onLead("k4-ord").due(t).build());
        insertActivity(anActivity().id("a").onLead("k4-ord").due(t).build());
        insertActivity(anActivity().id("c").onLead("k4-ord").due(t.minusSeconds(1)).build());
        List<String> inside = store.inTransaction(tx -> {
            tx.activities().insert(anActivity().id("d").onLead("k4-ord").due(t.plusSeconds(1)).build());
            return tx.activities().reminderCandidates(Visibility.everything(), t.minusSeconds(10), t).stream()
                    .map(Activity::id).toList();
        });
        assertThat(inside).containsExactly("c", "a", "b", "d");
    }

    @Test
    @DisplayName("a post and its comment round-trip at the longest text with line breaks, in every sample language")
    void streamPostsRoundTrip() {
        insert(aLead().id("k4-s").build());
        for (String sample : List.of(TURKISH, DANISH, LITHUANIAN, EMOJI)) {
            String text = repeatToCodePoints(sample + "\n", 10_000);
            StreamPost note = aPost("k4-s").text(text).contactDate(LocalDate.of(2026, 3, 2))
                    .at(Instant.parse("2026-03-02T10:00:00.000001Z")).build();
            StreamPost comment = aPost("k4-s").on(note.id()).by("jonas").text(sample).build();
            insertPost(note);
            insertPost(comment);
            assertThat(post(note.id())).as(sample).contains(note);
            assertThat(post(comment.id())).as(sample).contains(comment);
        }
        assertThat(post("missing")).isEmpty();
    }

    @Test
    @DisplayName("posts are versioned: an edit stores the next version, a stale one conflicts, a taken id conflicts")
    void streamPostVersionsAndConflicts() {
        insert(aLead().id("k4-sv").build());
        StreamPost v1 = aPost("k4-sv").text("Første udkast").build();
        insertPost(v1);
        StreamPost v2 = v1.edited("Andet udkast", Instant.parse("2026-03-03T10:00:00Z"));
        write(tx -> tx.stream().update(v2));
        assertThat(post(v1.id())).contains(v2);
        assertThat(post(v1.id()).orElseThrow().editedAt()).contains(Instant.parse("2026-03-03T10:00:00Z"));

        assertThatThrownBy(() -> write(tx -> tx.stream().update(v1.edited("Stale", Instant.parse("2026-03-04T10:00:00Z"))))).isInstanceOf(ConflictException.class).extracting(StoreContract::code).isEqualTo("stream_post.version.stale");
        assertThatThrownBy(() -> insertPost(aPost("k4-sv").id(v1.id()).build()))
                .isInstanceOf(ConflictException.class).extracting(StoreContract::code).isEqualTo("stream_post.id.taken");
        assertThatThrownBy(() -> write(tx -> tx.stream().update(aPost("k4-sv").build().edited("Ghost", Instant.now())))).isInstanceOf(NotFoundException.class);
        assertThat(post(v1.id())).contains(v2);
    }

    @Test
    @DisplayName("a lead's stream comes as one flat list by creation time, ties by id")
    void streamIsOrderedByCreationTime() {
        insert(aLead().id("k4-so").build());
        Instant t = Instant.parse("2026-03-05T10:00:00Z");
        insertPost(aPost("k4-so").id("p-late").at(t.plusSeconds(10)).build());
        insertPost(aPost("k4-so").id("p-b").at(t).build());
        insertPost(aPost("k4-so").id("p-a").at(t).build());
        insertPost(aPost("k4-so").id("p-comment").on("p-a").at(t.plusSeconds(5)).build());
        insertPost(aPost("k4-other-stream").id("p-elsewhere").at(t).build());
        assertThat(streamOf("k4-so")).extracting(StreamPost::id)
                .containsExactly("p-a", "p-b", "p-comment", "p-late");
    }

    @Test
    @DisplayName("attachments round-trip with names in every sample language at 255 characters; listed by upload time, ties by id")
    void attachmentsRoundTripAndList() {
        insert(aLead().id("k4-f").build());
        Instant t = Instant.parse("2026-03-07T10:00:00Z");
        List<Attachment> stored = new ArrayList<>();
        int i = 0;
        for (String sample : List.of(TURKISH, DANISH, LITHUANIAN, EMOJI)) {
            Attachment a = anAttachment("k4-f").id("f-" + i).named(repeatToCodePoints(sample, 251) + ".pdf")
                    .type("application/vnd.openxmlformats-officedocument.wordprocessingml.document")
                    .size(26_214_400L + i).at(t.plusSeconds(i)).build();
            insertAttachment(a);
            stored.add(a);
            assertThat(attachment(a.id())).as(sample).contains(a);
            i++;
        }
        Attachment tie = anAttachment("k4-f").id("f-0a").at(t).size(0).build();
        insertAttachment(tie);
        insertAttachment(anAttachment("k4-other-files").build());
        assertThat(attachmentsOf("k4-f")).extracting(Attachment::id)
                .containsExactly("f-0", "f-0a", "f-1", "f-2", "f-3");
        assertThat(attachment("missing")).isEmpty();
    }

    @Test
    @DisplayName("an attachment is removed once: a taken id conflicts, removing a missing one is not-found, a concurrent removal lets one win")
    void attachmentsAreRemovedOnce() throws Exception {
        insert(aLead().id("k4-fd").build());
        Attachment a = anAttachment("k4-fd").build();
        insertAttachment(a);
        assertThatThrownBy(() -> insertAttachment(a)).isInstanceOf(ConflictException.class)
                .extracting(StoreContract::code).isEqualTo("attachment.id.taken");

        int threads = 4;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Callable<Boolean>> tasks = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                tasks.add(() -> {
                    try {
                        write(tx -> tx.attachments().delete(a.id()));
                        return true;
                    } catch (ConflictException | NotFoundException e) {
                        return false;
                    }
                });
            }
            long winners = 0;
            for (Future<Boolean> f : pool.invokeAll(tasks, 120, TimeUnit.SECONDS)) {
                winners += f.get() ? 1 : 0;
            }
            assertThat(winners).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(attachment(a.id())).isEmpty();
        assertThat(attachmentsOf("k4-fd")).isEmpty();
        assertThatThrownBy(() -> write(tx -> tx.attachments().delete(a.id()))).isInstanceOf(NotFoundException.class);
    }

    @Test
    @DisplayName("work that throws leaves no activity, post, attachment or removal behind")
    void throwingWorkLeavesNoActivityPostOrAttachment() {
        insert(aLead().id("k4-rb").build());
        Activity kept = anActivity().onLead("k4-rb").build();
        Attachment keptFile = anAttachment("k4-rb").build();
        insertActivity(kept);
        insertAttachment(keptFile);
        Activity added = anActivity().onLead("k4-rb").build();
        StreamPost posted = aPost("k4-rb").build();
        Attachment file = anAttachment("k4-rb").build();
        RuntimeException boom = new IllegalStateException("boom");
        assertThatThrownBy(() -> store.inTransaction(tx -> {
            tx.activities().insert(added);
            tx.activities().update(TestActivities.next(kept, "Changed"));
            tx.stream().insert(posted);
            tx.attachments().insert(file);
            tx.attachments().delete(keptFile.id());
            assertThat(tx.activities().find(added.id())).contains(added);
            assertThat(tx.attachments().find(keptFile.id())).isEmpty();
            assertThat(tx.attachments().forLead("k4-rb")).containsExactly(file);
            throw boom;
        })).isSameAs(boom);
        assertThat(activity(added.id())).isEmpty();
        assertThat(activity(kept.id())).contains(kept);
        assertThat(post(posted.id())).isEmpty();
        assertThat(attachment(file.id())).isEmpty();
        assertThat(attachment(keptFile.id())).contains(keptFile);
    }

    @Test
    @DisplayName("LeadKit on this store: activities, reminders, stream and attachments")
    void activitiesStreamAndAttachmentsRunOnThisStore() throws Exception {
        Instant now = Instant.parse("2026-03-02T10:15:30Z");
        LeadKit kit = LeadKit.builder().store(store)
                .directory(Directory.inMemory().user("admin", "Admin").roles(Role.ADMIN).add()
                        .user("ayse", "Ayşe Yılmaz").team("tr").add()
                        .user("jonas", "Jonas Jensen").team("tr").add())
                .clock(Clock.fixed(now, ZoneOffset.UTC))
                .build();
        Actor ayse = Actor.of("ayse");
        Actor jonas = Actor.of("jonas");
        Lead lead = kit.leads().create(ayse, LeadDraft.builder().firstName("Işıl").lastName("Ağaoğlu").build());

        Activity meeting = kit.activities().schedule(ayse, lead.id(), ActivityDraft.meeting("Toplantı: teklif")
                .start(now.plusSeconds(3600)).due(now.plusSeconds(3600)).attendees("jonas")
                .reminders(ReminderOffset.HOUR, ReminderOffset.AT_DUE).build());
        kit.activities().respond(jonas, meeting.id(), Activity.Response.ACCEPTED);
        Activity call = kit.activities().log(ayse, lead.id(), ActivityDraft.call("Aradım").build());
        assertThat(kit.activities().list(ayse, lead.id())).extracting(Activity::id).containsExactly(meeting.id(), call.id());
        assertThat(kit.activities().get(ayse, meeting.id()).attendees()).containsEntry("jonas", Activity.Response.ACCEPTED);
        assertThat(kit.activities().reminders(Actor.of("admin"), now, now.plusSeconds(1)))
                .extracting(Reminder::offset).containsExactly(ReminderOffset.HOUR);

        StreamPost note = kit.stream().post(ayse, lead.id(), "Søren ringede.\nRing tilbage.", Optional.of(LocalDate.of(2026, 3, 2)));
        kit.stream().comment(jonas, note.id(), "Jeg gør det 🚀");
        assertThat(kit.stream().list(jonas, lead.id())).hasSize(2).first().isEqualTo(note);

        byte[] bytes = "Šarūnas Žėkas".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        Attachment file = kit.attachments().attach(ayse, lead.id(), "pasiūlymas.txt", "text/plain",
                new java.io.ByteArrayInputStream(bytes));
        try (AttachmentDownload download = kit.attachments().open(jonas, file.id())) {
            assertThat(download.readAllBytes()).isEqualTo(bytes);
        }
        kit.attachments().remove(ayse, file.id());
        assertThat(kit.attachments().list(ayse, lead.id())).isEmpty();
        assertThat(kit.leads().history(ayse, lead.id())).extracting(HistoryEntry::action).containsExactly(
                HistoryAction.CREATED, HistoryAction.ACTIVITY_ADDED, HistoryAction.ATTENDEE_RESPONDED,
                HistoryAction.ACTIVITY_ADDED, HistoryAction.POSTED, HistoryAction.COMMENTED,
                HistoryAction.ATTACHMENT_ADDED, HistoryAction.ATTACHMENT_REMOVED);
    }

    // ------------------------------------------------------------------ stale-reminder log (K5)

    private Optional<Instant> lastPeriod(String leadId, String ruleId) {
        return store.inTransaction(tx -> tx.reminderLog().lastPeriod(leadId, ruleId));
    }

    private void record(String leadId, String ruleId, Instant periodStart) {
        write(tx -> tx.reminderLog().record(leadId, ruleId, periodStart));
    }

    @Test
    @DisplayName("the reminder log keeps the latest period per lead and rule; a repeated or older period is already sent; rollback leaves none")
    void reminderLogRecordsEachPeriodOnce() {
        Instant p1 = Instant.parse("2026-03-01T00:00:00.000001Z");
        Instant p2 = p1.plus(Duration.ofDays(3));
        assertThat(lastPeriod("rl-1", "stale_new")).isEmpty();
        record("rl-1", "stale_new", p1);
        assertThat(lastPeriod("rl-1", "stale_new")).contains(p1);
        assertThat(lastPeriod("rl-1", "stale_other")).isEmpty();
        assertThat(lastPeriod("rl-2", "stale_new")).isEmpty();

        assertThatThrownBy(() -> record("rl-1", "stale_new", p1)).isInstanceOf(ConflictException.class)
                .extracting(StoreContract::code).isEqualTo("reminder.already_sent");
        record("rl-1", "stale_new", p2);
        assertThat(lastPeriod("rl-1", "stale_new")).contains(p2);
        assertThatThrownBy(() -> record("rl-1", "stale_new", p1)).isInstanceOf(ConflictException.class)
                .extracting(StoreContract::code).isEqualTo("reminder.already_sent");
        assertThat(lastPeriod("rl-1", "stale_new")).contains(p2);

        record("rl-1", "stale_other", p1);
        Optional<Instant> ownWrite = store.inTransaction(tx -> {
            tx.reminderLog().record("rl-3", "stale_new", p1);
            return tx.reminderLog().lastPeriod("rl-3", "stale_new");
        });
        assertThat(ownWrite).contains(p1);

        RuntimeException boom = new IllegalStateException("boom");
        assertThatThrownBy(() -> store.inTransaction(tx -> {
            tx.reminderLog().record("rl-1", "stale_new", p2.plusSeconds(1));
            tx.reminderLog().record("rl-4", "stale_new", p1);
            throw boom;
        })).isSameAs(boom);
        assertThat(lastPeriod("rl-1", "stale_new")).contains(p2);
        assertThat(lastPeriod("rl-4", "stale_new")).isEmpty();
    }

    @Test
    @DisplayName("of several transactions recording one period at once, exactly one commits; the others are already sent")
    void concurrentRemindersOfOnePeriodLetOneWin() throws Exception {
        Instant first = Instant.parse("2026-03-01T00:00:00Z");
        Instant next = first.plus(Duration.ofDays(7));
        record("rl-race-advance", "stale_new", first);
        for (String leadId : List.of("rl-race-new", "rl-race-advance")) {
            Instant period = leadId.equals("rl-race-new") ? first : next;
            int threads = 4;
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            try {
                List<Callable<Boolean>> tasks = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    tasks.add(() -> {
                        try {
                            record(leadId, "stale_new", period);
                            return true;
                        } catch (ConflictException e) {
                            return false;
                        }
                    });
                }
                long winners = 0;
                for (Future<Boolean> f : pool.invokeAll(tasks, 120, TimeUnit.SECONDS)) {
                    winners += f.get() ? 1 : 0;
                }
                assertThat(winners).as(leadId).isEqualTo(1);
            } finally {
                pool.shutdownNow();
            }
            assertThat(lastPeriod(leadId, "stale_new")).contains(period);
        }
    }

    /** @return {@code sample} repeated and cut to exactly {@code n} code points */
    protected static String repeatToCodePoints(String sample, int n) {
        int[] cps = sample.codePoints().toArray();
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.appendCodePoint(cps[i % cps.length]);
        }
        String s = sb.toString().strip();
        while (s.codePointCount(0, s.length()) < n) {
            s = s + "x";
        }
        return s;
    }
}
