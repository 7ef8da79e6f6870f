package dev.leadkit.store.contract;

import dev.leadkit.LeadKitException;
import dev.leadkit.store.Store;
import dev.leadkit.store.StoreTransaction;
import dev.leadkit.store.TransactionalWork;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A store that fails on purpose: wraps another store and throws at its n-th write (any
 * repository method that changes state: insert, update, save, append, move, replace, remove,
 * delete, record), counted over the wrapped store's life. With {@code failAt} 0 it only counts,
 * so a test learns how many writes an operation makes and then fails each one in turn.
 */
public final class FailingStore implements Store {

    private static final Set<String> WRITES = Set.of("insert", "update", "save", "append", "move", "replace",
            "remove", "delete", "record");

    private final Store delegate;
    private final AtomicInteger writes = new AtomicInteger();
    private volatile int failAt;

    /** @param delegate the store to wrap */
    public FailingStore(Store delegate) {
        this.delegate = delegate;
    }

    /** @param n the write to fail at (1 = the first from now on); 0 never fails */
    public void failAt(int n) {
        writes.set(0);
        failAt = n;
    }

    /** @return the writes counted since the last {@link #failAt} */
    public int writes() {
        return writes.get();
    }

    @Override
    public <T> T inTransaction(TransactionalWork<T> work) {
        return delegate.inTransaction(tx -> work.run(wrap(tx)));
    }

    private StoreTransaction wrap(StoreTransaction tx) {
        return (StoreTransaction) Proxy.newProxyInstance(StoreTransaction.class.getClassLoader(),
                new Class<?>[] {StoreTransaction.class}, (proxy, method, args) -> {
                    Object repository = invoke(tx, method, args);
                    Class<?> type = method.getReturnType();
                    return type.isInterface() ? Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
                            counting(repository)) : repository;
                });
    }

    private InvocationHandler counting(Object repository) {
        return (proxy, method, args) -> {
            if (WRITES.contains(method.getName())) {
                int n = writes.incrementAndGet();
                if (n == failAt) {
                    throw new LeadKitException("test.injected", "injected failure at write " + n);
                }
            }
            return invoke(repository, method, args);
        };
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
