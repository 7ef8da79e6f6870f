package dev.leadkit.event;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A {@link NotificationSink} that keeps what it receives, in order. Thread-safe.
 *
 * <pre>{@code
 * CollectingNotificationSink sink = NotificationSink.collecting();
 * LeadKit kit = LeadKit.builder().notifications(sink).build();
 * // … act …
 * assertThat(sink.delivered()).extracting(Notification::kind).contains("lead.assigned");
 * }</pre>
 *
 * @since 0.1
 */
public final class CollectingNotificationSink implements NotificationSink {

    private final List<Notification> delivered = new CopyOnWriteArrayList<>();

    CollectingNotificationSink() {
    }

    @Override
    public void deliver(Notification notification) {
        delivered.add(notification);
    }

    /** @return every notification received so far, oldest first */
    public List<Notification> delivered() {
        return List.copyOf(delivered);
    }

    /** Forgets every notification received so far. */
    public void clear() {
        delivered.clear();
    }
}
