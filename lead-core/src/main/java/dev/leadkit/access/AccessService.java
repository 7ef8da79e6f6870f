package dev.leadkit.access;

import dev.leadkit.AccessDeniedException;
import dev.leadkit.Actor;
import dev.leadkit.ConflictException;
import dev.leadkit.IdGenerator;
import dev.leadkit.NotFoundException;
import dev.leadkit.ValidationException;
import dev.leadkit.activity.FieldChange;
import dev.leadkit.activity.HistoryAction;
import dev.leadkit.activity.HistoryEntry;
import dev.leadkit.event.EventPublisher;
import dev.leadkit.event.LeadEvent;
import dev.leadkit.event.Notification;
import dev.leadkit.event.NotificationSink;
import dev.leadkit.internal.AfterCommit;
import dev.leadkit.lead.Lead;
import dev.leadkit.lead.LeadId;
import dev.leadkit.store.Store;
import dev.leadkit.store.StoreTransaction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Ownership and sharing of leads (requirements P5–P9): grants, access requests, transfer,
 * following, claiming and assigning. Every operation checks the actor's right first, runs in one
 * store transaction, and writes the lead's history; notifications and events go out after commit.
 *
 * <pre>{@code
 * AccessService access = kit.access();
 * access.grant(ayse, leadId, "jonas", EnumSet.of(Right.VIEW, Right.EDIT));
 * access.transfer(ayse, leadId, "mette", true);          // Ayşe keeps view as a grant
 * AccessRequest asked = access.requestAccess(jonas, otherLead, EnumSet.of(Right.VIEW));
 * access.approve(mette, asked.id());
 * Lead mine = access.claim(jonas, inboxLeadId);          // "I'll take it!"
 * }</pre>
 *
 * <p>Operations that do not take a version from the caller (everything here) are retried on an
 * optimistic-lock conflict (three attempts in all), so a concurrent edit of the lead does not make a
 * transfer fail. Thread-safe and stateless.
 *
 * @since 0.1
 */
public final class AccessService {

    private static final Logger LOG = LoggerFactory.getLogger(AccessService.class);

    private final Store store;
    private final Directory directory;
    private final LeadGate gate;
    private final AccessPolicy policy;
    private final Clock clock;
    private final IdGenerator ids;
    private final EventPublisher events;
    private final NotificationSink notifications;

    /**
     * Usually obtained from {@code LeadKit.access()}.
     *
     * @param store         where leads live
     * @param directory     the host's users
     * @param gate          the policy, with what it needs loaded per lead
     * @param clock         the time source
     * @param ids           makes access request ids
     * @param events        receives events after commit
     * @param notifications delivers notifications after commit
     */
    public AccessService(Store store, Directory directory, LeadGate gate, Clock clock, IdGenerator ids,
                         EventPublisher events, NotificationSink notifications) {
        this.store = Objects.requireNonNull(store, "store");
        this.directory = Objects.requireNonNull(directory, "directory");
        this.gate = Objects.requireNonNull(gate, "gate");
        this.policy = gate.policy();
        this.clock = Objects.requireNonNull(clock, "clock");
        this.ids = Objects.requireNonNull(ids, "ids");
        this.events = Objects.requireNonNull(events, "events");
        this.notifications = Objects.requireNonNull(notifications, "notifications");
    }

    /**
     * @param actor who asks
     * @param id    a lead
     * @return every right the actor holds on it (empty when none)
     */
    public Set<Right> rights(Actor actor, LeadId id) {
        Objects.requireNonNull(actor, "actor");
        return store.inTransaction(tx -> gate.rights(tx, actor, load(tx, id)));
    }

    /**
     * @param actor who asks
     * @param right a right on one lead
     * @param id    the lead
     * @return whether the actor holds it
     */
    public boolean can(Actor actor, Right right, LeadId id) {
        return rights(actor, id).contains(right);
    }

