package dev.leadkit.event;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A message for one user, delivered through the host's {@link NotificationSink}. The kind is a
 * stable key the host renders by (e.g. {@code lead.assigned}); parameters fill its template.
 *
 * @param recipientId the user to notify
 * @param kind        a stable key such as {@code lead.assigned} or {@code lead.stale}
 * @param leadId      the lead it is about, if any
 * @param params      template parameters
 * @param at          when it was raised
 * @since 0.1
 */
public record Notification(String recipientId, String kind, Optional<String> leadId, Map<String, String> params,
                           Instant at) {

    /** Checks and copies the components. */
    public Notification {
        Objects.requireNonNull(recipientId, "recipientId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(leadId, "leadId");
        params = Map.copyOf(params);
        Objects.requireNonNull(at, "at");
    }
}
