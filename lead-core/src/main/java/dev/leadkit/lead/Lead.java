package dev.leadkit.lead;

import dev.leadkit.field.FieldValue;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A lead: a prospective customer who has reached the business but is not yet a customer record
 * (requirement M1). Immutable; every change goes through {@link LeadService} and yields a new
 * value with a higher {@link #version()}.
 *
 * <p>Standard field values are held as normalised text keyed by {@link LeadField}; the typed
 * accessors below read them. Status, source and lead date are always present.
 *
 * <pre>{@code
 * Lead lead = kit.leads().get(actor, id);
 * String name = lead.firstName().orElse("") + " " + lead.lastName().orElse("");
 * if (lead.owner().isEmpty()) inbox.add(lead);
 * }</pre>
 *
 * @since 0.1
 */
public final class Lead {

    private final LeadId id;
    private final long version;
    private final Map<LeadField, String> values;
    private final Map<String, FieldValue> custom;
    private final Set<String> tags;
    private final List<ProductInterest> products;
    private final String createdBy;
    private final Instant createdAt;
    private final Instant updatedAt;
    private final Instant statusSince;
    private final String closeReason;
    private final boolean deleted;
    private final LeadId mergedInto;

    private Lead(LeadId id, long version, Map<LeadField, String> values, Map<String, FieldValue> custom,
                 Set<String> tags, List<ProductInterest> products, String createdBy,
                 Instant createdAt, Instant updatedAt, Instant statusSince, String closeReason, boolean deleted,
                 LeadId mergedInto) {
        this.id = Objects.requireNonNull(id, "id");
        // Microseconds: what every supported database keeps, so a stored lead always reads back equal.
        this.statusSince = Objects.requireNonNull(statusSince, "statusSince").truncatedTo(ChronoUnit.MICROS);
        this.closeReason = closeReason;
        this.version = version;
        this.values = values;
        this.custom = custom;
        this.tags = tags;
        this.products = products;
        this.createdBy = Objects.requireNonNull(createdBy, "createdBy");
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt").truncatedTo(ChronoUnit.MICROS);
        this.updatedAt = Objects.requireNonNull(updatedAt, "updatedAt").truncatedTo(ChronoUnit.MICROS);
        this.deleted = deleted;
        this.mergedInto = mergedInto;
        if (mergedInto != null && !deleted) {
            throw new IllegalArgumentException("a merged lead is a deleted tombstone");
        }
        if (id.equals(mergedInto)) {
            throw new IllegalArgumentException("a lead is never merged into itself");
        }
    }

    /**
     * Rebuilds a lead from stored state. For store adapters: services create leads through
     * {@link LeadService#create}. Values must already be normalised; empty strings are dropped.
     *
     * @param id        the id
     * @param version   the stored version, at least 1
     * @param values    the field values
     * @param createdBy the id of the user who created it
     * @param createdAt when it was created
     * @param updatedAt when it last changed
     * @param deleted   whether it is soft-deleted
     * @return the lead
     * @throws IllegalArgumentException when status, source or lead date is missing, or the version is below 1
     */
    public static Lead of(LeadId id, long version, Map<LeadField, String> values, String createdBy,
                          Instant createdAt, Instant updatedAt, boolean deleted) {
        return of(id, version, values, Map.of(), Set.of(), List.of(), createdBy, createdAt, updatedAt, deleted);
    }

    /**
     * Rebuilds a lead from stored state, with its custom values, tags and products. For store
     * adapters; values must already be normalised.
     *
     * @param id        the id
     * @param version   the stored version, at least 1
     * @param values    the standard field values
     * @param custom    custom field values by field key
     * @param tags      the tags
     * @param products  the products of interest, in the order added
     * @param createdBy the id of the user who created it
     * @param createdAt when it was created
     * @param updatedAt when it last changed
     * @param deleted   whether it is soft-deleted
     * @return the lead
     */
    public static Lead of(LeadId id, long version, Map<LeadField, String> values, Map<String, FieldValue> custom,
                          Set<String> tags, List<ProductInterest> products, String createdBy,
                          Instant createdAt, Instant updatedAt, boolean deleted) {
        return of(id, version, values, custom, tags, products, createdBy, createdAt, updatedAt, createdAt,
                Optional.empty(), deleted);
    }

    /**
     * Rebuilds a lead from stored state, completely. For store adapters; values must already be
     * normalised.
     *
     * @param id          the id
     * @param version     the stored version, at least 1
     * @param values      the standard field values
     * @param custom      custom field values by field key
     * @param tags        the tags
     * @param products    the products of interest, in the order added
     * @param createdBy   the id of the user who created it
     * @param createdAt   when it was created
     * @param updatedAt   when it last changed
     * @param statusSince when it entered its current status (requirement W6: stale reminders count from it)
     * @param closeReason why it was closed, a code of the close-reason catalogue (requirement W7)
     * @param deleted     whether it is soft-deleted
     * @return the lead
     */
    public static Lead of(LeadId id, long version, Map<LeadField, String> values, Map<String, FieldValue> custom,
                          Set<String> tags, List<ProductInterest> products, String createdBy,
                          Instant createdAt, Instant updatedAt, Instant statusSince, Optional<String> closeReason,
                          boolean deleted) {
        return of(id, version, values, custom, tags, products, createdBy, createdAt, updatedAt, statusSince,
                closeReason, deleted, Optional.empty());
    }

    /**
     * Rebuilds a lead from stored state, completely, including the pointer of a merged lead to
     * the lead it was merged into (requirement D5). For store adapters and the merge; values must
     * already be normalised.
     *
     * @param id          the id
     * @param version     the stored version, at least 1
     * @param values      the standard field values
     * @param custom      custom field values by field key
     * @param tags        the tags
     * @param products    the products of interest, in the order added
     * @param createdBy   the id of the user who created it
     * @param createdAt   when it was created
     * @param updatedAt   when it last changed
     * @param statusSince when it entered its current status
     * @param closeReason why it was closed
     * @param deleted     whether it is soft-deleted; always for a merged lead
     * @param mergedInto  the surviving lead this one was merged into; empty for a lead never merged away
     * @return the lead
     * @throws IllegalArgumentException when a merged lead is not deleted or points at itself
     */
    public static Lead of(LeadId id, long version, Map<LeadField, String> values, Map<String, FieldValue> custom,
                          Set<String> tags, List<ProductInterest> products, String createdBy,
                          Instant createdAt, Instant updatedAt, Instant statusSince, Optional<String> closeReason,
                          boolean deleted, Optional<LeadId> mergedInto) {
        EnumMap<LeadField, String> copy = new EnumMap<>(LeadField.class);
        values.forEach((field, value) -> {
            if (value != null && !value.isEmpty()) {
                copy.put(field, value);
            }
        });
        for (LeadField required : new LeadField[] {LeadField.STATUS, LeadField.SOURCE, LeadField.LEAD_DATE}) {
            if (!copy.containsKey(required)) {
                throw new IllegalArgumentException("a stored lead must have a " + required.key());
            }
        }
        if (version < 1) {
            throw new IllegalArgumentException("a stored lead's version starts at 1");
        }
        // Most leads have no custom values or tags: they share the empty sorted collections, which
        // saves a million-lead in-memory store about 200 MB of empty trees and their views.
        return new Lead(id, version, Collections.unmodifiableMap(copy),
                custom.isEmpty() ? Collections.emptySortedMap() : Collections.unmodifiableMap(new TreeMap<>(custom)),
                tags.isEmpty() ? Collections.emptySortedSet() : Collections.unmodifiableSet(new TreeSet<>(tags)),
                List.copyOf(products), createdBy, createdAt, updatedAt, statusSince, closeReason.orElse(null), deleted,
                mergedInto.orElse(null));
    }

    /** @return the stable id */
    public LeadId id() {
        return id;
    }

    /** @return the version: 1 when created, one more after each change */
    public long version() {
        return version;
    }

    /**
     * @param field a standard field
     * @return its value, or empty when not set
     */
    public Optional<String> get(LeadField field) {
        return Optional.ofNullable(values.get(field));
    }

    /** @return every set field and its value (unmodifiable) */
    public Map<LeadField, String> values() {
        return values;
    }

    /** @return custom field values by field key (sorted by key) */
    public Map<String, FieldValue> custom() {
        return custom;
    }

    /**
     * @param key a custom field key
     * @return its value on this lead
     */
    public Optional<FieldValue> custom(String key) {
        return Optional.ofNullable(custom.get(key));
    }

    /** @return the tags, sorted */
    public Set<String> tags() {
        return tags;
    }

    /** @return the products of interest, in the order they were added */
    public List<ProductInterest> products() {
        return products;
    }

    /** @return the first name */
    public Optional<String> firstName() {
        return get(LeadField.FIRST_NAME);
    }

    /** @return the last name */
    public Optional<String> lastName() {
        return get(LeadField.LAST_NAME);
    }

    /** @return the e-mail address, lower-case */
    public Optional<String> email() {
        return get(LeadField.EMAIL);
    }

    /** @return the phone number as entered */
    public Optional<String> phone() {
        return get(LeadField.PHONE);
    }

    /** @return the company name */
    public Optional<String> company() {
        return get(LeadField.COMPANY);
    }

    /** @return the status code */
    public String status() {
        return values.get(LeadField.STATUS);
    }

    /** @return the source code */
    public String source() {
        return values.get(LeadField.SOURCE);
    }

    /** @return when the lead arrived */
    public Instant leadDate() {
        return Instant.parse(values.get(LeadField.LEAD_DATE));
    }

    /** @return the owner's user id; empty for an unassigned lead */
    public Optional<String> owner() {
        return get(LeadField.OWNER);
    }

    /** @return the id in the system of origin */
    public Optional<String> externalId() {
        return get(LeadField.EXTERNAL_ID);
    }

    /** @return the id of the user who created the lead */
    public String createdBy() {
        return createdBy;
    }

    /** @return when the lead was created */
    public Instant createdAt() {
        return createdAt;
    }

    /** @return when the lead last changed */
    public Instant updatedAt() {
        return updatedAt;
    }

    /** @return when the lead entered its current status */
    public Instant statusSince() {
        return statusSince;
    }

    /** @return why the lead was closed (a close-reason code), while its status is a closed one */
    public Optional<String> closeReason() {
        return Optional.ofNullable(closeReason);
    }

    /** @return whether the lead is soft-deleted (out of lists, history kept, restorable unless merged) */
    public boolean isDeleted() {
        return deleted;
    }

    /**
     * The lead this one was merged into (requirement D5): a merged lead is a soft-deleted
     * tombstone that points at its survivor, and cannot be restored.
     *
     * @return the survivor's id; empty for a lead that was never merged away
     */
    public Optional<LeadId> mergedInto() {
        return Optional.ofNullable(mergedInto);
    }

    /**
     * The next version as the tombstone of a merge: deleted, pointing at the survivor. Whether the
     * merge is allowed is the merge service's decision.
     *
     * @param survivor the lead it is merged into
     * @param at       when
     * @return the next version
     */
    public Lead mergedInto(LeadId survivor, Instant at) {
        Objects.requireNonNull(survivor, "survivor");
        return new Lead(id, version + 1, values, custom, tags, products, createdBy, createdAt, at, statusSince,
                closeReason, true, survivor);
    }

    /**
     * The next version with another owner — the value a transfer, claim or assignment stores.
     * Whether the change is allowed is the access service's decision.
     *
     * @param ownerId the new owner's user id
     * @param at      when
     * @return the next version
     */
    public Lead withOwner(String ownerId, Instant at) {
        Objects.requireNonNull(ownerId, "ownerId");
        EnumMap<LeadField, String> changed = new EnumMap<>(values);
        changed.put(LeadField.OWNER, ownerId);
        return withValues(changed, at);
    }

    /**
     * @param changed the complete new field values
     * @param at      when
     * @return the next version with these values
     */
    Lead withValues(Map<LeadField, String> changed, Instant at) {
        return next(changed, custom, tags, products, at, statusSince, closeReason(), deleted);
    }

    /**
     * @param changed the complete new standard values
     * @param changedCustom the complete new custom values
     * @param at when
     * @return the next version
     */
    Lead withValues(Map<LeadField, String> changed, Map<String, FieldValue> changedCustom, Instant at) {
        boolean moved = !Objects.equals(changed.get(LeadField.STATUS), values.get(LeadField.STATUS));
        return next(changed, changedCustom, tags, products, at, moved ? at : statusSince,
                moved ? Optional.empty() : closeReason(), deleted);
    }

    /**
     * The next version with other custom values — what a custom field migration stores. Whether
     * the change is allowed is the calling service's decision.
     *
     * @param changedCustom the complete new custom values
     * @param at            when
     * @return the next version
     */
    public Lead withCustomValues(Map<String, FieldValue> changedCustom, Instant at) {
        return next(values, changedCustom, tags, products, at, statusSince, closeReason(), deleted);
    }

    Lead withTags(Set<String> changed, Instant at) {
        return next(values, custom, changed, products, at, statusSince, closeReason(), deleted);
    }

    Lead withProducts(List<ProductInterest> changed, Instant at) {
        return next(values, custom, tags, changed, at, statusSince, closeReason(), deleted);
    }

    /**
     * @param nowDeleted the new deleted flag
     * @param at         when
     * @return the next version, deleted or restored
     */
    Lead withDeleted(boolean nowDeleted, Instant at) {
        return new Lead(id, version + 1, values, custom, tags, products, createdBy, createdAt, at, statusSince,
                closeReason, nowDeleted, mergedInto);
    }

    /**
     * The next version in another status — what the workflow stores. Whether the move is allowed
     * is the workflow's decision. The status clock restarts; the close reason is kept only for a
     * closed status.
     *
     * @param status      the new status code
     * @param closeReason the close reason, for a closed status
     * @param at          when
     * @return the next version
     */
    public Lead withStatus(String status, Optional<String> closeReason, Instant at) {
        EnumMap<LeadField, String> changed = new EnumMap<>(values);
        changed.put(LeadField.STATUS, Objects.requireNonNull(status, "status"));
        return next(changed, custom, tags, products, at, at, closeReason, deleted);
    }

    private Lead next(Map<LeadField, String> v, Map<String, FieldValue> c, Set<String> t, List<ProductInterest> p,
                      Instant at, Instant since, Optional<String> reason, boolean del) {
        return of(id, version + 1, v, c, t, p, createdBy, createdAt, at, since, reason, del, mergedInto());
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Lead)) {
            return false;
        }
        Lead other = (Lead) o;
        return version == other.version && deleted == other.deleted && id.equals(other.id)
                && values.equals(other.values) && custom.equals(other.custom) && tags.equals(other.tags)
                && products.equals(other.products) && createdBy.equals(other.createdBy)
                && createdAt.equals(other.createdAt) && updatedAt.equals(other.updatedAt)
                && statusSince.equals(other.statusSince) && Objects.equals(closeReason, other.closeReason)
                && Objects.equals(mergedInto, other.mergedInto);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, version);
    }

    /** Names id, version and state only: field values are personal data and stay out of logs. */
    @Override
    public String toString() {
        return "Lead[id=" + id + ", version=" + version + ", status=" + status()
                + (deleted ? ", deleted" : "") + (mergedInto != null ? ", merged into " + mergedInto : "") + "]";
    }
}
