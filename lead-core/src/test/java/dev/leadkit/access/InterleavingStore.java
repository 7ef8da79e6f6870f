package dev.leadkit.access;

import dev.leadkit.store.Store;
import dev.leadkit.store.TransactionalWork;
import dev.leadkit.store.memory.InMemoryStore;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An in-memory store that lets a test run a competing change on another thread after an
 * operation read the lead and before it commits — the race a retry must survive, made
 * deterministic. Only the transactions of the thread that armed it are interrupted.
 */
final class InterleavingStore implements Store {

    private final InMemoryStore store = new InMemoryStore();
    private final AtomicInteger remaining = new AtomicInteger();
    private volatile Thread target;
    private volatile Runnable interloper;

    /**
     * Before each of the calling thread's next {@code times} commits, runs the interloper on another
     * thread and waits for it: the interloper's changes commit first.
     */
    void interleave(int times, Runnable interloper) {
        this.interloper = Objects.requireNonNull(interloper, "interloper");
        this.target = Thread.currentThread();
        remaining.set(times);
    }

    /** Stops interrupting. */
    void stop() {
        remaining.set(0);
        target = null;
    }

    @Override
    public <T> T inTransaction(TransactionalWork<T> work) {
        return store.inTransaction(tx -> {
            T result = work.run(tx);
            if (Thread.currentThread() == target && remaining.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                CompletableFuture.runAsync(interloper).join();
            }
            return result;
        });
    }
}
