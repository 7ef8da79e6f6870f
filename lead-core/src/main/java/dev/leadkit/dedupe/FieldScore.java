package dev.leadkit.dedupe;

import java.util.Objects;

/**
 * One line of an {@link Explanation}: how one attribute (or attribute group) of two records
 * compared. Values are not included: they are personal data.
 *
 * <pre>{@code
 * for (FieldScore f : match.explanation().fields())
 *     log.debug("{} by {}: {} → {}", f.field(), f.comparator(), f.similarity(), f.weight());
 * }</pre>
 *
 * @param field      the attribute compared (for a name compared crosswise, the record's side)
 * @param comparator how: "exact", "jaro-winkler", "nickname", "initial", "token-set", "soundex",
 *                   "date", "edit-distance", "swapped", "local-part", "national-number",
 *                   "mailbox-number" (e-mails that differ in a digit only: disagreement), or, in a scan,
 *                   "common name (N records)" for what a full name shared by many records loses; a
 *                   comparator followed by ", not counted: …" (names disagree, streets disagree, house
 *                   numbers differ, follows the names) added weight 0 where it would have added
 *                   evidence; on a {@link MatchField#FULL_NAME} line, "evidence floor: names alone …"
 *                   is what a score resting on names alone loses to stay below the possible threshold
 * @param similarity the comparator's result in [0, 1]
 * @param weight     the evidence it added to the total: positive for agreement, negative for disagreement
 * @since 0.3
 */
public record FieldScore(MatchField field, String comparator, double similarity, double weight) {

    /** Checks the parts. */
    public FieldScore {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(comparator, "comparator");
        if (!(similarity >= 0 && similarity <= 1)) {
            throw new IllegalArgumentException("a similarity is in [0, 1]");
        }
    }
}
