package dev.leadkit.workflow;

import dev.leadkit.Actor;
import dev.leadkit.IdGenerator;
import dev.leadkit.activity.ActivityType;
import dev.leadkit.ConflictException;
import dev.leadkit.InvalidTransitionException;
import dev.leadkit.NotFoundException;
import dev.leadkit.ValidationException;
import dev.leadkit.access.AccessPolicy;
import dev.leadkit.access.LeadGate;
import dev.leadkit.access.Right;
import dev.leadkit.activity.FieldChange;
import dev.leadkit.activity.HistoryAction;
import dev.leadkit.activity.HistoryEntry;
import dev.leadkit.event.EventPublisher;
import dev.leadkit.event.LeadEvent;
import dev.leadkit.lead.Lead;
import dev.leadkit.lead.LeadField;
import dev.leadkit.lead.LeadId;
import dev.leadkit.store.LeadListing;
import dev.leadkit.store.LeadSort;
import dev.leadkit.store.Settings;
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
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The status workflow (requirements W1–W4, W7, W8): moves allowed by the one transition table,
 * closing with a reason, locked statuses that move by themselves, status history and time in
 * status, and the kanban board. Every move checks the actor's right, runs in one transaction,
 * writes history and publishes {@link LeadEvent.StatusChanged} after commit.
 *
 * <pre>{@code
 * WorkflowService workflow = kit.workflow();
 * Lead contacted = workflow.move(ayse, id, "contacted", lead.version());
 * Lead lost = workflow.close(ayse, id, "lost", "competitor", contacted.version());
 * List<StatusChange> history = workflow.statusHistory(ayse, id);
 * Kanban board = workflow.kanban(ayse);
 * }</pre>
 *
 * @since 0.1
 */
public final class WorkflowService {

    static final String TRANSITIONS_KEY = "workflow.transitions";
    static final String LOCKED_KEY = "workflow.lockedStatuses";
    static final String AUTO_PREFIX = "workflow.auto.";
    static final String KANBAN_LIMIT_KEY = "kanban.limit";
    static final String KANBAN_SORT_KEY = "kanban.sort";
    static final String KANBAN_CLOSED_KEY = "kanban.includeClosed";

    /** The largest per-column kanban limit. */
    public static final int MAX_KANBAN_LIMIT = 100;

    private static final Logger LOG = LoggerFactory.getLogger(WorkflowService.class);

    private final Store store;
    private final LeadGate gate;
    private final AccessPolicy policy;
    private final Clock clock;
    private final EventPublisher events;
    private final IdGenerator ids;
    private final java.util.Set<ActivityType> activityTypes;

    /**
     * Usually obtained from {@code LeadKit.workflow()}.
     *
     * @param store  where leads and settings live
     * @param gate   the access rules per lead
     * @param clock  the time source
     * @param events LeadKit's event bus (status changes are published there)
     * @param ids    makes the ids of templated tasks
     * @param activityTypes the activity types task templates may use
     */
    public WorkflowService(Store store, LeadGate gate, Clock clock, EventPublisher events, IdGenerator ids,
                           java.util.Set<ActivityType> activityTypes) {
        this.ids = Objects.requireNonNull(ids, "ids");
        this.activityTypes = java.util.Set.copyOf(activityTypes);
        this.store = Objects.requireNonNull(store, "store");
        this.gate = Objects.requireNonNull(gate, "gate");
        this.policy = gate.policy();
        this.clock = Objects.requireNonNull(clock, "clock");
        this.events = Objects.requireNonNull(events, "events");
    }

    // ------------------------------------------------------------------ configuration

    /** @return the transition table in force */
    public Workflow transitions() {
        return store.inTransaction(WorkflowService::workflow);
    }

