package dev.leadkit.jpa;

import dev.leadkit.store.Store;
import dev.leadkit.store.contract.CustomFieldProperties;

/** The custom-field property on the JPA store, H2. */
class H2JpaCustomFieldProperties extends CustomFieldProperties {

    @Override
    protected Store newEmptyStore() {
        return PropertyFixtures.emptyStore(TestDatabase.H2);
    }
}
