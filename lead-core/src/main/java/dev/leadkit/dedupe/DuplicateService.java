package dev.leadkit.dedupe;

import dev.leadkit.Actor;
import dev.leadkit.ConflictException;
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
import dev.leadkit.internal.AfterCommit;
import dev.leadkit.lead.Lead;
import dev.leadkit.lead.LeadDraft;
import dev.leadkit.lead.LeadField;
import dev.leadkit.lead.LeadId;
import dev.leadkit.store.LeadListing;
import dev.leadkit.store.Settings;
import dev.leadkit.store.Store;
import dev.leadkit.store.StoreTransaction;
import dev.leadkit.store.Visibility;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Duplicates among the stored leads (requirements D3–D6): checks a lead's values against the
 * stored leads, scans every visible lead into clusters, merges two leads, and keeps the users'
 * "not a duplicate" decisions. The duplicate policy for create and update (off, warn, block) is
 * set here and applied by {@link dev.leadkit.lead.LeadService}. Every call takes the acting user
 * first and reports only leads the actor may view.
 *
 * <pre>{@code
 * DuplicateService duplicates = kit.duplicates();
 * List<Match> found = duplicates.check(ayse, LeadDraft.builder().firstName("Egon").lastName("Tester")
 *         .email("egon@example.com").build());
 * if (!found.isEmpty()) {
 *     Lead keep = kit.leads().get(ayse, LeadId.of(found.get(0).otherId()));
 *     Lead other = …;
 *     duplicates.merge(ayse, keep.id(), keep.version(), other.id(), other.version(), MergePlan.defaults());
 * }
 * }</pre>
 *
 * <p>Thread-safe and stateless: state lives in the store.
 *
 * @since 0.2
 */
public final class DuplicateService {

    private static final Logger LOG = LoggerFactory.getLogger(DuplicateService.class);

    /** Leads read per page by a scan or an index rebuild. */
    static final int PAGE = LeadListing.MAX_LIMIT;

    private final Store store;
    private final LeadGate gate;
    private final AccessPolicy policy;
    private final LeadMatching matching;
    private final Clock clock;
    private final EventPublisher events;
    private final NotificationSink notifications;

    /**
     * Usually obtained from {@code LeadKit.duplicates()}.
     *
     * @param store         where leads live
     * @param gate          who may do what, per lead
     * @param matching      the candidate index and scoring
     * @param clock         the time source
     * @param events        receives events after commit
     * @param notifications tells the survivor's watchers of a merge
     */
    public DuplicateService(Store store, LeadGate gate, LeadMatching matching, Clock clock, EventPublisher events,
                            NotificationSink notifications) {
        this.store = Objects.requireNonNull(store, "store");
        this.gate = Objects.requireNonNull(gate, "gate");
        this.policy = gate.policy();
        this.matching = Objects.requireNonNull(matching, "matching");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.events = Objects.requireNonNull(events, "events");
        this.notifications = Objects.requireNonNull(notifications, "notifications");
    }

    // ------------------------------------------------------------------ check

    /**
     * Checks values against the stored leads before (or instead of) creating a lead — the check
     * of a form, an import row or a web capture (requirement D3). Nothing is stored.
     *
     * @param actor who asks; only leads they may view are reported
     * @param draft the values
     * @return the matches at or above the possible-duplicate threshold, best first;
     *         {@link Match#otherId()} is the stored lead's id
     */
    public List<Match> check(Actor actor, LeadDraft draft) {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(draft, "draft");
        policy.activeUser(actor, Right.VIEW, null);
        Lead probe = probe(draft);
        return store.inTransaction(tx -> matching.matches(tx, actor, probe));
    }

