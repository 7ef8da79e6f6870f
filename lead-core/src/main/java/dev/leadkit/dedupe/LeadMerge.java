package dev.leadkit.dedupe;

import dev.leadkit.Actor;
import dev.leadkit.ConflictException;
import dev.leadkit.ValidationException;
import dev.leadkit.access.LeadAccess;
import dev.leadkit.access.LeadGate;
import dev.leadkit.access.Right;
import dev.leadkit.activity.Activity;
import dev.leadkit.activity.Attachment;
import dev.leadkit.activity.FieldChange;
import dev.leadkit.activity.HistoryAction;
import dev.leadkit.activity.HistoryEntry;
import dev.leadkit.activity.StreamPost;
import dev.leadkit.field.CustomValues;
import dev.leadkit.field.FieldValue;
import dev.leadkit.lead.Lead;
import dev.leadkit.lead.LeadChanges;
import dev.leadkit.lead.LeadField;
import dev.leadkit.lead.LeadService;
import dev.leadkit.lead.ProductInterest;
import dev.leadkit.store.StoreTransaction;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The writes of one merge inside its transaction (requirement D5): the survivor's next version
 * by the plan's survivorship, the merged lead's tombstone, the moves of activities, stream posts,
 * attachments, followers and grants, and the history entries of both. Checks of rights and
 * versions happen before; nothing here is visible until the transaction commits.
 */
final class LeadMerge {

    private final StoreTransaction tx;
    private final Actor actor;
    private final Instant now;

    LeadMerge(StoreTransaction tx, Actor actor, Instant now) {
        this.tx = tx;
        this.actor = actor;
        this.now = now;
    }

    /** @return the survivor's new version */
    Lead run(Lead survivor, Lead merged, MergePlan plan, LeadMatching indexing) {
        Lead next = survivorValues(survivor, merged, plan);
        Lead tombstone = merged.mergedInto(survivor.id(), now);
        tx.leads().update(next);
        tx.leads().update(tombstone);
        String survivorId = survivor.id().value();
        String mergedId = merged.id().value();
        // The merged lead's entry first: the survivor's history then ends with the merge itself.
        List<FieldChange> survivorChanges = new ArrayList<>();
        survivorChanges.add(FieldChange.of("merged", null, mergedId));
        survivorChanges.addAll(LeadChanges.between(survivor, next));
        tx.history().append(new HistoryEntry(0, mergedId, now, actor.userId(), HistoryAction.MERGED, List.of(
                FieldChange.of("mergedInto", null, survivorId), FieldChange.of("deleted", "false", "true"))));
        tx.history().append(new HistoryEntry(0, survivorId, now, actor.userId(), HistoryAction.MERGED, survivorChanges));
        for (Activity a : tx.activities().forLead(mergedId)) {
            tx.activities().update(new Activity(a.id(), survivorId, a.type(), a.subject(), a.start(), a.due(),
                    a.duration(), a.assigneeId(), a.doneAt(), a.reminders(), a.attendees(), a.createdBy(),
                    a.createdAt(), a.version() + 1));
        }
        for (StreamPost p : tx.stream().forLead(mergedId)) {
            tx.stream().update(new StreamPost(p.id(), survivorId, p.parentId(), p.authorId(), p.text(),
                    p.contactDate(), p.createdAt(), p.editedAt(), p.version() + 1));
        }
        for (Attachment a : tx.attachments().forLead(mergedId)) {
            tx.attachments().move(a.id(), survivorId);
        }
        moveAccess(survivorId, mergedId);
        indexing.removed(tx, tombstone.id());
        indexing.written(tx, next);
        return next;
    }

    /**
     * Followers move (each once); grants are united, a user granted on both holding the union of
     * rights. The tombstone keeps its grants, so whoever could open it still can and sees where
     * it went.
     */
    private void moveAccess(String survivorId, String mergedId) {
        LeadAccess from = tx.access().find(mergedId);
        if (from.grants().isEmpty() && from.followers().isEmpty()) {
            return;
        }
        LeadAccess to = tx.access().find(survivorId);
        Map<String, Set<Right>> grants = new TreeMap<>(to.grants());
        from.grants().forEach((user, rights) -> grants.merge(user, rights, (a, b) -> {
            Set<Right> union = EnumSet.copyOf(a);
            union.addAll(b);
            return union;
        }));
        Set<String> followers = new TreeSet<>(to.followers());
        followers.addAll(from.followers());
        LeadAccess united = new LeadAccess(survivorId, grants, followers, to.version() + 1);
        if (!united.grants().equals(to.grants()) || !united.followers().equals(to.followers())) {
            tx.access().save(united);
        }
        if (!from.followers().isEmpty()) {
            tx.access().save(new LeadAccess(mergedId, from.grants(), Set.of(), from.version() + 1));
        }
    }

