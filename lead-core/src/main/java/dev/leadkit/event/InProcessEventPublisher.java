package dev.leadkit.event;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The default {@link EventPublisher}: calls each subscriber in subscription order. A failing
 * subscriber is logged (event kind and lead id only) and does not stop the others. Thread-safe.
 *
 * <pre>{@code
 * InProcessEventPublisher events = EventPublisher.inProcess();
 * List<LeadEvent> seen = new CopyOnWriteArrayList<>();
 * events.subscribe(seen::add);
 * }</pre>
 *
 * @since 0.1
 */
public final class InProcessEventPublisher implements EventPublisher {

    private static final Logger LOG = LoggerFactory.getLogger(InProcessEventPublisher.class);

    private final List<Consumer<? super LeadEvent>> subscribers = new CopyOnWriteArrayList<>();

    InProcessEventPublisher() {
    }

    /**
     * @param subscriber called with every event from now on
     * @return this publisher
     */
    public InProcessEventPublisher subscribe(Consumer<? super LeadEvent> subscriber) {
        subscribers.add(Objects.requireNonNull(subscriber, "subscriber"));
        return this;
    }

    @Override
    public void publish(LeadEvent event) {
        for (Consumer<? super LeadEvent> subscriber : subscribers) {
            try {
                subscriber.accept(event);
            } catch (RuntimeException e) {
                LOG.warn("An event subscriber failed on {} for lead {}", event.getClass().getSimpleName(),
                        event.leadId(), e);
            }
        }
    }
}
