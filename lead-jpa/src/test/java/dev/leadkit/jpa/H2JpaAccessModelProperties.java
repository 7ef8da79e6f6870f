package dev.leadkit.jpa;

import dev.leadkit.store.Store;
import dev.leadkit.store.contract.AccessModelProperties;

/** The access-model property (K3) on the JPA store, H2. */
class H2JpaAccessModelProperties extends AccessModelProperties {

    @Override
    protected Store newEmptyStore() {
        return PropertyFixtures.emptyStore(TestDatabase.H2);
    }
}