    /**
     * The owner (or an Admin) grants a user rights on a lead (P5). Rights add to any held before;
     * VIEW is always included.
     *
     * @param actor     who grants; needs {@link Right#GRANT}
     * @param id        the lead
     * @param granteeId an active user other than the owner
     * @param rights    some of view, edit, delete, tag and follow
     * @return the lead's grants and followers afterwards
     */
    public LeadAccess grant(Actor actor, LeadId id, String granteeId, Set<Right> rights) {
        Objects.requireNonNull(granteeId, "granteeId");
        requireGrantable(rights);
        return run(actor, id, Right.GRANT, (op) -> {
            Lead lead = op.lead;
            requireActiveUser(granteeId, "granteeId");
            if (lead.owner().filter(granteeId::equals).isPresent()) {
                throw ValidationException.of("granteeId", "access.grantee.is_owner",
                        "the owner already holds every right; grant to another user");
            }
            LeadAccess access = op.tx.access().find(id.value());
            Set<Right> before = access.grantedTo(granteeId);
            EnumSet<Right> after = before.isEmpty() ? EnumSet.noneOf(Right.class) : EnumSet.copyOf(before);
            after.addAll(rights);
            after.add(Right.VIEW);
            if (after.equals(before)) {
                return access;
            }
            LeadAccess next = access.withGrant(granteeId, after);
            op.tx.access().save(next);
            op.history(HistoryAction.GRANTED, FieldChange.of("grant:" + granteeId, keys(before), keys(after)));
            return next;
        });
    }

    /**
     * Takes rights back (P5). Revoking VIEW revokes everything; a user who no longer holds FOLLOW
     * stops following.
     *
     * @param actor     who revokes; needs {@link Right#GRANT}
     * @param id        the lead
     * @param granteeId the user holding the grant
     * @param rights    the rights to take back
     * @return the lead's grants and followers afterwards
     */
    public LeadAccess revoke(Actor actor, LeadId id, String granteeId, Set<Right> rights) {
        Objects.requireNonNull(granteeId, "granteeId");
        requireGrantable(rights);
        return run(actor, id, Right.GRANT, (op) -> {
            LeadAccess access = op.tx.access().find(id.value());
            Set<Right> before = access.grantedTo(granteeId);
            EnumSet<Right> after = before.isEmpty() ? EnumSet.noneOf(Right.class) : EnumSet.copyOf(before);
            after.removeAll(rights);
            if (!after.contains(Right.VIEW)) {
                after.clear();
            }
            if (after.equals(before)) {
                return access;
            }
            LeadAccess next = access.withGrant(granteeId, after);
            op.tx.access().save(next);
            op.history(HistoryAction.REVOKED, FieldChange.of("grant:" + granteeId, keys(before),
                    after.isEmpty() ? null : keys(after)));
            return op.pruneFollowers();
        });
    }

