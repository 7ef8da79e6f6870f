package dev.leadkit.jpa;

import dev.leadkit.Actor;
import dev.leadkit.ConflictException;
import dev.leadkit.LeadKit;
import dev.leadkit.LeadKitException;
import dev.leadkit.access.Directory;
import dev.leadkit.access.InMemoryDirectory;
import dev.leadkit.access.Role;
import dev.leadkit.activity.FieldChange;
import dev.leadkit.activity.HistoryAction;
import dev.leadkit.activity.HistoryEntry;
import dev.leadkit.lead.Lead;
import dev.leadkit.lead.LeadDraft;
import dev.leadkit.lead.LeadField;
import dev.leadkit.lead.LeadPatch;
import dev.leadkit.store.contract.TestLeads;
import dev.leadkit.workflow.CatalogueKind;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static dev.leadkit.store.contract.TestLeads.aLead;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The JPA store's own acceptance cases (issue K2), beyond the storage contract: restarts,
 * failures at the database edge, both transaction modes. Each database runs them through a
 * one-line subclass.
 */
abstract class JpaStoreAcceptanceTests {

    private static JpaStoreFixture fixture;
    private static TestDatabase database;
    private JpaStore store;

    /** Opens the fixture once per class; subclasses call it from {@code @BeforeAll}. */
    static void open(TestDatabase db) {
        database = db;
        fixture = JpaStoreFixture.open(db);
    }

    @AfterAll
    static void closeFixture() {
        if (fixture != null) {
            fixture.close();
            fixture = null;
        }
    }

    @BeforeEach
    void emptyStore() {
        store = JpaStoreFixture.emptyStore(fixture, database);
    }

    private void insert(Lead... leads) {
        store.inTransaction(tx -> {
            for (Lead lead : leads) {
                tx.leads().insert(lead);
            }
            return null;
        });
    }

    private Optional<Lead> find(Lead lead) {
        return store.inTransaction(tx -> tx.leads().find(lead.id()));
    }

    private long rowVersion(Lead lead) throws SQLException {
        try (Connection c = fixture.pool.getConnection();
             PreparedStatement s = c.prepareStatement("select version from lk_lead where id = ?")) {
            s.setString(1, lead.id().value());
            try (ResultSet rs = s.executeQuery()) {
                assertThat(rs.next()).isTrue();
                long version = rs.getLong(1);
                c.commit();
                return version;
            }
        }
    }

    // ------------------------------------------------------------------ restart

    @Test
    @DisplayName("a lead, its history, the catalogues and the settings survive closing and reopening the factory")
    void everythingSurvivesReopeningTheFactory() {
        InMemoryDirectory directory = Directory.inMemory().user("admin", "Admin").roles(Role.ADMIN).add()
                .user("ayse", "Ayşe Yılmaz").add();
        Actor ayse = Actor.of("ayse");
        Actor admin = Actor.of("admin");
        LeadKit kit = LeadKit.builder().store(store).directory(directory).build();
        Lead created = kit.leads().create(ayse, LeadDraft.builder().firstName("Şarūnas").lastName("Ærø 🚀")
                .email("sarunas@imone.lt").externalId("lt-7").build());
        Lead updated = kit.leads().update(ayse, created.id(), LeadPatch.builder().set(LeadField.CITY, "Vilnius").build(),
                created.version());
        kit.catalogues().relabel(admin, CatalogueKind.STATUS, "new", "da", "Helt ny");
        kit.leads().setRequiredFields(admin, EnumSet.of(LeadField.EMAIL, LeadField.LAST_NAME));
        List<HistoryEntry> history = kit.leads().history(ayse, created.id());

        TestDatabase reopening = fixture.database;
        closeFixture();
        open(reopening);

        LeadKit reopened = LeadKit.builder().store(JpaStore.create(fixture.factory)).directory(directory).build();
        assertThat(reopened.leads().get(ayse, created.id())).isEqualTo(updated);
        assertThat(reopened.leads().findByExternalId(ayse, "lt-7")).contains(updated);
        assertThat(reopened.leads().history(ayse, created.id())).isEqualTo(history)
                .extracting(HistoryEntry::action).containsExactly(HistoryAction.CREATED, HistoryAction.UPDATED);
        assertThat(reopened.catalogues().get(CatalogueKind.STATUS).entry("new").orElseThrow().labels())
                .containsEntry("da", "Helt ny");
        assertThat(reopened.leads().requiredFields()).containsExactlyInAnyOrder(LeadField.EMAIL, LeadField.LAST_NAME);
    }

