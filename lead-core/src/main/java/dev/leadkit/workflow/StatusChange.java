package dev.leadkit.workflow;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One entry of a lead's status history (requirement W3), read from its audit history.
 *
 * @param at        when
 * @param actorId   who (for an automatic move: the user whose action triggered it)
 * @param from      the status before; empty for the lead's first status
 * @param to        the status after
 * @param reason    the close reason, when the lead was closed
 * @param automatic whether the workflow moved it by itself (locked statuses)
 * @since 0.1
 */
public record StatusChange(Instant at, String actorId, Optional<String> from, String to, Optional<String> reason,
                           boolean automatic) {

    /** Checks the components. */
    public StatusChange {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(actorId, "actorId");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(reason, "reason");
    }
}
