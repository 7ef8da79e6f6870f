package dev.leadkit.dedupe;

/**
 * What creating or changing a lead does about duplicates among the stored leads (requirement
 * D3). An Admin sets it ({@link DuplicateService#setPolicy}); it is stored with the other settings.
 *
 * <pre>{@code
 * kit.duplicates().setPolicy(admin, DuplicatePolicy.BLOCK);
 * }</pre>
 *
 * @since 0.2
 */
public enum DuplicatePolicy {
    /** No check on create and update (the candidate index is still kept, for checks and scans on demand). */
    OFF,
    /**
     * The lead is stored; the matches are returned by {@link dev.leadkit.lead.LeadService#createChecked}
     * and {@link dev.leadkit.lead.LeadService#updateChecked}. The default.
     */
    WARN,
    /** A lead that is a duplicate (score at the duplicate threshold) is refused with {@link dev.leadkit.DuplicateFoundException}. */
    BLOCK
}
