package dev.leadkit.jpa;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariDataSource;
import dev.leadkit.Actor;
import dev.leadkit.LeadKit;
import dev.leadkit.access.Directory;
import dev.leadkit.access.InMemoryDirectory;
import dev.leadkit.access.Role;
import dev.leadkit.lead.Lead;
import dev.leadkit.store.LeadSort;
import dev.leadkit.workflow.Kanban;
import jakarta.persistence.EntityManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * K3 and K5 acceptance on PostgreSQL with 100,000 leads: a plain user's first page of visible
 * leads is at most two statements whatever the page size, fetches only the page, and is planned
 * on an index (no sequential scan of {@code lk_lead}); the kanban board is one statement per
 * column plus one for the counts (plus the one round trip that reads the status catalogue), and
 * fetches at most columns × cards rows.
 *
 * <p>The leads live in their own schema ({@code leadkit_k3}) and are loaded once with batched
 * JDBC inserts; a later run reuses them. Skipped with a message when PostgreSQL is down; failing
 * instead under {@code CI=true}.
 */
class PostgreSqlScopedListingAcceptanceTest {

    static final int LEADS = ScopedListingData.LEADS;
    static final int USERS = ScopedListingData.USERS;
    static final String SCHEMA = "leadkit_k3";
    /** The plain user who looks: u007, in team t00 (u000 to u009). */
    static final Actor USER = Actor.of("u007");

    private static HikariDataSource pool;
    private static CountingDataSource counting;
    private static EntityManagerFactory factory;
    private static LeadKit kit;

    @BeforeAll
    static void load() throws SQLException {
        TestDatabase db = TestDatabase.POSTGRESQL;
        Assumptions.assumeTrue(db.reachable(), () -> db.label + " not reachable — skipping the K3/K5 acceptance on"
                + " PostgreSQL (100,000 leads). Start PostgreSQL, or set CI=true to make this a failure.");
        try (Connection c = DriverManager.getConnection(db.url, db.user, db.password); Statement s = c.createStatement()) {
            s.execute("create schema if not exists " + SCHEMA);
        }
        pool = db.pool(db.url + (db.url.contains("?") ? "&" : "?") + "currentSchema=" + SCHEMA);
        counting = new CountingDataSource(pool);
        factory = LeadKitPersistence.entityManagerFactory(counting, Map.of());
        try (Connection c = pool.getConnection()) {
            ScopedListingData.load(c);
        }
        kit = LeadKit.builder().store(JpaStore.create(factory)).directory(ScopedListingData.directory())
                .clock(Clock.fixed(Instant.parse("2026-11-23T12:00:00Z"), ZoneOffset.UTC)).build();
    }

    @AfterAll
    static void close() {
        if (factory != null) {
            factory.close();
        }
        if (pool != null) {
            pool.close();
        }
    }

    @Test
    @DisplayName("K3: a plain user's first page is at most 2 statements for any page size, fetches only the page, and uses an index")
    void scopedFirstPage() throws Exception {
        for (int pageSize : new int[] {10, 50, 200}) {
            counting.reset();
            List<Lead> page = kit.leads().list(USER, 0, pageSize);
            List<CountingDataSource.Recorded> statements = counting.statements();
            System.out.println("[K3] page size " + pageSize + ": " + statements.size() + " statement(s) " + statements);
            assertThat(page).hasSize(pageSize);
            assertThat(statements).hasSizeLessThanOrEqualTo(2);
            assertThat(statements.stream().mapToInt(r -> r.rows).sum()).isLessThanOrEqualTo(pageSize);
        }
        counting.reset();
        List<Lead> page = kit.leads().list(USER, 0, 50);
        CountingDataSource.Recorded listing = counting.statements().stream().filter(r -> r.sql.contains("lk_lead"))
                .findFirst().orElseThrow();
        JsonNode plan = explain(listing);
        List<String> scans = new ArrayList<>();
        walk(plan, scans);
        System.out.println("[K3] plan nodes of the listing: " + scans);
        assertThat(scans).noneMatch(n -> n.startsWith("Seq Scan on lk_lead "));
        assertThat(scans).anyMatch(n -> n.contains("Index") && n.contains("on lk_lead "));
        // Every row on the page is visible to u007: owned by team t00, unassigned (the inbox), or granted to u007.
        assertThat(page).allMatch(l -> l.owner().map(o -> Integer.parseInt(o.substring(1)) / 10 == 0).orElse(true)
                || Integer.parseInt(l.id().value().substring(1)) % 997 == 1_003 % 997);
        assertThat(kit.leads().count(USER)).isEqualTo(expectedVisible());
    }

