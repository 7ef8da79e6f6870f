package dev.leadkit.access;

import java.util.Optional;
import java.util.Set;

/**
 * Port: the host's identity system — users, teams, roles and who manages whom (requirement P1).
 * LeadKit asks it at the time of each call, so a change in the host is seen at once; nothing is
 * copied onto leads.
 *
 * <p>Implementations must be thread-safe and should answer quickly (they are called on every
 * service call); they may cache. They throw nothing for unknown ids: they answer empty.
 *
 * <pre>{@code
 * Directory directory = Directory.inMemory()
 *         .user("ayse", "Ayşe Yılmaz").team("sales-tr").add()
 *         .user("jonas", "Jonas Petraitis").team("sales-lt").manager("ayse").add();
 * }</pre>
 *
 * @since 0.1
 */
public interface Directory {

    /**
     * @param userId a user id
     * @return the user, or empty when the directory does not know them
     */
    Optional<User> user(String userId);

    /**
     * @param teamId a team id
     * @return the ids of the team's users, empty for an unknown team
     */
    Set<String> teamMembers(String teamId);

    /**
     * @param managerId a user id
     * @return the ids of the users whose direct manager this user is
     */
    Set<String> directReports(String managerId);

    /**
     * An in-memory, mutable directory: the embedded default, and handy in tests.
     *
     * @return an empty directory
     */
    static InMemoryDirectory inMemory() {
        return new InMemoryDirectory();
    }
}
