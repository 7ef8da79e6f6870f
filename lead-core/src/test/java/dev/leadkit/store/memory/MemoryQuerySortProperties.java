package dev.leadkit.store.memory;

import dev.leadkit.lead.Lead;
import dev.leadkit.lead.LeadField;
import dev.leadkit.lead.LeadId;
import dev.leadkit.query.SortKey;
import dev.leadkit.store.Criterion;
import dev.leadkit.store.LeadSelection;
import dev.leadkit.store.QueryField;
import dev.leadkit.store.Visibility;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The in-memory store sorts a deep walk once ({@link MemoryQuery#sortAll}), comparing a first
 * sort value that is an instant as a long: that order is the documented one of
 * {@link LeadSelection} — compared here with an oracle written from the documentation — for
 * ties on the date, dates far apart, and a second key that is empty for some leads.
 */
class MemoryQuerySortProperties {

    private static final Instant BASE = Instant.parse("2024-03-01T10:00:00Z");

    @Property(tries = 200)
    void aDateFirstOrderSortsAsDocumented(@ForAll("rows") List<Lead> leads, @ForAll boolean dateDescending,
                                          @ForAll boolean nameDescending, @ForAll boolean byName) {
        List<LeadSelection.Order> order = new ArrayList<>();
        order.add(new LeadSelection.Order(QueryField.of(LeadField.LEAD_DATE), dateDescending));
        if (byName) {
            order.add(new LeadSelection.Order(QueryField.of(LeadField.LAST_NAME), nameDescending));
        }
        LeadSelection selection = new LeadSelection(Visibility.everything(), false, Criterion.ALWAYS, Optional.empty(),
                order, Optional.empty(), 0, 50);
        List<LeadRow> rows = new ArrayList<>();
        leads.forEach(l -> rows.add(new LeadRow(l)));

        List<String> sorted = new ArrayList<>();
        new MemoryQuery(selection).sortAll(rows).forEach(k -> sorted.add(k.id));

        boolean lastDescending = byName ? nameDescending : dateDescending;
        Comparator<Lead> oracle = (a, b) -> {
            int c = a.leadDate().compareTo(b.leadDate());
            if (c != 0) {
                return dateDescending ? -c : c;
            }
            if (byName) {
                String x = a.get(LeadField.LAST_NAME).orElse(null);
                String y = b.get(LeadField.LAST_NAME).orElse(null);
                if (x == null || y == null) {
                    if (x != y) {
                        return x == null ? 1 : -1; // empty values last in either direction
                    }
                } else {
                    c = SortKey.compareText(dev.leadkit.query.TextFold.fold(x), dev.leadkit.query.TextFold.fold(y));
                    if (c != 0) {
                        return nameDescending ? -c : c;
                    }
                }
            }
            c = a.id().value().compareTo(b.id().value());
            return lastDescending ? -c : c;
        };
        List<String> expected = leads.stream().sorted(oracle).map(l -> l.id().value()).toList();
        assertThat(sorted).containsExactlyElementsOf(expected);
    }

    @Provide
    Arbitrary<List<Lead>> rows() {
        // A few distinct seconds (many ties), nanoseconds, and dates decades apart on either side of 1970.
        Arbitrary<Instant> date = Arbitraries.oneOf(
                Arbitraries.integers().between(0, 5).map(s -> BASE.plusSeconds(s)),
                Arbitraries.integers().between(0, 3).map(n -> BASE.plusNanos(n)),
                Arbitraries.longs().between(-3_000_000_000L, 7_000_000_000L).map(Instant::ofEpochSecond));
        Arbitrary<String> name = Arbitraries.oneOf(Arbitraries.just(""), Arbitraries.of("Øster", "ışık", "Išora", "Aa", "aa"));
        return net.jqwik.api.Combinators.combine(date, name).as((d, n) -> new Object[] {d, n}).list().ofMaxSize(60)
                .map(parts -> {
                    List<Lead> leads = new ArrayList<>();
                    for (int i = 0; i < parts.size(); i++) {
                        Map<LeadField, String> values = new EnumMap<>(LeadField.class);
                        values.put(LeadField.LEAD_DATE, parts.get(i)[0].toString());
                        values.put(LeadField.STATUS, "new");
                        values.put(LeadField.SOURCE, "web_form");
                        values.put(LeadField.FIRST_NAME, "Eglė");
                        if (!((String) parts.get(i)[1]).isEmpty()) {
                            values.put(LeadField.LAST_NAME, (String) parts.get(i)[1]);
                        }
                        leads.add(Lead.of(LeadId.of(String.format("L%03d", (i * 37) % 101)), 1, values, "u",
                                BASE, BASE, false));
                    }
                    return leads;
                });
    }
}
