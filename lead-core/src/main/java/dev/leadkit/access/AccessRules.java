package dev.leadkit.access;

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
 * }</pre>
 *
 * @param teamRule                 whether users of the owner's team hold {@link #teamRights()} (P4)
 * @param teamRights               the rights of the owner's team, of managers on their reports' leads
 *                                 and of all-access users; must include VIEW; only grantable rights
 * @param managersSeeTransitively  whether managers also see the leads of their reports' reports
 * @param inboxOpenToAll           whether every user sees and may claim unassigned leads (P9); when
 *                                 off, only Admins, all-access users and Managers do
 * @since 0.1
 */
public record AccessRules(boolean teamRule, Set<Right> teamRights, boolean managersSeeTransitively,
                          boolean inboxOpenToAll) {

    /** Checks the team rights. */
    public AccessRules {
        Objects.requireNonNull(teamRights, "teamRights");
        if (!teamRights.contains(Right.VIEW)) {
            throw new IllegalArgumentException("team rights must include VIEW: no other right is usable without it");
        }
        if (!LeadAccess.GRANTABLE.containsAll(teamRights)) {
            throw new IllegalArgumentException("team rights are chosen from view, edit, delete, tag and follow");
        }
        teamRights = Set.copyOf(EnumSet.copyOf(teamRights));
    }

    /** @return seed 000's rules */
    public static AccessRules defaults() {
        return new AccessRules(true, EnumSet.of(Right.VIEW, Right.EDIT, Right.DELETE, Right.TAG), false, true);
    }

    /** @param on whether the team rule applies @return changed rules */
    public AccessRules withTeamRule(boolean on) {
        return new AccessRules(on, teamRights, managersSeeTransitively, inboxOpenToAll);
    }

    /** @param rights the team rights @return changed rules */
    public AccessRules withTeamRights(Set<Right> rights) {
        return new AccessRules(teamRule, rights, managersSeeTransitively, inboxOpenToAll);
    }

    /** @param on whether managers see reports of reports @return changed rules */
    public AccessRules withTransitiveManagers(boolean on) {
        return new AccessRules(teamRule, teamRights, on, inboxOpenToAll);
    }

    /** @param on whether every user has inbox access @return changed rules */
    public AccessRules withInboxOpenToAll(boolean on) {
        return new AccessRules(teamRule, teamRights, managersSeeTransitively, on);
    }
}
