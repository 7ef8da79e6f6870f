package dev.leadkit.jpa;

import dev.leadkit.store.Store;
import dev.leadkit.store.contract.ImportJobContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The import-job contract on the JPA store, POSTGRESQL. */
class PostgreSqlJpaImportJobContractTest extends ImportJobContract {

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
