package dev.leadkit.jpa;

import dev.leadkit.store.Store;
import dev.leadkit.store.contract.CustomFieldProperties;
import net.jqwik.api.lifecycle.AddLifecycleHook;

/** The custom-field property on the JPA store, POSTGRESQL. */
@AddLifecycleHook(PropertyFixtures.PostgreSqlDown.class)
class PostgreSqlJpaCustomFieldProperties extends CustomFieldProperties {

    @Override
    protected Store newEmptyStore() {
        return PropertyFixtures.emptyStore(TestDatabase.POSTGRESQL);
    }
}