    /**
     * Checks a stored lead against the other stored leads.
     *
     * @param actor who asks; needs VIEW on the lead
     * @param id    the lead
     * @return the matches, best first ({@link Match#id()} is this lead)
     * @throws NotFoundException when no lead has that id
     */
    public List<Match> check(Actor actor, LeadId id) {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(id, "id");
        policy.activeUser(actor, Right.VIEW, id.value());
        return store.inTransaction(tx -> {
            Lead lead = load(tx, id);
            gate.check(tx, actor, Right.VIEW, lead);
            return lead.isDeleted() ? List.<Match>of() : matching.matches(tx, actor, lead);
        });
    }

    /**
     * A check of many records at once against the stored leads the actor may view and against
     * each other — what an import uses for its batches (requirement I4: one index lookup per
     * batch, not per row). Keys are looked up as this service's matcher names them; candidates are
     * scored by {@code scoring}.
     *
     * <pre>{@code
     * BatchCheck check = kit.duplicates().batchCheck(admin, Matcher.of(MatchRules.defaults()));
     * List<List<Match>> perRow = check.check(records);
     * }</pre>
     *
     * @param actor   who asks; only leads they may view are reported
     * @param scoring the matcher that scores candidates (an import may bring its own rules)
     * @return a check for one import; it keeps state only when told to {@link BatchCheck#remember}
     * @since 0.5
     */
    public BatchCheck batchCheck(Actor actor, Matcher scoring) {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(scoring, "scoring");
        policy.activeUser(actor, Right.VIEW, null);
        return new BatchCheck(store, policy.visibility(actor), matching.matcher(), scoring);
    }

    /** The draft's values as a lead that is never stored: only the matchable fields count. */
    private Lead probe(LeadDraft draft) {
        EnumMap<LeadField, String> values = new EnumMap<>(LeadField.class);
        draft.values().forEach((field, raw) -> {
            if (raw != null && !raw.isBlank()) {
                values.put(field, raw.strip());
            }
        });
        values.put(LeadField.STATUS, "new");
        values.put(LeadField.SOURCE, "check");
        values.put(LeadField.LEAD_DATE, now().toString());
        values.remove(LeadField.OWNER);
        return Lead.of(LeadId.of("unsaved-draft"), 1, values, "-", now(), now(), false);
    }

    // ------------------------------------------------------------------ policy

    /**
     * @param actor who asks
     * @return the duplicate policy of create and update; {@link DuplicatePolicy#WARN} until an Admin sets another
     */
    public DuplicatePolicy policy(Actor actor) {
        Objects.requireNonNull(actor, "actor");
        policy.activeUser(actor, Right.VIEW, null);
        return store.inTransaction(matching::policy);
    }

    /**
     * Sets what create and update do about duplicates. Stored with the settings.
     *
     * @param actor  an Admin
     * @param policy the policy
     * @return the policy now in force
     * @throws dev.leadkit.AccessDeniedException when the actor is not an Admin
     */
    public DuplicatePolicy setPolicy(Actor actor, DuplicatePolicy policy) {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(policy, "policy");
        this.policy.require(actor, Right.MANAGE_SETTINGS);
        return store.inTransaction(tx -> {
            Settings settings = tx.settings().load();
            tx.settings().save(settings.with(LeadMatching.POLICY_KEY, policy.name()));
            return policy;
        });
    }

    // ------------------------------------------------------------------ "not a duplicate"

    /**
     * Records that two leads are not duplicates (requirement D5a): every later check and scan
     * leaves the pair out.
     *
     * @param actor who decides; needs EDIT on both leads
     * @param a     one lead
     * @param b     the other
     * @return the stored decision
     * @throws ValidationException {@code duplicate.same_lead} when both ids are the same
     * @throws ConflictException   {@code duplicate_decision.exists} when the pair is decided already
     */
    public DuplicateDecision markNotDuplicate(Actor actor, LeadId a, LeadId b) {
        requirePair(actor, a, b);
        Instant now = now();
        return store.inTransaction(tx -> {
            editBoth(tx, actor, a, b);
            DuplicateDecision decision = new DuplicateDecision(a, b, actor.userId(), now);
            tx.duplicateDecisions().insert(decision);
            return decision;
        });
    }

