package dev.leadkit.event;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A domain event: something that happened to a lead, published after the change committed. The
 * hierarchy is sealed: a host's listener can handle every kind. Events carry ids, codes and field keys,
 * never field values (only a note's contact date, which status rules need), so they are safe to
 * log and to send over a broker.
 *
 * <pre>{@code
 * InProcessEventPublisher events = EventPublisher.inProcess();
 * events.subscribe(event -> {
 *     if (event instanceof LeadEvent.Created) crm.refreshInbox();
 * });
 * LeadKit kit = LeadKit.builder().events(events).build();
 * }</pre>
 *
 * @since 0.1
 */
public sealed interface LeadEvent {

    /** @return the lead's id */
    String leadId();

    /** @return who caused it */
    String actorId();

    /** @return when it happened */
    Instant at();

    /**
     * A lead was created.
     *
     * @param leadId  the lead
     * @param actorId who created it
     * @param at      when
     */
    record Created(String leadId, String actorId, Instant at) implements LeadEvent {
        /** Checks the components. */
        public Created {
            Objects.requireNonNull(leadId, "leadId");
            Objects.requireNonNull(actorId, "actorId");
            Objects.requireNonNull(at, "at");
        }
    }

    /**
     * Fields of a lead changed.
     *
     * @param leadId  the lead
     * @param actorId who changed it
     * @param at      when
     * @param fields  the keys of the changed fields
     */
    record Updated(String leadId, String actorId, Instant at, Set<String> fields) implements LeadEvent {
        /** Checks and copies the components. */
        public Updated {
            Objects.requireNonNull(leadId, "leadId");
            Objects.requireNonNull(actorId, "actorId");
            Objects.requireNonNull(at, "at");
            fields = Set.copyOf(fields);
        }
    }

    /**
     * A lead was soft-deleted.
     *
     * @param leadId  the lead
     * @param actorId who deleted it
     * @param at      when
     */
    record Deleted(String leadId, String actorId, Instant at) implements LeadEvent {
        /** Checks the components. */
        public Deleted {
            Objects.requireNonNull(leadId, "leadId");
            Objects.requireNonNull(actorId, "actorId");
            Objects.requireNonNull(at, "at");
        }
    }

    /**
     * A lead got another owner: transferred, claimed or assigned.
     *
     * @param leadId        the lead
     * @param actorId       who caused it
     * @param at            when
     * @param previousOwner the former owner, empty when it was unassigned
     * @param newOwner      the new owner
     */
    record OwnerChanged(String leadId, String actorId, Instant at, java.util.Optional<String> previousOwner,
                        String newOwner) implements LeadEvent {
        /** Checks the components. */
        public OwnerChanged {
            Objects.requireNonNull(leadId, "leadId");
            Objects.requireNonNull(actorId, "actorId");
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(previousOwner, "previousOwner");
            Objects.requireNonNull(newOwner, "newOwner");
        }
    }

    /**
     * A lead moved to another status, by hand or automatically (locked statuses).
     *
     * @param leadId    the lead
     * @param actorId   who moved it, or whose action triggered the automatic move
     * @param at        when
     * @param from      the status before
     * @param to        the status after
     * @param automatic whether the workflow moved it by itself
     */
    record StatusChanged(String leadId, String actorId, Instant at, String from, String to, boolean automatic)
            implements LeadEvent {
        /** Checks the components. */
        public StatusChanged {
            Objects.requireNonNull(leadId, "leadId");
            Objects.requireNonNull(actorId, "actorId");
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
        }
    }

    /**
     * A deal was linked to the lead (seed 002: with locked statuses the lead moves to "Offer
     * made"). Raised by the conversion and deal features, or by the host through
     * {@code kit.events().publish(…)}.
     *
     * @param leadId  the lead
     * @param actorId who linked it
     * @param at      when
     * @param dealRef the deal's reference
     */
    record DealLinked(String leadId, String actorId, Instant at, String dealRef) implements LeadEvent {
        /** Checks the components. */
        public DealLinked {
            Objects.requireNonNull(leadId, "leadId");
            Objects.requireNonNull(actorId, "actorId");
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(dealRef, "dealRef");
        }
    }

    /**
     * A deleted lead was restored.
     *
     * @param leadId  the lead
     * @param actorId who restored it
     * @param at      when
     */
    record Restored(String leadId, String actorId, Instant at) implements LeadEvent {
        /** Checks the components. */
        public Restored {
            Objects.requireNonNull(leadId, "leadId");
            Objects.requireNonNull(actorId, "actorId");
            Objects.requireNonNull(at, "at");
        }
    }

    /**
     * An activity was added to a lead: scheduled (not done) or logged (done — a call that took
     * place, an e-mail that was sent). Status rules react to a logged call or e-mail.
     *
     * @param leadId     the lead
     * @param actorId    who added it
     * @param at         when
     * @param activityId the activity
     * @param type       its type code, e.g. {@code call}
     * @param done       whether it was logged as done
     */
    record ActivityLogged(String leadId, String actorId, Instant at, String activityId, String type, boolean done)
            implements LeadEvent {
        /** Checks the components. */
        public ActivityLogged {
            Objects.requireNonNull(leadId, "leadId");
            Objects.requireNonNull(actorId, "actorId");
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(activityId, "activityId");
            Objects.requireNonNull(type, "type");
        }
    }

    /**
     * A scheduled activity was completed later.
     *
     * @param leadId     the lead
     * @param actorId    who completed it
     * @param at         when
     * @param activityId the activity
     * @param type       its type code
     */
    record ActivityCompleted(String leadId, String actorId, Instant at, String activityId, String type)
            implements LeadEvent {
        /** Checks the components. */
        public ActivityCompleted {
            Objects.requireNonNull(leadId, "leadId");
            Objects.requireNonNull(actorId, "actorId");
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(activityId, "activityId");
            Objects.requireNonNull(type, "type");
        }
    }

    /**
     * An activity changed otherwise: its plan was edited, it was reopened, or an attendee answered.
     *
     * @param leadId     the lead
     * @param actorId    who changed it
     * @param at         when
     * @param activityId the activity
     * @param properties what changed, e.g. {@code due}, {@code done}, {@code attendee:jonas}
     */
    record ActivityChanged(String leadId, String actorId, Instant at, String activityId, Set<String> properties)
            implements LeadEvent {
        /** Checks and copies the components. */
        public ActivityChanged {
            Objects.requireNonNull(leadId, "leadId");
            Objects.requireNonNull(actorId, "actorId");
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(activityId, "activityId");
            properties = Set.copyOf(properties);
        }
    }

    /**
     * A post or comment was written to a lead's stream. A post may record a contact date, to which
     * status rules (W4) react.
     *
     * @param leadId      the lead
     * @param actorId     the author
     * @param at          when
     * @param postId      the new post or comment
     * @param contactDate the date of contact it records; always empty for comments
     */
    record NoteAdded(String leadId, String actorId, Instant at, String postId, Optional<LocalDate> contactDate)
            implements LeadEvent {
        /** Checks the components. */
        public NoteAdded {
            Objects.requireNonNull(leadId, "leadId");
            Objects.requireNonNull(actorId, "actorId");
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(postId, "postId");
            Objects.requireNonNull(contactDate, "contactDate");
        }
    }

    /**
     * The author edited a post or comment.
     *
     * @param leadId  the lead
     * @param actorId the author
     * @param at      when
     * @param postId  the post or comment
     */
    record NoteEdited(String leadId, String actorId, Instant at, String postId) implements LeadEvent {
        /** Checks the components. */
        public NoteEdited {
            Objects.requireNonNull(leadId, "leadId");
            Objects.requireNonNull(actorId, "actorId");
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(postId, "postId");
        }
    }

    /**
     * A file was attached to a lead.
     *
     * @param leadId       the lead
     * @param actorId      who attached it
     * @param at           when
     * @param attachmentId the attachment
     */
    record AttachmentAdded(String leadId, String actorId, Instant at, String attachmentId) implements LeadEvent {
        /** Checks the components. */
        public AttachmentAdded {
            Objects.requireNonNull(leadId, "leadId");
            Objects.requireNonNull(actorId, "actorId");
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(attachmentId, "attachmentId");
        }
    }

    /**
     * An attachment was removed from a lead.
     *
     * @param leadId       the lead
     * @param actorId      who removed it
     * @param at           when
     * @param attachmentId the attachment
     */
    record AttachmentRemoved(String leadId, String actorId, Instant at, String attachmentId) implements LeadEvent {
        /** Checks the components. */
        public AttachmentRemoved {
            Objects.requireNonNull(leadId, "leadId");
            Objects.requireNonNull(actorId, "actorId");
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(attachmentId, "attachmentId");
        }
    }

    /**
     * Another lead was merged into this one (requirement D5); the merged lead is now a tombstone
     * pointing here.
     *
     * @param leadId       the survivor
     * @param actorId      who merged
     * @param at           when
     * @param mergedLeadId the lead merged away
     */
    record Merged(String leadId, String actorId, Instant at, String mergedLeadId) implements LeadEvent {
        /** Checks the components. */
        public Merged {
            Objects.requireNonNull(leadId, "leadId");
            Objects.requireNonNull(actorId, "actorId");
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(mergedLeadId, "mergedLeadId");
        }
    }
}
