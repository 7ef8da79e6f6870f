package dev.leadkit.lead;

import dev.leadkit.Actor;
import dev.leadkit.ConflictException;
import dev.leadkit.DuplicateFoundException;
import dev.leadkit.FieldError;
import dev.leadkit.IdGenerator;
import dev.leadkit.NotFoundException;
import dev.leadkit.ValidationException;
import dev.leadkit.access.AccessPolicy;
import dev.leadkit.access.Directory;
import dev.leadkit.access.LeadGate;
import dev.leadkit.access.Right;
import dev.leadkit.dedupe.CheckedLead;
import dev.leadkit.dedupe.Decision;
import dev.leadkit.dedupe.DuplicatePolicy;
import dev.leadkit.dedupe.LeadMatching;
import dev.leadkit.dedupe.MatchRules;
import dev.leadkit.dedupe.Matcher;
import dev.leadkit.dedupe.Match;
import dev.leadkit.dedupe.MatchRecord;
import dev.leadkit.activity.FieldChange;
import dev.leadkit.activity.HistoryAction;
import dev.leadkit.activity.HistoryEntry;
import dev.leadkit.event.EventPublisher;
import dev.leadkit.event.LeadEvent;
import dev.leadkit.event.Notification;
import dev.leadkit.event.NotificationSink;
import dev.leadkit.field.CustomFields;
import dev.leadkit.field.CustomValues;
import dev.leadkit.field.FieldValue;
import dev.leadkit.internal.AfterCommit;
import dev.leadkit.store.LeadListing;
import dev.leadkit.store.Settings;
import dev.leadkit.store.Store;
import dev.leadkit.store.StoreTransaction;
import dev.leadkit.workflow.Catalogue;
import dev.leadkit.workflow.CatalogueKind;
import dev.leadkit.workflow.CatalogueEntry;
import dev.leadkit.workflow.CatalogueService;
import dev.leadkit.workflow.StatusCategory;
import dev.leadkit.workflow.TaskTemplates;
import dev.leadkit.workflow.WorkflowService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

/**
 * Creates, reads, changes, deletes and restores leads, and keeps their history (requirements M1,
 * M2, W1, P0, A4). Each call takes the acting user first and runs in one store transaction:
 * the lead and its history entry are stored together or not at all. Events are published after
 * the transaction committed.
 *
 * <p>Input is normalised (NFC, trimmed, e-mail lower-case) and validated; a
 * {@link ValidationException} lists every problem at once, and nothing is stored.
 *
 * <pre>{@code
 * LeadService leads = kit.leads();
 * Lead egon = leads.create(ayse, LeadDraft.builder().firstName("Egon").lastName("Tester").build());
 * Lead edited = leads.update(ayse, egon.id(),
 *         LeadPatch.builder().set(LeadField.COMPANY, "Gardinfirmaet ApS").build(), egon.version());
 * List<HistoryEntry> history = leads.history(ayse, egon.id());
 * }</pre>
 *
 * <p>Thread-safe and stateless: state lives in the store.
 *
 * @since 0.1
 */
public final class LeadService {

    /** The settings key holding the required fields, comma-separated field keys. */
    static final String REQUIRED_FIELDS_KEY = "lead.requiredFields";

    /** Fields that always have a value and so cannot be made required. */
    private static final Set<LeadField> NOT_REQUIRABLE =
            EnumSet.of(LeadField.STATUS, LeadField.SOURCE, LeadField.LEAD_DATE, LeadField.OWNER);

    private static final Set<LeadField> DEFAULT_REQUIRED = EnumSet.of(LeadField.FIRST_NAME, LeadField.LAST_NAME);

    private static final Logger LOG = LoggerFactory.getLogger(LeadService.class);

    private final Store store;
    private final AccessPolicy policy;
    private final LeadGate gate;
    private final NotificationSink notifications;
    private final LeadValidator validator;
    private final Clock clock;
    private final IdGenerator ids;
    private final EventPublisher events;
    private final LeadMatching matching;

    /**
     * Usually obtained from {@code LeadKit.leads()}.
     *
     * @param store         where leads live
     * @param directory     the host's users
     * @param gate          who may do what, per lead
     * @param clock         the time source
     * @param ids           makes lead ids
     * @param events        receives events after commit
     * @param notifications tells owners and followers of changes ({@code lead.changed})
     */
    public LeadService(Store store, Directory directory, LeadGate gate, Clock clock, IdGenerator ids,
                       EventPublisher events, NotificationSink notifications) {
        this(store, directory, gate, clock, ids, events, notifications,
                new LeadMatching(gate.policy(), Matcher.of(MatchRules.defaults())));
    }

    /**
     * Usually obtained from {@code LeadKit.leads()}.
     *
     * @param store         where leads live
     * @param directory     the host's users
     * @param gate          who may do what, per lead
     * @param clock         the time source
     * @param ids           makes lead ids
     * @param events        receives events after commit
     * @param notifications tells owners and followers of changes ({@code lead.changed})
     * @param matching      the duplicate check and candidate index, kept current on every change
     * @since 0.2
     */
    public LeadService(Store store, Directory directory, LeadGate gate, Clock clock, IdGenerator ids,
                       EventPublisher events, NotificationSink notifications, LeadMatching matching) {
        this.matching = Objects.requireNonNull(matching, "matching");
        this.store = Objects.requireNonNull(store, "store");
        this.gate = Objects.requireNonNull(gate, "gate");
        this.policy = gate.policy();
        this.notifications = Objects.requireNonNull(notifications, "notifications");
        this.validator = new LeadValidator(Objects.requireNonNull(directory, "directory"));
        this.clock = Objects.requireNonNull(clock, "clock");
        this.ids = Objects.requireNonNull(ids, "ids");
        this.events = Objects.requireNonNull(events, "events");
    }

