package dev.leadkit.dedupe;

/**
 * What a comparison concluded, by the two thresholds of the {@link MatchRules}.
 *
 * <pre>{@code
 * if (match.decision() == Decision.DUPLICATE) block(); else if (match.decision() == Decision.POSSIBLE_DUPLICATE) warn();
 * }</pre>
 *
 * @since 0.3
 */
public enum Decision {
    /** The score reached the duplicate threshold. */
    DUPLICATE,
    /** The score reached the possible-duplicate threshold but not the duplicate one. */
    POSSIBLE_DUPLICATE,
    /** Below both thresholds. */
    DISTINCT
}
