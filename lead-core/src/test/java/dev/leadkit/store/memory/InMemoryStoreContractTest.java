package dev.leadkit.store.memory;

import dev.leadkit.store.Store;
import dev.leadkit.store.contract.StoreContract;

class InMemoryStoreContractTest extends StoreContract {

    @Override
    protected Store newEmptyStore() {
        return new InMemoryStore();
    }
}
