package dev.leadkit.activity;

import dev.leadkit.internal.AfterCommit;

import dev.leadkit.AccessDeniedException;
import dev.leadkit.Actor;
import dev.leadkit.ConflictException;
import dev.leadkit.FieldError;
import dev.leadkit.IdGenerator;
import dev.leadkit.NotFoundException;
import dev.leadkit.ValidationException;
import dev.leadkit.access.AccessPolicy;
import dev.leadkit.access.LeadGate;
import dev.leadkit.access.Right;
import dev.leadkit.event.EventPublisher;
import dev.leadkit.event.LeadEvent;
import dev.leadkit.event.Notification;
import dev.leadkit.event.NotificationSink;
import dev.leadkit.lead.Lead;
import dev.leadkit.lead.LeadId;
import dev.leadkit.store.Store;
import dev.leadkit.store.StoreTransaction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A lead's stream (requirement A2; seed 000's "Lead Akışı"): users who can view a lead write posts
 * and comments there to talk about it. A post is also a <em>note</em>, and may record the date the
 * lead was contacted, to which status rules (W4) react through {@link LeadEvent.NoteAdded}.
 *
 * <p>Rights: reading, posting and commenting need {@link Right#VIEW} on the lead (not EDIT: a
 * user who may only look at a lead still talks about it); a deleted lead's stream is read-only.
 * Only the author edits a post — nobody else, Admins included. Each post, comment and edit is a
 * history entry on the lead ({@code post:<id>.text}); events go out after commit, and a post's
 * author is told of comments on it ({@code stream.commented}).
 *
 * <p>Threads are one level deep: a comment on a comment joins the thread of the post.
 *
 * <pre>{@code
 * StreamService stream = kit.stream();
 * StreamPost note = stream.post(ayse, leadId, "Called her: wants a demo.\nFollow up Monday.",
 *         Optional.of(LocalDate.of(2026, 3, 2)));
 * stream.comment(jonas, note.id(), "I can do the demo.");
 * stream.edit(ayse, note.id(), "Called her: wants a demo on Monday.", note.version());
 * List<StreamPost> thread = stream.list(ayse, leadId);   // the post, then its comments
 * }</pre>
 *
 * <p>Thread-safe and stateless.
 *
 * @since 0.1
 */
public final class StreamService {

    private static final Logger LOG = LoggerFactory.getLogger(StreamService.class);

    /** The earliest contact date a note may record. */
    private static final LocalDate EARLIEST_CONTACT = LocalDate.of(1900, 1, 1);

    private final Store store;
    private final LeadGate gate;
    private final AccessPolicy policy;
    private final Clock clock;
    private final IdGenerator ids;
    private final EventPublisher events;
    private final NotificationSink notifications;

    /**
     * Usually obtained from {@code LeadKit.stream()}.
     *
     * @param store         where posts live
     * @param gate          the policy, with what it needs loaded per lead
     * @param clock         the time source
     * @param ids           makes post ids
     * @param events        receives events after commit
     * @param notifications delivers notifications after commit
     */
    public StreamService(Store store, LeadGate gate, Clock clock, IdGenerator ids, EventPublisher events,
                         NotificationSink notifications) {
        this.store = Objects.requireNonNull(store, "store");
        this.gate = Objects.requireNonNull(gate, "gate");
        this.policy = gate.policy();
        this.clock = Objects.requireNonNull(clock, "clock");
        this.ids = Objects.requireNonNull(ids, "ids");
        this.events = Objects.requireNonNull(events, "events");
        this.notifications = Objects.requireNonNull(notifications, "notifications");
    }

    /**
     * Writes a post that records no contact date.
     *
     * @param actor  the author; needs {@link Right#VIEW} on the lead
     * @param leadId the lead
     * @param text   the text: 1 to 10,000 characters, line breaks allowed
     * @return the stored post, version 1
     */
    public StreamPost post(Actor actor, LeadId leadId, String text) {
        return post(actor, leadId, text, Optional.empty());
    }

