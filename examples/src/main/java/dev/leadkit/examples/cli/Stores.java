package dev.leadkit.examples.cli;

import dev.leadkit.LeadKitException;
import dev.leadkit.jpa.Dialect;
import dev.leadkit.jpa.JpaStore;
import dev.leadkit.jpa.LeadKitMigrations;
import dev.leadkit.jpa.LeadKitPersistence;
import dev.leadkit.store.Store;
import dev.leadkit.store.memory.InMemoryStore;
import jakarta.persistence.EntityManagerFactory;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The one place where the CLI chooses where leads live; every command opens its store here and
 * closes it when done. Without options that is the embedded default, a fresh {@link InMemoryStore}
 * per run. With {@code --jdbc-url} it is the JPA store of {@code lead-jpa} on that database:
 * LeadKit's migrations are applied first, then Hibernate starts on the migrated schema.
 *
 * <p>The demo creates the same ids ({@code lead-1} …) on every run, so a database store must hold
 * no LeadKit data when it starts: a store with rows in LeadKit's tables is refused as a bad
 * argument unless {@code --reset} asks to empty them. Only LeadKit's own tables ({@code lk_*})
 * are touched, and their migration record, {@code lk_schema_version}, is kept.
 *
 * <pre>{@code
 * @Mixin Stores.Options storeOptions;
 * try (Stores.OpenStore opened = storeOptions.open(spec)) {
 *     LeadKit kit = LeadKit.builder().store(opened.store()).build();
 *     out.println("store: " + opened.description());
 * }
 * }</pre>
 */
final class Stores {

    /** LeadKit's table prefix: what {@code --reset} empties and the emptiness check reads. */
    static final String TABLE_PREFIX = "lk_";

    private Stores() {
    }

    /** @return a fresh in-memory store, the embedded default */
    static OpenStore open() {
        return new OpenStore(new InMemoryStore(),
                "in-memory (the embedded default; nothing is kept after the command ends)", () -> { });
    }

    /**
     * Opens the JPA store on a database: migrates LeadKit's schema, refuses a database that holds
     * LeadKit data unless {@code reset}, then builds the store.
     *
     * @param database where and as whom to connect
     * @param reset    whether to empty LeadKit's tables first
     * @return the store; closing it closes Hibernate and the connection
     * @throws StoreNotEmptyException  when LeadKit's tables hold rows and {@code reset} is false
     * @throws LeadKitException        {@code store.failure} when the database cannot be reached
     */
    static OpenStore open(Database database, boolean reset) {
        Objects.requireNonNull(database, "database");
        // Hibernate logs through JBoss Logging; sent to SLF4J, its start-up lines obey simplelogger.properties.
        if (System.getProperty("org.jboss.logging.provider") == null) {
            System.setProperty("org.jboss.logging.provider", "slf4j");
        }
        // Held open while the store is: it also keeps an in-memory H2 database (jdbc:h2:mem:…) alive
        // between the store's transactions, each of which opens a connection of its own.
        Connection held = connect(database);
        try {
            Dialect dialect = Dialect.of(held);
            LeadKitMigrations.migrate(held, dialect);
            List<String> tables = leadKitTables(held);
            long rows = rows(held, tables);
            if (rows > 0) {
                if (!reset) {
                    throw new StoreNotEmptyException(database.shownUrl(), rows);
                }
                empty(held, tables);
            }
            EntityManagerFactory factory = LeadKitPersistence.entityManagerFactory(
                    database.jdbcUrl(), database.user(), database.password());
            String description = "JPA store on " + name(dialect) + ", " + database.shownUrl()
                    + (rows > 0 ? " (LeadKit's tables emptied by --reset)" : "");
            return new OpenStore(JpaStore.create(factory), description, () -> {
                try (held) {
                    factory.close();
                } catch (SQLException e) {
                    throw failure("Could not close the connection", e);
                }
            });
        } catch (SQLException e) {
            closeQuietly(held);
            throw failure("The database refused LeadKit's set-up", e);
        } catch (RuntimeException e) {
            closeQuietly(held);
            throw e;
        }
    }

