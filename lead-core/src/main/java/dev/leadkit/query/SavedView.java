package dev.leadkit.query;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A saved list view (requirements Q1, Q5): a named {@link ViewDefinition} owned by one user,
 * private or shared with a team. Its owner changes and deletes it; members of the team it is
 * shared with apply it. Immutable; versioned like every aggregate.
 *
 * <pre>{@code
 * SavedView view = kit.queries().createView(ayse, "Hot leads", definition, Optional.of("sales-tr"));
 * ViewPage page = kit.queries().applyView(mehmet, view.id(), LeadQuery.builder().pageSize(25).build());
 * }</pre>
 *
 * @param id        the stable id
 * @param version   1 when created, one more after each change
 * @param name      the name shown, 1 to {@value #MAX_NAME} characters
 * @param ownerId   the user who owns it
 * @param team      the team it is shared with; empty for a private view
 * @param definition filter, columns and sort
 * @param createdAt when it was created
 * @param updatedAt when it last changed
 * @since 0.3
 */
public record SavedView(String id, long version, String name, String ownerId, Optional<String> team,
                        ViewDefinition definition, Instant createdAt, Instant updatedAt) {

    /** The longest view name, in code points. */
    public static final int MAX_NAME = 100;

    /** Checks the parts. */
    public SavedView {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(ownerId, "ownerId");
        Objects.requireNonNull(team, "team");
        Objects.requireNonNull(definition, "definition");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        if (version < 1) {
            throw new IllegalArgumentException("a view's version starts at 1");
        }
    }

    /** @return whether it is shared with a team */
    public boolean shared() {
        return team.isPresent();
    }
}
