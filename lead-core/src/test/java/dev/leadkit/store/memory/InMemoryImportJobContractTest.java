package dev.leadkit.store.memory;

import dev.leadkit.store.Store;
import dev.leadkit.store.contract.ImportJobContract;

class InMemoryImportJobContractTest extends ImportJobContract {

    @Override
    protected Store newEmptyStore() {
        return new InMemoryStore();
    }
}
