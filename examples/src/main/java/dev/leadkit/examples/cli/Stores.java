package dev.leadkit.examples.cli;

import dev.leadkit.store.Store;
import dev.leadkit.store.memory.InMemoryStore;

import java.util.Objects;

/**
 * The one place where the CLI chooses where leads live; every command opens its store here and
 * closes it when done. Today that is the embedded default, a fresh {@link InMemoryStore} per run.
 * A store that holds connections (a database) is closed by {@link OpenStore#close()}, so adding
 * one changes this class and the options that choose it, not the commands.
 *
 * <pre>{@code
 * try (Stores.OpenStore opened = Stores.open()) {
 *     LeadKit kit = LeadKit.builder().store(opened.store()).build();
 *     out.println("store: " + opened.description());
 * }
 * }</pre>
 */
final class Stores {

    private Stores() {
    }

    /** @return a fresh in-memory store, the embedded default */
    static OpenStore open() {
        return new OpenStore(new InMemoryStore(),
                "in-memory (the embedded default; nothing is kept after the command ends)", () -> { });
    }

    /**
     * A store opened for one command.
     *
     * @param store       the store
     * @param description what it is, for people to read (never credentials)
     * @param closer      releases what the store holds (nothing, in memory)
     */
    record OpenStore(Store store, String description, Runnable closer) implements AutoCloseable {

        /**
         * Checks the components.
         *
         * @param store       the store
         * @param description what it is
         * @param closer      releases what the store holds
         */
        OpenStore {
            Objects.requireNonNull(store, "store");
            Objects.requireNonNull(description, "description");
            Objects.requireNonNull(closer, "closer");
        }

        @Override
        public void close() {
            closer.run();
        }
    }
}
