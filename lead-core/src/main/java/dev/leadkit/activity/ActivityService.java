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
import dev.leadkit.access.Directory;
import dev.leadkit.access.LeadGate;
import dev.leadkit.access.Right;
import dev.leadkit.access.User;
import dev.leadkit.event.EventPublisher;
import dev.leadkit.event.LeadEvent;
import dev.leadkit.event.Notification;
import dev.leadkit.event.NotificationSink;
import dev.leadkit.lead.Lead;
import dev.leadkit.lead.LeadId;
import dev.leadkit.store.Store;
import dev.leadkit.store.StoreTransaction;
import dev.leadkit.store.Visibility;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Calls, meetings, tasks and e-mails on a lead (requirement A1; seed 003's appointments and
 * tasks): planning and logging them, changing and completing them, meeting invitations, and the
 * reminders a host's scheduler delivers.
 *
 * <p>Rights: adding or changing an activity needs {@link Right#EDIT} on the lead; reading needs
 * {@link Right#VIEW}. The assignee may also complete and reopen their own activity with VIEW
 * alone. Making another user the assignee needs {@link Right#ASSIGN_OTHERS} (by default Admins,
 * Managers and all-access users, see {@link dev.leadkit.access.AccessRules#assignOthersRoles()}),
 * and the assignee must be able to view the lead. Only an invited attendee answers an invitation.
 *
 * <p>Every change runs in one store transaction with its history entry on the lead
 * ({@code activity:<id>.<property>}); events ({@link LeadEvent.ActivityLogged},
 * {@link LeadEvent.ActivityCompleted}, {@link LeadEvent.ActivityChanged}) and notifications
 * ({@code activity.assigned}, {@code activity.invited}, {@code activity.responded}) go out after
 * commit. Times are kept in microseconds.
 *
 * <pre>{@code
 * ActivityService activities = kit.activities();
 * Activity task = activities.schedule(ayse, leadId, ActivityDraft.task("Send the offer")
 *         .due(Instant.parse("2026-03-06T09:00:00Z")).reminders(ReminderOffset.DAY, ReminderOffset.AT_DUE).build());
 * activities.log(ayse, leadId, ActivityDraft.call("Discussed the budget").duration(Duration.ofMinutes(12)).build());
 * activities.complete(ayse, task.id());
 * List<Reminder> due = activities.reminders(scheduler, lastRun, now);
 * }</pre>
 *
 * <p>Thread-safe and stateless.
 *
 * @since 0.1
 */
public final class ActivityService {

    private static final Logger LOG = LoggerFactory.getLogger(ActivityService.class);

    private final Store store;
    private final Directory directory;
    private final LeadGate gate;
    private final AccessPolicy policy;
    private final Clock clock;
    private final IdGenerator ids;
    private final EventPublisher events;
    private final NotificationSink notifications;
    private final Set<ActivityType> types;

    /**
     * Usually obtained from {@code LeadKit.activities()}.
     *
     * @param store         where activities live
     * @param directory     the host's users
     * @param gate          the policy, with what it needs loaded per lead
     * @param clock         the time source
     * @param ids           makes activity ids
     * @param events        receives events after commit
     * @param notifications delivers notifications after commit
     * @param types         the activity types in use: the defaults plus the host's
     */
    public ActivityService(Store store, Directory directory, LeadGate gate, Clock clock, IdGenerator ids,
                           EventPublisher events, NotificationSink notifications, Set<ActivityType> types) {
        this.store = Objects.requireNonNull(store, "store");
        this.directory = Objects.requireNonNull(directory, "directory");
        this.gate = Objects.requireNonNull(gate, "gate");
        this.policy = gate.policy();
        this.clock = Objects.requireNonNull(clock, "clock");
        this.ids = Objects.requireNonNull(ids, "ids");
        this.events = Objects.requireNonNull(events, "events");
        this.notifications = Objects.requireNonNull(notifications, "notifications");
        this.types = Set.copyOf(types);
    }

    /** @return the activity types in use: call, meeting, task, e-mail and the host's own */
    public Set<ActivityType> types() {
        return types;
    }

    /**
     * Plans an activity: a task to do, a meeting to hold, a call to make. It starts open.
     *
     * @param actor  who plans it; needs {@link Right#EDIT} on the lead
     * @param leadId the lead
     * @param draft  the values
     * @return the stored activity, version 1
     * @throws ValidationException   when a value is invalid
     * @throws AccessDeniedException naming EDIT, or {@link Right#ASSIGN_OTHERS} when assigning to
     *                               another user without that right
     */
    public Activity schedule(Actor actor, LeadId leadId, ActivityDraft draft) {
        return add(actor, leadId, draft, false);
    }

    /**
     * Records an activity that already happened — a call made, an e-mail sent, a meeting held. It
     * is stored as done, now; {@link LeadEvent.ActivityLogged} says so, for status rules to react.
     *
     * @param actor  who logs it; needs {@link Right#EDIT} on the lead
     * @param leadId the lead
     * @param draft  the values
     * @return the stored activity, done, version 1
     */
    public Activity log(Actor actor, LeadId leadId, ActivityDraft draft) {
        return add(actor, leadId, draft, true);
    }

    private Activity add(Actor actor, LeadId leadId, ActivityDraft draft, boolean done) {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(leadId, "leadId");
        Objects.requireNonNull(draft, "draft");
        policy.activeUser(actor, Right.EDIT, leadId.value());
        Instant now = now();
        AfterCommit after = new AfterCommit();
        Activity added = store.inTransaction(tx -> {
            Lead lead = AfterCommit.lead(tx, leadId.value());
            gate.check(tx, actor, Right.EDIT, lead);
            String assignee = draft.assigneeId().orElse(actor.userId());
            requireMayAssign(actor, null, assignee);
            List<FieldError> errors = new ArrayList<>();
            ActivityType type = type(draft.type(), errors);
            String subject = Inputs.subject(draft.subject(), errors);
            Optional<Instant> start = draft.start().map(t -> Inputs.instant(t, "start", errors));
            Optional<Instant> due = draft.due().map(t -> Inputs.instant(t, "due", errors));
            Optional<Duration> duration = draft.duration().map(d -> Inputs.duration(d, errors));
            checkPlan(start, due, draft.reminders(), errors);
            checkAssignee(tx, lead, assignee, errors);
            checkAttendees(draft.attendees(), errors);
            if (!errors.isEmpty()) {
                throw new ValidationException(errors);
            }
            Map<String, Activity.Response> attendees = new LinkedHashMap<>();
            draft.attendees().forEach(user -> attendees.put(user, Activity.Response.PENDING));
            Activity activity = new Activity(ids.next(), leadId.value(), type, subject, start, due, duration, assignee,
                    done ? Optional.of(now) : Optional.empty(), draft.reminders(), attendees, actor.userId(), now, 1);
            tx.activities().insert(activity);
            history(tx, activity, actor, now, HistoryAction.ACTIVITY_ADDED, changes(null, activity));
            after.raise(new LeadEvent.ActivityLogged(leadId.value(), actor.userId(), now, activity.id(), type.code(), done));
            notifyAssigned(after, actor, activity, now);
            notifyInvited(after, actor, activity, attendees.keySet(), now);
            return activity;
        });
        LOG.debug("Activity {} added to lead {} by {}", added.id(), leadId, actor.userId());
        after.send(events, notifications);
        return added;
    }

    /**
     * @param actor      who asks; needs {@link Right#VIEW} on the activity's lead
     * @param activityId the activity
     * @return the activity
     * @throws NotFoundException when no activity has that id
     */
    public Activity get(Actor actor, String activityId) {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(activityId, "activityId");
        policy.activeUser(actor, Right.VIEW, null);
        return store.inTransaction(tx -> {
            Activity activity = load(tx, activityId);
            gate.check(tx, actor, Right.VIEW, AfterCommit.lead(tx, activity.leadId()));
            return activity;
        });
    }

    /**
     * @param actor  who asks; needs {@link Right#VIEW} on the lead
     * @param leadId the lead
     * @return its activities by due time (or start, when there is none; activities with neither
     *         last), ties by id
     */
    public List<Activity> list(Actor actor, LeadId leadId) {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(leadId, "leadId");
        policy.activeUser(actor, Right.VIEW, leadId.value());
        return store.inTransaction(tx -> {
            gate.check(tx, actor, Right.VIEW, AfterCommit.lead(tx, leadId.value()));
            return tx.activities().forLead(leadId.value());
        });
    }

    /**
     * Changes an activity's plan, based on the version the caller saw. A patch that changes
     * nothing returns the activity unchanged (same version, no history entry).
     *
     * @param actor           who changes it; needs {@link Right#EDIT} on the lead, and
     *                        {@link Right#ASSIGN_OTHERS} to hand it to another user
     * @param activityId      the activity
     * @param patch           what to change
     * @param expectedVersion the version the caller read
     * @return the new version
     * @throws ConflictException   {@code activity.version.stale} when it changed since
     * @throws ValidationException when a new value is invalid
     */
    public Activity update(Actor actor, String activityId, ActivityPatch patch, long expectedVersion) {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(activityId, "activityId");
        Objects.requireNonNull(patch, "patch");
        policy.activeUser(actor, Right.EDIT, null);
        Instant now = now();
        AfterCommit after = new AfterCommit();
        Activity result = store.inTransaction(tx -> {
            Activity current = load(tx, activityId);
            Lead lead = AfterCommit.lead(tx, current.leadId());
            gate.check(tx, actor, Right.VIEW, lead);
            if (current.version() != expectedVersion) {
                throw ConflictException.staleVersion("activity", activityId, expectedVersion, current.version());
            }
            gate.check(tx, actor, Right.EDIT, lead);
            String assignee = patch.assigneeId().orElse(current.assigneeId());
            requireMayAssign(actor, current.assigneeId(), assignee);
            List<FieldError> errors = new ArrayList<>();
            ActivityType type = patch.type().map(t -> t.equals(current.type()) ? t : type(t, errors)).orElse(current.type());
            String subject = patch.subject().map(s -> Inputs.subject(s, errors)).orElse(current.subject());
            Optional<Instant> start = patch.start().map(v -> v.map(t -> Inputs.instant(t, "start", errors)))
                    .orElse(current.start());
            Optional<Instant> due = patch.due().map(v -> v.map(t -> Inputs.instant(t, "due", errors))).orElse(current.due());
            Optional<Duration> duration = patch.duration().map(v -> v.map(d -> Inputs.duration(d, errors)))
                    .orElse(current.duration());
            Set<ReminderOffset> reminders = patch.reminders().orElse(current.reminders());
            Set<String> invited = patch.attendees().orElse(current.attendees().keySet());
            checkPlan(start, due, reminders, errors);
            if (!assignee.equals(current.assigneeId())) {
                checkAssignee(tx, lead, assignee, errors);
            }
            Set<String> newlyInvited = new TreeSet<>(invited);
            newlyInvited.removeAll(current.attendees().keySet());
            checkAttendees(newlyInvited, errors);
            if (!errors.isEmpty()) {
                throw new ValidationException(errors);
            }
            Activity next = current.withPlan(type, subject, start, due, duration, assignee, reminders, invited);
            List<FieldChange> changes = changes(current, next);
            if (changes.isEmpty()) {
                return current;
            }
            tx.activities().update(next);
            history(tx, next, actor, now, HistoryAction.ACTIVITY_CHANGED, changes);
            after.raise(new LeadEvent.ActivityChanged(next.leadId(), actor.userId(), now, next.id(), properties(changes)));
            if (!assignee.equals(current.assigneeId())) {
                notifyAssigned(after, actor, next, now);
            }
            notifyInvited(after, actor, next, newlyInvited, now);
            return next;
        });
        after.send(events, notifications);
        return result;
    }

    /**
     * Marks an activity done, now. Completing a done activity changes nothing.
     *
     * @param actor      who completes it; needs {@link Right#EDIT} on the lead, or to be the
     *                   assignee with {@link Right#VIEW}
     * @param activityId the activity
     * @return the activity, done
     */
    public Activity complete(Actor actor, String activityId) {
        return setDone(actor, activityId, true);
    }

    /**
     * Opens a completed activity again; its reminders fire again. Reopening an open activity
     * changes nothing.
     *
     * @param actor      who reopens it; needs {@link Right#EDIT} on the lead, or to be the assignee
     *                   with {@link Right#VIEW}
     * @param activityId the activity
     * @return the activity, open
     */
    public Activity reopen(Actor actor, String activityId) {
        return setDone(actor, activityId, false);
    }

    private Activity setDone(Actor actor, String activityId, boolean done) {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(activityId, "activityId");
        policy.activeUser(actor, Right.EDIT, null);
        return AfterCommit.retrying(() -> {
            Instant now = now();
            AfterCommit after = new AfterCommit();
            Activity result = store.inTransaction(tx -> {
                Activity current = load(tx, activityId);
                Lead lead = AfterCommit.lead(tx, current.leadId());
                boolean ownTask = current.assigneeId().equals(actor.userId())
                        && gate.rights(tx, actor, lead).contains(Right.VIEW) && !lead.isDeleted();
                if (!ownTask) {
                    gate.check(tx, actor, Right.EDIT, lead);
                }
                if (current.done() == done) {
                    return current;
                }
                Activity next = done ? current.completed(now) : current.reopened();
                tx.activities().update(next);
                FieldChange change = FieldChange.of(key(next, "done"), current.doneAt().map(Instant::toString).orElse(null),
                        next.doneAt().map(Instant::toString).orElse(null));
                history(tx, next, actor, now, done ? HistoryAction.ACTIVITY_COMPLETED : HistoryAction.ACTIVITY_REOPENED,
                        List.of(change));
                after.raise(done
                        ? new LeadEvent.ActivityCompleted(next.leadId(), actor.userId(), now, next.id(), next.type().code())
                        : new LeadEvent.ActivityChanged(next.leadId(), actor.userId(), now, next.id(), Set.of("done")));
                return next;
            });
            after.send(events, notifications);
            return result;
        });
    }

    /**
     * An invited user accepts or declines a meeting (seed 003: "which attendees accepted and
     * which declined"). The assignee is told ({@code activity.responded}). Answering the same way
     * twice changes nothing.
     *
     * @param actor      an attendee of the activity
     * @param activityId the activity
     * @param response   {@link Activity.Response#ACCEPTED} or {@link Activity.Response#DECLINED}
     * @return the activity with the answer
     * @throws AccessDeniedException when the actor is not invited
     * @throws ConflictException     {@code lead.deleted} when the lead is deleted
     */
    public Activity respond(Actor actor, String activityId, Activity.Response response) {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(activityId, "activityId");
        Objects.requireNonNull(response, "response");
        if (response == Activity.Response.PENDING) {
            throw ValidationException.of("response", "activity.response.invalid", "an answer accepts or declines");
        }
        policy.activeUser(actor, Right.EDIT, null);
        return AfterCommit.retrying(() -> {
            Instant now = now();
            AfterCommit after = new AfterCommit();
            Activity result = store.inTransaction(tx -> {
                Activity current = load(tx, activityId);
                // An invitation is its own permission: an attendee need not hold rights on the lead.
                if (!current.isAttendee(actor.userId())) {
                    throw new AccessDeniedException(actor, Right.EDIT, current.leadId(),
                            "only an attendee of the activity may answer its invitation");
                }
                Lead lead = AfterCommit.lead(tx, current.leadId());
                if (lead.isDeleted()) {
                    throw new ConflictException("lead.deleted", "Lead '" + lead.id() + "' is deleted; restore it first.");
                }
                Activity.Response before = current.attendees().get(actor.userId());
                if (before == response) {
                    return current;
                }
                Activity next = current.withResponse(actor.userId(), response);
                tx.activities().update(next);
                String property = "attendee:" + actor.userId();
                history(tx, next, actor, now, HistoryAction.ATTENDEE_RESPONDED,
                        List.of(FieldChange.of(key(next, property), lower(before), lower(response))));
                after.raise(new LeadEvent.ActivityChanged(next.leadId(), actor.userId(), now, next.id(), Set.of(property)));
                if (!next.assigneeId().equals(actor.userId())) {
                    after.notify(new Notification(next.assigneeId(), "activity.responded", Optional.of(next.leadId()),
                            Map.of("activityId", next.id(), "attendeeId", actor.userId(), "response", lower(response)), now));
                }
                return next;
            });
            after.send(events, notifications);
            return result;
        });
    }

    /**
     * The reminders that fire inside the half-open window {@code [from, to)}: of open activities
     * with a due time, on leads the actor may see (the store scopes the query by the actor's
     * visibility, as for lead lists), each addressed to the activity's assignee. A scheduler that
     * asks for consecutive windows ({@code [t0, t1)}, {@code [t1, t2)}, …) sees every reminder
     * exactly once. Activities on deleted leads remind no one.
     *
     * @param actor who asks, usually a scheduler's service user with the Admin role
     * @param from  the window's start (included)
     * @param to    the window's end (excluded); not before {@code from}
     * @return the reminders, earliest first (ties by activity id, then longest offset first)
     */
    public List<Reminder> reminders(Actor actor, Instant from, Instant to) {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("a reminder window ends no earlier than it starts");
        }
        Visibility visibility = policy.visibility(actor);
        List<Activity> candidates = store.inTransaction(tx -> tx.activities().reminderCandidates(visibility, from, to));
        List<Reminder> firing = new ArrayList<>();
        for (Activity activity : candidates) {
            firing.addAll(activity.remindersBetween(from, to));
        }
        firing.sort(Reminder.ORDER);
        return List.copyOf(firing);
    }

    // ------------------------------------------------------------------ rules

    private ActivityType type(ActivityType type, List<FieldError> errors) {
        if (!types.contains(type)) {
            errors.add(new FieldError("type", "activity.type.unknown", "the type is one of "
                    + types.stream().map(ActivityType::code).sorted().collect(Collectors.joining(", "))));
        }
        return type;
    }

    private static void checkPlan(Optional<Instant> start, Optional<Instant> due, Set<ReminderOffset> reminders,
                                  List<FieldError> errors) {
        // Values rejected earlier are null inside the optionals' maps: Optional.map made them empty.
        if (start.isPresent() && due.isPresent() && due.get().isBefore(start.get())) {
            errors.add(new FieldError("due", "activity.due.before_start", "the due time lies at or after the start"));
        }
        if (!reminders.isEmpty() && due.isEmpty()) {
            errors.add(new FieldError("reminders", "activity.reminders.need_due", "reminders need a due time; set one"));
        }
    }

    /** Only an actor holding ASSIGN_OTHERS gives an activity to someone else (seed 003). */
    private void requireMayAssign(Actor actor, String currentAssignee, String assignee) {
        if (!assignee.equals(actor.userId()) && !assignee.equals(currentAssignee)) {
            policy.require(actor, Right.ASSIGN_OTHERS);
        }
    }

    private void checkAssignee(StoreTransaction tx, Lead lead, String assignee, List<FieldError> errors) {
        Optional<User> user = directory.user(assignee).filter(User::active);
        if (user.isEmpty()) {
            errors.add(new FieldError("assigneeId", "activity.assignee.unknown", "the assignee names no active user"));
        } else if (!gate.rights(tx, Actor.of(assignee), lead).contains(Right.VIEW)) {
            errors.add(new FieldError("assigneeId", "activity.assignee.cannot_view",
                    "the assignee cannot view this lead; share it with them first"));
        }
    }

    private void checkAttendees(Collection<String> attendees, List<FieldError> errors) {
        for (String attendee : attendees) {
            if (directory.user(attendee).filter(User::active).isEmpty()) {
                errors.add(new FieldError("attendees", "activity.attendee.unknown",
                        "every attendee must be an active user; one is not"));
                return;
            }
        }
    }

    // ------------------------------------------------------------------ internals

    private void notifyAssigned(AfterCommit after, Actor actor, Activity activity, Instant now) {
        if (!activity.assigneeId().equals(actor.userId())) {
            after.notify(new Notification(activity.assigneeId(), "activity.assigned", Optional.of(activity.leadId()),
                    Map.of("activityId", activity.id(), "type", activity.type().code(), "by", actor.userId()), now));
        }
    }

    private void notifyInvited(AfterCommit after, Actor actor, Activity activity, Collection<String> invited, Instant now) {
        for (String attendee : new TreeSet<>(invited)) {
            if (!attendee.equals(actor.userId())) {
                after.notify(new Notification(attendee, "activity.invited", Optional.of(activity.leadId()),
                        Map.of("activityId", activity.id(), "type", activity.type().code(), "by", actor.userId()), now));
            }
        }
    }

    private static void history(StoreTransaction tx, Activity activity, Actor actor, Instant now, HistoryAction action,
                                List<FieldChange> changes) {
        tx.history().append(new HistoryEntry(0, activity.leadId(), now, actor.userId(), action, changes));
    }

    /** Property changes in a fixed order; {@code before == null} lists every value of {@code after}. */
    /**
     * Stores a new activity and its history entry inside a transaction another service holds —
     * how the workflow's task templates create tasks in the same transaction as the status move.
     * The caller has checked rights and built a valid activity.
     *
     * @param tx       the open transaction
     * @param activity the new activity, version 1
     * @param actorId  who caused it
     * @param at       when
     */
    public static void addWithin(StoreTransaction tx, Activity activity, String actorId, Instant at) {
        tx.activities().insert(activity);
        tx.history().append(new HistoryEntry(0, activity.leadId(), at, actorId, HistoryAction.ACTIVITY_ADDED,
                changes(null, activity)));
    }

    static List<FieldChange> changes(Activity before, Activity after) {
        Map<String, String> old = before == null ? Map.of() : values(before);
        Map<String, String> now = values(after);
        List<FieldChange> changes = new ArrayList<>();
        for (String property : now.keySet()) {
            if (!Objects.equals(old.get(property), now.get(property))) {
                changes.add(FieldChange.of(key(after, property), old.get(property), now.get(property)));
            }
        }
        return changes;
    }

    private static Map<String, String> values(Activity a) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("type", a.type().code());
        values.put("subject", a.subject());
        values.put("start", a.start().map(Instant::toString).orElse(null));
        values.put("due", a.due().map(Instant::toString).orElse(null));
        values.put("duration", a.duration().map(Duration::toString).orElse(null));
        values.put("assignee", a.assigneeId());
        values.put("done", a.doneAt().map(Instant::toString).orElse(null));
        values.put("reminders", a.reminders().isEmpty() ? null
                : a.reminders().stream().map(ReminderOffset::key).collect(Collectors.joining(",")));
        values.put("attendees", a.attendees().isEmpty() ? null : String.join(",", a.attendees().keySet()));
        return values;
    }

    private static Set<String> properties(List<FieldChange> changes) {
        Set<String> properties = new LinkedHashSet<>();
        for (FieldChange c : changes) {
            properties.add(c.field().substring(c.field().indexOf('.') + 1));
        }
        return properties;
    }

    private static String key(Activity activity, String property) {
        return "activity:" + activity.id() + "." + property;
    }

    private static String lower(Activity.Response response) {
        return response.name().toLowerCase(Locale.ROOT);
    }

    private static Activity load(StoreTransaction tx, String activityId) {
        return tx.activities().find(activityId).orElseThrow(() -> new NotFoundException("activity", activityId));
    }

    /** Microseconds: the finest precision every supported database keeps. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
