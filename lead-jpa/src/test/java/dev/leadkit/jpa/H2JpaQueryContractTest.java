package dev.leadkit.jpa;

import dev.leadkit.store.Store;
import dev.leadkit.store.contract.QueryContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The query contract (K6) on the JPA store, H2. */
class H2JpaQueryContractTest extends QueryContract {

    private static JpaStoreFixture fixture;

    @BeforeAll
    static void migrate() {
        fixture = JpaStoreFixture.open(TestDatabase.H2);
    }

    @AfterAll
    static void close() {
        if (fixture != null) {
            fixture.close();
        }
    }

    @Override
    protected Store newEmptyStore() {
        return JpaStoreFixture.emptyStore(fixture, TestDatabase.H2);
    }
}