    /**
     * Replaces the transition table. Stored, so it survives a restart.
     *
     * @param actor    an Admin
     * @param workflow the table; every code must be a status of the catalogue, no move may lead into or out of a
     *                 converted status
     * @throws NotFoundException   when the table names an unknown status
     * @throws ValidationException {@code workflow.transition.to_converted} or {@code workflow.transition.from_converted}
     */
    public void setTransitions(Actor actor, Workflow workflow) {
        Objects.requireNonNull(workflow, "workflow");
        policy.require(actor, Right.MANAGE_SETTINGS);
        store.inTransaction(tx -> {
            Catalogue statuses = CatalogueService.current(tx, CatalogueKind.STATUS);
            workflow.transitions().ifPresent(t -> t.forEach((from, targets) -> {
                requireStatus(statuses, from);
                // A conversion is irreversible (requirement C6): no table may lead out of it either.
                boolean fromConverted = Workflow.category(from, statuses).filter(StatusCategory.CONVERTED::equals).isPresent();
                if (fromConverted && !targets.isEmpty()) {
                    throw ValidationException.of("transitions", "workflow.transition.from_converted",
                            "no move may lead out of a converted status; a conversion is irreversible");
                }
                for (String to : targets) {
                    requireStatus(statuses, to);
                    if (Workflow.category(to, statuses).filter(StatusCategory.CONVERTED::equals).isPresent()) {
                        throw ValidationException.of("transitions", "workflow.transition.to_converted",
                                "no move may lead to a converted status; only a conversion does that");
                    }
                }
            }));
            saveSetting(tx, TRANSITIONS_KEY, workflow.encode());
            return null;
        });
    }

    /** @return whether statuses are locked: they then move only automatically (seed 002) */
    public boolean lockedStatuses() {
        return store.inTransaction(tx -> locked(tx.settings().load()));
    }

    /**
     * Locks or unlocks statuses. Stored.
     *
     * @param actor an Admin
     * @param on    whether statuses move only automatically
     */
    public void setLockedStatuses(Actor actor, boolean on) {
        policy.require(actor, Right.MANAGE_SETTINGS);
        store.inTransaction(tx -> {
            saveSetting(tx, LOCKED_KEY, String.valueOf(on));
            return null;
        });
    }

    /** @return the status each trigger moves to while statuses are locked */
    public Map<AutoTrigger, String> automaticMoves() {
        return store.inTransaction(tx -> autoTargets(tx.settings().load()));
    }

    /**
     * Sets which status a trigger moves to while statuses are locked, or turns the trigger off.
     *
     * @param actor  an Admin
     * @param trigger the trigger
     * @param status an open or working status code, or empty to turn the trigger off
     * @throws NotFoundException   when the status is unknown
     * @throws ValidationException {@code workflow.auto_move.not_open} for a closed or converted status
     */
    public void setAutomaticMove(Actor actor, AutoTrigger trigger, Optional<String> status) {
        Objects.requireNonNull(trigger, "trigger");
        Objects.requireNonNull(status, "status");
        policy.require(actor, Right.MANAGE_SETTINGS);
        store.inTransaction(tx -> {
            status.ifPresent(s -> {
                Catalogue statuses = CatalogueService.current(tx, CatalogueKind.STATUS);
                requireStatus(statuses, s);
                // An automatic move would close a lead without a reason (W7) or convert it without a conversion.
                StatusCategory category = Workflow.category(s, statuses).orElseThrow();
                if (category == StatusCategory.CLOSED || category == StatusCategory.CONVERTED) {
                    throw ValidationException.of("status", "workflow.auto_move.not_open",
                            "an automatic move leads to an open or working status; "
                                    + "closing needs a reason and converting needs a conversion");
                }
            });
            saveSetting(tx, AUTO_PREFIX + trigger.key(), status.orElse(""));
            return null;
        });
    }

    /**
     * @param status a status code
     * @return the tasks entering it creates
     */
    public List<TaskTemplate> taskTemplates(String status) {
        Objects.requireNonNull(status, "status");
        return store.inTransaction(tx -> TaskTemplates.templates(tx.settings().load(), status));
    }

    /**
     * Sets the tasks entering a status creates (requirement W5). Stored.
     *
     * @param actor     an Admin
     * @param status    a status of the catalogue
     * @param templates the tasks; each type must be a configured activity type; empty removes them
     */
    public void setTaskTemplates(Actor actor, String status, List<TaskTemplate> templates) {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(templates, "templates");
        policy.require(actor, Right.MANAGE_SETTINGS);
        for (TaskTemplate t : templates) {
            if (activityTypes.stream().noneMatch(type -> type.code().equals(t.type()))) {
                throw ValidationException.of("templates", "workflow.task_template.unknown_type", "activity type '"
                        + t.type() + "' is not configured; allowed: " + activityTypes.stream().map(ActivityType::code).sorted().toList());
            }
        }
        store.inTransaction(tx -> {
            requireStatus(CatalogueService.current(tx, CatalogueKind.STATUS), status);
            saveSetting(tx, TaskTemplates.PREFIX + status, TaskTemplates.encode(templates));
            return null;
        });
    }