    /**
     * Creates a lead. Status and source default to the catalogues' defaults, the lead date to
     * now, the owner to the actor (unless the draft names another owner or none).
     *
     * @param actor who creates it; becomes {@code createdBy}
     * @param draft the values
     * @return the stored lead, version 1
     * @throws ValidationException when any value is invalid or a required field is missing
     * @throws ConflictException   {@code lead.external_id.taken} when another lead holds the external id
     * @throws DuplicateFoundException when the duplicate policy is {@link DuplicatePolicy#BLOCK} and
     *                                 the lead is a duplicate of a stored lead; nothing is stored
     */
    public Lead create(Actor actor, LeadDraft draft) {
        Objects.requireNonNull(draft, "draft");
        return createAll(actor, List.of(draft)).get(0);
    }

    /**
     * Creates a lead like {@link #create} and reports the stored leads it matches (requirement
     * D3): with the {@link DuplicatePolicy#WARN} policy (the default) the lead is stored and the
     * matches — duplicates and possible duplicates the actor may view — come back for the user to
     * look at; with {@link DuplicatePolicy#BLOCK} a duplicate is refused and only possible
     * duplicates come back; with {@link DuplicatePolicy#OFF} nothing is checked.
     *
     * <pre>{@code
     * CheckedLead created = kit.leads().createChecked(ayse, draft);
     * created.matches().forEach(m -> ui.warn(m.otherId(), m.score(), m.explanation()));
     * }</pre>
     *
     * @param actor who creates it
     * @param draft the values
     * @return the stored lead and its matches, best first
     * @throws DuplicateFoundException under {@link DuplicatePolicy#BLOCK}, carrying the matches; nothing is stored
     * @since 0.2
     */
    public CheckedLead createChecked(Actor actor, LeadDraft draft) {
        Objects.requireNonNull(draft, "draft");
        return create(actor, List.of(draft), true, tx -> { }).get(0);
    }

    /**
     * Creates many leads in one transaction — all of them or, when any draft is invalid or a
     * store rule refuses one, none. Each draft is checked as {@link #create} checks it; the
     * catalogues, settings and field definitions are read once for the whole batch. Errors name
     * the draft: {@code drafts[3].email}. Events and notifications go out after commit, one per lead.
     *
     * <pre>{@code
     * List<Lead> created = kit.leads().createAll(admin, drafts);   // e.g. 1,000 rows of an import batch
     * }</pre>
     *
     * @param actor  who creates them; becomes {@code createdBy}
     * @param drafts 1 to 10,000 drafts
     * @return the stored leads, in the order of the drafts
     * @throws ValidationException listing every problem of every draft; nothing is stored
     * @throws ConflictException   {@code lead.external_id.taken} when an external id is held, also within the batch
     * @throws DuplicateFoundException under {@link DuplicatePolicy#BLOCK}, when a draft duplicates a
     *                                 stored lead or an earlier draft of the batch; nothing is stored
     */
    public List<Lead> createAll(Actor actor, List<LeadDraft> drafts) {
        return createAll(actor, drafts, tx -> { });
    }

    /**
     * {@link #createAll(Actor, List)} with more work in the same transaction: {@code alongside} runs
     * after the leads are written and before the commit, so its writes and the leads commit
     * together or not at all. A bulk import uses it to store its job's progress with each batch,
     * which makes a resumed import skip exactly the rows already in.
     *
     * <pre>{@code
     * kit.leads().createAll(admin, batch, tx -> tx.importJobs().update(job.advance(lastRow, counts, now)));
     * }</pre>
     *
     * @param actor     who creates them; becomes {@code createdBy}
     * @param drafts    1 to 10,000 drafts
     * @param alongside more writes for the same transaction; when it throws, nothing is stored
     * @return the stored leads, in the order of the drafts
     * @throws ValidationException listing every problem of every draft; nothing is stored
     * @throws ConflictException   {@code lead.external_id.taken} when an external id is held, also within the batch
     * @since 0.4
     */
    public List<Lead> createAll(Actor actor, List<LeadDraft> drafts, Consumer<StoreTransaction> alongside) {
        return create(actor, drafts, false, alongside).stream().map(CheckedLead::lead).toList();
    }