    /**
     * A user asks the owner for rights on a lead they cannot use (P6). The owner is notified
     * ({@code access.requested}).
     *
     * @param actor  who asks; any active user
     * @param id     the lead
     * @param rights what they ask for (VIEW is always included)
     * @return the pending request
     * @throws ConflictException {@code access.request.unassigned} (claim it instead),
     *                           {@code access.request.already_held}, {@code access.request.pending}
     */
    public AccessRequest requestAccess(Actor actor, LeadId id, Set<Right> rights) {
        Objects.requireNonNull(actor, "actor");
        requireGrantable(rights);
        policy.activeUser(actor, Right.VIEW, id.value());
        return AfterCommit.retrying(() -> {
            Operation[] holder = new Operation[1];
            AccessRequest request = store.inTransaction(tx -> {
                Lead lead = load(tx, id);
                Operation op = new Operation(tx, actor, lead);
                holder[0] = op;
                if (lead.owner().isEmpty()) {
                    throw new ConflictException("access.request.unassigned",
                            "Lead '" + id + "' has no owner to ask; claim it from the inbox instead.");
                }
                if (lead.isDeleted()) {
                    throw new ConflictException("lead.deleted", "Lead '" + id + "' is deleted.");
                }
                EnumSet<Right> wanted = EnumSet.copyOf(rights);
                wanted.add(Right.VIEW);
                if (gate.rights(tx, actor, lead).containsAll(wanted)) {
                    throw new ConflictException("access.request.already_held",
                            "User '" + actor.userId() + "' already holds " + keys(wanted) + " on lead '" + id + "'.");
                }
                boolean pending = tx.accessRequests().pendingForLead(id.value()).stream()
                        .anyMatch(r -> r.requesterId().equals(actor.userId()));
                if (pending) {
                    throw new ConflictException("access.request.pending",
                            "User '" + actor.userId() + "' already has a pending request on lead '" + id + "'.");
                }
                AccessRequest created = new AccessRequest(ids.next(), id.value(), actor.userId(), wanted,
                        AccessRequest.State.PENDING, op.now, Optional.empty(), Optional.empty(), 1);
                tx.accessRequests().insert(created);
                op.history(HistoryAction.ACCESS_REQUESTED, FieldChange.of("request:" + created.id(), null, keys(wanted)));
                op.notify(lead.owner().get(), "access.requested",
                        Map.of("requestId", created.id(), "requesterId", actor.userId(), "rights", keys(wanted)));
                return created;
            });
            holder[0].afterCommit();
            return request;
        });
    }

    /**
     * The owner approves a request: the rights become a grant, and the requester is notified
     * ({@code access.request.approved}).
     *
     * @param actor     who decides; needs {@link Right#GRANT} on the lead
     * @param requestId the request
     * @return the decided request
     */
    public AccessRequest approve(Actor actor, String requestId) {
        return decide(actor, requestId, true);
    }

    /**
     * The owner denies a request; the requester is notified ({@code access.request.denied}).
     *
     * @param actor     who decides; needs {@link Right#GRANT} on the lead
     * @param requestId the request
     * @return the decided request
     */
    public AccessRequest deny(Actor actor, String requestId) {
        return decide(actor, requestId, false);
    }

    private AccessRequest decide(Actor actor, String requestId, boolean approved) {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(requestId, "requestId");
        String leadId = store.inTransaction(tx -> tx.accessRequests().findRequest(requestId)
                .orElseThrow(() -> new NotFoundException("access_request", requestId)).leadId());
        return run(actor, LeadId.of(leadId), Right.GRANT, (op) -> {
            AccessRequest request = op.tx.accessRequests().findRequest(requestId)
                    .orElseThrow(() -> new NotFoundException("access_request", requestId));
            if (request.state() != AccessRequest.State.PENDING) {
                throw new ConflictException("access.request.decided",
                        "Access request '" + requestId + "' was already " + request.state().name().toLowerCase(java.util.Locale.ROOT) + ".");
            }
            AccessRequest decided = request.decided(approved, actor.userId(), op.now);
            op.tx.accessRequests().update(decided);
            if (approved) {
                LeadAccess access = op.tx.access().find(leadId);
                Set<Right> before = access.grantedTo(request.requesterId());
                EnumSet<Right> after = EnumSet.copyOf(request.rights());
                after.addAll(before);
                op.tx.access().save(access.withGrant(request.requesterId(), after));
                op.history(HistoryAction.ACCESS_APPROVED,
                        FieldChange.of("grant:" + request.requesterId(), keys(before), keys(after)));
            } else {
                op.history(HistoryAction.ACCESS_DENIED, FieldChange.of("request:" + requestId, "pending", "denied"));
            }
            op.notify(request.requesterId(), approved ? "access.request.approved" : "access.request.denied",
                    Map.of("requestId", requestId));
            return decided;
        });
    }

