package dev.leadkit.access;

import dev.leadkit.AccessDeniedException;
import dev.leadkit.Actor;

import java.util.Objects;

/**
 * Decides what an actor may do, from the host's {@link Directory}. Every service asks it before
 * acting; a refusal is an {@link AccessDeniedException} naming the actor and the missing right,
 * and nothing is changed.
 *
 * <p>Rules in force: the actor must be a known, active user of the directory; administrative
 * rights ({@link Right#MANAGE_SETTINGS}, {@link Right#MANAGE_CUSTOM_FIELDS}, {@link Right#IMPORT},
 * {@link Right#MANAGE_AUTOMATION}) belong to {@link Role#ADMIN}; every active user may
 * {@link Right#CREATE} leads.
 *
 * <pre>{@code
 * User admin = policy.require(actor, Right.MANAGE_SETTINGS);
 * }</pre>
 *
 * @since 0.1
 */
public final class AccessPolicy {

    private final Directory directory;

    /**
     * @param directory where users and roles come from
     */
    public AccessPolicy(Directory directory) {
        this.directory = Objects.requireNonNull(directory, "directory");
    }

    /**
     * Checks that the actor is a known, active user.
     *
     * @param actor  who acts
     * @param right  the right being exercised, named in the error
     * @param leadId the lead concerned, or {@code null}
     * @return the user
     * @throws AccessDeniedException when the directory does not know the user or marks them inactive
     */
    public User activeUser(Actor actor, Right right, String leadId) {
        User user = directory.user(actor.userId()).orElseThrow(() ->
                new AccessDeniedException(actor, right, leadId, "the user is not known to the directory"));
        if (!user.active()) {
            throw new AccessDeniedException(actor, right, leadId, "the user is inactive");
        }
        return user;
    }

    /**
     * Checks an instance-wide right (one that is not about one lead).
     *
     * @param actor who acts
     * @param right a right with {@code isPerLead() == false}
     * @return the user
     * @throws AccessDeniedException when the actor lacks it
     */
    public User require(Actor actor, Right right) {
        if (right.isPerLead()) {
            throw new IllegalArgumentException(right + " is a right on one lead");
        }
        User user = activeUser(actor, right, null);
        if (right != Right.CREATE && !user.hasRole(Role.ADMIN)) {
            throw new AccessDeniedException(actor, right, null, "only a user with the Admin role has it");
        }
        return user;
    }
}