    private List<CheckedLead> create(Actor actor, List<LeadDraft> drafts, boolean report,
                                     Consumer<StoreTransaction> alongside) {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(drafts, "drafts");
        Objects.requireNonNull(alongside, "alongside");
        if (drafts.isEmpty() || drafts.size() > MAX_BATCH) {
            throw ValidationException.of("drafts", "lead.batch.size", "a batch holds 1 to " + MAX_BATCH + " drafts");
        }
        policy.require(actor, Right.CREATE);
        Instant now = now();
        List<List<Match>> found = new ArrayList<>();
        List<Lead> created = store.inTransaction(tx -> {
            found.clear();
            Creation context = new Creation(tx, now);
            List<FieldError> errors = new ArrayList<>();
            List<Lead> leads = new ArrayList<>(drafts.size());
            for (int i = 0; i < drafts.size(); i++) {
                List<FieldError> own = new ArrayList<>();
                Lead lead = prepare(context, actor, Objects.requireNonNull(drafts.get(i), "draft"), now, own);
                if (drafts.size() == 1) {
                    errors.addAll(own);
                } else {
                    String prefix = "drafts[" + i + "]";
                    own.forEach(e -> errors.add(new FieldError(prefix + "." + e.field(), e.code(), prefix + ": " + e.message())));
                }
                if (lead != null) {
                    leads.add(lead);
                }
            }
            if (!errors.isEmpty()) {
                throw new ValidationException(errors);
            }
            DuplicatePolicy duplicates = matching.policy(tx);
            requireFreeExternalIds(tx, leads);
            // Each lead's blocking keys once, for the check and the index; a big batch on several threads.
            List<Set<String>> keys = (leads.size() >= PARALLEL_KEYS ? leads.parallelStream() : leads.stream())
                    .map(matching::keys).toList();
            for (int i = 0; i < leads.size(); i++) {
                Lead lead = leads.get(i);
                found.add(check(tx, actor, lead, keys.get(i), duplicates, report));
                tx.leads().insert(lead);
                matching.written(tx, lead, keys.get(i));
                tx.history().append(new HistoryEntry(0, lead.id().value(), now, actor.userId(), HistoryAction.CREATED,
                        changes(null, lead)));
                TaskTemplates.createFor(tx, lead, actor.userId(), now, ids);
            }
            alongside.accept(tx);
            return leads;
        });
        List<CheckedLead> checked = new ArrayList<>(created.size());
        for (int i = 0; i < created.size(); i++) {
            checked.add(new CheckedLead(created.get(i), found.get(i)));
        }
        for (Lead lead : created) {
            LOG.debug("Lead {} created by {}", lead.id(), actor.userId());
            publish(new LeadEvent.Created(lead.id().value(), actor.userId(), now));
        }
        return checked;
    }

    /** The most drafts one {@link #createAll} call takes. */
    public static final int MAX_BATCH = 10_000;

    /** Batches at least this large compute their leads' blocking keys on several threads. */
    private static final int PARALLEL_KEYS = 256;

    /** What creating leads reads from the store once per transaction. */
    private final class Creation {
        final Catalogue statuses;
        final Catalogue sources;
        final Set<LeadField> required;
        final CustomFields fields;
        /** The lead date of a draft without one: the creation time, written once for the whole batch. */
        final String leadDate;

        Creation(StoreTransaction tx, Instant now) {
            this.leadDate = now.toString();
            this.statuses = CatalogueService.current(tx, CatalogueKind.STATUS);
            this.sources = CatalogueService.current(tx, CatalogueKind.SOURCE);
            this.required = requiredFields(tx);
            this.fields = tx.customFields().load();
        }
    }

    /** Checks and normalises one draft; returns the new lead, or null after adding errors. */
    private Lead prepare(Creation c, Actor actor, LeadDraft draft, Instant now, List<FieldError> errors) {
        EnumMap<LeadField, String> values = new EnumMap<>(LeadField.class);
        draft.values().forEach((field, raw) -> validator.clean(field, raw, c.statuses, c.sources, now, errors)
                .filter(v -> !v.isEmpty()).ifPresent(v -> values.put(field, v)));
        LeadValidator.requirePresent(c.required, values, EnumSet.allOf(LeadField.class), errors);
        Map<String, Optional<FieldValue>> customInput = new LinkedHashMap<>();
        draft.custom().forEach((k, v) -> customInput.put(k, Optional.of(v)));
        Map<String, FieldValue> custom = CustomValues.apply(c.fields, Map.of(), customInput, true, errors);
        Set<String> tags = cleanTags(draft.tags(), errors);
        List<ProductInterest> products = new ArrayList<>();
        for (ProductInterest p : draft.products()) {
            cleanProduct(p, errors).ifPresent(products::add);
        }
        if (!errors.isEmpty()) {
            return null;
        }
        values.putIfAbsent(LeadField.STATUS, c.statuses.defaultCode());
        StatusCategory initial = c.statuses.entry(values.get(LeadField.STATUS)).flatMap(CatalogueEntry::category)
                .orElseThrow();
        if (initial != StatusCategory.OPEN && initial != StatusCategory.WORKING) {
            errors.add(new FieldError(LeadField.STATUS.key(), "lead.status.not_initial", "status "
                    + "must be an open or working status for a new lead; close it with a reason afterwards, "
                    + "and converted leads come only from a conversion."));
            return null;
        }
        values.putIfAbsent(LeadField.SOURCE, c.sources.defaultCode());
        values.putIfAbsent(LeadField.LEAD_DATE, c.leadDate);
        if (draft.ownerChoice() == LeadDraft.OwnerChoice.CREATOR) {
            values.put(LeadField.OWNER, actor.userId());
        }
        return Lead.of(LeadId.of(ids.next()), 1, values, custom, tags, products, actor.userId(), now, now, false);
    }

    /**
     * @param actor who asks
     * @param id    the lead
     * @return the lead, also when it is soft-deleted ({@link Lead#isDeleted()})
     * @throws NotFoundException when no lead has that id
     */
    public Lead get(Actor actor, LeadId id) {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(id, "id");
        policy.activeUser(actor, Right.VIEW, id.value());
        return store.inTransaction(tx -> {
            Lead lead = load(tx, id);
            gate.check(tx, actor, Right.VIEW, lead);
            return lead;
        });
    }

    /**
     * @param actor      who asks
     * @param externalId the id in the system of origin
     * @return the lead holding it, if any
     * @throws dev.leadkit.AccessDeniedException when a lead holds it but the actor may not view it
     */
    public Optional<Lead> findByExternalId(Actor actor, String externalId) {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(externalId, "externalId");
        policy.activeUser(actor, Right.VIEW, null);
        String key = Texts.clean(externalId, false).value();
        return key.isEmpty() ? Optional.empty() : store.inTransaction(tx -> {
            Optional<Lead> found = tx.leads().findByExternalId(key);
            found.ifPresent(lead -> gate.check(tx, actor, Right.VIEW, lead));
            return found;
        });
    }

