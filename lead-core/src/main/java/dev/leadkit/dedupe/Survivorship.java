package dev.leadkit.dedupe;

/**
 * How a merge chooses one field's value when the two leads differ (requirement D5). Explicit
 * picks ({@link MergePlan.Builder#pick}) override the rule of a field.
 *
 * <pre>{@code
 * MergePlan plan = MergePlan.builder().defaultRule(Survivorship.NON_EMPTY_WINS)
 *         .rule(LeadField.PHONE, Survivorship.NEWEST_WINS).build();
 * }</pre>
 *
 * @since 0.2
 */
public enum Survivorship {
    /** The survivor's value, also when it is empty. */
    SURVIVOR_WINS,
    /** The survivor's value when it has one, else the merged lead's. */
    NON_EMPTY_WINS,
    /**
     * The value set most recently — by the field's history on each lead, else the lead's creation —
     * of the non-empty values; the survivor's on a tie.
     */
    NEWEST_WINS
}
