package dev.leadkit.lead;

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
import dev.leadkit.activity.FieldChange;
import dev.leadkit.activity.HistoryAction;
import dev.leadkit.activity.HistoryEntry;
import dev.leadkit.event.EventPublisher;
import dev.leadkit.event.LeadEvent;
import dev.leadkit.event.Notification;
import dev.leadkit.event.NotificationSink;
import dev.leadkit.store.LeadListing;
import dev.leadkit.store.Settings;
import dev.leadkit.store.Store;
import dev.leadkit.store.StoreTransaction;
import dev.leadkit.workflow.Catalogue;
import dev.leadkit.workflow.CatalogueKind;
import dev.leadkit.workflow.CatalogueEntry;
import dev.leadkit.workflow.CatalogueService;
import dev.leadkit.workflow.StatusCategory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
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
     */
    public Lead create(Actor actor, LeadDraft draft) {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(draft, "draft");
        policy.require(actor, Right.CREATE);
        Instant now = now();
        Lead created = store.inTransaction(tx -> {
            Catalogue statuses = CatalogueService.current(tx, CatalogueKind.STATUS);
            Catalogue sources = CatalogueService.current(tx, CatalogueKind.SOURCE);
            List<FieldError> errors = new ArrayList<>();
            EnumMap<LeadField, String> values = new EnumMap<>(LeadField.class);
            draft.values().forEach((field, raw) -> validator.clean(field, raw, statuses, sources, now, errors)
                    .filter(v -> !v.isEmpty()).ifPresent(v -> values.put(field, v)));
            LeadValidator.requirePresent(requiredFields(tx), values, EnumSet.allOf(LeadField.class), errors);
            if (!errors.isEmpty()) {
                throw new ValidationException(errors);
            }
            values.putIfAbsent(LeadField.STATUS, statuses.defaultCode());
            values.putIfAbsent(LeadField.SOURCE, sources.defaultCode());
            values.putIfAbsent(LeadField.LEAD_DATE, now.toString());
            if (draft.ownerChoice() == LeadDraft.OwnerChoice.CREATOR) {
                values.put(LeadField.OWNER, actor.userId());
            }
            requireFreeExternalId(tx, values.get(LeadField.EXTERNAL_ID), null);
            Lead lead = Lead.of(LeadId.of(ids.next()), 1, values, actor.userId(), now, now, false);
            tx.leads().insert(lead);
            tx.history().append(new HistoryEntry(0, lead.id().value(), now, actor.userId(), HistoryAction.CREATED,
                    changes(Map.of(), lead.values())));
            return lead;
        });
        LOG.debug("Lead {} created by {}", created.id(), actor.userId());
        publish(new LeadEvent.Created(created.id().value(), actor.userId(), now));
        return created;
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
     */
    public Lead update(Actor actor, LeadId id, LeadPatch patch, long expectedVersion) {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(patch, "patch");
        policy.activeUser(actor, Right.EDIT, id.value());
        Instant now = now();
        AtomicReference<Map<LeadField, String>> before = new AtomicReference<>();
        Set<String> watchers = new LinkedHashSet<>();
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
            if (!errors.isEmpty()) {
                throw new ValidationException(errors);
            }
            if (values.equals(current.values())) {
                return current;
            }
            checkStatusRight(tx, actor, current, values.get(LeadField.STATUS), statuses);
            requireFreeExternalId(tx, values.get(LeadField.EXTERNAL_ID), current.id());
            Lead next = current.withValues(values, now);
            tx.leads().update(next);
            tx.history().append(new HistoryEntry(0, id.value(), now, actor.userId(), HistoryAction.UPDATED,
                    changes(current.values(), next.values())));
            before.set(current.values());
            watchers.addAll(gate.watchers(tx, next));
            return next;
        });
        if (before.get() != null) {
            LOG.debug("Lead {} updated to version {} by {}", id, updated.version(), actor.userId());
            Set<String> changed = changedKeys(before.get(), updated.values());
            publish(new LeadEvent.Updated(id.value(), actor.userId(), now, changed));
            notifyWatchers(watchers, actor, id, now, Map.of("fields", String.join(",", changed)));
        }
        return updated;
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
            Lead next = current.withDeleted(deleted, now);
            tx.leads().update(next);
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
     * @param actor who asks
     * @param id    the lead
     * @return its history, oldest entry first
     * @throws NotFoundException when no lead has that id
     */
    public List<HistoryEntry> history(Actor actor, LeadId id) {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(id, "id");
        policy.activeUser(actor, Right.VIEW, id.value());
        return store.inTransaction(tx -> {
            gate.check(tx, actor, Right.VIEW, load(tx, id));
            return tx.history().forLead(id.value());
        });
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

    private static void requireFreeExternalId(StoreTransaction tx, String externalId, LeadId self) {
        if (externalId == null) {
            return;
        }
        tx.leads().findByExternalId(externalId).filter(other -> !other.id().equals(self)).ifPresent(other -> {
            throw new ConflictException("lead.external_id.taken",
                    "Another lead ('" + other.id() + "') already has this external id; external ids are unique.");
        });
    }

    /** Field-level changes in field order: every field whose value differs. */
    static List<FieldChange> changes(Map<LeadField, String> before, Map<LeadField, String> after) {
        List<FieldChange> changes = new ArrayList<>();
        for (LeadField field : LeadField.values()) {
            String old = before.get(field);
            String now = after.get(field);
            if (!Objects.equals(old, now)) {
                changes.add(FieldChange.of(field.key(), old, now));
            }
        }
        return changes;
    }

    private static Set<String> changedKeys(Map<LeadField, String> before, Map<LeadField, String> after) {
        Set<String> keys = new LinkedHashSet<>();
        changes(before, after).forEach(c -> keys.add(c.field()));
        return keys;
    }

    /** Closing a lead needs CLOSE; setting a converted status by hand needs CONVERT (P3). */
    private void checkStatusRight(StoreTransaction tx, Actor actor, Lead current, String newStatus, Catalogue statuses) {
        if (newStatus == null || newStatus.equals(current.status())) {
            return;
        }
        Optional<StatusCategory> category = statuses.entry(newStatus).flatMap(CatalogueEntry::category);
        if (category.filter(StatusCategory.CLOSED::equals).isPresent()) {
            gate.check(tx, actor, Right.CLOSE, current);
        } else if (category.filter(StatusCategory.CONVERTED::equals).isPresent()) {
            gate.check(tx, actor, Right.CONVERT, current);
        }
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