    // ------------------------------------------------------------------ moves

    /**
     * @param actor who asks; needs {@link Right#VIEW}
     * @param id    the lead
     * @return the statuses it may move to by hand now (empty while statuses are locked)
     */
    public List<String> allowedTargets(Actor actor, LeadId id) {
        return store.inTransaction(tx -> {
            Lead lead = load(tx, id);
            gate.check(tx, actor, Right.VIEW, lead);
            if (locked(tx.settings().load())) {
                return List.of();
            }
            return workflow(tx).targets(lead.status(), CatalogueService.current(tx, CatalogueKind.STATUS)).stream()
                    .filter(code -> !isClosed(tx, code)).toList();
        });
    }

    /**
     * Moves a lead to another open or working status by hand — or reopens a closed one, where
     * the table allows it.
     *
     * @param actor           who moves it; needs {@link Right#EDIT}
     * @param id              the lead
     * @param status          the target status; not a closed one (use {@link #close})
     * @param expectedVersion the version the caller saw
     * @return the moved lead
     * @throws InvalidTransitionException when the table forbids the move or statuses are locked
     */
    public Lead move(Actor actor, LeadId id, String status, long expectedVersion) {
        Objects.requireNonNull(status, "status");
        return change(actor, id, Right.EDIT, expectedVersion, (tx, lead) -> {
            if (isClosed(tx, status)) {
                throw new InvalidTransitionException(lead.status(), status, targets(tx, lead),
                        "closing needs a reason; use close()");
            }
            checkManualMove(tx, lead.status(), status);
            return new Move(lead.withStatus(status, Optional.empty(), now()), moveChanges(lead, status, Optional.empty()));
        });
    }

    /**
     * Closes a lead as unqualified or lost with a reason (requirement W7). Allowed also while
     * statuses are locked: closing is a person's decision, not part of the automatic flow.
     *
     * @param actor           who closes it; needs {@link Right#CLOSE}
     * @param id              the lead
     * @param status          a closed-category status the table allows from the current one
     * @param reason          an active code of the close-reason catalogue
     * @param expectedVersion the version the caller saw
     * @return the closed lead
     */
    public Lead close(Actor actor, LeadId id, String status, String reason, long expectedVersion) {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(reason, "reason");
        return change(actor, id, Right.CLOSE, expectedVersion, (tx, lead) -> {
            if (!isClosed(tx, status)) {
                throw new InvalidTransitionException(lead.status(), status, targets(tx, lead),
                        "close() moves to a closed status (unqualified, lost …); use move() for others");
            }
            Catalogue reasons = CatalogueService.current(tx, CatalogueKind.CLOSE_REASON);
            if (reasons.entry(reason).filter(CatalogueEntry::active).isEmpty()) {
                throw ValidationException.of("reason", "workflow.close_reason.unknown", "the close reason must be one of "
                        + reasons.activeEntries().stream().map(CatalogueEntry::code).toList());
            }
            workflow(tx).check(lead.status(), status, CatalogueService.current(tx, CatalogueKind.STATUS));
            return new Move(lead.withStatus(status, Optional.of(reason), now()), moveChanges(lead, status, Optional.of(reason)));
        });
    }

    /**
     * Announces that a deal was linked to a lead (seed 002). With locked statuses this moves the
     * lead to the configured status (Offer made by default). The conversion feature calls it; a
     * host linking deals of its own may too.
     *
     * @param actor   who linked the deal; needs {@link Right#EDIT}
     * @param id      the lead
     * @param dealRef the deal's reference
     */
    public void dealLinked(Actor actor, LeadId id, String dealRef) {
        Objects.requireNonNull(dealRef, "dealRef");
        store.inTransaction(tx -> {
            gate.check(tx, actor, Right.EDIT, load(tx, id));
            return null;
        });
        events.publish(new LeadEvent.DealLinked(id.value(), actor.userId(), now(), dealRef));
    }

