package dev.leadkit.access;

import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Who besides the owner holds rights on one lead, and who follows it (requirements P5, P8): the
 * lead's sharing aggregate, stored beside the lead and versioned on its own, so sharing a lead
 * never conflicts with editing it.
 *
 * @param leadId    the lead
 * @param grants    per user id, the rights the owner granted ({@link #GRANTABLE} only; always with VIEW)
 * @param followers the ids of users following the lead
 * @param version   0 when nothing was ever stored, then one more after each save
 * @since 0.1
 */
public record LeadAccess(String leadId, Map<String, Set<Right>> grants, Set<String> followers, long version) {

    /** The rights an owner can grant (seed 000): view, edit, delete, tag, follow. */
    public static final Set<Right> GRANTABLE =
            Set.copyOf(EnumSet.of(Right.VIEW, Right.EDIT, Right.DELETE, Right.TAG, Right.FOLLOW));

    /** Checks and copies the components. */
    public LeadAccess {
        Objects.requireNonNull(leadId, "leadId");
        Map<String, Set<Right>> copy = new TreeMap<>();
        grants.forEach((user, rights) -> {
            if (rights.isEmpty()) {
                throw new IllegalArgumentException("a grant holds at least one right");
            }
            if (!GRANTABLE.containsAll(rights)) {
                throw new IllegalArgumentException("only view, edit, delete, tag and follow can be granted");
            }
            copy.put(user, Set.copyOf(EnumSet.copyOf(rights)));
        });
        grants = Map.copyOf(copy);
        followers = Set.copyOf(new TreeSet<>(followers));
        if (version < 0) {
            throw new IllegalArgumentException("a version is never negative");
        }
    }

    /**
     * @param leadId a lead
     * @return the sharing state of a lead nobody shared or followed yet
     */
    public static LeadAccess none(String leadId) {
        return new LeadAccess(leadId, Map.of(), Set.of(), 0);
    }

    /**
     * @param userId a user
     * @return the rights granted to them (empty when none)
     */
    public Set<Right> grantedTo(String userId) {
        return grants.getOrDefault(userId, Set.of());
    }

    /**
     * @param userId the grantee
     * @param rights the rights they hold from now on (VIEW is added: no right is usable without it);
     *               empty removes the grant
     * @return the next version
     */
    public LeadAccess withGrant(String userId, Set<Right> rights) {
        Map<String, Set<Right>> copy = new TreeMap<>(grants);
        if (rights.isEmpty()) {
            copy.remove(userId);
        } else {
            EnumSet<Right> withView = EnumSet.copyOf(rights);
            withView.add(Right.VIEW);
            copy.put(userId, withView);
        }
        return new LeadAccess(leadId, copy, followers, version + 1);
    }

    /**
     * @param userId   a user
     * @param follows  whether they follow from now on
     * @return the next version
     */
    public LeadAccess withFollower(String userId, boolean follows) {
        Set<String> copy = new TreeSet<>(followers);
        if (follows) {
            copy.add(userId);
        } else {
            copy.remove(userId);
        }
        return new LeadAccess(leadId, grants, copy, version + 1);
    }
}
