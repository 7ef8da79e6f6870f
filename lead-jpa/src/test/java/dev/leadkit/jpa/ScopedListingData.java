package dev.leadkit.jpa;

import dev.leadkit.access.Directory;
import dev.leadkit.access.InMemoryDirectory;
import dev.leadkit.access.Role;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;

/**
 * The 100,000-lead PostgreSQL data set of the K3/K5 scoped-listing checks, shared by the
 * acceptance test and the benchmark so both measure the same rows: 200 plain users in 20 teams of
 * 10, owners round-robin over the users, every 50th lead unassigned, every 100th deleted, six
 * statuses, and 100 VIEW grants to {@code u007} on leads of other teams.
 *
 * <pre>{@code
 * try (Connection c = pool.getConnection()) {
 *     c.setAutoCommit(false);
 *     ScopedListingData.load(c);
 * }
 * LeadKit kit = LeadKit.builder().store(store).directory(ScopedListingData.directory()).build();
 * }</pre>
 */
public final class ScopedListingData {

    /** How many leads the set holds. */
    public static final int LEADS = 100_000;
    /** How many users own them. */
    public static final int USERS = 200;
    /** How many teams the users form. */
    public static final int TEAMS = 20;
    /** The statuses the leads cycle through. */
    static final String[] STATUSES = {"new", "contacted", "offer_made", "converted", "unqualified", "lost"};

    private ScopedListingData() {
    }

    /** @return the directory: 200 plain users in 20 teams of 10 */
    public static InMemoryDirectory directory() {
        InMemoryDirectory directory = Directory.inMemory();
        for (int u = 0; u < USERS; u++) {
            directory.user(user(u), user(u)).roles(Role.USER).team(String.format("t%02d", u / (USERS / TEAMS))).add();
        }
        return directory;
    }

    /** @param u a user number @return its id, {@code u000} … {@code u199} */
    public static String user(int u) {
        return String.format("u%03d", u);
    }

    /**
     * Loads the leads with batched plain JDBC unless the schema already holds exactly them.
     *
     * @param c a connection to a migrated schema, auto-commit off
     * @return whether rows were loaded (false: the schema already held them)
     * @throws SQLException when the database refuses
     */
    public static boolean load(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select count(*) from lk_lead")) {
            rs.next();
            if (rs.getLong(1) == LEADS) {
                c.commit();
                return false;
            }
        }
        try (Statement s = c.createStatement()) {
            s.execute("truncate lk_history, lk_lead_custom_option, lk_lead_custom_value, lk_lead_tag, lk_lead, lk_lead_grant, lk_lead_follower, lk_lead_access");
        }
        Instant base = Instant.parse("2024-01-01T00:00:00Z");
        try (PreparedStatement insert = c.prepareStatement("insert into lk_lead (id, version, first_name, last_name,"
                + " email, source, status, lead_date, owner_id, created_by, created_at, updated_at, deleted,"
                + " status_since, custom, tags, products) values (?, 1, ?, ?, ?, 'website', ?, ?, ?, 'admin', ?, ?, ?, ?, '', '', '')")) {
            for (int i = 0; i < LEADS; i++) {
                Instant created = base.plusSeconds(i * 300L);
                insert.setString(1, String.format("L%06d", i));
                insert.setString(2, "First" + i);
                insert.setString(3, "Last" + i);
                insert.setString(4, "lead" + i + "@example.com");
                insert.setString(5, STATUSES[i % STATUSES.length]);
                insert.setString(6, created.toString());
                insert.setString(7, i % 50 == 0 ? null : user((i * 7) % USERS));
                insert.setTimestamp(8, Timestamp.from(created));
                insert.setTimestamp(9, Timestamp.from(created.plusSeconds(i % 977)));
                insert.setBoolean(10, i % 100 == 1);
                insert.setTimestamp(11, Timestamp.from(created.plusSeconds((i * 7919L) % 86_400)));
                insert.addBatch();
                if (i % 1_000 == 999) {
                    insert.executeBatch();
                }
            }
            insert.executeBatch();
        }
        try (PreparedStatement access = c.prepareStatement("insert into lk_lead_access (lead_id, version) values (?, 1)");
             PreparedStatement grant = c.prepareStatement(
                     "insert into lk_lead_grant (lead_id, grantee_id, rights, can_view) values (?, 'u007', 'view', true)")) {
            for (int g = 0; g < 100; g++) {
                String lead = String.format("L%06d", 1_003 + g * 997);
                access.setString(1, lead);
                access.addBatch();
                grant.setString(1, lead);
                grant.addBatch();
            }
            access.executeBatch();
            grant.executeBatch();
        }
        c.commit();
        // The folded keys and the lead date in microseconds (K6), as LeadKit computes them.
        dev.leadkit.jpa.internal.SearchKeys.refresh(c);
        try (Statement s = c.createStatement()) {
            // Autovacuum would do this after a bulk load; done here so the plans are the steady state's.
            c.setAutoCommit(true);
            s.execute("vacuum analyze lk_lead");
            s.execute("vacuum analyze lk_lead_grant");
            c.setAutoCommit(false);
        }
        return true;
    }
}
