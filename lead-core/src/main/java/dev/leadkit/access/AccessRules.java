package dev.leadkit.access;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * The configurable parts of the access policy, set by the host in code through
 * {@code LeadKit.builder().accessRules(…)}. The defaults are seed 000's rules (requirements P0–P10):
 * the owner's team may view, edit, delete and tag the owner's leads; managers see the leads of
 * their direct reports; every user may see and claim unassigned leads.
 *
 * <pre>{@code
 * // Seed 003's profiles: no team rule; Users see their own leads, Managers also their reports'.
 * AccessRules profiles = AccessRules.defaults().withTeamRule(false);
 * // Team members may not delete each other's leads.
 * AccessRules noTeamDelete = AccessRules.defaults().withTeamRights(EnumSet.of(Right.VIEW, Right.EDIT, Right.TAG));
 * // Every user may give tasks to colleagues.
 * AccessRules openAssignment = AccessRules.defaults().withAssignOthersRoles(EnumSet.allOf(Role.class));
 * }</pre>
 *
 * @param teamRule                 whether users of the owner's team hold {@link #teamRights()} (P4)
 * @param teamRights               the rights of the owner's team, of managers on their reports' leads
 *                                 and of all-access users; must include VIEW; only grantable rights
 * @param managersSeeTransitively  whether managers also see the leads of their reports' reports
 * @param inboxOpenToAll           whether every user sees and may claim unassigned leads (P9); when
 *                                 off, only Admins, all-access users and Managers do
 * @param assignOthersRoles        the roles holding {@link Right#ASSIGN_OTHERS}: their users may make
 *                                 another user the assignee of an activity (seed 003); a user
 *                                 without roles counts as {@link Role#USER}
 * @since 0.1
 */
public record AccessRules(boolean teamRule, Set<Right> teamRights, boolean managersSeeTransitively,
                          boolean inboxOpenToAll, Set<Role> assignOthersRoles) {

    /** The roles that may assign activities to others unless configured otherwise. */
    private static final Set<Role> DEFAULT_ASSIGN_OTHERS = Set.copyOf(EnumSet.of(Role.ADMIN, Role.MANAGER, Role.ALL_ACCESS));

    /**
     * The rules as they were before {@link #assignOthersRoles()} existed, with its default roles
     * (Admin, Manager, all-access); kept so that code written against 0.1's rules still compiles.
     *
     * @param teamRule                whether the team rule applies
     * @param teamRights              the team rights
     * @param managersSeeTransitively whether managers see reports of reports
     * @param inboxOpenToAll          whether every user has inbox access
     */
    public AccessRules(boolean teamRule, Set<Right> teamRights, boolean managersSeeTransitively, boolean inboxOpenToAll) {
        this(teamRule, teamRights, managersSeeTransitively, inboxOpenToAll, DEFAULT_ASSIGN_OTHERS);
    }

    /** Checks the team rights and copies the role set. */
    public AccessRules {
        Objects.requireNonNull(teamRights, "teamRights");
        if (!teamRights.contains(Right.VIEW)) {
            throw new IllegalArgumentException("team rights must include VIEW: no other right is usable without it");
        }
        if (!LeadAccess.GRANTABLE.containsAll(teamRights)) {
            throw new IllegalArgumentException("team rights are chosen from view, edit, delete, tag and follow");
        }
        teamRights = Set.copyOf(EnumSet.copyOf(teamRights));
        Objects.requireNonNull(assignOthersRoles, "assignOthersRoles");
        assignOthersRoles = Set.copyOf(assignOthersRoles);
    }

    /** @return seed 000's rules */
    public static AccessRules defaults() {
        return new AccessRules(true, EnumSet.of(Right.VIEW, Right.EDIT, Right.DELETE, Right.TAG), false, true,
                DEFAULT_ASSIGN_OTHERS);
    }

    /** @param on whether the team rule applies @return changed rules */
    public AccessRules withTeamRule(boolean on) {
        return new AccessRules(on, teamRights, managersSeeTransitively, inboxOpenToAll, assignOthersRoles);
    }

    /** @param rights the team rights @return changed rules */
    public AccessRules withTeamRights(Set<Right> rights) {
        return new AccessRules(teamRule, rights, managersSeeTransitively, inboxOpenToAll, assignOthersRoles);
    }

    /** @param on whether managers see reports of reports @return changed rules */
    public AccessRules withTransitiveManagers(boolean on) {
        return new AccessRules(teamRule, teamRights, on, inboxOpenToAll, assignOthersRoles);
    }

    /** @param on whether every user has inbox access @return changed rules */
    public AccessRules withInboxOpenToAll(boolean on) {
        return new AccessRules(teamRule, teamRights, managersSeeTransitively, on, assignOthersRoles);
    }

    /**
     * @param roles the roles whose users may assign activities to other users; empty means
     *              everyone assigns only to themselves (Admins included)
     * @return changed rules
     */
    public AccessRules withAssignOthersRoles(Set<Role> roles) {
        return new AccessRules(teamRule, teamRights, managersSeeTransitively, inboxOpenToAll, roles);
    }

    /**
     * @param roles the roles whose users may assign activities to other users
     * @return changed rules
     */
    public AccessRules withAssignOthersRoles(Role... roles) {
        return withAssignOthersRoles(Set.copyOf(Arrays.asList(roles)));
    }
}
