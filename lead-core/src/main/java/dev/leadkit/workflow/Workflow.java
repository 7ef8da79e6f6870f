package dev.leadkit.workflow;

import dev.leadkit.InvalidTransitionException;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The one transition table of the lead workflow (requirement W2): which status may follow which.
 * Without an explicit table the category rule applies: from an open or working status a lead may
 * move to any other open, working or closed status; from a closed or converted status nowhere.
 * An explicit table lists every allowed move; reopening a closed lead is an explicit entry, never a
 * back door. No move leads into a converted status — only a conversion does that.
 *
 * <pre>{@code
 * Workflow flow = Workflow.explicit(Map.of(
 *         "new", Set.of("contacted", "unqualified"),
 *         "contacted", Set.of("offer_made", "lost"),
 *         "offer_made", Set.of("lost"),
 *         "lost", Set.of("contacted")));               // reopening, configured
 * kit.workflow().setTransitions(admin, flow);
 * }</pre>
 *
 * @param transitions the explicit table (from → allowed targets), or empty for the category rule
 * @since 0.1
 */
public record Workflow(Optional<Map<String, Set<String>>> transitions) {

    /** Copies the table. */
    public Workflow {
        Objects.requireNonNull(transitions, "transitions");
        transitions = transitions.map(t -> {
            Map<String, Set<String>> copy = new LinkedHashMap<>();
            t.forEach((from, to) -> copy.put(from, Set.copyOf(new TreeSet<>(to))));
            return Map.copyOf(copy);
        });
    }

    /** @return the category rule (the default) */
    public static Workflow byCategory() {
        return new Workflow(Optional.empty());
    }

    /**
     * @param transitions from → allowed targets
     * @return an explicit table
     */
    public static Workflow explicit(Map<String, Set<String>> transitions) {
        return new Workflow(Optional.of(transitions));
    }

    /**
     * The statuses a lead may move to from {@code from} by hand, in catalogue order.
     *
     * @param from     the current status code
     * @param statuses the status catalogue
     * @return the allowed active targets
     */
    public List<String> targets(String from, Catalogue statuses) {
        Optional<StatusCategory> fromCategory = category(from, statuses);
        return statuses.activeEntries().stream()
                .filter(e -> !e.code().equals(from))
                .filter(e -> e.category().orElseThrow() != StatusCategory.CONVERTED)
                .filter(e -> transitions.map(t -> t.getOrDefault(from, Set.of()).contains(e.code()))
                        .orElseGet(() -> fromCategory.filter(c -> c == StatusCategory.OPEN || c == StatusCategory.WORKING).isPresent()))
                .map(CatalogueEntry::code).toList();
    }

    /**
     * @param from     the current status
     * @param to       the wanted status
     * @param statuses the status catalogue
     * @return whether the move is allowed
     */
    public boolean allows(String from, String to, Catalogue statuses) {
        return targets(from, statuses).contains(to);
    }

    /**
     * Throws unless the move is allowed.
     *
     * @param from     the current status
     * @param to       the wanted status
     * @param statuses the status catalogue
     * @throws InvalidTransitionException naming the allowed targets
     */
    public void check(String from, String to, Catalogue statuses) {
        if (allows(from, to, statuses)) {
            return;
        }
        String reason;
        if (category(to, statuses).filter(StatusCategory.CONVERTED::equals).isPresent()) {
            reason = "a lead becomes converted only by converting it";
        } else if (statuses.entry(to).filter(CatalogueEntry::active).isEmpty()) {
            reason = "the target is not an active status";
        } else if (category(from, statuses).filter(c -> c == StatusCategory.CLOSED || c == StatusCategory.CONVERTED).isPresent()
                && transitions.isEmpty()) {
            reason = "the current status ends the flow; reopening needs a configured transition";
        } else {
            reason = "the workflow does not allow this move";
        }
        throw new InvalidTransitionException(from, to, targets(from, statuses), reason);
    }

    static Optional<StatusCategory> category(String code, Catalogue statuses) {
        return statuses.entry(code).flatMap(CatalogueEntry::category);
    }

    /** @return the settings text of this table ("" for the category rule) */
    String encode() {
        return transitions.map(t -> {
            StringBuilder sb = new StringBuilder();
            new TreeSet<>(t.keySet()).forEach(from -> sb.append(sb.length() == 0 ? "" : ";").append(from).append('>')
                    .append(String.join("|", new TreeSet<>(t.get(from)))));
            return "explicit:" + sb;
        }).orElse("");
    }

    static Workflow decode(String text) {
        if (text == null || text.isEmpty()) {
            return byCategory();
        }
        Map<String, Set<String>> table = new LinkedHashMap<>();
        String body = text.substring("explicit:".length());
        if (!body.isEmpty()) {
            for (String row : body.split(";")) {
                int gt = row.indexOf('>');
                String targets = row.substring(gt + 1);
                table.put(row.substring(0, gt), targets.isEmpty() ? Set.of() : Set.of(targets.split("\\|")));
            }
        }
        return explicit(table);
    }
}
