package dev.leadkit;

import dev.leadkit.event.EventPublisher;
import dev.leadkit.event.LeadEvent;
import dev.leadkit.workflow.AutoTrigger;
import dev.leadkit.workflow.WorkflowService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Optional;

/**
 * LeadKit's own event bus: hands every event to the host's publisher, then lets LeadKit's
 * features react (locked statuses move on a linked deal, a logged call or a contact note). A
 * reaction that fails is logged; the change that raised the event has already committed.
 */
final class EventBus implements EventPublisher {

    /**
     * Which events move a locked status (seed 002): a call or e-mail logged as done — or a
     * scheduled one completed — a note recording a contact date, a linked deal.
     */
    static Optional<AutoTrigger> trigger(LeadEvent event) {
        if (event instanceof LeadEvent.DealLinked) {
            return Optional.of(AutoTrigger.DEAL_LINKED);
        }
        if (event instanceof LeadEvent.NoteAdded) {
            return ((LeadEvent.NoteAdded) event).contactDate().isPresent()
                    ? Optional.of(AutoTrigger.NOTE_WITH_CONTACT_DATE) : Optional.empty();
        }
        String type = null;
        if (event instanceof LeadEvent.ActivityLogged && ((LeadEvent.ActivityLogged) event).done()) {
            type = ((LeadEvent.ActivityLogged) event).type();
        } else if (event instanceof LeadEvent.ActivityCompleted) {
            type = ((LeadEvent.ActivityCompleted) event).type();
        }
        if ("call".equals(type)) {
            return Optional.of(AutoTrigger.CALL_LOGGED);
        }
        if ("email".equals(type)) {
            return Optional.of(AutoTrigger.EMAIL_LOGGED);
        }
        return Optional.empty();
    }

    private static final Logger LOG = LoggerFactory.getLogger(EventBus.class);

    private final EventPublisher host;
    private volatile WorkflowService workflow;

    EventBus(EventPublisher host) {
        this.host = host;
    }

    void reactWith(WorkflowService reactor) {
        this.workflow = reactor;
    }

    @Override
    public void publish(LeadEvent event) {
        try {
            host.publish(event);
        } catch (RuntimeException e) {
            LOG.warn("The event publisher failed on {} for lead {}", event.getClass().getSimpleName(), event.leadId(), e);
        }
        WorkflowService reactor = workflow;
        if (reactor == null) {
            return;
        }
        try {
            trigger(event).ifPresent(t -> reactor.onTrigger(t, event.leadId(), event.actorId()));
        } catch (RuntimeException e) {
            LOG.warn("The workflow failed to react to {} for lead {}", event.getClass().getSimpleName(), event.leadId(), e);
        }
    }
}
