package dev.leadkit.csv;

/**
 * What an import does with a row that looks like a stored lead (or like an earlier row of the same
 * file), as K7's matcher judges it at or above its possible-duplicate threshold. Rows of earlier
 * batches count once stored: a row that was skipped (or failed) is not a candidate for later
 * batches, only for the later rows of its own batch. A dry run keeps the rows it would have
 * created on the heap so that later batches see them as a real run would.
 *
 * <pre>{@code
 * ImportOptions.builder().onDuplicate(OnDuplicate.FLAG).build();
 * }</pre>
 *
 * @since 0.4
 */
public enum OnDuplicate {
    /** Leave the row out; the report names the lead it matched. */
    SKIP,
    /** Write the row's non-empty values over the best-matching lead. */
    UPDATE,
    /** Fill only the best-matching lead's empty fields from the row, and add the row's tags. */
    MERGE,
    /** Create the lead without looking for duplicates. */
    CREATE,
    /** Create the lead and report the row as a possible duplicate of the lead it matched. */
    FLAG
}
