package dev.leadkit.store.memory;

import dev.leadkit.store.Store;
import dev.leadkit.store.contract.MergeProperties;

class InMemoryMergeProperties extends MergeProperties {

    @Override
    protected Store newEmptyStore() {
        return new InMemoryStore();
    }
}