    /**
     * Applies a patch to the version the caller saw. A patch that changes nothing returns the lead
     * unchanged (same version, no history entry).
     *
     * @param actor           who changes it
     * @param id              the lead
     * @param patch           the fields to set or clear
     * @param expectedVersion the version the caller read
     * @return the new version of the lead
     * @throws ConflictException   {@code lead.version.stale} when the lead changed since; {@code lead.deleted}
     *                             when it is deleted; {@code lead.external_id.taken}
     * @throws ValidationException when any new value is invalid or a required field is cleared
     * @throws NotFoundException   when no lead has that id
     * @throws DuplicateFoundException when the duplicate policy is {@link DuplicatePolicy#BLOCK} and
     *                                 the changed lead duplicates another stored lead; nothing is stored
     */
    public Lead update(Actor actor, LeadId id, LeadPatch patch, long expectedVersion) {
        return update(actor, id, patch, expectedVersion, false).lead();
    }

    /**
     * Changes a lead like {@link #update} and reports the other stored leads it matches after the
     * change, by the duplicate policy as {@link #createChecked} does. A patch that changes nothing
     * checks nothing.
     *
     * @param actor           who changes it
     * @param id              the lead
     * @param patch           the fields to set or clear
     * @param expectedVersion the version the caller read
     * @return the new version and its matches, best first
     * @throws DuplicateFoundException under {@link DuplicatePolicy#BLOCK}, carrying the matches; nothing is stored
     * @since 0.2
     */
    public CheckedLead updateChecked(Actor actor, LeadId id, LeadPatch patch, long expectedVersion) {
        return update(actor, id, patch, expectedVersion, true);
    }

    private CheckedLead update(Actor actor, LeadId id, LeadPatch patch, long expectedVersion, boolean report) {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(patch, "patch");
        policy.activeUser(actor, Right.EDIT, id.value());
        Instant now = now();
        AtomicReference<Lead> before = new AtomicReference<>();
        Set<String> watchers = new LinkedHashSet<>();
        AtomicReference<List<Match>> found = new AtomicReference<>(List.of());
        Lead updated = store.inTransaction(tx -> {
            Lead current = load(tx, id);
            // Someone who cannot view the lead learns nothing of its version or state; the refusal
            // names EDIT, the right this call needs (P10), which no one holds without VIEW.
            if (!gate.rights(tx, actor, current).contains(Right.VIEW)) {
                gate.check(tx, actor, Right.EDIT, current);
            }
            requireVersion(current, expectedVersion);
            if (current.isDeleted()) {
                throw new ConflictException("lead.deleted", "Lead '" + id + "' is deleted; restore it before changing it.");
            }
            gate.check(tx, actor, Right.EDIT, current);
            Catalogue statuses = CatalogueService.current(tx, CatalogueKind.STATUS);
            Catalogue sources = CatalogueService.current(tx, CatalogueKind.SOURCE);
            List<FieldError> errors = new ArrayList<>();
            EnumMap<LeadField, String> values = new EnumMap<>(current.values());
            patch.changes().forEach((field, raw) -> {
                if (raw.isEmpty()) {
                    values.remove(field);
                } else if (!raw.get().equals(current.values().get(field))) {
                    // Unchanged catalogue codes stay valid even when since deactivated.
                    validator.clean(field, raw.get(), statuses, sources, now, errors).ifPresent(v -> {
                        if (v.isEmpty()) {
                            values.remove(field);
                        } else {
                            values.put(field, v);
                        }
                    });
                }
            });
            for (LeadField alwaysSet : new LeadField[] {LeadField.STATUS, LeadField.SOURCE, LeadField.LEAD_DATE}) {
                if (patch.changes().containsKey(alwaysSet) && !values.containsKey(alwaysSet)) {
                    errors.add(LeadValidator.error(alwaysSet, "lead.field.required", "always has a value and cannot be cleared"));
                }
            }
            LeadValidator.requirePresent(requiredFields(tx), values, patch.changes().keySet(), errors);
            Map<String, FieldValue> custom = CustomValues.apply(tx.customFields().load(), current.custom(),
                    patch.customChanges(), false, errors);
            if (!errors.isEmpty()) {
                throw new ValidationException(errors);
            }
            if (values.equals(current.values()) && custom.equals(current.custom())) {
                return current;
            }
            if (!values.get(LeadField.STATUS).equals(current.status())) {
                WorkflowService.checkManualMove(tx, current.status(), values.get(LeadField.STATUS));
            }
            requireFreeExternalId(tx, values.get(LeadField.EXTERNAL_ID), current.id());
            Lead next = current.withValues(values, custom, now);
            // Only a change of the values compared can make or unmake a duplicate.
            boolean matchable = !MatchRecord.from(current).values().equals(MatchRecord.from(next).values());
            if (matchable) {
                found.set(check(tx, actor, next, matching.policy(tx), report));
            }
            tx.leads().update(next);
            if (matchable) {
                matching.written(tx, next);
            }
            tx.history().append(new HistoryEntry(0, id.value(), now, actor.userId(), HistoryAction.UPDATED,
                    changes(current, next)));
            if (!next.status().equals(current.status())) {
                TaskTemplates.createFor(tx, next, actor.userId(), now, ids);
            }
            before.set(current);
            watchers.addAll(gate.watchers(tx, next));
            return next;
        });
        if (before.get() != null) {
            LOG.debug("Lead {} updated to version {} by {}", id, updated.version(), actor.userId());
            Set<String> changed = changedKeys(before.get(), updated);
            publish(new LeadEvent.Updated(id.value(), actor.userId(), now, changed));
            if (!before.get().status().equals(updated.status())) {
                publish(new LeadEvent.StatusChanged(id.value(), actor.userId(), now, before.get().status(),
                        updated.status(), false));
            }
            notifyWatchers(watchers, actor, id, now, Map.of("fields", String.join(",", changed)));
        }
        return new CheckedLead(updated, found.get());
    }

