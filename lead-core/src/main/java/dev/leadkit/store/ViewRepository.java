package dev.leadkit.store;

import dev.leadkit.query.SavedView;

import java.util.List;
import java.util.Optional;

/**
 * Port: stores saved list views (requirements Q1, Q5). Holds no rules: who may see, change or
 * delete a view is {@link dev.leadkit.query.QueryService}'s decision. A store persists a view's
 * definition as {@link dev.leadkit.query.ViewDefinition#toText()} and reads it back with
 * {@link dev.leadkit.query.ViewDefinition#parse(String)}.
 *
 * <pre>{@code
 * List<SavedView> mine = tx.views().visibleTo("ayse", Optional.of("sales-tr"));
 * }</pre>
 *
 * @since 0.3
 */
public interface ViewRepository {

    /**
     * @param id a view id
     * @return the view
     */
    Optional<SavedView> find(String id);

    /**
     * @param ownerId the user asking
     * @param teamId  their team, if any
     * @return the views the user owns and those shared with the team, by folded name then id
     */
    List<SavedView> visibleTo(String ownerId, Optional<String> teamId);

    /**
     * Stores a new view at version 1.
     *
     * @param view the view
     * @throws dev.leadkit.ConflictException {@code view.id.taken} when the id is already stored
     */
    void insert(SavedView view);

    /**
     * Replaces a stored view with its next version.
     *
     * @param view the new value; the stored version must be {@code view.version() - 1}
     * @throws dev.leadkit.ConflictException {@code view.version.stale} when the stored version differs
     * @throws dev.leadkit.NotFoundException when no such view is stored
     */
    void update(SavedView view);

    /**
     * Removes a view.
     *
     * @param id      the view id
     * @param version the version the caller saw
     * @throws dev.leadkit.ConflictException {@code view.version.stale} when the stored version differs
     * @throws dev.leadkit.NotFoundException when no such view is stored
     */
    void delete(String id, long version);
}
