package dev.leadkit.jpa;

import dev.leadkit.ConflictException;
import dev.leadkit.access.LeadAccess;
import dev.leadkit.access.Right;
import dev.leadkit.field.FieldValue;
import dev.leadkit.lead.Lead;
import dev.leadkit.lead.LeadField;
import dev.leadkit.lead.LeadId;
import dev.leadkit.lead.ProductInterest;
import dev.leadkit.store.LeadListing;
import dev.leadkit.store.Store;
import dev.leadkit.store.Visibility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What schema version 3 stores beside the standard fields, on every database: custom values
 * round-trip exactly (numbers with normalised scale, addresses with empty parts, long paragraphs
 * with line feeds and tabs), tags, products, status since and close reason; the option index;
 * and the sharing rows as the scoped queries read them.
 */
class JpaLeadValuesTest {

    private static final Map<TestDatabase, JpaStoreFixture> FIXTURES = new ConcurrentHashMap<>();
    private static final Instant AT = Instant.parse("2026-05-04T10:15:30.123456Z");

    @AfterAll
    static void close() {
        FIXTURES.values().forEach(JpaStoreFixture::close);
    }

    private static JpaStoreFixture fixture(TestDatabase db) {
        db.assumeReachable();
        return FIXTURES.computeIfAbsent(db, JpaStoreFixture::open);
    }

    private static Lead lead(String id, Map<String, FieldValue> custom) {
        Map<LeadField, String> values = new EnumMap<>(LeadField.class);
        values.put(LeadField.STATUS, "lost");
        values.put(LeadField.SOURCE, "web");
        values.put(LeadField.LEAD_DATE, AT.toString());
        values.put(LeadField.OWNER, "u1");
        return Lead.of(LeadId.of(id), 1, values, custom, Set.of("vip", "fair-2026", "ünïcode"),
                List.of(new ProductInterest("SKU-1", new BigDecimal("4.5000"), ""),
                        new ProductInterest("SKU-2", new BigDecimal("1E+3"), "Velvet,\tdark\ngreen")),
                "admin", AT, AT.plusSeconds(5), AT.plusSeconds(60), Optional.of("no_budget"), false);
    }

    @ParameterizedTest
    @EnumSource(value = TestDatabase.class, names = {"H2", "POSTGRESQL", "MARIADB"})
    @DisplayName("custom values, tags, products, status since and close reason round-trip exactly")
    void valuesRoundTrip(TestDatabase db) {
        JpaStoreFixture fixture = fixture(db);
        Store store = JpaStoreFixture.emptyStore(fixture, db);
        String text = ("Line one\twith a tab\nline two 🙂 " + "x".repeat(100)).repeat(100);
        String paragraph = text.substring(0, text.offsetByCodePoints(0, 10_000));
        Map<String, FieldValue> custom = new LinkedHashMap<>();
        custom.put("budget", FieldValue.number(new BigDecimal("25000.00")));
        custom.put("ratio", FieldValue.number(new BigDecimal("0.000")));
        custom.put("big", FieldValue.number(new BigDecimal("1.2E+7")));
        custom.put("address", new FieldValue.Address("", "8000", "", "", "DK"));
        custom.put("notes", FieldValue.text(paragraph));
        custom.put("size", FieldValue.text("large"));
        custom.put("interests", FieldValue.choices(List.of("crm", "erp")));
        custom.put("newsletter", FieldValue.flag(true));
        custom.put("since", FieldValue.date(LocalDate.of(2026, 2, 28)));
        Lead lead = lead("v1", custom);
        store.inTransaction(tx -> {
            tx.leads().insert(lead);
            return null;
        });
        Lead read = store.inTransaction(tx -> tx.leads().find(LeadId.of("v1"))).orElseThrow();
        assertThat(read.custom()).isEqualTo(lead.custom());
        assertThat(((FieldValue.Text) read.custom("notes").orElseThrow()).value()).isEqualTo(paragraph);
        assertThat(read.tags()).isEqualTo(lead.tags());
        assertThat(read.products()).isEqualTo(lead.products());
        assertThat(read.statusSince()).isEqualTo(lead.statusSince());
        assertThat(read.closeReason()).contains("no_budget");
        assertThat(read).isEqualTo(lead);

        assertThat(withOption(store, "interests", "erp")).containsExactly(LeadId.of("v1"));
        assertThat(withOption(store, "size", "large")).containsExactly(LeadId.of("v1"));
        long closed = store.inTransaction(tx -> tx.leads().countWithCloseReason("no_budget"));
        assertThat(closed).isEqualTo(1);

        // Replacing the custom values rewrites the option rows: old options are gone, the new one is found.
        Map<String, FieldValue> changed = Map.of("interests", FieldValue.choices(List.of("erp", "hr")));
        Lead next = read.withCustomValues(changed, AT.plusSeconds(90));
        store.inTransaction(tx -> {
            tx.leads().update(next);
            return null;
        });
        assertThat(withOption(store, "interests", "crm")).isEmpty();
        assertThat(withOption(store, "interests", "hr")).containsExactly(LeadId.of("v1"));
        assertThat(withOption(store, "size", "large")).isEmpty();
        Lead after = store.inTransaction(tx -> tx.leads().find(LeadId.of("v1"))).orElseThrow();
        assertThat(after.custom()).isEqualTo(changed);
    }

