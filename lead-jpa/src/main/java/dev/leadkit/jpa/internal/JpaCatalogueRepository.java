package dev.leadkit.jpa.internal;

import dev.leadkit.ConflictException;
import dev.leadkit.store.CatalogueRepository;
import dev.leadkit.workflow.Catalogue;
import dev.leadkit.workflow.CatalogueKind;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * {@link CatalogueRepository} on {@code lk_catalogue}. Reads come from the transaction's
 * one-query snapshot of catalogues and settings; a save works on the managed entity, which
 * later reads in the transaction then see.
 */
final class JpaCatalogueRepository implements CatalogueRepository {

    private final JpaStoreTransaction tx;
    /** Managed rows this transaction saved (or loaded to save); {@code null} value: none stored. */
    private final Map<String, CatalogueEntity> managed = new HashMap<>();

    JpaCatalogueRepository(JpaStoreTransaction tx) {
        this.tx = tx;
    }

    @Override
    public Optional<Catalogue> find(CatalogueKind kind) {
        Objects.requireNonNull(kind, "kind");
        String key = LeadMapping.kind(kind);
        return Failures.guard(() -> {
            if (managed.containsKey(key)) {
                return Optional.ofNullable(managed.get(key))
                        .map(row -> LeadMapping.toCatalogue(row, tx.currentVersion(row, r -> r.version)));
            }
            return Optional.ofNullable(tx.configuration().get(key))
                    .map(stored -> LeadMapping.toCatalogue(key, stored.version(), stored.defaultCode(), stored.entries()));
        });
    }

    @Override
    public void save(Catalogue catalogue) {
        Objects.requireNonNull(catalogue, "catalogue");
        Failures.guard(() -> {
            String kind = LeadMapping.kind(catalogue.kind());
            CatalogueEntity row = managed.containsKey(kind) ? managed.get(kind) : tx.em().find(CatalogueEntity.class, kind);
            managed.put(kind, row);
            long current = row == null ? 0 : tx.currentVersion(row, r -> r.version);
            if (current != catalogue.version() - 1) {
                throw ConflictException.staleVersion("catalogue", kind.toLowerCase(Locale.ROOT), catalogue.version() - 1, current);
            }
            if (row == null) {
                CatalogueEntity created = new CatalogueEntity(kind);
                created.version = 1;
                LeadMapping.copy(catalogue, created);
                tx.em().persist(created);
                managed.put(kind, created);
            } else {
                tx.beforeChange(row, r -> r.version);
                String before = row.defaultCode + row.entries;
                LeadMapping.copy(catalogue, row);
                tx.changed(row, !before.equals(row.defaultCode + row.entries), catalogue.version());
            }
            return null;
        });
    }
}
