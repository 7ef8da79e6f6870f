package dev.leadkit.jpa;

import dev.leadkit.store.Store;
import dev.leadkit.store.contract.MergeProperties;

/** The merge properties (K7) on the JPA store, H2. */
class H2JpaMergeProperties extends MergeProperties {

    @Override
    protected Store newEmptyStore() {
        return PropertyFixtures.emptyStore(TestDatabase.H2);
    }
}
