package dev.leadkit.store.memory;

import dev.leadkit.lead.LeadId;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The in-memory store's key → holders index agrees with the naive look-up (every holder of the
 * key, sorted by id) after any sequence of adds and removes — across the switches between one
 * id, a sorted array and a sorted set.
 */
class KeyHoldersProperties {

    /** One change: add or remove a holder of a key. */
    record Op(boolean add, String key, LeadId id) {
    }

    @Provide
    Arbitrary<List<Op>> ops() {
        Arbitrary<Op> op = Combinators.combine(
                Arbitraries.of(true, true, false),
                Arbitraries.of("k:a", "k:b", "k:c"),
                // More ids than an array holds, so keys move to the set and back.
                Arbitraries.integers().between(0, 3 * KeyHolders.ARRAY_MAX).map(i -> LeadId.of("lead-" + i)))
                .as(Op::new);
        return op.list().ofMaxSize(400);
    }

    @Property(tries = 200)
    void firstNHoldersAreTheNaiveLookupsFirstN(@ForAll("ops") List<Op> ops,
                                               @ForAll("limits") int n) {
        KeyHolders holders = new KeyHolders();
        Map<String, TreeSet<LeadId>> naive = new HashMap<>();
        for (Op op : ops) {
            if (op.add()) {
                holders.add(op.key(), op.id());
                naive.computeIfAbsent(op.key(), k -> new TreeSet<>()).add(op.id());
            } else {
                holders.remove(op.key(), op.id());
                TreeSet<LeadId> ids = naive.get(op.key());
                if (ids != null) {
                    ids.remove(op.id());
                    if (ids.isEmpty()) {
                        naive.remove(op.key());
                    }
                }
            }
        }
        for (String key : List.of("k:a", "k:b", "k:c", "k:never")) {
            List<LeadId> expected = new ArrayList<>(naive.getOrDefault(key, new TreeSet<>()));
            assertThat(holders.first(key, n)).containsExactlyElementsOf(expected.subList(0, Math.min(n, expected.size())));
            List<LeadId> all = new ArrayList<>();
            for (Iterator<LeadId> it = holders.holders(key); it.hasNext(); ) {
                all.add(it.next());
            }
            assertThat(all).containsExactlyElementsOf(expected);
        }
        assertThat(holders.keys()).isEqualTo(naive.size());
    }

    @Provide
    Arbitrary<Integer> limits() {
        return Arbitraries.integers().between(1, 3 * KeyHolders.ARRAY_MAX + 2);
    }
}
