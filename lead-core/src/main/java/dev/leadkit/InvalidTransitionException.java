package dev.leadkit;

import java.util.List;

/**
 * A status move that the configured workflow does not allow. Names the current status, the
 * requested one and the statuses that are allowed from here. Code {@code workflow.transition.invalid}.
 *
 * @since 0.1
 */
public final class InvalidTransitionException extends LeadKitException {

    private static final long serialVersionUID = 1L;

    private final String from;
    private final String to;
    private final List<String> allowed;

    /**
     * @param from    the current status code
     * @param to      the requested status code
     * @param allowed the status codes the workflow allows from {@code from}
     * @param reason  why, in a short English sentence (e.g. "statuses are locked")
     */
    public InvalidTransitionException(String from, String to, List<String> allowed, String reason) {
        super("workflow.transition.invalid",
                "A lead cannot move from status '" + from + "' to '" + to + "': " + reason
                        + (allowed.isEmpty() ? ". No status is allowed from here." : ". Allowed targets: " + allowed + "."));
        this.from = from;
        this.to = to;
        this.allowed = List.copyOf(allowed);
    }

    /** @return the current status code */
    public String from() {
        return from;
    }

    /** @return the requested status code */
    public String to() {
        return to;
    }

    /** @return the status codes allowed from the current one */
    public List<String> allowed() {
        return allowed;
    }
}