    /**
     * Writes a post (a note) to a lead's stream.
     *
     * @param actor       the author; needs {@link Right#VIEW} on the lead
     * @param leadId      the lead
     * @param text        the text: 1 to 10,000 characters, line breaks allowed
     * @param contactDate the date the lead was contacted, if the note records one; not after tomorrow (UTC)
     * @return the stored post, version 1
     * @throws ValidationException   when the text or date is invalid
     * @throws AccessDeniedException naming VIEW when the actor cannot view the lead
     * @throws ConflictException     {@code lead.deleted} when the lead is deleted
     */
    public StreamPost post(Actor actor, LeadId leadId, String text, Optional<LocalDate> contactDate) {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(leadId, "leadId");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(contactDate, "contactDate");
        policy.activeUser(actor, Right.VIEW, leadId.value());
        Instant now = now();
        AfterCommit after = new AfterCommit();
        StreamPost posted = store.inTransaction(tx -> {
            Lead lead = writableLead(tx, actor, leadId.value());
            List<FieldError> errors = new ArrayList<>();
            String clean = Inputs.postText(text, errors);
            contactDate.ifPresent(date -> {
                // A day of slack: the author's calendar day may already be tomorrow in UTC terms.
                LocalDate latest = LocalDate.ofInstant(now, ZoneOffset.UTC).plusDays(1);
                if (date.isBefore(EARLIEST_CONTACT) || date.isAfter(latest)) {
                    errors.add(new FieldError("contactDate", "stream.contact_date.out_of_range",
                            "the contact date lies between " + EARLIEST_CONTACT + " and today"));
                }
            });
            if (!errors.isEmpty()) {
                throw new ValidationException(errors);
            }
            StreamPost post = new StreamPost(ids.next(), leadId.value(), Optional.empty(), actor.userId(), clean,
                    contactDate, now, Optional.empty(), 1);
            tx.stream().insert(post);
            List<FieldChange> changes = new ArrayList<>();
            changes.add(FieldChange.of(key(post, "text"), null, clean));
            contactDate.ifPresent(d -> changes.add(FieldChange.of(key(post, "contactDate"), null, d.toString())));
            history(tx, lead, actor, now, HistoryAction.POSTED, changes);
            after.raise(new LeadEvent.NoteAdded(leadId.value(), actor.userId(), now, post.id(), contactDate));
            return post;
        });
        LOG.debug("Post {} written to lead {} by {}", posted.id(), leadId, actor.userId());
        after.send(events, notifications);
        return posted;
    }

    /**
     * Comments on a post; a comment on a comment joins the post's thread. The post's author is
     * told ({@code stream.commented}) while they can view the lead.
     *
     * @param actor  the author; needs {@link Right#VIEW} on the lead
     * @param postId the post (or comment) answered
     * @param text   the text: 1 to 10,000 characters, line breaks allowed
     * @return the stored comment, version 1
     * @throws NotFoundException when no post has that id
     */
    public StreamPost comment(Actor actor, String postId, String text) {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(postId, "postId");
        Objects.requireNonNull(text, "text");
        policy.activeUser(actor, Right.VIEW, null);
        Instant now = now();
        AfterCommit after = new AfterCommit();
        StreamPost commented = store.inTransaction(tx -> {
            StreamPost answered = load(tx, postId);
            Lead lead = writableLead(tx, actor, answered.leadId());
            StreamPost root = answered.parentId().map(parent -> load(tx, parent)).orElse(answered);
            List<FieldError> errors = new ArrayList<>();
            String clean = Inputs.postText(text, errors);
            if (!errors.isEmpty()) {
                throw new ValidationException(errors);
            }
            StreamPost comment = new StreamPost(ids.next(), root.leadId(), Optional.of(root.id()), actor.userId(), clean,
                    Optional.empty(), now, Optional.empty(), 1);
            tx.stream().insert(comment);
            history(tx, lead, actor, now, HistoryAction.COMMENTED, List.of(
                    FieldChange.of(key(comment, "text"), null, clean),
                    FieldChange.of(key(comment, "parent"), null, root.id())));
            after.raise(new LeadEvent.NoteAdded(root.leadId(), actor.userId(), now, comment.id(), Optional.empty()));
            if (!root.authorId().equals(actor.userId())
                    && gate.rights(tx, Actor.of(root.authorId()), lead).contains(Right.VIEW)) {
                after.notify(new Notification(root.authorId(), "stream.commented", Optional.of(root.leadId()),
                        Map.of("postId", root.id(), "commentId", comment.id(), "by", actor.userId()), now));
            }
            return comment;
        });
        after.send(events, notifications);
        return commented;
    }

