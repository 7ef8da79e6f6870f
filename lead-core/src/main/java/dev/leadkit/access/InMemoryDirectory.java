package dev.leadkit.access;

import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * A thread-safe {@link Directory} held in memory. Users can be added and changed at any time
 * (team moves, new managers), which the next LeadKit call sees.
 *
 * <pre>{@code
 * InMemoryDirectory directory = Directory.inMemory()
 *         .user("admin", "Administrator").roles(Role.ADMIN).add()
 *         .user("ayse", "Ayşe Yılmaz").team("sales-tr").add();
 * directory.moveToTeam("ayse", "sales-dk");
 * }</pre>
 *
 * @since 0.1
 */
public final class InMemoryDirectory implements Directory {

    private final Map<String, User> users = new ConcurrentHashMap<>();

    InMemoryDirectory() {
    }

    /**
     * Starts describing a user; {@link UserBuilder#add()} stores it (replacing one with the same id).
     *
     * @param id          the user id
     * @param displayName the display name
     * @return a builder
     */
    public UserBuilder user(String id, String displayName) {
        return new UserBuilder(id, displayName);
    }

    /**
     * Stores or replaces a user.
     *
     * @param user the user
     * @return this directory
     */
    public InMemoryDirectory put(User user) {
        users.put(user.id(), user);
        return this;
    }

    /**
     * Moves a user to another team, or out of every team.
     *
     * @param userId the user
     * @param teamId the new team, or {@code null} for none
     */
    public void moveToTeam(String userId, String teamId) {
        users.computeIfPresent(userId, (id, u) -> new User(u.id(), u.displayName(), u.active(), u.roles(),
                Optional.ofNullable(teamId), u.managerId()));
    }

    /**
     * Sets or clears a user's direct manager.
     *
     * @param userId    the user
     * @param managerId the manager, or {@code null} for none
     */
    public void setManager(String userId, String managerId) {
        users.computeIfPresent(userId, (id, u) -> new User(u.id(), u.displayName(), u.active(), u.roles(),
                u.teamId(), Optional.ofNullable(managerId)));
    }

    /**
     * Marks a user inactive or active again.
     *
     * @param userId the user
     * @param active the new state
     */
    public void setActive(String userId, boolean active) {
        users.computeIfPresent(userId, (id, u) -> new User(u.id(), u.displayName(), active, u.roles(),
                u.teamId(), u.managerId()));
    }

    @Override
    public Optional<User> user(String userId) {
        return Optional.ofNullable(users.get(userId));
    }

    @Override
    public Set<String> teamMembers(String teamId) {
        return users.values().stream().filter(u -> u.teamId().filter(teamId::equals).isPresent())
                .map(User::id).collect(Collectors.toUnmodifiableSet());
    }

    @Override
    public Set<String> directReports(String managerId) {
        return users.values().stream().filter(u -> u.managerId().filter(managerId::equals).isPresent())
                .map(User::id).collect(Collectors.toUnmodifiableSet());
    }

    /** Collects one user's attributes. */
    public final class UserBuilder {
        private final String id;
        private final String displayName;
        private final Set<Role> roles = EnumSet.noneOf(Role.class);
        private String teamId;
        private String managerId;
        private boolean active = true;

        private UserBuilder(String id, String displayName) {
            this.id = Objects.requireNonNull(id, "id");
            this.displayName = Objects.requireNonNull(displayName, "displayName");
        }

        /**
         * @param more the user's roles
         * @return this builder
         */
        public UserBuilder roles(Role... more) {
            roles.addAll(Set.of(more));
            return this;
        }

        /**
         * @param team the user's team
         * @return this builder
         */
        public UserBuilder team(String team) {
            this.teamId = Objects.requireNonNull(team, "team");
            return this;
        }

        /**
         * @param manager the user's direct manager
         * @return this builder
         */
        public UserBuilder manager(String manager) {
            this.managerId = Objects.requireNonNull(manager, "manager");
            return this;
        }

        /** @return this builder, describing an inactive user */
        public UserBuilder inactive() {
            this.active = false;
            return this;
        }

        /** @return the directory, with the user stored */
        public InMemoryDirectory add() {
            return put(new User(id, displayName, active, roles.isEmpty() ? Set.of(Role.USER) : roles,
                    Optional.ofNullable(teamId), Optional.ofNullable(managerId)));
        }
    }
}
