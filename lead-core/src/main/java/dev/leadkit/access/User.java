package dev.leadkit.access;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A user as the host's {@link Directory} describes them. LeadKit never owns the user table.
 * The display name is personal data and is never logged above DEBUG.
 *
 * @param id          the host's user id
 * @param displayName the name to show
 * @param active      whether the user may act and receive work
 * @param roles       the user's roles; a user with none is treated as {@link Role#USER}
 * @param teamId      the user's team, or empty
 * @param managerId   the user's direct manager, or empty
 * @since 0.1
 */
public record User(String id, String displayName, boolean active, Set<Role> roles,
                   Optional<String> teamId, Optional<String> managerId) {

    /** Checks and copies the components. */
    public User {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(displayName, "displayName");
        roles = Set.copyOf(roles);
        Objects.requireNonNull(teamId, "teamId");
        Objects.requireNonNull(managerId, "managerId");
        if (id.isBlank()) {
            throw new IllegalArgumentException("a user id must not be blank");
        }
    }

    /**
     * @param role a role
     * @return whether the user has it
     */
    public boolean hasRole(Role role) {
        return roles.contains(role);
    }
}