    @Test
    @DisplayName("K5: the kanban board is one statement per column plus one for the counts, and fetches at most columns × 10 rows")
    void kanban() throws Exception {
        counting.reset();
        Kanban board = kit.workflow().kanban(USER, 10, LeadSort.LONGEST_IN_STATUS, false);
        List<CountingDataSource.Recorded> statements = counting.statements();
        List<CountingDataSource.Recorded> onLeads = statements.stream().filter(r -> r.sql.contains("lk_lead")).toList();
        int columns = board.columns().size();
        System.out.println("[K5] " + columns + " columns, " + statements.size() + " statement(s), " + onLeads.size()
                + " on lk_lead: " + statements);
        assertThat(columns).isEqualTo(3);
        assertThat(board.columns()).allSatisfy(col -> assertThat(col.cards()).hasSizeLessThanOrEqualTo(10));
        assertThat(board.columns()).allSatisfy(col -> assertThat(col.count()).isGreaterThan(10));
        assertThat(onLeads).hasSizeLessThanOrEqualTo(columns + 1);
        // The one more is the status catalogue (read with the settings in one round trip per transaction).
        assertThat(statements).hasSizeLessThanOrEqualTo(columns + 2);
        int cardRows = onLeads.stream().filter(r -> !r.sql.contains("count(")).mapToInt(r -> r.rows).sum();
        assertThat(cardRows).isLessThanOrEqualTo(columns * 10);
        for (CountingDataSource.Recorded column : onLeads) {
            List<String> scans = new ArrayList<>();
            walk(explain(column), scans);
            System.out.println("[K5] plan nodes: " + scans);
            // The counts too: one index range per alternative (owned, unassigned, granted), no table scan.
            assertThat(scans).noneMatch(n -> n.startsWith("Seq Scan on lk_lead "));
        }
    }

    /** How many non-deleted leads u007 sees, counted here independently of the store. */
    static long expectedVisible() {
        long visible = 0;
        for (int i = 0; i < LEADS; i++) {
            boolean deleted = i % 100 == 1;
            boolean unassigned = i % 50 == 0;
            boolean team = !unassigned && ((i * 7) % USERS) / 10 == 0;
            boolean granted = i >= 1_003 && (i - 1_003) % 997 == 0 && (i - 1_003) / 997 < 100;
            if (!deleted && (unassigned || team || granted)) {
                visible++;
            }
        }
        return visible;
    }

    /** Runs {@code EXPLAIN (FORMAT JSON)} of a recorded statement with its recorded parameters. */
    static JsonNode explain(CountingDataSource.Recorded recorded) throws Exception {
        try (Connection c = pool.getConnection();
             PreparedStatement s = c.prepareStatement("explain (format json) " + recorded.sql)) {
            recorded.replay(s);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                JsonNode plan = new ObjectMapper().readTree(rs.getString(1));
                c.commit();
                return plan;
            }
        }
    }

    /** Collects "Node Type on relation (index)" for every node of a plan. */
    static void walk(JsonNode node, List<String> out) {
        if (node.isArray()) {
            node.forEach(n -> walk(n, out));
            return;
        }
        if (node.has("Plan")) {
            walk(node.get("Plan"), out);
            return;
        }
        if (node.has("Node Type")) {
            out.add(node.get("Node Type").asText() + (node.has("Relation Name") ? " on " + node.get("Relation Name").asText() + " " : "")
                    + (node.has("Index Name") ? "(" + node.get("Index Name").asText() + ")" : ""));
        }
        if (node.has("Plans")) {
            walk(node.get("Plans"), out);
        }
    }
}
