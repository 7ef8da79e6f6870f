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

    /** Skips (or, where databases are required, fails) when the database is down. */
    static JpaStoreFixture open(TestDatabase database) {
        database.requireReachable();
        return new JpaStoreFixture(database, database.pool());
    }

    /** @return a store on emptied tables */
    JpaStore emptyStore() {
        TestDatabase.empty(pool);
        return JpaStore.create(factory);
    }

    @Override
    public void close() {
        factory.close();
        pool.close();
    }
}