    /**
     * Reacts to an event of LeadKit's bus: with locked statuses, a trigger moves its lead to the
     * configured status — when the table allows that move from where the lead is (a lead already
     * further along stays) and the lead is not closed or converted (reopening is a person's decision). Called by LeadKit's event bus; hosts raise events through
     * {@code kit.events()}.
     *
     * @param trigger what happened
     * @param leadId  the lead
     * @param actorId whose action it was
     */
    public void onTrigger(AutoTrigger trigger, String leadId, String actorId) {
        Objects.requireNonNull(trigger, "trigger");
        Instant now = now();
        Optional<LeadEvent.StatusChanged> moved = store.inTransaction(tx -> {
            Settings settings = tx.settings().load();
            if (!locked(settings)) {
                return Optional.empty();
            }
            String target = autoTargets(settings).get(trigger);
            Optional<Lead> found = tx.leads().find(LeadId.of(leadId));
            if (target == null || found.isEmpty() || found.get().isDeleted() || found.get().status().equals(target)) {
                return Optional.empty();
            }
            Lead lead = found.get();
            // A closed target would close the lead without a reason; setAutomaticMove refuses one, and this
            // keeps a catalogue changed since (a code deleted and re-added as closed) from doing it.
            // Nor does an automatic move reopen a lead: leaving a closed status is a person's decision.
            boolean ended = Workflow.category(lead.status(), CatalogueService.current(tx, CatalogueKind.STATUS))
                    .filter(c -> c == StatusCategory.CLOSED || c == StatusCategory.CONVERTED).isPresent();
            if (ended || isClosed(tx, target)
                    || !workflow(tx).allows(lead.status(), target, CatalogueService.current(tx, CatalogueKind.STATUS))) {
                return Optional.empty();
            }
            Lead next = lead.withStatus(target, Optional.empty(), now);
            tx.leads().update(next);
            List<FieldChange> changes = new ArrayList<>(moveChanges(lead, target, Optional.empty()));
            changes.add(FieldChange.of("trigger", null, trigger.key()));
            tx.history().append(new HistoryEntry(0, leadId, now, actorId, HistoryAction.STATUS_AUTOMATED, changes));
            TaskTemplates.createFor(tx, next, actorId, now, ids);
            return Optional.of(new LeadEvent.StatusChanged(leadId, actorId, now, lead.status(), target, true));
        });
        moved.ifPresent(event -> {
            LOG.debug("Lead {} moved automatically to {} on {}", leadId, event.to(), trigger.key());
            events.publish(event);
        });
    }

    /**
     * Checks a hand-made status change, as a patch or a move makes it: not while statuses are
     * locked, not into a closed status (that needs a reason), and only along the table.
     *
     * @param tx   the open transaction
     * @param from the current status
     * @param to   the wanted status
     * @throws InvalidTransitionException when it is not allowed
     */
    public static void checkManualMove(StoreTransaction tx, String from, String to) {
        Catalogue statuses = CatalogueService.current(tx, CatalogueKind.STATUS);
        Workflow workflow = workflow(tx);
        if (locked(tx.settings().load())) {
            throw new InvalidTransitionException(from, to, List.of(),
                    "statuses are locked: they move automatically when calls, e-mails or contact notes are logged and deals linked");
        }
        if (Workflow.category(to, statuses).filter(StatusCategory.CLOSED::equals).isPresent()) {
            throw new InvalidTransitionException(from, to, workflow.targets(from, statuses),
                    "closing needs a reason; use the workflow's close()");
        }
        workflow.check(from, to, statuses);
    }

    // ------------------------------------------------------------------ history

    /**
     * @param actor who asks; needs {@link Right#VIEW}
     * @param id    the lead
     * @return every status the lead had, oldest first, read from its history
     */
    public List<StatusChange> statusHistory(Actor actor, LeadId id) {
        return store.inTransaction(tx -> {
            gate.check(tx, actor, Right.VIEW, load(tx, id));
            return statusChanges(tx.history().forLead(id.value()));
        });
    }