    /**
     * The duplicate check of a create or update: nothing under OFF; under BLOCK a duplicate is
     * refused; the matches are looked up only when someone reads them or BLOCK needs them.
     */
    private List<Match> check(StoreTransaction tx, Actor actor, Lead lead, DuplicatePolicy duplicates, boolean report) {
        return check(tx, actor, lead, null, duplicates, report);
    }

    /** @param keys the lead's blocking keys when computed already, else null */
    private List<Match> check(StoreTransaction tx, Actor actor, Lead lead, Set<String> keys, DuplicatePolicy duplicates,
                              boolean report) {
        if (duplicates == DuplicatePolicy.OFF || (!report && duplicates == DuplicatePolicy.WARN)) {
            return List.of();
        }
        List<Match> matches = keys == null ? matching.matches(tx, actor, lead) : matching.matches(tx, actor, lead, keys);
        if (duplicates == DuplicatePolicy.BLOCK) {
            List<Match> blocking = matches.stream().filter(m -> m.decision() == Decision.DUPLICATE).toList();
            if (!blocking.isEmpty()) {
                throw new DuplicateFoundException(blocking);
            }
        }
        return matches;
    }

    /**
     * Soft-deletes a lead: it leaves lists, its history stays, and it can be restored. Deleting
     * a deleted lead changes nothing.
     *
     * @param actor who deletes it
     * @param id    the lead
     * @return the deleted lead
     */
    public Lead delete(Actor actor, LeadId id) {
        return setDeleted(actor, id, true);
    }

    /**
     * Brings a soft-deleted lead back into lists. Restoring a lead that is not deleted changes nothing.
     *
     * @param actor who restores it
     * @param id    the lead
     * @return the restored lead
     * @throws ConflictException {@code lead.merged} when the lead was merged into another
     *                           ({@link Lead#mergedInto()}): a merge is final
     */
    public Lead restore(Actor actor, LeadId id) {
        return setDeleted(actor, id, false);
    }

    private Lead setDeleted(Actor actor, LeadId id, boolean deleted) {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(id, "id");
        policy.activeUser(actor, Right.DELETE, id.value());
        Instant now = now();
        AtomicBoolean changed = new AtomicBoolean();
        Set<String> watchers = new LinkedHashSet<>();
        Lead result = store.inTransaction(tx -> {
            Lead current = load(tx, id);
            gate.check(tx, actor, Right.DELETE, current);
            if (current.isDeleted() == deleted) {
                return current;
            }
            if (current.mergedInto().isPresent()) {
                throw new ConflictException("lead.merged", "Lead '" + id + "' was merged into lead '"
                        + current.mergedInto().get() + "' and cannot be restored; work on that lead instead.");
            }
            Lead next = current.withDeleted(deleted, now);
            tx.leads().update(next);
            matching.written(tx, next);
            tx.history().append(new HistoryEntry(0, id.value(), now, actor.userId(),
                    deleted ? HistoryAction.DELETED : HistoryAction.RESTORED,
                    List.of(FieldChange.of("deleted", String.valueOf(!deleted), String.valueOf(deleted)))));
            changed.set(true);
            watchers.addAll(gate.watchers(tx, next));
            return next;
        });
        if (changed.get()) {
            LOG.debug("Lead {} {} by {}", id, deleted ? "deleted" : "restored", actor.userId());
            publish(deleted ? new LeadEvent.Deleted(id.value(), actor.userId(), now)
                    : new LeadEvent.Restored(id.value(), actor.userId(), now));
            notifyWatchers(watchers, actor, id, now, Map.of("fields", "deleted"));
        }
        return result;
    }

    /**
     * A page of the leads the actor may view that are not deleted, newest first. The actor's
     * visibility is part of the store's query (requirement Q7).
     *
     * @param actor  who asks
     * @param offset how many to skip, 0 or more
     * @param limit  page size, 1 to 1,000
     * @return the page
     */
    public List<Lead> list(Actor actor, int offset, int limit) {
        return listing(actor, false, offset, limit);
    }

    /**
     * A page of every lead including soft-deleted ones (a recycle bin shows the deleted ones).
     *
     * @param actor  who asks
     * @param offset how many to skip, 0 or more
     * @param limit  page size, 1 to 1,000
     * @return the page, newest first
     */
    public List<Lead> listIncludingDeleted(Actor actor, int offset, int limit) {
        return listing(actor, true, offset, limit);
    }

    private List<Lead> listing(Actor actor, boolean includeDeleted, int offset, int limit) {
        Objects.requireNonNull(actor, "actor");
        LeadListing listing = new LeadListing(policy.visibility(actor), includeDeleted, offset, limit);
        return store.inTransaction(tx -> tx.leads().list(listing));
    }