    /**
     * A lead's stream in thread order: posts oldest first (ties by id), each followed by its
     * comments, oldest first.
     *
     * @param actor  who reads; needs {@link Right#VIEW} on the lead
     * @param leadId the lead
     * @return the posts and comments
     * @throws AccessDeniedException naming VIEW when the actor cannot view the lead
     */
    public List<StreamPost> list(Actor actor, LeadId leadId) {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(leadId, "leadId");
        policy.activeUser(actor, Right.VIEW, leadId.value());
        List<StreamPost> flat = store.inTransaction(tx -> {
            gate.check(tx, actor, Right.VIEW, AfterCommit.lead(tx, leadId.value()));
            return tx.stream().forLead(leadId.value());
        });
        Map<String, List<StreamPost>> threads = new LinkedHashMap<>();
        for (StreamPost post : flat) {
            if (!post.isComment()) {
                threads.put(post.id(), new ArrayList<>(List.of(post)));
            }
        }
        List<StreamPost> orphans = new ArrayList<>();
        for (StreamPost post : flat) {
            if (post.isComment()) {
                List<StreamPost> thread = threads.get(post.parentId().get());
                (thread != null ? thread : orphans).add(post);
            }
        }
        List<StreamPost> ordered = new ArrayList<>(flat.size());
        threads.values().forEach(ordered::addAll);
        ordered.addAll(orphans);
        return List.copyOf(ordered);
    }

    /**
     * The author changes the text of their post or comment, based on the version they saw. The
     * contact date stays. Text that does not change returns the post unchanged.
     *
     * @param actor           the author; needs {@link Right#VIEW} on the lead
     * @param postId          the post or comment
     * @param text            the new text
     * @param expectedVersion the version the author read
     * @return the new version
     * @throws AccessDeniedException naming {@link Right#EDIT} when the actor is not the author
     *                               ("only the author may edit a post"), or VIEW
     * @throws ConflictException     {@code stream_post.version.stale} when the post changed since
     */
    public StreamPost edit(Actor actor, String postId, String text, long expectedVersion) {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(postId, "postId");
        Objects.requireNonNull(text, "text");
        policy.activeUser(actor, Right.EDIT, null);
        Instant now = now();
        AfterCommit after = new AfterCommit();
        StreamPost result = store.inTransaction(tx -> {
            StreamPost current = load(tx, postId);
            Lead lead = AfterCommit.lead(tx, current.leadId());
            gate.check(tx, actor, Right.VIEW, lead);
            if (!current.authorId().equals(actor.userId())) {
                throw new AccessDeniedException(actor, Right.EDIT, current.leadId(), "only the author may edit a post");
            }
            if (current.version() != expectedVersion) {
                throw ConflictException.staleVersion("stream_post", postId, expectedVersion, current.version());
            }
            requireNotDeleted(lead);
            List<FieldError> errors = new ArrayList<>();
            String clean = Inputs.postText(text, errors);
            if (!errors.isEmpty()) {
                throw new ValidationException(errors);
            }
            if (clean.equals(current.text())) {
                return current;
            }
            StreamPost next = current.edited(clean, now);
            tx.stream().update(next);
            history(tx, lead, actor, now, HistoryAction.POST_EDITED,
                    List.of(FieldChange.of(key(next, "text"), current.text(), clean)));
            after.raise(new LeadEvent.NoteEdited(next.leadId(), actor.userId(), now, next.id()));
            return next;
        });
        after.send(events, notifications);
        return result;
    }

    private Lead writableLead(StoreTransaction tx, Actor actor, String leadId) {
        Lead lead = AfterCommit.lead(tx, leadId);
        gate.check(tx, actor, Right.VIEW, lead);
        requireNotDeleted(lead);
        return lead;
    }

    private static void requireNotDeleted(Lead lead) {
        if (lead.isDeleted()) {
            throw new ConflictException("lead.deleted", "Lead '" + lead.id() + "' is deleted; its stream is read-only "
                    + "until it is restored.");
        }
    }

    private static StreamPost load(StoreTransaction tx, String postId) {
        return tx.stream().find(postId).orElseThrow(() -> new NotFoundException("stream_post", postId));
    }

    private static void history(StoreTransaction tx, Lead lead, Actor actor, Instant now, HistoryAction action,
                                List<FieldChange> changes) {
        tx.history().append(new HistoryEntry(0, lead.id().value(), now, actor.userId(), action, changes));
    }

    private static String key(StreamPost post, String property) {
        return "post:" + post.id() + "." + property;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
