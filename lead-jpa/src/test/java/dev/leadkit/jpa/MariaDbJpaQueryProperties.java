package dev.leadkit.jpa;

import dev.leadkit.store.Store;
import dev.leadkit.store.contract.QueryProperties;
import net.jqwik.api.lifecycle.AddLifecycleHook;

/** The query property (K6) on the JPA store, MARIADB. */
@AddLifecycleHook(PropertyFixtures.MariaDbDown.class)
class MariaDbJpaQueryProperties extends QueryProperties {

    @Override
    protected Store newEmptyStore() {
        return PropertyFixtures.emptyStore(TestDatabase.MARIADB);
    }
}
