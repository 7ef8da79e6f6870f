package dev.leadkit.jpa.internal;

import dev.leadkit.ConflictException;
import dev.leadkit.LeadKitException;
import dev.leadkit.NotFoundException;
import dev.leadkit.query.SavedView;
import dev.leadkit.query.SortKey;
import dev.leadkit.query.TextFold;
import dev.leadkit.query.ViewDefinition;
import dev.leadkit.store.ViewRepository;
import jakarta.persistence.EntityExistsException;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** {@link ViewRepository} on {@code lk_view}. */
final class JpaViewRepository implements ViewRepository {

    private final JpaStoreTransaction tx;

    JpaViewRepository(JpaStoreTransaction tx) {
        this.tx = tx;
    }

    @Override
    public Optional<SavedView> find(String id) {
        Objects.requireNonNull(id, "id");
        if (id.codePointCount(0, id.length()) > Columns.ID) {
            return Optional.empty();
        }
        return Failures.guard(() -> Optional.ofNullable(tx.em().find(ViewEntity.class, id)).map(this::toView));
    }

    /** One statement; the few views a user sees are put in the folded-name order here, as in memory. */
    @Override
    public List<SavedView> visibleTo(String ownerId, Optional<String> teamId) {
        Objects.requireNonNull(ownerId, "ownerId");
        Objects.requireNonNull(teamId, "teamId");
        return Failures.guard(() -> {
            tx.flush();
            String jpql = "select v from LeadKitView v where v.ownerId = :owner"
                    + (teamId.isPresent() ? " or v.teamId = :team" : "");
            var query = tx.em().createQuery(jpql, ViewEntity.class).setParameter("owner", ownerId);
            teamId.ifPresent(team -> query.setParameter("team", team));
            return query.getResultStream().map(this::toView)
                    .sorted(Comparator.comparing((SavedView v) -> TextFold.fold(v.name()), SortKey.TEXT_ORDER)
                            .thenComparing(SavedView::id, SortKey.TEXT_ORDER))
                    .toList();
        });
    }

    @Override
    public void insert(SavedView view) {
        Objects.requireNonNull(view, "view");
        if (view.version() != 1) {
            throw new IllegalArgumentException("a new view is inserted at version 1");
        }
        ViewEntity row = new ViewEntity(LeadMapping.checked("lk_view", "id", view.id(), Columns.ID));
        row.version = 1;
        row.createdAt = LeadMapping.micros(view.createdAt());
        copy(view, row);
        Failures.guard(() -> {
            if (tx.em().find(ViewEntity.class, view.id()) != null) {
                throw new ConflictException("view.id.taken", "A view with id '" + view.id() + "' is already stored.");
            }
            try {
                tx.em().persist(row);
            } catch (EntityExistsException alreadyInThisTransaction) {
                throw new ConflictException("view.id.taken", "A view with id '" + view.id() + "' is already stored.");
            }
            return null;
        });
    }

    @Override
    public void update(SavedView view) {
        Objects.requireNonNull(view, "view");
        Failures.guard(() -> {
            ViewEntity row = tx.em().find(ViewEntity.class, view.id());
            if (row == null) {
                throw new NotFoundException("view", view.id());
            }
            long current = tx.currentVersion(row, r -> r.version);
            if (current != view.version() - 1) {
                throw ConflictException.staleVersion("view", view.id(), view.version() - 1, current);
            }
            tx.beforeChange(row, r -> r.version);
            tx.changed(row, copy(view, row), view.version());
            return null;
        });
    }

    @Override
    public void delete(String id, long version) {
        Objects.requireNonNull(id, "id");
        Failures.guard(() -> {
            ViewEntity row = tx.em().find(ViewEntity.class, id);
            if (row == null) {
                throw new NotFoundException("view", id);
            }
            long current = tx.currentVersion(row, r -> r.version);
            if (current != version) {
                throw ConflictException.staleVersion("view", id, version, current);
            }
            tx.em().remove(row);
            return null;
        });
    }

    /** @return whether any column changed */
    private static boolean copy(SavedView view, ViewEntity row) {
        String owner = LeadMapping.checked("lk_view", "owner_id", view.ownerId(), Columns.USER_ID);
        String team = view.team().map(t -> LeadMapping.checked("lk_view", "team_id", t, Columns.USER_ID)).orElse(null);
        String name = LeadMapping.checked("lk_view", "name", view.name(), ViewEntity.VIEW_NAME);
        String definition = view.definition().toText();
        java.time.Instant updatedAt = LeadMapping.micros(view.updatedAt());
        boolean changed = !owner.equals(row.ownerId) || !Objects.equals(team, row.teamId) || !name.equals(row.name)
                || !definition.equals(row.definition) || !updatedAt.equals(row.updatedAt);
        row.ownerId = owner;
        row.teamId = team;
        row.name = name;
        row.definition = definition;
        row.updatedAt = updatedAt;
        return changed;
    }

    private SavedView toView(ViewEntity row) {
        try {
            return new SavedView(row.id, tx.currentVersion(row, r -> r.version), row.name, row.ownerId,
                    Optional.ofNullable(row.teamId), ViewDefinition.parse(row.definition), row.createdAt, row.updatedAt);
        } catch (RuntimeException e) {
            throw new LeadKitException("store.data.corrupt", "The stored view '" + row.id
                    + "' cannot be read. Was the row written by something other than LeadKit?", e);
        }
    }
}
