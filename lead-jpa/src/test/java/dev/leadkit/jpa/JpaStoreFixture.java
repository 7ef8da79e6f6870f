package dev.leadkit.jpa;

import com.zaxxer.hikari.HikariDataSource;
import jakarta.persistence.EntityManagerFactory;

/** A migrated database with a pool and a factory on it, shared by the tests of one class. */
final class JpaStoreFixture implements AutoCloseable {

    final TestDatabase database;
    final HikariDataSource pool;
    final EntityManagerFactory factory;

    private JpaStoreFixture(TestDatabase database, HikariDataSource pool) {
        this.database = database;
        this.pool = pool;
        this.factory = TestDatabase.factory(pool);
    }

    /**
     * @return the fixture, or {@code null} when the database is down (each test then skips
     *         itself through {@link #emptyStore}); fails instead where databases are required
     */
    static JpaStoreFixture open(TestDatabase database) {
        return database.reachable() ? new JpaStoreFixture(database, database.pool()) : null;
    }

    /**
     * @param fixture  the class's fixture, {@code null} when its database is down
     * @param database which database
     * @return a store on emptied tables; skips the calling test when the database is down
     */
    static JpaStore emptyStore(JpaStoreFixture fixture, TestDatabase database) {
        database.assumeReachable();
        TestDatabase.empty(fixture.pool);
        return JpaStore.create(fixture.factory);
    }

    @Override
    public void close() {
        factory.close();
        pool.close();
    }
}
