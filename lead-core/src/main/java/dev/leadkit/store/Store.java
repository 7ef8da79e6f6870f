package dev.leadkit.store;

/**
 * Port: where LeadKit keeps its state. A store hands out repositories only inside a transaction:
 * everything done in one {@link #inTransaction} call happens together or not at all.
 *
 * <p>Contract (checked by the storage contract kit, {@code dev.leadkit.store.contract}):
 * <ul>
 *   <li>if the work throws, nothing it wrote is kept, and the exception reaches the caller;</li>
 *   <li>every aggregate is versioned: an update based on a stale version throws
 *       {@link dev.leadkit.ConflictException} and changes nothing — also when two transactions
 *       race (at most one of them commits its change);</li>
 *   <li>values returned are copies: changing the store later never changes a value already read;</li>
 *   <li>failures of the underlying technology are translated into {@link dev.leadkit.LeadKitException}s.</li>
 * </ul>
 * Implementations are thread-safe. Transactions do not nest: calling {@code inTransaction} from
 * inside the work of another is not supported.
 *
 * <pre>{@code
 * long open = store.inTransaction(tx -> tx.leads().count(LeadListing.firstPage(1)));
 * }</pre>
 *
 * @since 0.1
 */
public interface Store {

    /**
     * Runs work in one transaction and commits it when the work returns.
     *
     * @param work the work
     * @param <T>  what the work returns
     * @return what the work returned
     */
    <T> T inTransaction(TransactionalWork<T> work);
}
