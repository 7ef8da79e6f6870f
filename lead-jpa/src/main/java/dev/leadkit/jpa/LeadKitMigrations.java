package dev.leadkit.jpa;

import dev.leadkit.LeadKitException;
import dev.leadkit.jpa.internal.SearchKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.zip.CRC32;

/**
 * Creates and upgrades LeadKit's tables: applies the scripts of {@link Dialect#scriptLocation()}
 * that the database has not seen yet, in version order, and records each in its own table,
 * {@code lk_schema_version} (LeadKit's counterpart of {@code flyway_schema_history}). Running it
 * again applies nothing; a released script whose text changed is refused.
 *
 * <pre>{@code
 * List<String> applied = LeadKitMigrations.migrate(dataSource, Dialect.POSTGRESQL);   // ["1"] the first time, [] after
 * }</pre>
 *
 * <p>Hosts that run Flyway or Liquibase may point it at the same scripts instead
 * ({@code classpath:db/leadkit/postgresql}); then do not run this class as well, or both would
 * create the tables. On PostgreSQL and MariaDB, concurrent runs (several nodes starting at once)
 * wait for each other on a database lock; on H2 the first run wins and a concurrent one fails.
 * MariaDB commits DDL at once, so a script that fails half-way there leaves its first statements
 * applied and unrecorded: fix the cause, drop what it created, and run again.
 *
 * @since 0.1
 */
public final class LeadKitMigrations {

    /** The table that records applied scripts. */
    public static final String HISTORY_TABLE = "lk_schema_version";

    /** Every released script, oldest first. A new schema change appends a new file here. */
    private static final List<Script> SCRIPTS = List.of(new Script("1", "leadkit_schema"),
            new Script("2", "lead_sharing"), new Script("3", "lead_workflow_fields"),
            new Script("4", "activities_stream_attachments"), new Script("5", "lead_query_keys_and_views"),
            new Script("6", "duplicates"), new Script("7", "import_jobs"));

    private static final long LOCK_KEY = 0x4c65_6164_4b69_74L;
    private static final Logger LOG = LoggerFactory.getLogger(LeadKitMigrations.class);

    private LeadKitMigrations() {
    }

    /**
     * Applies the pending scripts on a connection from {@code dataSource}.
     *
     * @param dataSource the database
     * @param dialect    which scripts
     * @return the versions applied by this call, oldest first; empty when the schema was current
     * @throws LeadKitException {@code store.migration.failed} when a script fails,
     *                          {@code store.migration.changed} when a released script was edited
     */
    public static List<String> migrate(DataSource dataSource, Dialect dialect) {
        Objects.requireNonNull(dataSource, "dataSource");
        try (Connection connection = dataSource.getConnection()) {
            return migrate(connection, dialect);
        } catch (SQLException e) {
            throw new LeadKitException("store.migration.failed", "Could not connect to migrate the LeadKit schema (SQL state "
                    + e.getSQLState() + ").", e);
        }
    }

