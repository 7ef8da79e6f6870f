package dev.leadkit.jpa;

import net.jqwik.api.lifecycle.LifecycleContext;
import net.jqwik.api.lifecycle.SkipExecutionHook;

import java.util.EnumMap;
import java.util.Map;

/**
 * One migrated fixture per database for the jqwik properties, opened at first use and closed
 * when the JVM ends (jqwik containers have no JUnit {@code @BeforeAll}). Each try empties the
 * tables in one batch ({@link TestDatabase#empty}), so hundreds of tries stay quick.
 */
final class PropertyFixtures {

    private static final Map<TestDatabase, JpaStoreFixture> OPEN = new EnumMap<>(TestDatabase.class);

    private PropertyFixtures() {
    }

    /** @return a store on emptied tables of {@code database} */
    static synchronized JpaStore emptyStore(TestDatabase database) {
        JpaStoreFixture fixture = OPEN.get(database);
        if (fixture == null) {
            fixture = JpaStoreFixture.open(database);
            if (fixture == null) {
                throw new IllegalStateException(database.skipMessage());
            }
            OPEN.put(database, fixture);
            JpaStoreFixture opened = fixture;
            Runtime.getRuntime().addShutdownHook(new Thread(opened::close));
        }
        return JpaStoreFixture.emptyStore(fixture, database);
    }

    /**
     * Skips a property class when its database is down — and fails it instead where databases
     * are required ({@code CI=true}, {@code -Dleadkit.requireDatabases=true}), as
     * {@link TestDatabase#reachable()} does for the JUnit tests.
     */
    abstract static class SkipWhenDown implements SkipExecutionHook {

        private final TestDatabase database;

        SkipWhenDown(TestDatabase database) {
            this.database = database;
        }

        @Override
        public SkipResult shouldBeSkipped(LifecycleContext context) {
            return database.reachable() ? SkipResult.doNotSkip() : SkipResult.skip(database.skipMessage());
        }
    }

    /** {@link SkipWhenDown} for PostgreSQL. */
    static final class PostgreSqlDown extends SkipWhenDown {
        PostgreSqlDown() {
            super(TestDatabase.POSTGRESQL);
        }
    }

    /** {@link SkipWhenDown} for MariaDB. */
    static final class MariaDbDown extends SkipWhenDown {
        MariaDbDown() {
            super(TestDatabase.MARIADB);
        }
    }
}
