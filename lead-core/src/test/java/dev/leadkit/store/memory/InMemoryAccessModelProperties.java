package dev.leadkit.store.memory;

import dev.leadkit.store.Store;
import dev.leadkit.store.contract.AccessModelProperties;

class InMemoryAccessModelProperties extends AccessModelProperties {

    @Override
    protected Store newEmptyStore() {
        return new InMemoryStore();
    }
}
