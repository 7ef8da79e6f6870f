package dev.leadkit.store.memory;

import dev.leadkit.store.Store;
import dev.leadkit.store.contract.CustomFieldProperties;

class InMemoryCustomFieldProperties extends CustomFieldProperties {

    @Override
    protected Store newEmptyStore() {
        return new InMemoryStore();
    }
}
