package dev.leadkit.jpa;

import dev.leadkit.store.Store;
import dev.leadkit.store.contract.QueryProperties;

/** The query property (K6) on the JPA store, H2. */
class H2JpaQueryProperties extends QueryProperties {

    @Override
    protected Store newEmptyStore() {
        return PropertyFixtures.emptyStore(TestDatabase.H2);
    }
}
