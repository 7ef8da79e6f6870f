package dev.leadkit.store;

import dev.leadkit.workflow.Catalogue;
import dev.leadkit.workflow.CatalogueKind;

import java.util.Optional;

/**
 * Port: stores the status and source catalogues, each as one versioned aggregate.
 *
 * @since 0.1
 */
public interface CatalogueRepository {

    /**
     * @param kind which catalogue
     * @return it, when stored
     */
    Optional<Catalogue> find(CatalogueKind kind);

    /**
     * Stores a catalogue: version 1 inserts it, a higher version replaces the stored version
     * {@code version() - 1}.
     *
     * @param catalogue the catalogue
     * @throws dev.leadkit.ConflictException {@code catalogue.version.stale} when the stored version differs
     *                                       (or one is stored already, for version 1)
     */
    void save(Catalogue catalogue);
}
