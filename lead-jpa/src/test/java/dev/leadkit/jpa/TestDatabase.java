package dev.leadkit.jpa;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import jakarta.persistence.EntityManagerFactory;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The databases the JPA store is tested on. H2 always runs (in memory, or in a file under
 * {@code target/} for the restart test); PostgreSQL and MariaDB run when this machine serves them
 * and are skipped with a message otherwise — unless {@code CI=true} or
 * {@code -Dleadkit.requireDatabases=true}, where an unreachable database fails the build.
 */
enum TestDatabase {
    H2(Dialect.H2, "H2 (in memory)", "jdbc:h2:mem:leadkit;DB_CLOSE_DELAY=-1", "sa", ""),
    /** H2 in a file, so that closing every connection and reopening proves what is on disk. */
    H2_FILE(Dialect.H2, "H2 (file)", "jdbc:h2:file:./target/h2/leadkit", "sa", ""),
    POSTGRESQL(Dialect.POSTGRESQL, "PostgreSQL at 127.0.0.1:5432",
            "jdbc:postgresql://127.0.0.1:5432/test?reWriteBatchedInserts=true&connectTimeout=3", "postgres", ""),
    MARIADB(Dialect.MARIADB, "MariaDB at 127.0.0.1:3306",
            "jdbc:mariadb://127.0.0.1:3306/test?connectTimeout=3000", "root", "");

    /** LeadKit's tables, children first; emptied before every test. */
    static final String[] TABLES = {"lk_history", "lk_lead_custom_option", "lk_lead_custom_value", "lk_lead_tag", "lk_lead", "lk_lead_grant",
            "lk_lead_follower", "lk_lead_access", "lk_catalogue", "lk_settings", "lk_access_request", "lk_custom_fields",
            "lk_reminder_log", "lk_activity", "lk_stream_post", "lk_attachment", "lk_view",
            "lk_lead_match_key", "lk_duplicate_decision", "lk_import_job"};

    private static final Map<TestDatabase, Boolean> REACHABLE = new ConcurrentHashMap<>();

    final Dialect dialect;
    final String label;
    final String url;
    final String user;
    final String password;

    TestDatabase(Dialect dialect, String label, String url, String user, String password) {
        this.dialect = dialect;
        // -Dleadkit.test.postgresql.url=... points a run at another server (or, to see the skip, at none).
        String override = System.getProperty("leadkit.test." + name().toLowerCase(java.util.Locale.ROOT) + ".url");
        this.label = override == null ? label : label.replaceFirst(" at .*", "") + " at " + override;
        this.url = override == null ? url : override;
        this.user = user;
        this.password = password;
    }

    /**
     * @return whether the database answers; when it does not, fails where databases are required
     *         ({@code CI=true}, {@code -Dleadkit.requireDatabases=true}) and otherwise says once that its tests are skipped
     */
    boolean reachable() {
        if (REACHABLE.computeIfAbsent(this, TestDatabase::probe)) {
            return true;
        }
        if (required()) {
            Assertions.fail(label + " not reachable — and CI=true or -Dleadkit.requireDatabases=true demands it: failing"
                    + " the JPA contract on " + dialectName() + ". Start the database, or run without CI=true to skip.");
        }
        System.err.println("[leadkit] " + skipMessage());
        return false;
    }

    /** Skips the calling test when the database is down. */
    void assumeReachable() {
        Assumptions.assumeTrue(REACHABLE.computeIfAbsent(this, TestDatabase::probe), this::skipMessage);
    }

    String skipMessage() {
        return label + " not reachable — skipping JPA contract on " + dialectName();
    }

    private String dialectName() {
        return this == POSTGRESQL ? "PostgreSQL" : this == MARIADB ? "MariaDB" : "H2";
    }

    static boolean required() {
        return "true".equalsIgnoreCase(System.getenv("CI")) || Boolean.getBoolean("leadkit.requireDatabases");
    }

    private boolean probe() {
        try (Connection c = DriverManager.getConnection(url, user, password)) {
            return c.isValid(3);
        } catch (SQLException e) {
            return false;
        }
    }

    HikariDataSource pool() {
        return pool(url);
    }

    HikariDataSource pool(String jdbcUrl) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(6);
        config.setAutoCommit(false);
        config.setPoolName("leadkit-test-" + name().toLowerCase(java.util.Locale.ROOT));
        return new HikariDataSource(config);
    }

    /** The factory the store runs on: migrated schema, Hibernate validating it. */
    static EntityManagerFactory factory(HikariDataSource pool) {
        return LeadKitPersistence.entityManagerFactory(pool);
    }

    /** Deletes every LeadKit row; the schema and its version records stay. */
    static void empty(HikariDataSource pool) {
        try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
            // One batch, one round trip: jqwik properties empty the store once per try.
            for (String table : TABLES) {
                s.addBatch("delete from " + table);
            }
            s.executeBatch();
            c.commit();
        } catch (SQLException e) {
            throw new IllegalStateException("could not empty the LeadKit tables", e);
        }
    }
}
