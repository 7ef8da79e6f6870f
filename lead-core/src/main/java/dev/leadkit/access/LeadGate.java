package dev.leadkit.access;

import dev.leadkit.Actor;
import dev.leadkit.lead.Lead;
import dev.leadkit.store.StoreTransaction;
import dev.leadkit.workflow.CatalogueEntry;
import dev.leadkit.workflow.CatalogueKind;
import dev.leadkit.workflow.CatalogueService;
import dev.leadkit.workflow.StatusCategory;

import java.util.Objects;
import java.util.Set;

/**
 * Asks the {@link AccessPolicy} about a lead inside an open store transaction, loading what the
 * policy needs — the lead's grants, its status category and the convert-lock setting — from that
 * transaction. Every LeadKit service that acts on a lead goes through it, so all apply the same
 * rules; a host composing its own service on the store ports can too.
 *
 * <pre>{@code
 * store.inTransaction(tx -> {
 *     Lead lead = tx.leads().find(id).orElseThrow();
 *     gate.check(tx, actor, Right.EDIT, lead);
 *     …
 * });
 * }</pre>
 *
 * @since 0.1
 */
public final class LeadGate {

    /** The settings key of the convert lock: {@code "false"} turns it off; on by default (seed 002). */
    public static final String CONVERT_LOCK_KEY = "lead.convertLock";

    private final AccessPolicy policy;

    /**
     * @param policy the policy to ask
     */
    public LeadGate(AccessPolicy policy) {
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    /** @return the policy asked */
    public AccessPolicy policy() {
        return policy;
    }

    /**
     * @param tx    the open transaction
     * @param actor who asks
     * @param lead  the lead
     * @return every right the actor holds on it
     */
    public Set<Right> rights(StoreTransaction tx, Actor actor, Lead lead) {
        return policy.rights(actor, lead, tx.access().find(lead.id().value()), convertLocked(tx, lead));
    }

    /**
     * @param tx    the open transaction
     * @param actor who acts
     * @param right the right needed
     * @param lead  the lead
     * @throws dev.leadkit.AccessDeniedException naming actor, right and lead when the actor lacks it
     */
    public void check(StoreTransaction tx, Actor actor, Right right, Lead lead) {
        policy.check(actor, right, lead, tx.access().find(lead.id().value()), convertLocked(tx, lead));
    }

    /**
     * Who hears of a change to a lead (requirement P8): the owner always, and each follower who
     * can still follow it (which needs view) — losing view ends a follow, also when the cause (a
     * team move) happened in the host's directory.
     *
     * @param tx   the open transaction
     * @param lead the lead
     * @return the user ids to notify
     */
    public Set<String> watchers(StoreTransaction tx, Lead lead) {
        LeadAccess access = tx.access().find(lead.id().value());
        boolean locked = convertLocked(tx, lead);
        Set<String> watchers = new java.util.TreeSet<>();
        lead.owner().ifPresent(watchers::add);
        for (String follower : access.followers()) {
            if (policy.can(Actor.of(follower), Right.FOLLOW, lead, access, locked)) {
                watchers.add(follower);
            }
        }
        return watchers;
    }

    /**
     * @param tx   the open transaction
     * @param lead a lead
     * @return whether it is converted and the convert lock is on
     */
    public static boolean convertLocked(StoreTransaction tx, Lead lead) {
        boolean converted = CatalogueService.current(tx, CatalogueKind.STATUS).entry(lead.status())
                .flatMap(CatalogueEntry::category).filter(StatusCategory.CONVERTED::equals).isPresent();
        return converted && !"false".equals(tx.settings().load().get(CONVERT_LOCK_KEY).orElse("true"));
    }
}