    /**
     * Applies the pending scripts on an open connection, leaving its auto-commit setting as it was.
     *
     * @param connection the database
     * @param dialect    which scripts
     * @return the versions applied by this call, oldest first
     */
    public static List<String> migrate(Connection connection, Dialect dialect) {
        Objects.requireNonNull(connection, "connection");
        Objects.requireNonNull(dialect, "dialect");
        try {
            boolean autoCommit = connection.getAutoCommit();
            try {
                connection.setAutoCommit(true);
                createHistoryTable(connection);
                lock(connection, dialect);
                try {
                    List<String> applied = applyPending(connection, dialect);
                    int keyed = SearchKeys.refresh(connection);
                    if (keyed > 0) {
                        LOG.info("Computed the search keys of {} stored leads", keyed);
                    }
                    return applied;
                } finally {
                    unlock(connection, dialect);
                }
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new LeadKitException("store.migration.failed", "Migrating the LeadKit schema failed (SQL state "
                    + e.getSQLState() + ", error " + e.getErrorCode() + ").", e);
        }
    }

    /**
     * Computes the stored search keys (version 5: folded texts, the lead date in microseconds,
     * typed custom values, tags) of every lead that lacks them or holds keys of an older folding
     * rule. {@link #migrate} does this after its scripts; a host that runs the scripts with Flyway
     * or Liquibase calls this afterwards — until then, queries do not find the leads stored before
     * version 5 by their texts, dates, tags or custom values.
     *
     * <pre>{@code
     * flyway.migrate();
     * LeadKitMigrations.refreshSearchKeys(dataSource);
     * }</pre>
     *
     * @param dataSource the database, migrated to version 5 or later
     * @return how many leads were keyed
     * @throws LeadKitException {@code store.migration.failed} when the database refuses
     */
    public static int refreshSearchKeys(DataSource dataSource) {
        Objects.requireNonNull(dataSource, "dataSource");
        try (Connection connection = dataSource.getConnection()) {
            return SearchKeys.refresh(connection);
        } catch (SQLException e) {
            throw new LeadKitException("store.migration.failed", "Computing the LeadKit search keys failed (SQL state "
                    + e.getSQLState() + ", error " + e.getErrorCode() + ").", e);
        }
    }

    /** @return the version of every released script, oldest first */
    public static List<String> versions() {
        return SCRIPTS.stream().map(Script::version).toList();
    }

    private static List<String> applyPending(Connection connection, Dialect dialect) throws SQLException {
        Map<String, Long> applied = appliedChecksums(connection);
        List<String> unknown = applied.keySet().stream().filter(v -> !versions().contains(v)).sorted().toList();
        if (!unknown.isEmpty()) {
            // Not an error: during a rolling upgrade, older nodes keep running on the newer schema.
            LOG.warn("The LeadKit schema has versions {} that this LeadKit does not know: a newer LeadKit migrated it",
                    unknown);
        }
        List<String> done = new ArrayList<>();
        for (Script script : SCRIPTS) {
            String text = script.text(dialect);
            long checksum = checksum(text);
            Long recorded = applied.get(script.version());
            if (recorded != null) {
                if (recorded != checksum) {
                    throw new LeadKitException("store.migration.changed", "The LeadKit script " + script.fileName()
                            + " differs from the one applied to this database. Released scripts must never change;"
                            + " restore it and put the change into a new script.");
                }
                continue;
            }
            apply(connection, dialect, script, text, checksum);
            done.add(script.version());
        }
        return done;
    }

    private static void apply(Connection connection, Dialect dialect, Script script, String text, long checksum)
            throws SQLException {
        long start = System.nanoTime();
        // PostgreSQL and H2 run DDL inside the transaction, so a failing script leaves nothing behind.
        connection.setAutoCommit(false);
        try {
            int number = 0;
            try (Statement statement = connection.createStatement()) {
                for (String sql : statements(text)) {
                    number++;
                    statement.execute(sql);
                }
            } catch (SQLException e) {
                throw new LeadKitException("store.migration.failed", "Statement " + number + " of " + script.fileName()
                        + " (" + dialect + ") failed with SQL state " + e.getSQLState() + ": " + e.getMessage(), e);
            }
            try (PreparedStatement record = connection.prepareStatement("insert into " + HISTORY_TABLE
                    + " (version, description, script, checksum, installed_at, execution_ms) values (?, ?, ?, ?, current_timestamp, ?)")) {
                record.setString(1, script.version());
                record.setString(2, script.description());
                record.setString(3, script.fileName());
                record.setLong(4, checksum);
                record.setLong(5, (System.nanoTime() - start) / 1_000_000);
                record.executeUpdate();
            }
            connection.commit();
            LOG.info("Applied LeadKit schema script {} ({})", script.fileName(), dialect);
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
    }

    private static void createHistoryTable(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("create table if not exists " + HISTORY_TABLE + " ("
                    + "version varchar(20) not null primary key, "
                    + "description varchar(200) not null, "
                    + "script varchar(200) not null, "
                    + "checksum bigint not null, "
                    + "installed_at timestamp not null, "
                    + "execution_ms bigint not null)");
        }
    }

    private static Map<String, Long> appliedChecksums(Connection connection) throws SQLException {
        Map<String, Long> applied = new HashMap<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select version, checksum from " + HISTORY_TABLE)) {
            while (rows.next()) {
                applied.put(rows.getString(1), rows.getLong(2));
            }
        }
        return applied;
    }

    private static void lock(Connection connection, Dialect dialect) throws SQLException {
        switch (dialect) {
            case POSTGRESQL:
                try (Statement s = connection.createStatement()) {
                    s.execute("select pg_advisory_lock(" + LOCK_KEY + ")");
                }
                break;
            case MARIADB:
                try (Statement s = connection.createStatement();
                     ResultSet r = s.executeQuery("select get_lock('leadkit_migrations', 300)")) {
                    if (!r.next() || r.getInt(1) != 1) {
                        throw new LeadKitException("store.migration.locked",
                                "Another LeadKit migration held its lock for 5 minutes; try again when it has finished.");
                    }
                }
                break;
            case H2:
            default:
                // Embedded: one process; a concurrent run fails on the version table's primary key.
                break;
        }
    }

    private static void unlock(Connection connection, Dialect dialect) throws SQLException {
        switch (dialect) {
            case POSTGRESQL:
                try (Statement s = connection.createStatement()) {
                    s.execute("select pg_advisory_unlock(" + LOCK_KEY + ")");
                }
                break;
            case MARIADB:
                try (Statement s = connection.createStatement()) {
                    s.execute("select release_lock('leadkit_migrations')");
                }
                break;
            case H2:
            default:
                break;
        }
    }

    /**
     * Splits a script at semicolons that end a line, except inside a {@code $$}-quoted body (a
     * PostgreSQL {@code DO} block); drops {@code --} comment lines.
     */
    static List<String> statements(String text) {
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (String line : text.split("\r?\n")) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("--")) {
                continue;
            }
            current.append(line).append('\n');
            int dollars = 0;
            for (int at = line.indexOf("$$"); at >= 0; at = line.indexOf("$$", at + 2)) {
                dollars++;
            }
            if (dollars % 2 == 1) {
                quoted = !quoted;
            }
            if (!quoted && trimmed.endsWith(";")) {
                String sql = current.toString().strip();
                statements.add(sql.substring(0, sql.length() - 1));
                current.setLength(0);
            }
        }
        if (!current.toString().isBlank()) {
            statements.add(current.toString().strip());
        }
        return statements;
    }

    /** CRC32 of the text with line endings normalised, like Flyway's checksum idea. */
    private static long checksum(String text) {
        CRC32 crc = new CRC32();
        crc.update(text.replace("\r\n", "\n").getBytes(StandardCharsets.UTF_8));
        return crc.getValue();
    }

    private record Script(String version, String description) {

        String fileName() {
            return "V" + version + "__" + description + ".sql";
        }

        String text(Dialect dialect) {
            String path = dialect.scriptLocation() + "/" + fileName();
            try (InputStream in = LeadKitMigrations.class.getResourceAsStream("/" + path)) {
                if (in == null) {
                    throw new IllegalStateException("LeadKit's script " + path + " is missing from the class path");
                }
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new IllegalStateException("could not read LeadKit's script " + path, e);
            }
        }
    }
}
