package dev.leadkit.jpa;

import dev.leadkit.store.Store;
import dev.leadkit.store.contract.StoreContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The storage contract on the JPA store, H2, owning its transactions. */
class H2JpaStoreContractTest extends StoreContract {

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