    // ------------------------------------------------------------------ bad input at the database edge

    @Test
    @DisplayName("a value longer than its column is refused by name, and the whole transaction is rolled back")
    void overLongValueRollsBackTheTransaction() {
        Lead fine = aLead().build();
        String secret = "Ø".repeat(LeadField.FIRST_NAME.maxLength() + 1);
        Lead tooLong = aLead().with(LeadField.FIRST_NAME, secret).build();

        Throwable thrown = catchThrowable(() -> insert(fine, tooLong));

        assertThat(thrown).isInstanceOf(LeadKitException.class).isNotInstanceOf(ConflictException.class)
                .hasMessageContaining("lk_lead.first_name").hasMessageContaining("at most 100")
                .hasMessageNotContaining(secret.substring(0, 10));
        assertThat(((LeadKitException) thrown).code()).isEqualTo("store.value.too_long");
        assertThat(find(fine)).isEmpty();
        assertThat(find(tooLong)).isEmpty();
    }

    @Test
    @DisplayName("an over-long value the database itself refuses becomes store.value.too_long, not a persistence exception")
    void databaseRefusalOfOverLongValueIsTranslated() {
        EntityManager em = fixture.factory.createEntityManager();
        try {
            em.getTransaction().begin();
            Throwable thrown = catchThrowable(() -> JpaStore.joining(() -> em).inTransaction(tx -> {
                em.createNativeQuery("insert into lk_settings (id, version, entries) values (1, 1, '{}')").executeUpdate();
                em.createNativeQuery("insert into lk_catalogue (kind, version, default_code, entries) values (?, 1, 'x', '[]')")
                        .setParameter(1, "K".repeat(40)).executeUpdate();
                return null;
            }));
            assertThat(thrown).isInstanceOf(LeadKitException.class).isNotInstanceOf(PersistenceException.class)
                    .hasMessageNotContaining("KKKKKKKK");
            assertThat(((LeadKitException) thrown).code()).isEqualTo("store.value.too_long");
            assertThat(em.getTransaction().getRollbackOnly()).isTrue();
            em.getTransaction().rollback();
        } finally {
            em.close();
        }
        long settingsVersion = store.inTransaction(tx -> tx.settings().load().version());
        assertThat(settingsVersion).isZero();
    }

    @Test
    @DisplayName("a duplicate external id is a conflict, whether the service or the store finds it, and stores nothing")
    void duplicateExternalIdIsAConflict() {
        Lead first = aLead().with(LeadField.EXTERNAL_ID, "crm-1").build();
        Lead second = aLead().with(LeadField.EXTERNAL_ID, "crm-1").build();
        assertThatThrownBy(() -> insert(first, second)).isInstanceOf(ConflictException.class)
                .extracting(e -> ((ConflictException) e).code()).isEqualTo("lead.external_id.taken");
        assertThat(find(first)).isEmpty();

        LeadKit kit = LeadKit.builder().store(store).directory(Directory.inMemory().user("ayse", "Ayşe").add()).build();
        Actor ayse = Actor.of("ayse");
        kit.leads().create(ayse, LeadDraft.builder().firstName("A").lastName("B").externalId("crm-2").build());
        assertThatThrownBy(() -> kit.leads().create(ayse, LeadDraft.builder().firstName("C").lastName("D")
                .externalId("crm-2").build()))
                .isInstanceOf(ConflictException.class)
                .extracting(e -> ((ConflictException) e).code()).isEqualTo("lead.external_id.taken");
        assertThat(kit.leads().count(ayse)).isEqualTo(1);
    }

