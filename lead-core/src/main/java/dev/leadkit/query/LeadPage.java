package dev.leadkit.query;

import dev.leadkit.lead.Lead;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One page of a {@link LeadQuery}'s answer, with the total the pager shows.
 *
 * <pre>{@code
 * LeadPage page = kit.queries().list(actor, query);
 * pager.show(page.leads().size(), page.total());
 * page.nextCursor().ifPresent(c -> nextLink.set(c));
 * }</pre>
 *
 * @param leads      the leads of this page, in the query's order
 * @param total      how many leads the query matches in all (the actor's visibility applied)
 * @param nextCursor an opaque cursor for the next page, present when this page is full
 * @since 0.3
 */
public record LeadPage(List<Lead> leads, long total, Optional<String> nextCursor) {

    /** Copies the leads. */
    public LeadPage {
        leads = List.copyOf(leads);
        Objects.requireNonNull(nextCursor, "nextCursor");
    }
}
