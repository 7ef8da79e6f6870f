package dev.leadkit.dedupe;

import dev.leadkit.Actor;
import dev.leadkit.access.AccessPolicy;
import dev.leadkit.lead.Lead;
import dev.leadkit.lead.LeadId;
import dev.leadkit.store.StoreTransaction;
import dev.leadkit.store.Visibility;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Duplicate detection against the stored leads, inside a store transaction (requirement D3):
 * keeps each lead's blocking keys in the store's candidate index ({@code tx.matchKeys()}) and
 * checks a lead against the leads that share a key with it — one indexed lookup, then the
 * engine's scoring in Java. Only leads the actor may view are reported, and never a pair a user
 * marked as not duplicates (D5a). {@link dev.leadkit.lead.LeadService} calls it on every create,
 * update, delete and restore, the {@link DuplicateService} on merge, so the index is always
 * current in the same transaction as the lead. Thread-safe and stateless.
 *
 * <pre>{@code
 * store.inTransaction(tx -> {
 *     tx.leads().insert(lead);
 *     matching.written(tx, lead);                 // its keys, in the same transaction
 *     return matching.matches(tx, actor, lead);   // visible matches, best first
 * });
 * }</pre>
 *
 * @since 0.2
 */
public final class LeadMatching {

    /** The settings key of the {@link DuplicatePolicy}; absent means {@link DuplicatePolicy#WARN}. */
    public static final String POLICY_KEY = "duplicates.policy";

    /** How many candidates one check scores at most. */
    public static final int CANDIDATE_LIMIT = 50;

    private final AccessPolicy policy;
    private final Matcher matcher;

    /**
     * @param policy  who may view which leads
     * @param matcher the engine: normalisation, blocking keys and scoring
     */
    public LeadMatching(AccessPolicy policy, Matcher matcher) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.matcher = Objects.requireNonNull(matcher, "matcher");
    }

    /** @return the engine */
    public Matcher matcher() {
        return matcher;
    }

    /**
     * @param lead a lead
     * @return the blocking keys the candidate index holds for it
     */
    public Set<String> keys(Lead lead) {
        return new LinkedHashSet<>(matcher.blockingKeys(MatchRecord.from(lead)));
    }

    /**
     * Keeps the candidate index current after a lead was stored: a live lead's keys are replaced,
     * a deleted (or merged) lead's removed.
     *
     * @param tx   the open transaction
     * @param lead the lead as just stored
     */
    public void written(StoreTransaction tx, Lead lead) {
        if (lead.isDeleted()) {
            tx.matchKeys().remove(lead.id());
        } else {
            tx.matchKeys().replace(lead.id(), keys(lead));
        }
    }

    /**
     * {@link #written(StoreTransaction, Lead)} with the lead's keys computed already (a batch
     * computes them once for the check and the index).
     *
     * @param tx   the open transaction
     * @param lead the lead as just stored
     * @param keys its {@link #keys}
     * @since 0.5
     */
    public void written(StoreTransaction tx, Lead lead, Set<String> keys) {
        if (lead.isDeleted()) {
            tx.matchKeys().remove(lead.id());
        } else {
            tx.matchKeys().replace(lead.id(), keys);
        }
    }

    /**
     * @param tx the open transaction
     * @param id a lead that left the index (deleted, merged away)
     */
    public void removed(StoreTransaction tx, LeadId id) {
        tx.matchKeys().remove(id);
    }

    /**
     * @param tx the open transaction
     * @return the stored policy; {@link DuplicatePolicy#WARN} when none was set
     */
    public DuplicatePolicy policy(StoreTransaction tx) {
        return tx.settings().load().get(POLICY_KEY).map(v -> DuplicatePolicy.valueOf(v.toUpperCase(Locale.ROOT)))
                .orElse(DuplicatePolicy.WARN);
    }

    /**
     * The stored leads a lead matches, as the actor may see them: candidates from the index,
     * scored by the engine, at or above the possible-duplicate threshold; the lead itself, leads
     * the actor may not view and pairs decided as not duplicates left out.
     *
     * @param tx    the open transaction
     * @param actor who asks
     * @param lead  the lead checked (stored or not yet)
     * @return the matches, best first; {@link Match#id()} is the lead checked, {@link Match#otherId()} the stored one
     */
    public List<Match> matches(StoreTransaction tx, Actor actor, Lead lead) {
        return matches(tx, actor, lead, keys(lead));
    }

    /**
     * {@link #matches(StoreTransaction, Actor, Lead)} with the lead's keys computed already.
     *
     * @param tx    the open transaction
     * @param actor who asks
     * @param lead  the lead checked (stored or not yet)
     * @param keys  its {@link #keys}
     * @return the matches, best first
     * @since 0.5
     */
    public List<Match> matches(StoreTransaction tx, Actor actor, Lead lead, Set<String> keys) {
        if (keys.isEmpty()) {
            return List.of();
        }
        List<Lead> candidates = new ArrayList<>();
        Visibility visibility = policy.visibility(actor);
        for (Lead candidate : tx.matchKeys().candidates(keys, visibility, CANDIDATE_LIMIT)) {
            if (!candidate.id().equals(lead.id()) && !candidate.isDeleted()) {
                candidates.add(candidate);
            }
        }
        if (candidates.isEmpty()) {
            return List.of();
        }
        List<MatchRecord> records = new ArrayList<>(candidates.size());
        candidates.forEach(c -> records.add(MatchRecord.from(c)));
        List<Match> matches = new ArrayList<>(matcher.rank(MatchRecord.from(lead), records, (self, other) -> false));
        if (!matches.isEmpty()) {
            Set<String> decided = new HashSet<>();
            for (DuplicateDecision d : tx.duplicateDecisions().involving(List.of(lead.id()))) {
                decided.add(d.other(lead.id()).value());
            }
            matches.removeIf(m -> decided.contains(m.otherId()));
        }
        return List.copyOf(matches);
    }
}