    private static Connection connect(Database database) {
        try {
            return DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password());
        } catch (SQLException e) {
            throw failure("Could not connect to " + database.shownUrl(), e);
        }
    }

    /** LeadKit's tables of the connection's schema, without the migration record. */
    private static List<String> leadKitTables(Connection connection) throws SQLException {
        DatabaseMetaData meta = connection.getMetaData();
        List<String> tables = new ArrayList<>();
        try (ResultSet rs = meta.getTables(connection.getCatalog(), connection.getSchema(), "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                String table = rs.getString("TABLE_NAME");
                String lower = table.toLowerCase(Locale.ROOT);
                if (lower.startsWith(TABLE_PREFIX) && !lower.equals(LeadKitMigrations.HISTORY_TABLE)) {
                    tables.add(table);
                }
            }
        }
        tables.sort(String.CASE_INSENSITIVE_ORDER);
        return tables;
    }

    private static long rows(Connection connection, List<String> tables) throws SQLException {
        long rows = 0;
        try (Statement statement = connection.createStatement()) {
            for (String table : tables) {
                try (ResultSet rs = statement.executeQuery("select count(*) from " + table)) {
                    rs.next();
                    rows += rs.getLong(1);
                }
            }
        }
        return rows;
    }

    /** Deletes every row of LeadKit's tables in one transaction (the tables have no foreign keys). */
    private static void empty(Connection connection, List<String> tables) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            for (String table : tables) {
                statement.executeUpdate("delete from " + table);
            }
            connection.commit();
        } catch (SQLException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    private static String name(Dialect dialect) {
        switch (dialect) {
            case H2:
                return "H2";
            case POSTGRESQL:
                return "PostgreSQL";
            case MARIADB:
                return "MariaDB";
            default:
                throw new IllegalArgumentException("unknown dialect " + dialect);
        }
    }

    private static LeadKitException failure(String what, SQLException e) {
        String detail = Optional.ofNullable(e.getMessage()).map(m -> m.lines().findFirst().orElse("")).orElse("");
        return new LeadKitException("store.failure", what + " (SQL state " + e.getSQLState() + "): " + detail, e);
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // The original failure is the one to report.
        }
    }

    /**
     * Opens the JPA store on a database that may hold LeadKit data, keeping it: what
     * {@code import} and {@code export} work on, so that one command sees what the other stored.
     * LeadKit's migrations are applied first.
     *
     * @param database where and as whom to connect
     * @return the store; closing it closes Hibernate and the connection
     * @throws LeadKitException {@code store.failure} when the database cannot be reached
     */
    static OpenStore openKeeping(Database database) {
        Objects.requireNonNull(database, "database");
        if (System.getProperty("org.jboss.logging.provider") == null) {
            System.setProperty("org.jboss.logging.provider", "slf4j");
        }
        Connection held = connect(database);
        try {
            Dialect dialect = Dialect.of(held);
            LeadKitMigrations.migrate(held, dialect);
            EntityManagerFactory factory = LeadKitPersistence.entityManagerFactory(
                    database.jdbcUrl(), database.user(), database.password());
            return new OpenStore(JpaStore.create(factory), "JPA store on " + name(dialect) + ", " + database.shownUrl(),
                    () -> {
                        try (held) {
                            factory.close();
                        } catch (SQLException e) {
                            throw failure("Could not close the connection", e);
                        }
                    });
        } catch (SQLException e) {
            closeQuietly(held);
            throw failure("Could not prepare the database", e);
        } catch (RuntimeException e) {
            closeQuietly(held);
            throw e;
        }
    }

    /**
     * Where the JPA store connects.
     *
     * @param jdbcUrl  a JDBC URL of H2, PostgreSQL or MariaDB
     * @param user     the database user (may be empty)
     * @param password the password (may be empty)
     */
    record Database(String jdbcUrl, String user, String password) {

        /** Checks the components. */
        Database {
            Objects.requireNonNull(jdbcUrl, "jdbcUrl");
            Objects.requireNonNull(user, "user");
            Objects.requireNonNull(password, "password");
        }

        /** @return the URL without its parameters, which may hold credentials: safe to print */
        String shownUrl() {
            int cut = jdbcUrl.length();
            for (char c : new char[] {'?', ';'}) {
                int at = jdbcUrl.indexOf(c);
                if (at >= 0) {
                    cut = Math.min(cut, at);
                }
            }
            return jdbcUrl.substring(0, cut);
        }

        @Override
        public String toString() {
            return "Database[" + shownUrl() + ", user " + user + "]";
        }
    }

    /** A database store that already holds LeadKit data, and no {@code --reset}. */
    static final class StoreNotEmptyException extends RuntimeException {

        private static final long serialVersionUID = 1L;

        StoreNotEmptyException(String shownUrl, long rows) {
            super(shownUrl + " already holds LeadKit data (" + rows + " row(s) in its " + TABLE_PREFIX
                    + "* tables) and the demo creates fixed ids; give --reset to empty LeadKit's tables first,"
                    + " or use an empty database.");
        }
    }

    /**
     * The options that choose the store, for commands to mix in.
     *
     * <pre>{@code
     * @Mixin Stores.Options storeOptions;
     * try (Stores.OpenStore opened = storeOptions.open(spec)) { … }
     * }</pre>
     */
    static final class Options {

        @Option(names = "--jdbc-url", paramLabel = "URL",
                description = "Run on this database through the JPA store instead of in memory: a JDBC URL of"
                        + " PostgreSQL (jdbc:postgresql://127.0.0.1:5432/test), MariaDB (jdbc:mariadb://127.0.0.1:3306/test)"
                        + " or H2 (jdbc:h2:mem:demo). LeadKit's migrations create its lk_* tables first.")
        private String jdbcUrl;

        @Option(names = "--user", paramLabel = "USER", defaultValue = "",
                description = "The database user, with --jdbc-url.")
        private String user;

        @Option(names = "--password", paramLabel = "PASSWORD", defaultValue = "",
                description = "The database user's password, with --jdbc-url (default: none).")
        private String password;

        @Option(names = "--reset",
                description = "With --jdbc-url: empty LeadKit's tables (lk_*, nothing else) before the story."
                        + " Without it, a database that already holds LeadKit data is refused (exit code 2),"
                        + " because the story creates the same ids (lead-1 …) on every run.")
        private boolean reset;

        /**
         * @param spec the command, to report wrong options as bad arguments
         * @return the chosen store, opened
         * @throws ParameterException when options that need {@code --jdbc-url} come without it, or the
         *                            database holds LeadKit data and {@code --reset} was not given
         */
        OpenStore open(CommandSpec spec) {
            if (jdbcUrl == null) {
                if (reset || !user.isEmpty() || !password.isEmpty()) {
                    throw new ParameterException(spec.commandLine(),
                            "--user, --password and --reset need --jdbc-url; without it the store is in memory.");
                }
                return Stores.open();
            }
            try {
                return Stores.open(new Database(jdbcUrl, user, password), reset);
            } catch (StoreNotEmptyException e) {
                throw new ParameterException(spec.commandLine(), e.getMessage());
            }
        }
    }

    /**
     * A store opened for one command.
     *
     * @param store       the store
     * @param description what it is, for people to read (never credentials)
     * @param closer      releases what the store holds (nothing, in memory)
     */
    record OpenStore(Store store, String description, Runnable closer) implements AutoCloseable {

        /**
         * Checks the components.
         *
         * @param store       the store
         * @param description what it is
         * @param closer      releases what the store holds
         */
        OpenStore {
            Objects.requireNonNull(store, "store");
            Objects.requireNonNull(description, "description");
            Objects.requireNonNull(closer, "closer");
        }

        @Override
        public void close() {
            closer.run();
        }
    }
}