    /**
     * Time spent in each status: from each status change to the next, the last until now. The
     * durations add up to the time since the lead was created.
     *
     * @param actor who asks; needs {@link Right#VIEW}
     * @param id    the lead
     * @return duration per status code, in order of first entry
     */
    public Map<String, Duration> timeInStatus(Actor actor, LeadId id) {
        Instant now = now();
        List<StatusChange> changes = statusHistory(actor, id);
        Map<String, Duration> spent = new LinkedHashMap<>();
        for (int i = 0; i < changes.size(); i++) {
            Instant end = i + 1 < changes.size() ? changes.get(i + 1).at() : now;
            Instant start = changes.get(i).at();
            Duration d = end.isBefore(start) ? Duration.ZERO : Duration.between(start, end);
            spent.merge(changes.get(i).to(), d, Duration::plus);
        }
        return spent;
    }

    static List<StatusChange> statusChanges(List<HistoryEntry> history) {
        List<StatusChange> changes = new ArrayList<>();
        for (HistoryEntry entry : history) {
            Optional<FieldChange> status = entry.changes().stream().filter(c -> c.field().equals("status")).findFirst();
            if (status.isEmpty() || status.get().after().isEmpty()) {
                continue;
            }
            Optional<String> reason = entry.changes().stream().filter(c -> c.field().equals("closeReason"))
                    .findFirst().flatMap(FieldChange::after);
            changes.add(new StatusChange(entry.at(), entry.actorId(), status.get().before(), status.get().after().get(),
                    reason, entry.action() == HistoryAction.STATUS_AUTOMATED));
        }
        return changes;
    }

    // ------------------------------------------------------------------ kanban

    /**
     * The kanban board with the stored settings (default: 20 cards per column, longest in status
     * first, open and working statuses only).
     *
     * @param actor who looks; sees only leads they may view
     * @return the board
     */
    public Kanban kanban(Actor actor) {
        Settings settings = store.inTransaction(tx -> tx.settings().load());
        int limit = settings.get(KANBAN_LIMIT_KEY).map(Integer::parseInt).orElse(20);
        LeadSort sort = settings.get(KANBAN_SORT_KEY).map(LeadSort::valueOf).orElse(LeadSort.LONGEST_IN_STATUS);
        boolean closed = settings.get(KANBAN_CLOSED_KEY).map(Boolean::parseBoolean).orElse(false);
        return kanban(actor, limit, sort, closed);
    }

    /**
     * The kanban board (requirement W8): one column per active status, with the count of visible
     * leads and the first cards. The store answers with one query for all counts and one per column.
     *
     * @param actor         who looks; sees only leads they may view
     * @param perColumn     cards per column, 1 to 100
     * @param sort          the order of cards within a column
     * @param includeClosed whether closed and converted statuses get columns too
     * @return the board
     */
    public Kanban kanban(Actor actor, int perColumn, LeadSort sort, boolean includeClosed) {
        Objects.requireNonNull(sort, "sort");
        if (perColumn < 1 || perColumn > MAX_KANBAN_LIMIT) {
            throw ValidationException.of("perColumn", "kanban.limit.invalid",
                    "cards per column must be between 1 and " + MAX_KANBAN_LIMIT);
        }
        Visibility visibility = policy.visibility(actor);
        return store.inTransaction(tx -> {
            Map<String, Long> counts = tx.leads().countByStatus(visibility);
            List<Kanban.Column> columns = new ArrayList<>();
            for (CatalogueEntry status : CatalogueService.current(tx, CatalogueKind.STATUS).activeEntries()) {
                StatusCategory category = status.category().orElseThrow();
                if (!includeClosed && (category == StatusCategory.CLOSED || category == StatusCategory.CONVERTED)) {
                    continue;
                }
                long count = counts.getOrDefault(status.code(), 0L);
                List<Lead> cards = count == 0 ? List.of() : tx.leads().list(
                        new LeadListing(visibility, Optional.of(status.code()), sort, false, 0, perColumn));
                columns.add(new Kanban.Column(status, count, cards));
            }
            return new Kanban(columns);
        });
    }

    /**
     * Stores the board's defaults (seed 002: the number of cards and their order).
     *
     * @param actor         an Admin
     * @param perColumn     cards per column, 1 to 100
     * @param sort          card order
     * @param includeClosed whether closed statuses get columns
     */
    public void setKanbanDefaults(Actor actor, int perColumn, LeadSort sort, boolean includeClosed) {
        policy.require(actor, Right.MANAGE_SETTINGS);
        if (perColumn < 1 || perColumn > MAX_KANBAN_LIMIT) {
            throw ValidationException.of("perColumn", "kanban.limit.invalid",
                    "cards per column must be between 1 and " + MAX_KANBAN_LIMIT);
        }
        store.inTransaction(tx -> {
            Settings s = tx.settings().load().with(KANBAN_LIMIT_KEY, String.valueOf(perColumn))
                    .with(KANBAN_SORT_KEY, sort.name()).with(KANBAN_CLOSED_KEY, String.valueOf(includeClosed));
            tx.settings().save(new Settings(s.values(), tx.settings().load().version() + 1));
            return null;
        });
    }