    @Test
    @DisplayName("of two transactions updating the same version, the second to commit gets a conflict")
    void concurrentUpdateIsAConflict() throws Exception {
        Lead v1 = aLead().build();
        insert(v1);
        CountDownLatch firstRead = new CountDownLatch(1);
        CountDownLatch secondRead = new CountDownLatch(1);
        CountDownLatch firstCommitted = new CountDownLatch(1);

        CompletableFuture<Void> second = CompletableFuture.runAsync(() -> store.inTransaction(tx -> {
            Lead current = tx.leads().find(v1.id()).orElseThrow();
            secondRead.countDown();
            await(firstCommitted);
            tx.leads().update(TestLeads.next(current, LeadField.CITY, "Kaunas"));
            return null;
        }));
        store.inTransaction(tx -> {
            Lead current = tx.leads().find(v1.id()).orElseThrow();
            firstRead.countDown();
            await(secondRead);
            tx.leads().update(TestLeads.next(current, LeadField.CITY, "Aarhus"));
            return null;
        });
        firstCommitted.countDown();

        Throwable thrown = catchThrowable(() -> second.get(60, TimeUnit.SECONDS));
        assertThat(thrown.getCause()).isInstanceOf(ConflictException.class)
                .extracting(e -> ((ConflictException) e).code()).isEqualTo("lead.version.stale");
        Lead stored = find(v1).orElseThrow();
        assertThat(stored.get(LeadField.CITY)).contains("Aarhus");
        assertThat(stored.version()).isEqualTo(2);
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(30, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    // ------------------------------------------------------------------ versions

    @Test
    @DisplayName("the row version is the lead version: inserted at 1, one more per update, also for two updates in one transaction")
    void rowVersionFollowsLeadVersion() throws SQLException {
        Lead v1 = aLead().build();
        insert(v1);
        assertThat(rowVersion(v1)).isEqualTo(1);

        Lead v3 = store.inTransaction(tx -> {
            Lead v2 = TestLeads.next(v1, LeadField.CITY, "Riga");
            tx.leads().update(v2);
            Lead next = TestLeads.next(v2, LeadField.CITY, "Tartu");
            tx.leads().update(next);
            return next;
        });
        assertThat(rowVersion(v1)).isEqualTo(3);
        assertThat(find(v1)).contains(v3);

        Lead unchangedButNext = Lead.of(v3.id(), 4, v3.values(), v3.createdBy(), v3.createdAt(), v3.updatedAt(), false);
        store.inTransaction(tx -> {
            tx.leads().update(unchangedButNext);
            return null;
        });
        assertThat(rowVersion(v1)).isEqualTo(4);
        assertThat(find(v1)).contains(unchangedButNext);
    }

    // ------------------------------------------------------------------ values

    @Test
    @DisplayName("timestamps are stored in UTC to the microsecond, whatever the JVM's time zone")
    void timestampsAreUtcMicroseconds() throws SQLException {
        Instant at = Instant.parse("2026-03-29T01:30:00.123456Z");
        Lead lead = aLead().createdAt(at).build();
        insert(lead);
        assertThat(find(lead).orElseThrow().createdAt()).isEqualTo(at);
        try (Connection c = fixture.pool.getConnection();
             PreparedStatement s = c.prepareStatement("select created_at from lk_lead where id = ?")) {
            s.setString(1, lead.id().value());
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                Instant raw = fixture.database.dialect == Dialect.MARIADB
                        ? rs.getObject(1, LocalDateTime.class).toInstant(ZoneOffset.UTC)
                        : rs.getObject(1, OffsetDateTime.class).toInstant();
                assertThat(raw).isEqualTo(at);
            }
            c.commit();
        }
    }

    @Test
    @DisplayName("history keeps empty and absent values apart, and values of 10,000 characters")
    void historyRoundTripsExactly() {
        String longValue = "🚀".repeat(5_000) + "ø".repeat(5_000);
        HistoryEntry entry = new HistoryEntry(0, "h-exact", Instant.parse("2026-03-01T10:00:00.000001Z"), "ayse",
                HistoryAction.UPDATED, List.of(FieldChange.of("a", "", null), FieldChange.of("b", null, ""),
                FieldChange.of("c", null, null), FieldChange.of("description", longValue, longValue + "x"),
                FieldChange.of("quote\"and\\slash", "\n\t\u0000", "\u2028")));
        HistoryEntry stored = store.inTransaction(tx -> tx.history().append(entry));
        assertThat(stored.sequence()).isPositive();
        List<HistoryEntry> read = store.inTransaction(tx -> tx.history().forLead("h-exact"));
        assertThat(read).containsExactly(stored);
        assertThat(stored.withSequence(0)).isEqualTo(entry);
    }

    // ------------------------------------------------------------------ joining the host's transaction

    @Test
    @DisplayName("joining mode writes inside the host's transaction and commits only when the host commits")
    void joiningModeLeavesTheCommitToTheHost() {
        Lead lead = aLead().build();
        EntityManager em = fixture.factory.createEntityManager();
        try {
            em.getTransaction().begin();
            JpaStore joined = JpaStore.joining(() -> em);
            joined.inTransaction(tx -> {
                tx.leads().insert(lead);
                return null;
            });
            assertThat(em.getTransaction().isActive()).isTrue();
            Optional<Lead> seenByHost = joined.inTransaction(tx -> tx.leads().find(lead.id()));
            assertThat(seenByHost).contains(lead);
            assertThat(find(lead)).as("not visible before the host commits").isEmpty();
            em.getTransaction().commit();
        } finally {
            em.close();
        }
        assertThat(find(lead)).contains(lead);
    }

    @Test
    @DisplayName("joining mode marks the host's transaction rollback-only when the work throws, and rethrows")
    void joiningModeMarksRollbackOnly() {
        Lead lead = aLead().build();
        IllegalStateException boom = new IllegalStateException("boom");
        EntityManager em = fixture.factory.createEntityManager();
        try {
            em.getTransaction().begin();
            assertThatThrownBy(() -> JpaStore.joining(() -> em).inTransaction(tx -> {
                tx.leads().insert(lead);
                throw boom;
            })).isSameAs(boom);
            assertThat(em.getTransaction().getRollbackOnly()).isTrue();
            em.getTransaction().rollback();
        } finally {
            em.close();
        }
        assertThat(find(lead)).isEmpty();
    }

    @Test
    @DisplayName("joining mode reports a conflict inside the call, not at the host's commit")
    void joiningModeSurfacesConflictsInTheCall() {
        Lead existing = aLead().with(LeadField.EXTERNAL_ID, "taken").build();
        insert(existing);
        EntityManager em = fixture.factory.createEntityManager();
        try {
            em.getTransaction().begin();
            assertThatThrownBy(() -> JpaStore.joining(() -> em).inTransaction(tx -> {
                tx.leads().insert(aLead().with(LeadField.EXTERNAL_ID, "taken").build());
                return null;
            })).isInstanceOf(ConflictException.class)
                    .extracting(e -> ((ConflictException) e).code()).isEqualTo("lead.external_id.taken");
            assertThat(em.getTransaction().getRollbackOnly()).isTrue();
            em.getTransaction().rollback();
        } finally {
            em.close();
        }
    }

    @Test
    @DisplayName("joining mode without an active transaction is refused with a clear message")
    void joiningModeNeedsATransaction() {
        EntityManager em = fixture.factory.createEntityManager();
        try {
            assertThatThrownBy(() -> JpaStore.joining(() -> em).inTransaction(tx -> tx.leads().count(
                    dev.leadkit.store.LeadListing.firstPage(1))))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("has none active").hasMessageContaining("JpaStore.create");
        } finally {
            em.close();
        }
    }

    // ------------------------------------------------------------------ migrations

    @Test
    @DisplayName("migrating an up-to-date schema applies nothing and records each script once")
    void migratingTwiceAppliesNothing() throws SQLException {
        assertThat(LeadKitMigrations.migrate(fixture.pool, fixture.database.dialect)).isEmpty();
        assertThat(LeadKitMigrations.migrate(fixture.pool, fixture.database.dialect)).isEmpty();
        // The database may be shared with a newer LeadKit that recorded later versions: look at ours.
        try (Connection c = fixture.pool.getConnection();
             PreparedStatement s = c.prepareStatement("select version, script from " + LeadKitMigrations.HISTORY_TABLE
                     + " order by version");
             ResultSet rs = s.executeQuery()) {
            List<String> recorded = new java.util.ArrayList<>();
            while (rs.next()) {
                if (LeadKitMigrations.versions().contains(rs.getString(1))) {
                    recorded.add(rs.getString(1));
                    assertThat(rs.getString(2)).startsWith("V" + rs.getString(1) + "__").endsWith(".sql");
                }
            }
            assertThat(recorded).containsExactlyInAnyOrderElementsOf(LeadKitMigrations.versions());
            c.commit();
        }
    }
}
