package dev.leadkit.access;

import dev.leadkit.AccessDeniedException;
import dev.leadkit.Actor;
import dev.leadkit.lead.Lead;
import dev.leadkit.store.Visibility;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Decides what an actor may do (requirements P1–P10), from the host's {@link Directory}, the
 * {@link AccessRules}, the lead's owner and grants, and the lead's state. Pure: it reads the
 * directory but stores nothing; services load the lead and its {@link LeadAccess} and ask.
 *
 * <p>The rules, in order:
 * <ol>
 *   <li>Only known, active users hold any right.</li>
 *   <li>{@link Role#ADMIN}: every right on every lead, and the administrative rights.</li>
 *   <li>The owner: every right on the lead (P3).</li>
 *   <li>Users of the owner's team, when the team rule is on: the team rights (P4). Managers on
 *       leads owned by their direct reports (or all reports, transitively, if configured) and
 *       all-access users on every lead: the team rights (P2).</li>
 *   <li>Unassigned leads: view (and follow) for users with inbox access (P9).</li>
 *   <li>Grants from the owner: exactly the granted rights (P5).</li>
 *   <li>Whoever can view a lead through rules 2–5 may also follow it (P8); through a grant only
 *       when follow was granted.</li>
 *   <li>State: a deleted lead allows only view and delete (to restore it); a converted lead, while
 *       the convert lock is on, only view and follow.</li>
 * </ol>
 * Rights follow the current owner: after a transfer the team rule applies to the new owner's team.
 *
 * <pre>{@code
 * if (policy.can(actor, Right.EDIT, lead, access, false)) showEditButton();
 * }</pre>
 *
 * @since 0.1
 */
public final class AccessPolicy {

    private static final Set<Right> PER_LEAD = perLeadRights();

    private final Directory directory;
    private final AccessRules rules;

    /**
     * @param directory where users, teams, roles and managers come from
     * @param rules     the configurable rules
     */
    public AccessPolicy(Directory directory, AccessRules rules) {
        this.directory = Objects.requireNonNull(directory, "directory");
        this.rules = Objects.requireNonNull(rules, "rules");
    }

    /** @return the rules in force */
    public AccessRules rules() {
        return rules;
    }

    /**
     * Checks that the actor is a known, active user.
     *
     * @param actor  who acts
     * @param right  the right being exercised, named in the error
     * @param leadId the lead concerned, or {@code null}
     * @return the user
     * @throws AccessDeniedException when the directory does not know the user or marks them inactive
     */
    public User activeUser(Actor actor, Right right, String leadId) {
        User user = directory.user(actor.userId()).orElseThrow(() ->
                new AccessDeniedException(actor, right, leadId, "the user is not known to the directory"));
        if (!user.active()) {
            throw new AccessDeniedException(actor, right, leadId, "the user is inactive");
        }
        return user;
    }

    /**
     * Checks an instance-wide right (one that is not about one lead): {@link Right#CREATE} every
     * active user holds, {@link Right#ASSIGN_OTHERS} the users with one of
     * {@link AccessRules#assignOthersRoles()}, every other one only Admins.
     *
     * @param actor who acts
     * @param right a right with {@code isPerLead() == false}
     * @return the user
     * @throws AccessDeniedException when the actor lacks it
     */
    public User require(Actor actor, Right right) {
        if (right.isPerLead()) {
            throw new IllegalArgumentException(right + " is a right on one lead");
        }
        User user = activeUser(actor, right, null);
        if (right == Right.CREATE) {
            return user;
        }
        if (right == Right.ASSIGN_OTHERS) {
            Set<Role> roles = user.roles().isEmpty() ? Set.of(Role.USER) : user.roles();
            if (roles.stream().noneMatch(rules.assignOthersRoles()::contains)) {
                throw new AccessDeniedException(actor, right, null, rules.assignOthersRoles().isEmpty()
                        ? "nobody may assign to others under the configured rules; assign to yourself"
                        : "only users with the role " + rules.assignOthersRoles().stream().sorted().map(Role::name)
                        .collect(java.util.stream.Collectors.joining(" or ")) + " may assign to others; assign to yourself");
            }
            return user;
        }
        if (!user.hasRole(Role.ADMIN)) {
            throw new AccessDeniedException(actor, right, null, "only a user with the Admin role has it");
        }
        return user;
    }

    /**
     * Every right the actor holds on a lead.
     *
     * @param actor          who asks
     * @param lead           the lead
     * @param access         the lead's grants and followers
     * @param convertLocked  whether the lead is converted and the convert lock is on
     * @return the rights (empty for unknown or inactive users)
     */
    public Set<Right> rights(Actor actor, Lead lead, LeadAccess access, boolean convertLocked) {
        Optional<User> found = directory.user(actor.userId()).filter(User::active);
        if (found.isEmpty()) {
            return Set.of();
        }
        User user = found.get();
        EnumSet<Right> rights = EnumSet.noneOf(Right.class);
        if (user.hasRole(Role.ADMIN)) {
            rights.addAll(PER_LEAD);
        } else {
            Optional<String> owner = lead.owner();
            boolean byRule = false;
            if (owner.isPresent()) {
                if (owner.get().equals(user.id())) {
                    rights.addAll(PER_LEAD);
                }
                if (user.hasRole(Role.ALL_ACCESS) || inOwnersTeam(user, owner.get()) || managesOwner(user, owner.get())) {
                    byRule = true;
                }
            } else if (user.hasRole(Role.ALL_ACCESS) || hasInboxAccess(user)) {
                rights.add(Right.VIEW);
                rights.add(Right.FOLLOW);
                if (user.hasRole(Role.ALL_ACCESS)) {
                    byRule = true;
                }
            }
            if (byRule) {
                rights.addAll(rules.teamRights());
                rights.add(Right.FOLLOW);
            }
            rights.addAll(access.grantedTo(user.id()));
        }
        if (lead.isDeleted()) {
            rights.retainAll(EnumSet.of(Right.VIEW, Right.DELETE));
        } else if (convertLocked) {
            rights.retainAll(EnumSet.of(Right.VIEW, Right.FOLLOW));
        }
        return rights.isEmpty() ? Set.of() : Set.copyOf(rights);
    }

    /**
     * @param actor         who asks
     * @param right         a right on one lead
     * @param lead          the lead
     * @param access        its grants and followers
     * @param convertLocked whether the lead is converted and the convert lock is on
     * @return whether the actor holds the right
     */
    public boolean can(Actor actor, Right right, Lead lead, LeadAccess access, boolean convertLocked) {
        return rights(actor, lead, access, convertLocked).contains(right);
    }

    /**
     * Throws unless the actor holds the right, explaining what would grant it.
     *
     * @param actor         who acts
     * @param right         the right needed
     * @param lead          the lead
     * @param access        its grants and followers
     * @param convertLocked whether the lead is converted and the convert lock is on
     * @throws AccessDeniedException naming actor, right and lead
     */
    public void check(Actor actor, Right right, Lead lead, LeadAccess access, boolean convertLocked) {
        User user = activeUser(actor, right, lead.id().value());
        if (rights(actor, lead, access, convertLocked).contains(right)) {
            return;
        }
        String reason;
        if (lead.isDeleted() && right != Right.VIEW && right != Right.DELETE) {
            reason = "the lead is deleted and read-only; restore it first";
        } else if (convertLocked && right != Right.VIEW && right != Right.FOLLOW) {
            reason = "the lead is converted and locked against changes";
        } else if (lead.owner().isEmpty()) {
            reason = "the lead is unassigned; claim it first";
        } else if (!user.hasRole(Role.ADMIN) && rights(actor, lead, access, convertLocked).contains(Right.VIEW)) {
            reason = "only the owner, or a user the owner granted it to, holds it";
        } else {
            reason = "the user is neither the owner, in the owner's team, the owner's manager, nor granted access; "
                    + "ask the owner for access";
        }
        throw new AccessDeniedException(actor, right, lead.id().value(), reason);
    }

    /**
     * The leads the actor may see, for a store to evaluate inside its query. Team members and
     * reports are resolved from the directory now, so a team change is seen by the next query.
     *
     * @param actor who asks
     * @return the visibility
     * @throws AccessDeniedException when the actor is unknown or inactive
     */
    public Visibility visibility(Actor actor) {
        User user = activeUser(actor, Right.VIEW, null);
        if (user.hasRole(Role.ADMIN) || user.hasRole(Role.ALL_ACCESS)) {
            return Visibility.everything();
        }
        Set<String> owners = new HashSet<>();
        owners.add(user.id());
        if (rules.teamRule() && user.teamId().isPresent()) {
            owners.addAll(directory.teamMembers(user.teamId().get()));
        }
        if (user.hasRole(Role.MANAGER)) {
            owners.addAll(reports(user.id()));
        }
        return new Visibility(false, owners, hasInboxAccess(user), Optional.of(user.id()));
    }

    /**
     * @param user a user
     * @return whether they see and may claim unassigned leads
     */
    public boolean hasInboxAccess(User user) {
        return rules.inboxOpenToAll() || user.hasRole(Role.ADMIN) || user.hasRole(Role.ALL_ACCESS)
                || user.hasRole(Role.MANAGER);
    }

    private boolean inOwnersTeam(User user, String ownerId) {
        if (!rules.teamRule() || user.teamId().isEmpty()) {
            return false;
        }
        return directory.user(ownerId).flatMap(User::teamId).filter(user.teamId().get()::equals).isPresent();
    }

    private boolean managesOwner(User user, String ownerId) {
        return user.hasRole(Role.MANAGER) && reports(user.id()).contains(ownerId);
    }

    private Set<String> reports(String managerId) {
        Set<String> found = new HashSet<>(directory.directReports(managerId));
        if (!rules.managersSeeTransitively()) {
            return found;
        }
        Deque<String> queue = new ArrayDeque<>(found);
        while (!queue.isEmpty()) {
            for (String next : directory.directReports(queue.pop())) {
                if (!next.equals(managerId) && found.add(next)) {
                    queue.push(next);
                }
            }
        }
        return found;
    }

    private static Set<Right> perLeadRights() {
        EnumSet<Right> set = EnumSet.noneOf(Right.class);
        for (Right r : Right.values()) {
            if (r.isPerLead()) {
                set.add(r);
            }
        }
        return Set.copyOf(set);
    }
}