    /**
     * @param actor who asks; needs {@link Right#GRANT}
     * @param id    the lead
     * @return its pending access requests, oldest first
     */
    public List<AccessRequest> pendingRequests(Actor actor, LeadId id) {
        Objects.requireNonNull(actor, "actor");
        return store.inTransaction(tx -> {
            Lead lead = load(tx, id);
            gate.check(tx, actor, Right.GRANT, lead);
            return tx.accessRequests().pendingForLead(id.value());
        });
    }

    /**
     * The owner hands the lead to another user (P7), who receives every owner right and is
     * notified ({@code lead.assigned}). The former owner keeps VIEW — as an explicit grant — only
     * when {@code keepAccess}; otherwise they keep only what the rules give them (their team's
     * rights, if the new owner is in their team). Followers who lost view stop following.
     *
     * @param actor      who transfers; needs {@link Right#TRANSFER}
     * @param id         the lead
     * @param newOwnerId an active user other than the current owner
     * @param keepAccess whether the former owner keeps view access
     * @return the lead with its new owner
     */
    public Lead transfer(Actor actor, LeadId id, String newOwnerId, boolean keepAccess) {
        Objects.requireNonNull(newOwnerId, "newOwnerId");
        return run(actor, id, Right.TRANSFER, (op) -> {
            Lead lead = op.lead;
            requireActiveUser(newOwnerId, "newOwnerId");
            if (lead.owner().filter(newOwnerId::equals).isPresent()) {
                throw ValidationException.of("newOwnerId", "access.transfer.same_owner",
                        "the lead already belongs to this user; name another owner");
            }
            Optional<String> previous = lead.owner();
            List<FieldChange> changes = new ArrayList<>();
            changes.add(FieldChange.of("owner", previous.orElse(null), newOwnerId));
            LeadAccess access = op.tx.access().find(id.value());
            LeadAccess next = access;
            if (!next.grantedTo(newOwnerId).isEmpty()) {
                next = next.withGrant(newOwnerId, Set.of());
            }
            if (keepAccess && previous.isPresent()) {
                Set<Right> before = next.grantedTo(previous.get());
                EnumSet<Right> kept = EnumSet.of(Right.VIEW);
                kept.addAll(before);
                next = next.withGrant(previous.get(), kept);
                changes.add(FieldChange.of("grant:" + previous.get(), keys(before), keys(kept)));
            }
            if (next != access) {
                op.tx.access().save(new LeadAccess(id.value(), next.grants(), next.followers(), access.version() + 1));
            }
            op.changeOwner(newOwnerId, HistoryAction.TRANSFERRED, changes);
            if (!newOwnerId.equals(actor.userId())) {
                op.notify(newOwnerId, "lead.assigned", Map.of("by", actor.userId()));
            }
            op.pruneFollowers();
            return op.lead;
        });
    }

    /**
     * A user with inbox access takes an unassigned lead ("I'll take it!", P9).
     *
     * @param actor who claims it
     * @param id    an unassigned lead
     * @return the lead, owned by the actor
     * @throws ConflictException {@code lead.already_owned} when someone owns it already
     */
    public Lead claim(Actor actor, LeadId id) {
        return takeFromInbox(actor, id, actor.userId(), HistoryAction.CLAIMED);
    }

    /**
     * A user with inbox access gives an unassigned lead to a colleague (P9), who is notified
     * ({@code lead.assigned}).
     *
     * @param actor       who assigns it
     * @param id          an unassigned lead
     * @param colleagueId an active user
     * @return the lead, owned by the colleague
     */
    public Lead assign(Actor actor, LeadId id, String colleagueId) {
        Objects.requireNonNull(colleagueId, "colleagueId");
        return takeFromInbox(actor, id, colleagueId, HistoryAction.ASSIGNED);
    }

