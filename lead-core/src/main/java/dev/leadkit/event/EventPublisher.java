package dev.leadkit.event;

/**
 * Port: receives every {@link LeadEvent} after the change that raised it committed. The host may
 * forward events to Kafka, JMS or its own listeners. Called on the thread that made the change;
 * an exception thrown here is logged and swallowed — the change has already happened.
 *
 * <pre>{@code
 * LeadKit kit = LeadKit.builder().events(event -> kafka.send("leads", event.leadId(), event)).build();
 * }</pre>
 *
 * @since 0.1
 */
@FunctionalInterface
public interface EventPublisher {

    /**
     * @param event the event
     */
    void publish(LeadEvent event);

    /** @return a publisher that calls in-process subscribers (the default) */
    static InProcessEventPublisher inProcess() {
        return new InProcessEventPublisher();
    }
}
