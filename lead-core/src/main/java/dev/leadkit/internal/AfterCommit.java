package dev.leadkit.internal;

import dev.leadkit.ConflictException;
import dev.leadkit.NotFoundException;
import dev.leadkit.event.EventPublisher;
import dev.leadkit.event.LeadEvent;
import dev.leadkit.event.Notification;
import dev.leadkit.event.NotificationSink;
import dev.leadkit.lead.Lead;
import dev.leadkit.lead.LeadId;
import dev.leadkit.store.StoreTransaction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * What one attempt of an operation sends once its transaction committed: events for systems,
 * notifications for people. Collected during the transaction, so a rolled-back attempt sends
 * nothing; a failing publisher or sink is logged (kind and lead id only) and does not undo the
 * committed change. Shared by LeadKit's services; this package is not exported.
 *
 * <pre>{@code
 * AfterCommit after = new AfterCommit();
 * store.inTransaction(tx -> { …; after.raise(event); return null; });
 * after.send(events, notifications);
 * }</pre>
 */
public final class AfterCommit {

    private static final Logger LOG = LoggerFactory.getLogger(AfterCommit.class);
    private static final int ATTEMPTS = 3;

    private final List<LeadEvent> events = new ArrayList<>();
    private final List<Notification> notifications = new ArrayList<>();

    /** Creates an empty outbox. */
    public AfterCommit() {
    }

    /** @param event an event to publish after commit */
    public void raise(LeadEvent event) {
        events.add(event);
    }

    /** @param notification a notification to deliver after commit */
    public void notify(Notification notification) {
        notifications.add(notification);
    }

    /**
     * Publishes and delivers what was collected; call once, after the transaction committed.
     *
     * @param publisher where events go
     * @param sink      where notifications go
     */
    public void send(EventPublisher publisher, NotificationSink sink) {
        for (LeadEvent event : events) {
            try {
                publisher.publish(event);
            } catch (RuntimeException e) {
                LOG.warn("The event publisher failed on {} for lead {}", event.getClass().getSimpleName(), event.leadId(), e);
            }
        }
        for (Notification n : notifications) {
            try {
                sink.deliver(n);
            } catch (RuntimeException e) {
                LOG.warn("The notification sink failed on {} for lead {}", n.kind(), n.leadId().orElse("-"), e);
            }
        }
    }

    /**
     * Runs an attempt again when it lost an optimistic-lock race, for operations whose caller gave
     * no version: completing a task must not fail because someone else answered an invitation.
     * Three attempts in all.
     *
     * @param attempt one attempt: a whole transaction plus what follows its commit
     * @param <T>     the result type
     * @return the first successful attempt's result
     */
    public static <T> T retrying(Supplier<T> attempt) {
        for (int i = 1; ; i++) {
            try {
                return attempt.get();
            } catch (ConflictException e) {
                if (i >= ATTEMPTS || !e.code().endsWith(".version.stale")) {
                    throw e;
                }
                LOG.debug("Retrying after a concurrent change ({})", e.code());
            }
        }
    }

    /**
     * @param tx     the open transaction
     * @param leadId a lead id
     * @return the lead
     * @throws NotFoundException when there is none
     */
    public static Lead lead(StoreTransaction tx, String leadId) {
        return tx.leads().find(LeadId.of(leadId)).orElseThrow(() -> new NotFoundException("lead", leadId));
    }
}
