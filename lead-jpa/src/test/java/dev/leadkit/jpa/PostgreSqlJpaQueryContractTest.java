package dev.leadkit.jpa;

import dev.leadkit.store.Store;
import dev.leadkit.store.contract.QueryContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The query contract (K6) on the JPA store, PostgreSql. */
class PostgreSqlJpaQueryContractTest extends QueryContract {

    private static JpaStoreFixture fixture;

    @BeforeAll
    static void migrate() {
        fixture = JpaStoreFixture.open(TestDatabase.POSTGRESQL);
    }

    @AfterAll
    static void close() {
        if (fixture != null) {
            fixture.close();
        }
    }

    @Override
    protected Store newEmptyStore() {
        return JpaStoreFixture.emptyStore(fixture, TestDatabase.POSTGRESQL);
    }
}