    /**
     * @param actor who asks
     * @return how many leads the actor may view are not deleted
     */
    public long count(Actor actor) {
        Objects.requireNonNull(actor, "actor");
        LeadListing listing = new LeadListing(policy.visibility(actor), false, 0, 1);
        return store.inTransaction(tx -> tx.leads().count(listing));
    }

    /**
     * The lead's history. Entries are never rewritten, also not by a merge (requirement D5): the
     * history of a lead other leads were merged into holds their entries too — each with its own
     * lead id — up to and including their {@link HistoryAction#MERGED} entries, beside its own.
     *
     * @param actor who asks
     * @param id    the lead
     * @return its history and that of the leads merged into it, oldest entry first (by sequence)
     * @throws NotFoundException when no lead has that id
     */
    public List<HistoryEntry> history(Actor actor, LeadId id) {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(id, "id");
        policy.activeUser(actor, Right.VIEW, id.value());
        return store.inTransaction(tx -> {
            gate.check(tx, actor, Right.VIEW, load(tx, id));
            List<HistoryEntry> own = tx.history().forLead(id.value());
            List<HistoryEntry> all = new ArrayList<>(own);
            Set<String> seen = new java.util.HashSet<>(Set.of(id.value()));
            java.util.ArrayDeque<HistoryEntry> pending = new java.util.ArrayDeque<>(own);
            while (!pending.isEmpty()) {
                HistoryEntry entry = pending.poll();
                if (entry.action() != HistoryAction.MERGED) {
                    continue;
                }
                for (FieldChange change : entry.changes()) {
                    if (change.field().equals("merged") && change.after().isPresent() && seen.add(change.after().get())) {
                        List<HistoryEntry> theirs = tx.history().forLead(change.after().get());
                        all.addAll(theirs);
                        pending.addAll(theirs);
                    }
                }
            }
            if (all.size() > own.size()) {
                all.sort(java.util.Comparator.comparingLong(HistoryEntry::sequence));
            }
            return List.copyOf(all);
        });
    }

    /** The most tags one lead holds. */
    public static final int MAX_TAGS = 100;
    /** The longest tag, in code points. */
    public static final int MAX_TAG_LENGTH = 50;
    /** The most products of interest one lead holds. */
    public static final int MAX_PRODUCTS = 200;

    /**
     * Adds tags to a lead (requirement A5). Tags are NFC-normalised, trimmed, 1 to 50 characters,
     * without commas or control characters; a lead holds at most 100. Adding a tag the lead has
     * changes nothing.
     *
     * @param actor who tags; needs {@link Right#TAG}
     * @param id    the lead
     * @param tags  the tags to add
     * @return the lead afterwards
     */
    public Lead tag(Actor actor, LeadId id, Set<String> tags) {
        Objects.requireNonNull(tags, "tags");
        return changeAggregate(actor, id, Right.TAG, current -> {
            List<FieldError> errors = new ArrayList<>();
            Set<String> added = cleanTags(tags, errors);
            Set<String> all = new TreeSet<>(current.tags());
            all.addAll(added);
            if (all.size() > MAX_TAGS) {
                errors.add(new FieldError("tags", "lead.tags.too_many", "a lead holds at most " + MAX_TAGS + " tags."));
            }
            throwIfAny(errors);
            return all.equals(current.tags()) ? current : current.withTags(all, now());
        });
    }

    /**
     * Removes tags from a lead. Removing a tag the lead does not have changes nothing.
     *
     * @param actor who untags; needs {@link Right#TAG}
     * @param id    the lead
     * @param tags  the tags to remove (normalised like added ones)
     * @return the lead afterwards
     */
    public Lead untag(Actor actor, LeadId id, Set<String> tags) {
        Objects.requireNonNull(tags, "tags");
        return changeAggregate(actor, id, Right.TAG, current -> {
            List<FieldError> errors = new ArrayList<>();
            Set<String> removed = cleanTags(tags, errors);
            throwIfAny(errors);
            Set<String> rest = new TreeSet<>(current.tags());
            rest.removeAll(removed);
            return rest.equals(current.tags()) ? current : current.withTags(rest, now());
        });
    }

    /**
     * Adds a product of interest (requirement M5); a product already on the lead is replaced.
     *
     * @param actor   who adds it; needs {@link Right#EDIT}
     * @param id      the lead
     * @param product the product, quantity and note
     * @return the lead afterwards
     */
    public Lead addProduct(Actor actor, LeadId id, ProductInterest product) {
        Objects.requireNonNull(product, "product");
        return changeAggregate(actor, id, Right.EDIT, current -> {
            List<FieldError> errors = new ArrayList<>();
            Optional<ProductInterest> clean = cleanProduct(product, errors);
            throwIfAny(errors);
            List<ProductInterest> products = new ArrayList<>(current.products());
            products.removeIf(p -> p.productRef().equals(clean.get().productRef()));
            products.add(clean.get());
            if (products.size() > MAX_PRODUCTS) {
                throw ValidationException.of("products", "lead.products.too_many",
                        "a lead holds at most " + MAX_PRODUCTS + " products of interest.");
            }
            return products.equals(current.products()) ? current : current.withProducts(products, now());
        });
    }

    /**
     * Removes a product of interest. Removing one the lead does not have changes nothing.
     *
     * @param actor      who removes it; needs {@link Right#EDIT}
     * @param id         the lead
     * @param productRef the product reference
     * @return the lead afterwards
     */
    public Lead removeProduct(Actor actor, LeadId id, String productRef) {
        Objects.requireNonNull(productRef, "productRef");
        return changeAggregate(actor, id, Right.EDIT, current -> {
            List<ProductInterest> products = new ArrayList<>(current.products());
            products.removeIf(p -> p.productRef().equals(productRef));
            return products.equals(current.products()) ? current : current.withProducts(products, now());
        });
    }

