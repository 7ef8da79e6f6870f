package dev.leadkit.dedupe;

import dev.leadkit.lead.Lead;

import java.util.List;
import java.util.Objects;

/**
 * A lead as stored by {@link dev.leadkit.lead.LeadService#createChecked} or
 * {@link dev.leadkit.lead.LeadService#updateChecked}, with the stored leads it matches (requirement
 * D3): the warnings of the {@link DuplicatePolicy#WARN} policy — and of {@link DuplicatePolicy#BLOCK}
 * for possible duplicates, which it does not block. Only leads the actor may view are reported.
 *
 * <pre>{@code
 * CheckedLead checked = kit.leads().createChecked(ayse, draft);
 * if (checked.hasMatches()) ui.warn(checked.matches());
 * }</pre>
 *
 * @param lead    the stored lead
 * @param matches the matches, best first ({@link Match#otherId()} is the stored lead matched); empty when none
 * @since 0.2
 */
public record CheckedLead(Lead lead, List<Match> matches) {

    /** Copies the matches. */
    public CheckedLead {
        Objects.requireNonNull(lead, "lead");
        matches = List.copyOf(matches);
    }

    /** @return whether any stored lead matched */
    public boolean hasMatches() {
        return !matches.isEmpty();
    }
}
