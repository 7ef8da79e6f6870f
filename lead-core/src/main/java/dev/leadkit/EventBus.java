package dev.leadkit;

import dev.leadkit.event.EventPublisher;
import dev.leadkit.event.LeadEvent;
import dev.leadkit.workflow.AutoTrigger;
import dev.leadkit.workflow.WorkflowService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * LeadKit's own event bus: hands every event to the host's publisher, then lets LeadKit's
 * features react (locked statuses move on a linked deal, a logged call or a contact note). A
 * reaction that fails is logged; the change that raised the event has already committed.
 */
final class EventBus implements EventPublisher {

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
            if (event instanceof LeadEvent.DealLinked) {
                reactor.onTrigger(AutoTrigger.DEAL_LINKED, event.leadId(), event.actorId());
            }
        } catch (RuntimeException e) {
            LOG.warn("The workflow failed to react to {} for lead {}", event.getClass().getSimpleName(), event.leadId(), e);
        }
    }
}