    /**
     * One change of the lead aggregate that takes no version from the caller: retried on a
     * concurrent change (up to three times), so a tag added while someone edits is not lost.
     */
    private Lead changeAggregate(Actor actor, LeadId id, Right right, java.util.function.UnaryOperator<Lead> change) {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(id, "id");
        policy.activeUser(actor, right, id.value());
        return AfterCommit.retrying(() -> {
            AtomicReference<Lead> before = new AtomicReference<>();
            Set<String> watchers = new LinkedHashSet<>();
            Lead result = store.inTransaction(tx -> {
                Lead current = load(tx, id);
                gate.check(tx, actor, Right.VIEW, current);
                if (current.isDeleted()) {
                    throw new ConflictException("lead.deleted", "Lead '" + id + "' is deleted; restore it before changing it.");
                }
                gate.check(tx, actor, right, current);
                Lead next = change.apply(current);
                if (next == current) {
                    return current;
                }
                tx.leads().update(next);
                tx.history().append(new HistoryEntry(0, id.value(), next.updatedAt(), actor.userId(),
                        HistoryAction.UPDATED, changes(current, next)));
                before.set(current);
                watchers.addAll(gate.watchers(tx, next));
                return next;
            });
            if (before.get() != null) {
                Set<String> changed = changedKeys(before.get(), result);
                publish(new LeadEvent.Updated(id.value(), actor.userId(), result.updatedAt(), changed));
                notifyWatchers(watchers, actor, id, result.updatedAt(), Map.of("fields", String.join(",", changed)));
            }
            return result;
        });
    }

    private static Set<String> cleanTags(Set<String> raw, List<FieldError> errors) {
        Set<String> tags = new TreeSet<>();
        for (String tag : raw) {
            Texts.Result r = Texts.clean(tag, false);
            String v = r.value();
            if (r.problem().isPresent() || v.isEmpty() || Texts.length(v) > MAX_TAG_LENGTH || v.indexOf(',') >= 0) {
                errors.add(new FieldError("tags", "lead.tag.invalid", "a tag is 1 to " + MAX_TAG_LENGTH
                        + " characters without commas or control characters."));
                continue;
            }
            tags.add(v);
        }
        if (tags.size() > MAX_TAGS) {
            errors.add(new FieldError("tags", "lead.tags.too_many", "a lead holds at most " + MAX_TAGS + " tags."));
        }
        return tags;
    }

    private static Optional<ProductInterest> cleanProduct(ProductInterest p, List<FieldError> errors) {
        Texts.Result ref = Texts.clean(p.productRef(), false);
        Texts.Result note = Texts.clean(p.note(), true);
        int before = errors.size();
        if (ref.problem().isPresent() || ref.value().isEmpty() || Texts.length(ref.value()) > 100) {
            errors.add(new FieldError("products.productRef", "lead.product.ref.invalid",
                    "a product reference is 1 to 100 characters without control characters."));
        }
        if (p.quantity().signum() <= 0 || p.quantity().compareTo(BigDecimal.valueOf(1_000_000_000L)) > 0
                || p.quantity().scale() > 4) {
            errors.add(new FieldError("products.quantity", "lead.product.quantity.invalid",
                    "a quantity is greater than 0, at most 1,000,000,000, with at most 4 decimals."));
        }
        if (note.problem().isPresent() || Texts.length(note.value()) > 500) {
            errors.add(new FieldError("products.note", "lead.product.note.invalid",
                    "a product note is at most 500 characters without control characters other than line breaks."));
        }
        return errors.size() > before ? Optional.empty()
                : Optional.of(new ProductInterest(ref.value(), p.quantity(), note.value()));
    }

    private static void throwIfAny(List<FieldError> errors) {
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }

    /** @return the fields a new lead must have (requirement M2); first and last name by default */
    public Set<LeadField> requiredFields() {
        return store.inTransaction(this::requiredFields);
    }

    /**
     * Changes which fields a new lead must have (requirement M2), e.g. to make e-mail or phone
     * mandatory. Stored, so it survives a restart.
     *
     * @param actor  an Admin
     * @param fields the required fields; not status, source, lead date or owner (always set)
     * @return the fields now required
     */
    public Set<LeadField> setRequiredFields(Actor actor, Set<LeadField> fields) {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(fields, "fields");
        policy.require(actor, Right.MANAGE_SETTINGS);
        Set<LeadField> refused = fields.stream().filter(NOT_REQUIRABLE::contains).collect(Collectors.toSet());
        if (!refused.isEmpty()) {
            throw ValidationException.of("requiredFields", "settings.required_field.not_allowed",
                    "status, source, lead date and owner always have a value (or may be empty, for the owner) "
                            + "and cannot be made required");
        }
        String value = fields.stream().sorted().map(LeadField::key).collect(Collectors.joining(","));
        return store.inTransaction(tx -> {
            Settings settings = tx.settings().load();
            tx.settings().save(settings.with(REQUIRED_FIELDS_KEY, value));
            return Collections.unmodifiableSet(EnumSet.copyOf(fields.isEmpty() ? EnumSet.noneOf(LeadField.class) : fields));
        });
    }

