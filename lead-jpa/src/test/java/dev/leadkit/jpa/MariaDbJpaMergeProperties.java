package dev.leadkit.jpa;

import dev.leadkit.store.Store;
import dev.leadkit.store.contract.MergeProperties;
import net.jqwik.api.lifecycle.AddLifecycleHook;

/** The merge properties (K7) on the JPA store, MARIADB. */
@AddLifecycleHook(PropertyFixtures.MariaDbDown.class)
class MariaDbJpaMergeProperties extends MergeProperties {

    @Override
    protected Store newEmptyStore() {
        return PropertyFixtures.emptyStore(TestDatabase.MARIADB);
    }
}
