package dev.leadkit;

import dev.leadkit.dedupe.Match;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The lead would duplicate leads already stored, and the duplicate policy is
 * {@link dev.leadkit.dedupe.DuplicatePolicy#BLOCK} (requirement D3). Nothing was stored. The
 * matches say which stored leads (visible to the actor only), how strongly and why (requirement
 * D6); the message names their ids and scores, never the values compared.
 *
 * <pre>{@code
 * try {
 *     kit.leads().create(ayse, draft);
 * } catch (DuplicateFoundException e) {
 *     for (Match m : e.matches()) ui.offerToOpen(m.otherId(), m.score(), m.explanation());
 * }
 * }</pre>
 *
 * @since 0.2
 */
public final class DuplicateFoundException extends LeadKitException {

    private static final long serialVersionUID = 1L;

    /** The code of this error. */
    public static final String CODE = "lead.duplicate";

    private final transient List<Match> matches;

    /**
     * @param matches the stored leads the new values match, best first; {@link Match#otherId()} is
     *                the stored lead's id
     */
    public DuplicateFoundException(List<Match> matches) {
        super(CODE, message(matches));
        this.matches = List.copyOf(matches);
    }

    private static String message(List<Match> matches) {
        return "The lead matches " + matches.size() + " stored lead(s) ("
                + matches.stream().map(m -> m.otherId() + String.format(java.util.Locale.ROOT, " %.2f", m.score()))
                .collect(Collectors.joining(", "))
                + ") and the duplicate policy blocks duplicates: nothing was stored. Open or merge the existing lead,"
                + " mark the pair as not a duplicate, or ask an Admin to set the policy to WARN.";
    }

    /** @return the matches, best first: which stored lead, the score and the explanation */
    public List<Match> matches() {
        return matches;
    }
}