    private Set<LeadField> requiredFields(StoreTransaction tx) {
        Optional<String> stored = tx.settings().load().get(REQUIRED_FIELDS_KEY);
        if (stored.isEmpty()) {
            return Collections.unmodifiableSet(DEFAULT_REQUIRED);
        }
        EnumSet<LeadField> fields = EnumSet.noneOf(LeadField.class);
        Arrays.stream(stored.get().split(",")).filter(k -> !k.isEmpty())
                .forEach(k -> LeadField.byKey(k).ifPresent(fields::add));
        return Collections.unmodifiableSet(fields);
    }

    /** Microseconds: the finest precision every supported database keeps, so a stored lead reads back equal. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static Lead load(StoreTransaction tx, LeadId id) {
        return tx.leads().find(id).orElseThrow(() -> new NotFoundException("lead", id.value()));
    }

    private static void requireVersion(Lead current, long expectedVersion) {
        if (current.version() != expectedVersion) {
            throw ConflictException.staleVersion("lead", current.id().value(), expectedVersion, current.version());
        }
    }

    /**
     * The external ids of a batch of new leads are free: one {@code findByExternalIds} per
     * {@link LeadListing#MAX_LIMIT} ids, and no id twice in the batch.
     */
    private static void requireFreeExternalIds(StoreTransaction tx, List<Lead> leads) {
        List<String> ids = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Lead lead : leads) {
            String ext = lead.values().get(LeadField.EXTERNAL_ID);
            if (ext != null) {
                if (!seen.add(ext)) {
                    throw new ConflictException("lead.external_id.taken",
                            "Two leads of the batch have the same external id; external ids are unique.");
                }
                ids.add(ext);
            }
        }
        for (int from = 0; from < ids.size(); from += LeadListing.MAX_LIMIT) {
            Map<String, Lead> held = tx.leads().findByExternalIds(ids.subList(from, Math.min(ids.size(),
                    from + LeadListing.MAX_LIMIT)));
            if (!held.isEmpty()) {
                Lead other = held.values().iterator().next();
                throw new ConflictException("lead.external_id.taken",
                        "Another lead ('" + other.id() + "') already has this external id; external ids are unique.");
            }
        }
    }

    private static void requireFreeExternalId(StoreTransaction tx, String externalId, LeadId self) {
        if (externalId == null) {
            return;
        }
        tx.leads().findByExternalId(externalId).filter(other -> !other.id().equals(self)).ifPresent(other -> {
            throw new ConflictException("lead.external_id.taken",
                    "Another lead ('" + other.id() + "') already has this external id; external ids are unique.");
        });
    }

    /**
     * Field-level changes: standard fields in field order, then custom fields ({@code cf.<key>},
     * canonical text) by key, then {@code tags} and {@code products}.
     */
    static List<FieldChange> changes(Lead before, Lead after) {
        List<FieldChange> changes = new ArrayList<>();
        for (LeadField field : LeadField.values()) {
            String old = before == null ? null : before.values().get(field);
            String now = after.values().get(field);
            if (!Objects.equals(old, now)) {
                changes.add(FieldChange.of(field.key(), old, now));
            }
        }
        Map<String, FieldValue> oldCustom = before == null ? Map.of() : before.custom();
        Set<String> keys = new TreeSet<>(oldCustom.keySet());
        keys.addAll(after.custom().keySet());
        for (String key : keys) {
            FieldValue old = oldCustom.get(key);
            FieldValue now = after.custom().get(key);
            if (!Objects.equals(old, now)) {
                changes.add(FieldChange.of(CustomValues.errorField(key), old == null ? null : old.canonical(),
                        now == null ? null : now.canonical()));
            }
        }
        String oldReason = before == null ? null : before.closeReason().orElse(null);
        if (!Objects.equals(oldReason, after.closeReason().orElse(null))) {
            changes.add(FieldChange.of("closeReason", oldReason, after.closeReason().orElse(null)));
        }
        String oldTags = before == null ? null : tagsText(before.tags());
        if (!Objects.equals(oldTags, tagsText(after.tags()))) {
            changes.add(FieldChange.of("tags", oldTags, tagsText(after.tags())));
        }
        String oldProducts = before == null ? null : productsText(before.products());
        if (!Objects.equals(oldProducts, productsText(after.products()))) {
            changes.add(FieldChange.of("products", oldProducts, productsText(after.products())));
        }
        return changes;
    }

    private static String tagsText(Set<String> tags) {
        return tags.isEmpty() ? null : String.join(",", tags);
    }

    private static String productsText(List<ProductInterest> products) {
        return products.isEmpty() ? null : products.stream()
                .map(p -> p.productRef() + " x " + p.quantity().toPlainString() + (p.note().isEmpty() ? "" : " (" + p.note() + ")"))
                .collect(Collectors.joining("\n"));
    }

    private static Set<String> changedKeys(Lead before, Lead after) {
        Set<String> keys = new LinkedHashSet<>();
        changes(before, after).forEach(c -> keys.add(c.field()));
        return keys;
    }

    private void notifyWatchers(Set<String> watchers, Actor actor, LeadId id, Instant at, Map<String, String> params) {
        for (String watcher : watchers) {
            if (watcher.equals(actor.userId())) {
                continue;
            }
            try {
                notifications.deliver(new Notification(watcher, "lead.changed", Optional.of(id.value()),
                        Map.of("by", actor.userId(), "fields", params.get("fields")), at));
            } catch (RuntimeException e) {
                LOG.warn("The notification sink failed on lead.changed for lead {}", id, e);
            }
        }
    }

    private void publish(LeadEvent event) {
        try {
            events.publish(event);
        } catch (RuntimeException e) {
            LOG.warn("The event publisher failed on {} for lead {}", event.getClass().getSimpleName(), event.leadId(), e);
        }
    }
}