    /**
     * Undoes a "not a duplicate" decision: the pair is checked and scanned again.
     *
     * @param actor who undoes it; needs EDIT on both leads
     * @param a     one lead
     * @param b     the other
     * @return whether a decision was removed
     */
    public boolean undoNotDuplicate(Actor actor, LeadId a, LeadId b) {
        requirePair(actor, a, b);
        return store.inTransaction(tx -> {
            editBoth(tx, actor, a, b);
            return tx.duplicateDecisions().remove(a, b);
        });
    }

    /**
     * @param actor who asks; needs VIEW on the lead
     * @param id    a lead
     * @return the decisions about pairs with this lead whose other lead the actor may view too
     */
    public List<DuplicateDecision> decisions(Actor actor, LeadId id) {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(id, "id");
        policy.activeUser(actor, Right.VIEW, id.value());
        return store.inTransaction(tx -> {
            gate.check(tx, actor, Right.VIEW, load(tx, id));
            List<DuplicateDecision> visible = new ArrayList<>();
            for (DuplicateDecision d : tx.duplicateDecisions().involving(List.of(id))) {
                Optional<Lead> other = tx.leads().find(d.other(id));
                if (other.isPresent() && gate.rights(tx, actor, other.get()).contains(Right.VIEW)) {
                    visible.add(d);
                }
            }
            return visible;
        });
    }

    private void requirePair(Actor actor, LeadId a, LeadId b) {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(a, "a");
        Objects.requireNonNull(b, "b");
        policy.activeUser(actor, Right.EDIT, a.value());
        if (a.equals(b)) {
            throw ValidationException.of("b", "duplicate.same_lead", "b must be another lead than a.");
        }
    }

    private void editBoth(StoreTransaction tx, Actor actor, LeadId a, LeadId b) {
        Lead first = load(tx, a);
        Lead second = load(tx, b);
        gate.check(tx, actor, Right.VIEW, first);
        gate.check(tx, actor, Right.VIEW, second);
        gate.check(tx, actor, Right.EDIT, first);
        gate.check(tx, actor, Right.EDIT, second);
    }

    // ------------------------------------------------------------------ merge

    /**
     * Merges one lead into another (requirement D5), in one transaction: the survivor takes the
     * merged lead's values by the plan's field-level survivorship, its tags and products (each
     * once), and its activities, stream posts and comments, attachments (the bytes stay where
     * they are), followers and grants. The merged lead becomes a soft-deleted tombstone pointing
     * at the survivor ({@link Lead#mergedInto()}) that cannot be restored. History is never
     * rewritten: both leads get a {@link dev.leadkit.activity.HistoryAction#MERGED} entry, and the
     * survivor's {@link dev.leadkit.lead.LeadService#history} shows the merged lead's entries too.
     * A {@link LeadEvent.Merged} event and {@code lead.merged} notifications follow the commit.
     *
     * @param actor           who merges; needs EDIT on both leads
     * @param survivorId      the lead that stays
     * @param survivorVersion the survivor's version the caller saw
     * @param mergedId        the lead merged away
     * @param mergedVersion   the merged lead's version the caller saw
     * @param plan            how to choose the values
     * @return the survivor's new version
     * @throws ConflictException   {@code lead.version.stale} when either changed since;
     *                             {@code lead.deleted} when either is deleted; {@code lead.merged}
     *                             when either was merged already
     * @throws ValidationException {@code duplicate.same_lead}; {@code lead.tags.too_many} when
     *                             the union of tags is too large
     * @throws dev.leadkit.AccessDeniedException when the actor lacks EDIT on either lead
     */
    public Lead merge(Actor actor, LeadId survivorId, long survivorVersion, LeadId mergedId, long mergedVersion,
                      MergePlan plan) {
        Objects.requireNonNull(plan, "plan");
        requirePair(actor, survivorId, mergedId);
        Instant now = now();
        AfterCommit after = new AfterCommit();
        Lead result = store.inTransaction(tx -> {
            Lead survivor = load(tx, survivorId);
            Lead merged = load(tx, mergedId);
            gate.check(tx, actor, Right.VIEW, survivor);
            gate.check(tx, actor, Right.VIEW, merged);
            requireMergeable(survivor, survivorVersion);
            requireMergeable(merged, mergedVersion);
            gate.check(tx, actor, Right.EDIT, survivor);
            gate.check(tx, actor, Right.EDIT, merged);
            Lead next = new LeadMerge(tx, actor, now).run(survivor, merged, plan, matching);
            after.raise(new LeadEvent.Merged(survivorId.value(), actor.userId(), now, mergedId.value()));
            for (String watcher : gate.watchers(tx, next)) {
                if (!watcher.equals(actor.userId())) {
                    after.notify(new Notification(watcher, "lead.merged", Optional.of(survivorId.value()),
                            Map.of("by", actor.userId(), "merged", mergedId.value()), now));
                }
            }
            return next;
        });
        LOG.debug("Lead {} merged into {} by {}", mergedId, survivorId, actor.userId());
        after.send(events, notifications);
        return result;
    }

