package dev.leadkit.store.memory;

import dev.leadkit.store.Store;
import dev.leadkit.store.contract.QueryProperties;

class InMemoryQueryProperties extends QueryProperties {

    @Override
    protected Store newEmptyStore() {
        return new InMemoryStore();
    }
}
