package dev.leadkit;

import java.util.Objects;

/**
 * Who performs a call. Every service method takes the actor first; LeadKit never reads a hidden
 * "current user". The id is the host's user id, resolved through the
 * {@link dev.leadkit.access.Directory}.
 *
 * <pre>{@code
 * Actor ayse = Actor.of("ayse");
 * Lead lead = kit.leads().create(ayse, draft);
 * }</pre>
 *
 * @param userId the host's user id; not blank
 * @since 0.1
 */
public record Actor(String userId) {

    /** Checks the id. */
    public Actor {
        Objects.requireNonNull(userId, "userId");
        if (userId.isBlank()) {
            throw new IllegalArgumentException("an actor's userId must not be blank");
        }
    }

    /**
     * @param userId the host's user id
     * @return the actor
     */
    public static Actor of(String userId) {
        return new Actor(userId);
    }
}
