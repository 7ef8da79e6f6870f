package dev.leadkit.jpa;

import dev.leadkit.store.Store;
import dev.leadkit.store.contract.CustomFieldProperties;
import net.jqwik.api.lifecycle.AddLifecycleHook;

/** The custom-field property on the JPA store, MARIADB. */
@AddLifecycleHook(PropertyFixtures.MariaDbDown.class)
class MariaDbJpaCustomFieldProperties extends CustomFieldProperties {

    @Override
    protected Store newEmptyStore() {
        return PropertyFixtures.emptyStore(TestDatabase.MARIADB);
    }
}
