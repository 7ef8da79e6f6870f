package dev.leadkit.jpa;

import dev.leadkit.store.Store;
import dev.leadkit.store.contract.AccessModelProperties;
import net.jqwik.api.lifecycle.AddLifecycleHook;

/** The access-model property (K3) on the JPA store, MARIADB. */
@AddLifecycleHook(PropertyFixtures.MariaDbDown.class)
class MariaDbJpaAccessModelProperties extends AccessModelProperties {

    @Override
    protected Store newEmptyStore() {
        return PropertyFixtures.emptyStore(TestDatabase.MARIADB);
    }
}
