package dev.leadkit.jpa;

import dev.leadkit.jpa.internal.LeadKitPersistenceUnit;
import jakarta.persistence.EntityManagerFactory;
import org.hibernate.jpa.HibernatePersistenceProvider;

import javax.sql.DataSource;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.logging.Logger;

/**
 * Builds the entity manager factory the {@link JpaStore} runs on: Hibernate ORM with LeadKit's
 * entities, on a schema that {@link LeadKitMigrations} brings up to date first. Hibernate only
 * validates the schema ({@code hibernate.hbm2ddl.auto=validate}); it never creates tables.
 *
 * <pre>{@code
 * HikariDataSource pool = new HikariDataSource(config);       // the host's pool
 * EntityManagerFactory emf = LeadKitPersistence.entityManagerFactory(pool);
 * LeadKit kit = LeadKit.builder().store(JpaStore.create(emf)).build();
 * }</pre>
 *
 * <p>Hosts with a persistence unit of their own (Spring Boot, Jakarta EE) list
 * {@link #managedClassNames()} in it, set {@link #recommendedProperties()}, run
 * {@link LeadKitMigrations} (or Flyway on the same scripts), and hand their factory or entity
 * manager to {@link JpaStore}.
 *
 * @since 0.1
 */
public final class LeadKitPersistence {

    private LeadKitPersistence() {
    }

    /**
     * Migrates the schema, then builds a factory on the host's connection pool.
     *
     * @param dataSource the pool
     * @return the factory; close it when the application stops
     */
    public static EntityManagerFactory entityManagerFactory(DataSource dataSource) {
        return entityManagerFactory(dataSource, Map.of());
    }

    /**
     * Migrates the schema, then builds a factory on the host's connection pool.
     *
     * @param dataSource the pool
     * @param overrides  Hibernate or JPA properties that replace or add to {@link #recommendedProperties()}
     * @return the factory; close it when the application stops
     */
    public static EntityManagerFactory entityManagerFactory(DataSource dataSource, Map<String, ?> overrides) {
        Objects.requireNonNull(dataSource, "dataSource");
        Objects.requireNonNull(overrides, "overrides");
        Dialect dialect;
        try (Connection connection = dataSource.getConnection()) {
            dialect = Dialect.of(connection);
            LeadKitMigrations.migrate(connection, dialect);
        } catch (SQLException e) {
            throw new dev.leadkit.LeadKitException("store.failure", "Could not connect to the database (SQL state "
                    + e.getSQLState() + ").", e);
        }
        Map<String, Object> properties = new HashMap<>(recommendedProperties());
        properties.putAll(overrides);
        return new HibernatePersistenceProvider().createContainerEntityManagerFactory(
                new LeadKitPersistenceUnit("leadkit", dataSource, HibernatePersistenceProvider.class.getName()), properties);
    }

    /**
     * Migrates the schema, then builds a factory that opens connections from a JDBC URL — for
     * tools and the command line. A server application should pass its own pool to
     * {@link #entityManagerFactory(DataSource)}: this one opens a connection per transaction.
     *
     * @param jdbcUrl  e.g. {@code jdbc:postgresql://db:5432/crm}
     * @param user     the database user
     * @param password the password, or an empty string
     * @return the factory; close it when done
     */
    public static EntityManagerFactory entityManagerFactory(String jdbcUrl, String user, String password) {
        return entityManagerFactory(new DriverManagerDataSource(jdbcUrl, user, password));
    }

    /** @return the entity classes a host's own persistence unit must list */
    public static List<String> managedClassNames() {
        return LeadKitPersistenceUnit.MANAGED_CLASSES;
    }

    /**
     * The settings LeadKit is tested with: validate the migrated schema, batch inserts and
     * updates by 50 (ordered, so a batch holds one table), timestamps in UTC. A host building its
     * own factory sets them too — without {@code hibernate.jdbc.time_zone=UTC}, MariaDB's
     * {@code DATETIME} columns would receive the JVM's local time.
     *
     * @return the properties
     */
    public static Map<String, String> recommendedProperties() {
        return Map.of(
                "hibernate.hbm2ddl.auto", "validate",
                "hibernate.jdbc.batch_size", "50",
                "hibernate.order_inserts", "true",
                "hibernate.order_updates", "true",
                "hibernate.jdbc.batch_versioned_data", "true",
                "hibernate.jdbc.time_zone", "UTC");
    }

    /** The smallest DataSource over {@link DriverManager}: no pool, a new connection each time. */
    private static final class DriverManagerDataSource implements DataSource {

        private final String url;
        private final String user;
        private final String password;

        DriverManagerDataSource(String url, String user, String password) {
            this.url = Objects.requireNonNull(url, "jdbcUrl");
            this.user = user;
            this.password = password;
        }

        @Override
        public Connection getConnection() throws SQLException {
            return DriverManager.getConnection(url, user, password);
        }

        @Override
        public Connection getConnection(String otherUser, String otherPassword) throws SQLException {
            return DriverManager.getConnection(url, otherUser, otherPassword);
        }

        @Override
        public PrintWriter getLogWriter() {
            return null;
        }

        @Override
        public void setLogWriter(PrintWriter out) {
            // DriverManager has its own log writer.
        }

        @Override
        public void setLoginTimeout(int seconds) {
            DriverManager.setLoginTimeout(seconds);
        }

        @Override
        public int getLoginTimeout() {
            return DriverManager.getLoginTimeout();
        }

        @Override
        public Logger getParentLogger() throws SQLFeatureNotSupportedException {
            throw new SQLFeatureNotSupportedException("no parent logger");
        }

        @Override
        public <T> T unwrap(Class<T> type) throws SQLException {
            throw new SQLException("not a wrapper");
        }

        @Override
        public boolean isWrapperFor(Class<?> type) {
            return false;
        }
    }
}