    private Lead takeFromInbox(Actor actor, LeadId id, String newOwnerId, HistoryAction action) {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(id, "id");
        User user = policy.activeUser(actor, Right.TRANSFER, id.value());
        if (!policy.hasInboxAccess(user)) {
            throw new AccessDeniedException(actor, Right.TRANSFER, id.value(),
                    "only users with inbox access may take unassigned leads");
        }
        return runUnchecked(actor, id, (op) -> {
            Lead lead = op.lead;
            if (lead.owner().isPresent()) {
                throw new ConflictException("lead.already_owned", "Lead '" + id + "' already has an owner; "
                        + "ask them to transfer it.");
            }
            if (lead.isDeleted()) {
                throw new ConflictException("lead.deleted", "Lead '" + id + "' is deleted; restore it first.");
            }
            requireActiveUser(newOwnerId, "colleagueId");
            op.changeOwner(newOwnerId, action, List.of(FieldChange.of("owner", null, newOwnerId)));
            if (!newOwnerId.equals(actor.userId())) {
                op.notify(newOwnerId, "lead.assigned", Map.of("by", actor.userId()));
            }
            op.pruneFollowers();
            return op.lead;
        });
    }

    /**
     * Follows a lead to be notified of its changes (P8). Following twice changes nothing.
     *
     * @param actor who follows; needs {@link Right#FOLLOW}
     * @param id    the lead
     */
    public void follow(Actor actor, LeadId id) {
        run(actor, id, Right.FOLLOW, (op) -> {
            LeadAccess access = op.tx.access().find(id.value());
            if (!access.followers().contains(actor.userId())) {
                op.tx.access().save(access.withFollower(actor.userId(), true));
                op.history(HistoryAction.FOLLOWED, FieldChange.of("follower:" + actor.userId(), null, "following"));
            }
            return null;
        });
    }

    /**
     * Stops following a lead. Unfollowing a lead one does not follow changes nothing.
     *
     * @param actor who stops following
     * @param id    the lead
     */
    public void unfollow(Actor actor, LeadId id) {
        policy.activeUser(actor, Right.FOLLOW, id.value());
        runUnchecked(actor, id, (op) -> {
            LeadAccess access = op.tx.access().find(id.value());
            if (access.followers().contains(actor.userId())) {
                op.tx.access().save(access.withFollower(actor.userId(), false));
                op.history(HistoryAction.UNFOLLOWED, FieldChange.of("follower:" + actor.userId(), "following", null));
            }
            return null;
        });
    }

    /**
     * @param actor who asks; needs {@link Right#VIEW}
     * @param id    the lead
     * @return the users following it who can still view it
     */
    public Set<String> followers(Actor actor, LeadId id) {
        Objects.requireNonNull(actor, "actor");
        return store.inTransaction(tx -> {
            Lead lead = load(tx, id);
            gate.check(tx, actor, Right.VIEW, lead);
            Set<String> watching = new TreeSet<>(gate.watchers(tx, lead));
            lead.owner().ifPresent(owner -> {
                if (!tx.access().find(id.value()).followers().contains(owner)) {
                    watching.remove(owner);
                }
            });
            return watching;
        });
    }

    /** @return whether converted leads are locked against changes (seed 002; on by default) */
    public boolean convertLock() {
        return store.inTransaction(tx -> !"false".equals(tx.settings().load().get(LeadGate.CONVERT_LOCK_KEY).orElse("true")));
    }

    /**
     * Turns the convert lock on or off. Stored, so it survives a restart.
     *
     * @param actor an Admin
     * @param on    whether converted leads are read-only
     */
    public void setConvertLock(Actor actor, boolean on) {
        Objects.requireNonNull(actor, "actor");
        policy.require(actor, Right.MANAGE_SETTINGS);
        store.inTransaction(tx -> {
            tx.settings().save(tx.settings().load().with(LeadGate.CONVERT_LOCK_KEY, String.valueOf(on)));
            return null;
        });
    }

    // ------------------------------------------------------------------ internals