    private static void requireMergeable(Lead lead, long expectedVersion) {
        if (lead.mergedInto().isPresent()) {
            throw LeadMerge.merged(lead);
        }
        if (lead.version() != expectedVersion) {
            throw ConflictException.staleVersion("lead", lead.id().value(), expectedVersion, lead.version());
        }
        if (lead.isDeleted()) {
            throw new ConflictException("lead.deleted", "Lead '" + lead.id() + "' is deleted; restore it before merging.");
        }
    }

    // ------------------------------------------------------------------ scan

    /**
     * Scans every lead the actor may view into clusters of duplicates (requirement D4): the
     * leads are read page by page in id order (the visibility part of the store's query, one
     * transaction per page), and the engine's {@link DuplicateScan} blocks, compares on several
     * threads and clusters them with its guard against chaining. Pairs marked as not duplicates
     * (D5a) are taken out afterwards; a cluster that falls apart without them is split.
     *
     * @param actor    who asks; only leads they may view take part
     * @param options  cluster limit, threads and page size
     * @param progress told where the scan stands
     * @return the clusters (each with its pairs' scores and explanations) and the counts
     */
    public ScanResult scan(Actor actor, LeadScanOptions options, ScanListener progress) {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(progress, "progress");
        Visibility visibility = policy.visibility(actor);
        DuplicateScan scan = DuplicateScan.builder(matching.matcher()).maxClusterSize(options.maxClusterSize())
                .threads(options.threads()).listener(progress).build();
        List<Cluster> found = new ArrayList<>();
        ScanSummary summary = scan.run(new Pages(visibility, options.pageSize()), found::add);
        List<Cluster> clusters = new ArrayList<>();
        for (int from = 0; from < found.size(); from += PAGE) {
            List<Cluster> chunk = found.subList(from, Math.min(found.size(), from + PAGE));
            List<LeadId> ids = new ArrayList<>();
            chunk.forEach(c -> c.ids().forEach(id -> ids.add(LeadId.of(id))));
            Set<String> decided = new java.util.HashSet<>();
            store.inTransaction(tx -> tx.duplicateDecisions().involving(ids))
                    .forEach(d -> decided.add(d.first().value() + "\n" + d.second().value()));
            for (Cluster c : chunk) {
                clusters.addAll(decided.isEmpty() ? List.of(c) : withoutDecided(c, decided));
            }
        }
        return new ScanResult(clusters, summary);
    }

