package dev.leadkit.intake;

/**
 * What an import job did so far, row by row. Every data row read lands in exactly one of
 * created, updated, merged, skipped or failed; {@code flagged} counts created rows that look like
 * a stored lead (duplicate policy "flag"), and {@code warnings} counts rows imported with a
 * warning (an unknown source or status replaced by the default, for example).
 *
 * <pre>{@code
 * ImportCounts c = job.counts();
 * System.out.println(c.created() + " created, " + c.failed() + " rejected");
 * }</pre>
 *
 * @param created  rows that became new leads
 * @param updated  rows that updated the stored lead they matched
 * @param merged   rows merged into the stored lead they matched (empty fields filled)
 * @param skipped  rows not imported because they matched a stored lead (policy "skip")
 * @param failed   rows rejected: unreadable or invalid
 * @param flagged  created rows that look like a stored lead (policy "flag")
 * @param warnings rows imported with a warning
 * @since 0.4
 */
public record ImportCounts(long created, long updated, long merged, long skipped, long failed, long flagged,
                           long warnings) {

    /** Nothing done yet. */
    public static final ImportCounts ZERO = new ImportCounts(0, 0, 0, 0, 0, 0, 0);

    /** @throws IllegalArgumentException when a count is negative */
    public ImportCounts {
        if (created < 0 || updated < 0 || merged < 0 || skipped < 0 || failed < 0 || flagged < 0 || warnings < 0) {
            throw new IllegalArgumentException("import counts are never negative");
        }
    }

    /** @return the rows read: every row is created, updated, merged, skipped or failed */
    public long rows() {
        return created + updated + merged + skipped + failed;
    }

    /**
     * @param other counts to add
     * @return the sum
     */
    public ImportCounts plus(ImportCounts other) {
        return new ImportCounts(created + other.created, updated + other.updated, merged + other.merged,
                skipped + other.skipped, failed + other.failed, flagged + other.flagged, warnings + other.warnings);
    }
}
