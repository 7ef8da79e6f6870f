package dev.leadkit.jpa;

import dev.leadkit.store.Store;
import dev.leadkit.store.contract.MergeProperties;
import net.jqwik.api.lifecycle.AddLifecycleHook;

/** The merge properties (K7) on the JPA store, POSTGRESQL. */
@AddLifecycleHook(PropertyFixtures.PostgreSqlDown.class)
class PostgreSqlJpaMergeProperties extends MergeProperties {

    @Override
    protected Store newEmptyStore() {
        return PropertyFixtures.emptyStore(TestDatabase.POSTGRESQL);
    }
}