    // ------------------------------------------------------------------ internals

    /** A status change to store and the history changes that describe it. */
    private record Move(Lead next, List<FieldChange> changes) {
    }

    private Lead change(Actor actor, LeadId id, Right right, long expectedVersion,
                        java.util.function.BiFunction<StoreTransaction, Lead, Move> decide) {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(id, "id");
        policy.activeUser(actor, right, id.value());
        Move[] done = new Move[1];
        String[] from = new String[1];
        Lead result = store.inTransaction(tx -> {
            Lead lead = load(tx, id);
            gate.check(tx, actor, Right.VIEW, lead);
            if (lead.version() != expectedVersion) {
                throw ConflictException.staleVersion("lead", id.value(), expectedVersion, lead.version());
            }
            if (lead.isDeleted()) {
                throw new ConflictException("lead.deleted", "Lead '" + id + "' is deleted; restore it before changing it.");
            }
            gate.check(tx, actor, right, lead);
            Move move = decide.apply(tx, lead);
            tx.leads().update(move.next());
            tx.history().append(new HistoryEntry(0, id.value(), move.next().updatedAt(), actor.userId(),
                    HistoryAction.STATUS_CHANGED, move.changes()));
            TaskTemplates.createFor(tx, move.next(), actor.userId(), move.next().updatedAt(), ids);
            done[0] = move;
            from[0] = lead.status();
            return move.next();
        });
        events.publish(new LeadEvent.StatusChanged(id.value(), actor.userId(), result.updatedAt(), from[0],
                result.status(), false));
        return result;
    }

    /**
     * The history changes of a move: the status, the close reason when closing (the status history
     * reads it from there), and a reopened lead's cleared reason, so the audit log misses nothing.
     */
    private static List<FieldChange> moveChanges(Lead lead, String to, Optional<String> reason) {
        List<FieldChange> changes = new ArrayList<>();
        changes.add(FieldChange.of("status", lead.status(), to));
        if (reason.isPresent() || lead.closeReason().isPresent()) {
            changes.add(FieldChange.of("closeReason", lead.closeReason().orElse(null), reason.orElse(null)));
        }
        return changes;
    }

    private List<String> targets(StoreTransaction tx, Lead lead) {
        return workflow(tx).targets(lead.status(), CatalogueService.current(tx, CatalogueKind.STATUS));
    }

    private static boolean isClosed(StoreTransaction tx, String code) {
        return Workflow.category(code, CatalogueService.current(tx, CatalogueKind.STATUS))
                .filter(StatusCategory.CLOSED::equals).isPresent();
    }

    private static Workflow workflow(StoreTransaction tx) {
        return Workflow.decode(tx.settings().load().get(TRANSITIONS_KEY).orElse(""));
    }

    private static boolean locked(Settings settings) {
        return settings.get(LOCKED_KEY).map(Boolean::parseBoolean).orElse(false);
    }

    private static Map<AutoTrigger, String> autoTargets(Settings settings) {
        Map<AutoTrigger, String> targets = new EnumMap<>(AutoTrigger.class);
        for (AutoTrigger t : AutoTrigger.values()) {
            String v = settings.get(AUTO_PREFIX + t.key()).orElse(t.defaultTarget());
            if (!v.isEmpty()) {
                targets.put(t, v);
            }
        }
        return targets;
    }

    private static void saveSetting(StoreTransaction tx, String key, String value) {
        tx.settings().save(tx.settings().load().with(key, value));
    }

    private static void requireStatus(Catalogue statuses, String code) {
        if (statuses.entry(code).isEmpty()) {
            throw new NotFoundException("status", code);
        }
    }

    private static Lead load(StoreTransaction tx, LeadId id) {
        Objects.requireNonNull(id, "id");
        return tx.leads().find(id).orElseThrow(() -> new NotFoundException("lead", id.value()));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