    private Lead survivorValues(Lead survivor, Lead merged, MergePlan plan) {
        Map<String, Instant> survivorSet = lastSet(survivor);
        Map<String, Instant> mergedSet = lastSet(merged);
        EnumMap<LeadField, String> values = new EnumMap<>(LeadField.class);
        for (LeadField field : LeadField.values()) {
            Optional<String> mine = survivor.get(field);
            Optional<String> theirs = merged.get(field);
            Optional<String> chosen;
            if (MergePlan.FIXED.contains(field)) {
                chosen = mine;
            } else {
                chosen = choose(plan.pick(field), plan.rule(field), mine, theirs,
                        survivorSet.getOrDefault(field.key(), survivor.createdAt()),
                        mergedSet.getOrDefault(field.key(), merged.createdAt()));
            }
            chosen.ifPresent(v -> values.put(field, v));
        }
        Set<String> keys = new TreeSet<>(survivor.custom().keySet());
        keys.addAll(merged.custom().keySet());
        Map<String, FieldValue> custom = new LinkedHashMap<>();
        for (String key : keys) {
            String historyKey = CustomValues.errorField(key);
            Optional<FieldValue> mine = survivor.custom(key);
            Optional<FieldValue> theirs = merged.custom(key);
            choose(plan.pickCustom(key), plan.ruleCustom(key), mine, theirs,
                    survivorSet.getOrDefault(historyKey, survivor.createdAt()),
                    mergedSet.getOrDefault(historyKey, merged.createdAt())).ifPresent(v -> custom.put(key, v));
        }
        Set<String> tags = new TreeSet<>(survivor.tags());
        tags.addAll(merged.tags());
        if (tags.size() > LeadService.MAX_TAGS) {
            throw ValidationException.of("tags", "lead.tags.too_many", "the two leads hold more than "
                    + LeadService.MAX_TAGS + " different tags together; remove some before merging.");
        }
        List<ProductInterest> products = new ArrayList<>(survivor.products());
        Set<String> refs = new java.util.HashSet<>();
        survivor.products().forEach(p -> refs.add(p.productRef()));
        merged.products().stream().filter(p -> refs.add(p.productRef())).forEach(products::add);
        if (products.size() > LeadService.MAX_PRODUCTS) {
            throw ValidationException.of("products", "lead.products.too_many", "the two leads hold more than "
                    + LeadService.MAX_PRODUCTS + " different products together; remove some before merging.");
        }
        return Lead.of(survivor.id(), survivor.version() + 1, values, custom, tags, products, survivor.createdBy(),
                survivor.createdAt(), now, survivor.statusSince(), survivor.closeReason(), false, Optional.empty());
    }

    private static <T> Optional<T> choose(Optional<MergePlan.Side> pick, Survivorship rule, Optional<T> mine,
                                          Optional<T> theirs, Instant mineSet, Instant theirsSet) {
        if (pick.isPresent()) {
            return pick.get() == MergePlan.Side.SURVIVOR ? mine : theirs;
        }
        switch (rule) {
            case SURVIVOR_WINS:
                return mine;
            case NEWEST_WINS:
                if (mine.isEmpty()) {
                    return theirs;
                }
                return theirs.isPresent() && theirsSet.isAfter(mineSet) ? theirs : mine;
            case NON_EMPTY_WINS:
            default:
                return mine.isPresent() ? mine : theirs;
        }
    }

    /** When each field (history key) of a lead last got its current value, by its own history. */
    private Map<String, Instant> lastSet(Lead lead) {
        Map<String, Instant> at = new HashMap<>();
        for (HistoryEntry entry : tx.history().forLead(lead.id().value())) {
            for (FieldChange change : entry.changes()) {
                at.put(change.field(), entry.at());
            }
        }
        return at;
    }

    static ConflictException merged(Lead lead) {
        return new ConflictException("lead.merged", "Lead '" + lead.id() + "' was already merged into lead '"
                + lead.mergedInto().map(Object::toString).orElse("?") + "'.");
    }
}