    private <T> T run(Actor actor, LeadId id, Right right, Function<Operation, T> work) {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(id, "id");
        return execute(actor, id, right, work);
    }

    private <T> T runUnchecked(Actor actor, LeadId id, Function<Operation, T> work) {
        return execute(actor, id, null, work);
    }

    private <T> T execute(Actor actor, LeadId id, Right right, Function<Operation, T> work) {
        return AfterCommit.retrying(() -> {
            Operation[] holder = new Operation[1];
            T result = store.inTransaction(tx -> {
                Lead lead = load(tx, id);
                if (right != null) {
                    gate.check(tx, actor, right, lead);
                }
                Operation op = new Operation(tx, actor, lead);
                holder[0] = op;
                return work.apply(op);
            });
            holder[0].afterCommit();
            return result;
        });
    }

    private void requireActiveUser(String userId, String field) {
        if (directory.user(userId).filter(User::active).isEmpty()) {
            throw ValidationException.of(field, "access.user.unknown", field + " names no active user of the directory");
        }
    }

    private static void requireGrantable(Set<Right> rights) {
        Objects.requireNonNull(rights, "rights");
        if (rights.isEmpty() || !LeadAccess.GRANTABLE.containsAll(rights)) {
            throw ValidationException.of("rights", "access.right.not_grantable",
                    "rights must be one or more of view, edit, delete, tag and follow");
        }
    }

    private static Lead load(StoreTransaction tx, LeadId id) {
        Objects.requireNonNull(id, "id");
        return tx.leads().find(id).orElseThrow(() -> new NotFoundException("lead", id.value()));
    }

    private static String keys(Set<Right> rights) {
        return rights.isEmpty() ? null
                : rights.stream().sorted().map(Right::key).collect(Collectors.joining(","));
    }

    /** One attempt of an operation: its transaction, and what to send once it committed. */
    private final class Operation {
        final StoreTransaction tx;
        final Actor actor;
        final Instant now;
        Lead lead;
        private final AfterCommit outbox = new AfterCommit();

        Operation(StoreTransaction tx, Actor actor, Lead lead) {
            this.tx = tx;
            this.actor = actor;
            this.lead = lead;
            this.now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        }

        void history(HistoryAction action, FieldChange... changes) {
            tx.history().append(new HistoryEntry(0, lead.id().value(), now, actor.userId(), action, List.of(changes)));
        }

        void changeOwner(String newOwnerId, HistoryAction action, List<FieldChange> changes) {
            Optional<String> previous = lead.owner();
            Lead next = lead.withOwner(newOwnerId, now);
            tx.leads().update(next);
            tx.history().append(new HistoryEntry(0, lead.id().value(), now, actor.userId(), action, changes));
            outbox.raise(new LeadEvent.OwnerChanged(lead.id().value(), actor.userId(), now, previous, newOwnerId));
            lead = next;
        }

        /** Ends the follows of users who can no longer follow the lead: lost view (P8), or a grant without follow. */
        LeadAccess pruneFollowers() {
            LeadAccess access = tx.access().find(lead.id().value());
            boolean locked = LeadGate.convertLocked(tx, lead);
            LeadAccess pruned = access;
            for (String follower : access.followers()) {
                if (!policy.can(Actor.of(follower), Right.FOLLOW, lead, pruned, locked)) {
                    pruned = pruned.withFollower(follower, false);
                    history(HistoryAction.UNFOLLOWED, FieldChange.of("follower:" + follower, "following", null));
                }
            }
            if (pruned != access) {
                pruned = new LeadAccess(pruned.leadId(), pruned.grants(), pruned.followers(), access.version() + 1);
                tx.access().save(pruned);
            }
            return pruned;
        }

        void notify(String recipient, String kind, Map<String, String> params) {
            outbox.notify(new Notification(recipient, kind, Optional.of(lead.id().value()), params, now));
        }

        void afterCommit() {
            outbox.send(events, notifications);
        }
    }
}