    @ParameterizedTest
    @EnumSource(value = TestDatabase.class, names = {"H2", "POSTGRESQL", "MARIADB"})
    @DisplayName("a visibility of 40,000 owners lists, counts and counts per status (beyond PostgreSQL's 32,767 parameters)")
    void manyOwners(TestDatabase db) {
        JpaStoreFixture fixture = fixture(db);
        Store store = JpaStoreFixture.emptyStore(fixture, db);
        store.inTransaction(tx -> {
            tx.leads().insert(lead("m1", Map.of()));
            return null;
        });
        Set<String> owners = fortyThousandOwnersAndU1();
        Visibility many = new Visibility(false, owners, false, Optional.of("u9"));
        LeadListing listing = new LeadListing(many, false, 0, 10);
        List<Lead> page = store.inTransaction(tx -> tx.leads().list(listing));
        long count = store.inTransaction(tx -> tx.leads().count(listing));
        Map<String, Long> perStatus = store.inTransaction(tx -> tx.leads().countByStatus(many));
        assertThat(page).extracting(Lead::id).containsExactly(LeadId.of("m1"));
        assertThat(count).isEqualTo(1);
        assertThat(perStatus).containsExactly(Map.entry("lost", 1L));
    }

    @ParameterizedTest
    @EnumSource(value = TestDatabase.class, names = {"H2", "POSTGRESQL", "MARIADB"})
    @DisplayName("a query page under a visibility of 40,000 owners, by keyset, holds the owned lead only (owners bound as a list, or an array on PostgreSQL)")
    void manyOwnersSelect(TestDatabase db) {
        JpaStoreFixture fixture = fixture(db);
        Store store = JpaStoreFixture.emptyStore(fixture, db);
        store.inTransaction(tx -> {
            tx.leads().insert(lead("s1", Map.of()));
            Lead other = lead("s2", Map.of());
            Map<LeadField, String> values = new EnumMap<>(other.values());
            values.put(LeadField.OWNER, "outsider");
            tx.leads().insert(Lead.of(other.id(), 1, values, other.custom(), other.tags(), other.products(), "admin", AT,
                    AT.plusSeconds(5), AT.plusSeconds(60), Optional.of("no_budget"), false));
            return null;
        });
        Set<String> owners = fortyThousandOwnersAndU1();
        Visibility many = new Visibility(false, owners, false, Optional.empty());
        dev.leadkit.store.QueryField leadDate = dev.leadkit.store.QueryField.of(LeadField.LEAD_DATE);
        dev.leadkit.store.LeadSelection first = new dev.leadkit.store.LeadSelection(many, false,
                dev.leadkit.store.Criterion.ALWAYS, Optional.empty(),
                List.of(new dev.leadkit.store.LeadSelection.Order(leadDate, true)), Optional.empty(), 0, 10);
        List<Lead> page = store.inTransaction(tx -> tx.leads().select(first));
        assertThat(page).extracting(Lead::id).containsExactly(LeadId.of("s1"));
        Lead only = page.get(0);
        dev.leadkit.store.LeadSelection after = first.after(new dev.leadkit.store.LeadSelection.Position(
                List.of(Optional.of(only.leadDate())), only.id()));
        List<Lead> next = store.inTransaction(tx -> tx.leads().select(after));
        assertThat(next).isEmpty();
    }

    /** @return 40,000 made-up owners and u1, who owns the test leads: more than PostgreSQL's 32,767 parameters */
    private static Set<String> fortyThousandOwnersAndU1() {
        Set<String> owners = new java.util.HashSet<>();
        for (int i = 0; i < 40_000; i++) {
            owners.add("owner" + i);
        }
        owners.add("u1");
        return owners;
    }

    private static List<LeadId> withOption(Store store, String key, String code) {
        return store.inTransaction(tx -> tx.leads().withCustomOption(key, code));
    }

    @ParameterizedTest
    @EnumSource(value = TestDatabase.class, names = {"H2", "POSTGRESQL", "MARIADB"})
    @DisplayName("grants are stored as sorted right keys with can_view; a stale or repeated first save is a conflict")
    void sharingRows(TestDatabase db) throws Exception {
        JpaStoreFixture fixture = fixture(db);
        Store store = JpaStoreFixture.emptyStore(fixture, db);
        LeadAccess first = LeadAccess.none("a1").withGrant("u2", EnumSet.of(Right.TAG, Right.EDIT)).withFollower("u3", true);
        LeadAccess saved = new LeadAccess(first.leadId(), first.grants(), first.followers(), 1);
        store.inTransaction(tx -> {
            tx.access().save(saved);
            return null;
        });
        LeadAccess found = store.inTransaction(tx -> tx.access().find("a1"));
        LeadAccess none = store.inTransaction(tx -> tx.access().find("nobody"));
        assertThat(found).isEqualTo(saved);
        assertThat(none).isEqualTo(LeadAccess.none("nobody"));
        try (Connection c = fixture.pool.getConnection();
             PreparedStatement s = c.prepareStatement("select rights, can_view from lk_lead_grant where lead_id = 'a1'");
             ResultSet rs = s.executeQuery()) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("edit,tag,view");
            assertThat(rs.getBoolean(2)).isTrue();
            c.commit();
        }
        assertThatThrownBy(() -> store.inTransaction(tx -> {
            tx.access().save(saved);
            return null;
        })).isInstanceOf(ConflictException.class).extracting(e -> ((ConflictException) e).code())
                .isEqualTo("lead_access.version.stale");
    }
}
