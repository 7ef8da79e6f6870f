package dev.leadkit.store.memory;

import dev.leadkit.store.Store;
import dev.leadkit.store.contract.DedupeContract;

class InMemoryDedupeContractTest extends DedupeContract {

    @Override
    protected Store newEmptyStore() {
        return new InMemoryStore();
    }
}
