package dev.leadkit.jpa;

import dev.leadkit.store.Store;
import dev.leadkit.store.contract.QueryProperties;
import net.jqwik.api.lifecycle.AddLifecycleHook;

/** The query property (K6) on the JPA store, POSTGRESQL. */
@AddLifecycleHook(PropertyFixtures.PostgreSqlDown.class)
class PostgreSqlJpaQueryProperties extends QueryProperties {

    @Override
    protected Store newEmptyStore() {
        return PropertyFixtures.emptyStore(TestDatabase.POSTGRESQL);
    }
}
