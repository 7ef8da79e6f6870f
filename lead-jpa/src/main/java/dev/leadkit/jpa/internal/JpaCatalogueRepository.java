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
 * {@link CatalogueRepository} on {@code lk_catalogue}. Both catalogues are read with one query
 * the first time either is asked for: every lead create and update reads both.
 */
final class JpaCatalogueRepository implements CatalogueRepository {

    private final JpaStoreTransaction tx;
    private Map<String, CatalogueEntity> rows;

    JpaCatalogueRepository(JpaStoreTransaction tx) {
        this.tx = tx;
    }

    @Override
    public Optional<Catalogue> find(CatalogueKind kind) {
        Objects.requireNonNull(kind, "kind");
        return Failures.guard(() -> Optional.ofNullable(rows().get(LeadMapping.kind(kind)))
                .map(row -> LeadMapping.toCatalogue(row, tx.currentVersion(row, r -> r.version))));
    }

    @Override
    public void save(Catalogue catalogue) {
        Objects.requireNonNull(catalogue, "catalogue");
        Failures.guard(() -> {
            String kind = LeadMapping.kind(catalogue.kind());
            CatalogueEntity row = rows().get(kind);
            long current = row == null ? 0 : tx.currentVersion(row, r -> r.version);
            if (current != catalogue.version() - 1) {
                throw ConflictException.staleVersion("catalogue", kind.toLowerCase(Locale.ROOT), catalogue.version() - 1, current);
            }
            if (row == null) {
                CatalogueEntity created = new CatalogueEntity(kind);
                created.version = 1;
                LeadMapping.copy(catalogue, created);
                tx.em().persist(created);
                rows.put(kind, created);
            } else {
                tx.beforeChange(row, r -> r.version);
                String before = row.defaultCode + row.entries;
                LeadMapping.copy(catalogue, row);
                tx.changed(row, !before.equals(row.defaultCode + row.entries), catalogue.version());
            }
            return null;
        });
    }

    private Map<String, CatalogueEntity> rows() {
        if (rows == null) {
            rows = new HashMap<>();
            tx.em().createQuery("select c from LeadKitCatalogue c", CatalogueEntity.class).getResultStream()
                    .forEach(c -> rows.put(c.kind, c));
        }
        return rows;
    }
}