    /** A cluster without its decided pairs: the connected parts that still have two members or more. */
    private static List<Cluster> withoutDecided(Cluster cluster, Set<String> decided) {
        List<Match> kept = new ArrayList<>();
        for (Match m : cluster.pairs()) {
            String a = m.id();
            String b = m.otherId();
            if (!decided.contains(a.compareTo(b) < 0 ? a + "\n" + b : b + "\n" + a)) {
                kept.add(m);
            }
        }
        if (kept.size() == cluster.pairs().size()) {
            return List.of(cluster);
        }
        Map<String, String> parent = new java.util.LinkedHashMap<>();
        cluster.ids().forEach(id -> parent.put(id, id));
        for (Match m : kept) {
            parent.put(root(parent, m.id()), root(parent, m.otherId()));
        }
        Map<String, List<String>> parts = new java.util.LinkedHashMap<>();
        for (String id : cluster.ids()) {
            parts.computeIfAbsent(root(parent, id), r -> new ArrayList<>()).add(id);
        }
        List<Cluster> out = new ArrayList<>();
        for (List<String> ids : parts.values()) {
            if (ids.size() < 2) {
                continue;
            }
            List<Match> pairs = kept.stream().filter(m -> ids.contains(m.id())).toList();
            boolean duplicate = pairs.stream().anyMatch(m -> m.decision() == Decision.DUPLICATE);
            out.add(new Cluster(ids, pairs, duplicate ? Decision.DUPLICATE : Decision.POSSIBLE_DUPLICATE));
        }
        return out;
    }

    private static String root(Map<String, String> parent, String id) {
        String r = id;
        while (!parent.get(r).equals(r)) {
            r = parent.get(r);
        }
        parent.put(id, r);
        return r;
    }

    /** The visible leads as match records, read lazily one page (one transaction) at a time. */
    private final class Pages implements java.util.Iterator<MatchRecord> {
        private final Visibility visibility;
        private final int size;
        private List<Lead> page = List.of();
        private int next;
        private Optional<LeadId> after = Optional.empty();
        private boolean last;

        Pages(Visibility visibility, int size) {
            this.visibility = visibility;
            this.size = size;
        }

        @Override
        public boolean hasNext() {
            if (next < page.size()) {
                return true;
            }
            if (last) {
                return false;
            }
            Optional<LeadId> from = after;
            page = store.inTransaction(tx -> tx.matchKeys().page(visibility, from, size));
            next = 0;
            last = page.size() < size;
            if (!page.isEmpty()) {
                after = Optional.of(page.get(page.size() - 1).id());
            }
            return !page.isEmpty();
        }

        @Override
        public MatchRecord next() {
            if (!hasNext()) {
                throw new java.util.NoSuchElementException();
            }
            return MatchRecord.from(page.get(next++));
        }
    }

    // ------------------------------------------------------------------ index

    /**
     * Recomputes every live lead's blocking keys — after an upgrade that added the candidate index
     * (schema version 6), or after the matching rules changed. Reads the leads page by page in id
     * order, one transaction per page, so memory stays bounded.
     *
     * @param actor an Admin
     * @return how many leads were indexed
     * @throws dev.leadkit.AccessDeniedException when the actor is not an Admin
     */
    public long rebuildIndex(Actor actor) {
        Objects.requireNonNull(actor, "actor");
        policy.require(actor, Right.MANAGE_SETTINGS);
        long indexed = 0;
        Optional<LeadId> after = Optional.empty();
        while (true) {
            Optional<LeadId> from = after;
            List<Lead> page = store.inTransaction(tx -> {
                List<Lead> leads = tx.matchKeys().page(Visibility.everything(), from, PAGE);
                for (Lead lead : leads) {
                    matching.written(tx, lead);
                }
                return leads;
            });
            indexed += page.size();
            if (page.size() < PAGE) {
                return indexed;
            }
            after = Optional.of(page.get(page.size() - 1).id());
        }
    }

    // ------------------------------------------------------------------ helpers

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static Lead load(StoreTransaction tx, LeadId id) {
        return tx.leads().find(id).orElseThrow(() -> new NotFoundException("lead", id.value()));
    }
}
