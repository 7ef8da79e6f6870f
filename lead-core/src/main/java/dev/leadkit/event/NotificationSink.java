package dev.leadkit.event;

/**
 * Port: delivers {@link Notification}s to people — by e-mail, web push or mobile, as the host
 * decides. Called after the change that raised the notification committed; an exception is
 * logged and swallowed. Implementations must be thread-safe.
 *
 * <pre>{@code
 * LeadKit kit = LeadKit.builder().notifications(n -> mailer.send(n.recipientId(), n.kind(), n.params())).build();
 * }</pre>
 *
 * @since 0.1
 */
@FunctionalInterface
public interface NotificationSink {

    /**
     * @param notification what to deliver
     */
    void deliver(Notification notification);

    /** @return a sink that keeps every notification in memory (the default; handy in tests) */
    static CollectingNotificationSink collecting() {
        return new CollectingNotificationSink();
    }
}
