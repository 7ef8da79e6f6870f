package dev.leadkit;

import dev.leadkit.access.Right;

import java.util.Optional;

/**
 * The actor lacks the right the call needs. Names the actor, the right and, for rights on one
 * lead, the lead. Nothing was changed. Code {@code access.denied}.
 *
 * @since 0.1
 */
public final class AccessDeniedException extends LeadKitException {

    private static final long serialVersionUID = 1L;

    private final String actorId;
    private final Right right;
    private final String leadId;

    /**
     * @param actor  who tried
     * @param right  the missing right
     * @param leadId the lead, or {@code null} for rights that are not about one lead (settings)
     * @param reason a short explanation of what would grant it, e.g. "only an Admin may change settings"
     */
    public AccessDeniedException(Actor actor, Right right, String leadId, String reason) {
        super("access.denied", "User '" + actor.userId() + "' lacks the " + right.key() + " right"
                + (leadId == null ? "" : " on lead '" + leadId + "'") + ": " + reason + ".");
        this.actorId = actor.userId();
        this.right = right;
        this.leadId = leadId;
    }

    /** @return the id of the user who was refused */
    public String actorId() {
        return actorId;
    }

    /** @return the right that was missing */
    public Right right() {
        return right;
    }

    /** @return the lead the right was asked on, when the right is per lead */
    public Optional<String> leadId() {
        return Optional.ofNullable(leadId);
    }
}
