package dev.leadkit.jpa;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.Locale;

/**
 * The databases LeadKit ships a schema for. Each has its own folder of migration scripts,
 * {@code db/leadkit/<folder>/V<n>__<description>.sql}, which Flyway or Liquibase can also run.
 *
 * <pre>{@code
 * Dialect dialect = Dialect.of(connection);          // or Dialect.POSTGRESQL
 * LeadKitMigrations.migrate(dataSource, dialect);
 * }</pre>
 *
 * @since 0.1
 */
public enum Dialect {
    /** H2 2.x: tests and embedded use. */
    H2("h2"),
    /** PostgreSQL 13 or later. */
    POSTGRESQL("postgresql"),
    /** MariaDB 10.11 or later (InnoDB, utf8mb4). */
    MARIADB("mariadb");

    private final String folder;

    Dialect(String folder) {
        this.folder = folder;
    }

    /** @return the class path folder of this database's scripts, e.g. {@code db/leadkit/postgresql} */
    public String scriptLocation() {
        return "db/leadkit/" + folder;
    }

    /**
     * Recognises the database behind a connection.
     *
     * @param connection an open connection
     * @return its dialect
     * @throws IllegalArgumentException when LeadKit has no schema for that database
     * @throws SQLException             when the connection cannot tell
     */
    public static Dialect of(Connection connection) throws SQLException {
        DatabaseMetaData meta = connection.getMetaData();
        String product = meta.getDatabaseProductName().toLowerCase(Locale.ROOT);
        if (product.contains("h2")) {
            return H2;
        }
        if (product.contains("postgres")) {
            return POSTGRESQL;
        }
        if (product.contains("mariadb")) {
            return MARIADB;
        }
        throw new IllegalArgumentException("LeadKit has no schema for " + meta.getDatabaseProductName()
                + "; supported are H2, PostgreSQL and MariaDB");
    }
}
