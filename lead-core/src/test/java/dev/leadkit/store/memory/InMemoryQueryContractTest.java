package dev.leadkit.store.memory;

import dev.leadkit.store.Store;
import dev.leadkit.store.contract.QueryContract;

class InMemoryQueryContractTest extends QueryContract {

    @Override
    protected Store newEmptyStore() {
        return new InMemoryStore();
    }
}
