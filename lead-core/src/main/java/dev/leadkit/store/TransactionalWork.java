package dev.leadkit.store;

/**
 * Work to run inside one store transaction.
 *
 * @param <T> the result type
 * @since 0.1
 */
@FunctionalInterface
public interface TransactionalWork<T> {

    /**
     * @param tx the open transaction; valid only during this call
     * @return the result
     */
    T run(StoreTransaction tx);
}
