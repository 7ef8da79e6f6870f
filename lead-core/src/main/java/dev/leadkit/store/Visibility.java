package dev.leadkit.store;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Which leads an actor may see, as a store evaluates it inside its query (requirements P10, Q7):
 * every lead, or the leads owned by one of {@link #owners()}, plus unassigned leads when
 * {@link #unassigned()}, plus the leads on which {@link #grantee()} holds a VIEW grant. The access
 * policy resolves owners from the host's directory at query time, so no copy of team membership is
 * kept on leads.
 *
 * @param all        whether every lead is visible (Admin, all-access)
 * @param owners     the user ids whose leads are visible
 * @param unassigned whether leads without an owner are visible (the inbox)
 * @param grantee    the user whose VIEW grants count, if any
 * @since 0.1
 */
public record Visibility(boolean all, Set<String> owners, boolean unassigned, Optional<String> grantee) {

    /** Copies the owners. */
    public Visibility {
        owners = Set.copyOf(owners);
        Objects.requireNonNull(grantee, "grantee");
    }

    /** @return visibility of every lead */
    public static Visibility everything() {
        return new Visibility(true, Set.of(), false, Optional.empty());
    }

    /**
     * Evaluates this visibility for one lead, exactly as a store's query must.
     *
     * @param owner        the lead's owner, empty when unassigned
     * @param grantedView  whether {@link #grantee()} holds a VIEW grant on it
     * @return whether the lead is visible
     */
    public boolean admits(Optional<String> owner, boolean grantedView) {
        if (all) {
            return true;
        }
        if (owner.isEmpty()) {
            return unassigned || grantedView;
        }
        return owners.contains(owner.get()) || grantedView;
    }
}
