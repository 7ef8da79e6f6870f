package dev.leadkit.store.memory;

import dev.leadkit.query.SortKey;
import dev.leadkit.store.Criterion;
import dev.leadkit.store.LeadSelection;
import dev.leadkit.store.QueryField;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A {@link LeadSelection}'s filter, search, order and keyset position compiled once into
 * predicates and a comparator over {@link LeadRow}s, then run over candidate rows with a bounded
 * heap (only offset + limit rows are ever held in order).
 */
final class MemoryQuery {

    private final LeadSelection selection;
    private final Predicate<LeadRow> filter;
    private final Predicate<LeadRow> search;
    private final List<Function<LeadRow, Object>> sortFields;
    private final boolean[] descending;
    private final boolean idDescending;

    MemoryQuery(LeadSelection selection) {
        this.selection = selection;
        this.filter = compile(selection.filter());
        this.search = selection.search().map(MemoryQuery::search).orElse(row -> true);
        List<LeadSelection.Order> order = selection.order();
        this.sortFields = new ArrayList<>(order.size());
        this.descending = new boolean[order.size()];
        for (int i = 0; i < order.size(); i++) {
            sortFields.add(LeadRow.sortValueOf(order.get(i).field()));
            descending[i] = order.get(i).descending();
        }
        this.idDescending = selection.idDescending();
    }

    /** @return whether the row passes filter and search (visibility and deletion are the caller's) */
    boolean matches(LeadRow row) {
        return filter.test(row) && search.test(row);
    }

    /** A matching row with its sort values and id read once. */
    static final class Keyed {
        final LeadRow row;
        final Object[] keys;
        final String id;
        /** The first sort value as nanoseconds since the epoch, when sortAll's fast order uses it. */
        long first;

        Keyed(LeadRow row, Object[] keys) {
            this.row = row;
            this.keys = keys;
            this.id = row.lead.id().value();
        }
    }

    private Object[] keys(LeadRow row) {
        Object[] keys = new Object[sortFields.size()];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = sortFields.get(i).apply(row);
        }
        return keys;
    }

    private int compare(Object[] a, String idA, Object[] b, String idB) {
        int c = compareKeys(a, b);
        if (c != 0) {
            return c;
        }
        c = idA.compareTo(idB);
        return idDescending ? -c : c;
    }

    private int compareKeys(Object[] a, Object[] b) {
        return compareKeys(a, b, 0);
    }

    private int compareKeys(Object[] a, Object[] b, int from) {
        for (int i = from; i < a.length; i++) {
            Object x = a[i];
            Object y = b[i];
            if (x == null || y == null) {
                if (x != y) {
                    return x == null ? 1 : -1;
                }
                continue;
            }
            int c = SortKey.compare(x, y);
            if (c != 0) {
                return descending[i] ? -c : c;
            }
        }
        return 0;
    }

    private final Comparator<Keyed> order = (a, b) -> compare(a.keys, a.id, b.keys, b.id);

    /**
     * @param matching rows that passed every check
     * @return them with their sort values, in the selection's order (for {@link #page(List)})
     */
    List<Keyed> sortAll(List<LeadRow> matching) {
        Keyed[] sorted = new Keyed[matching.size()];
        for (int i = 0; i < sorted.length; i++) {
            LeadRow row = matching.get(i);
            sorted[i] = new Keyed(row, keys(row));
        }
        // A deep walk over a million rows sorts once; on several cores, in parallel.
        Arrays.parallelSort(sorted, instantFirst(sorted) ? this::compareByFirstInstant : order);
        return Arrays.asList(sorted);
    }

    /**
     * The order of {@link #order}, comparing a first sort value that is an instant as a long —
     * the default order (lead date) of every export. Null first values sort last, as in
     * {@link #compareKeys}.
     */
    private int compareByFirstInstant(Keyed a, Keyed b) {
        Object x = a.keys[0];
        Object y = b.keys[0];
        if (x == null || y == null) {
            if (x != y) {
                return x == null ? 1 : -1;
            }
        } else {
            int c = Long.compare(a.first, b.first);
            if (c != 0) {
                return descending[0] ? -c : c;
            }
        }
        int c = compareKeys(a.keys, b.keys, 1);
        if (c != 0) {
            return c;
        }
        c = a.id.compareTo(b.id);
        return idDescending ? -c : c;
    }

    /**
     * @return whether every first sort value is an instant (or empty) that fits a long of
     *         nanoseconds, each then stored in {@link Keyed#first}
     */
    private static boolean instantFirst(Keyed[] rows) {
        if (rows.length == 0 || rows[0].keys.length == 0) {
            return false;
        }
        for (Keyed k : rows) {
            Object v = k.keys[0];
            if (v == null) {
                continue;
            }
            if (!(v instanceof java.time.Instant)) {
                return false;
            }
            java.time.Instant at = (java.time.Instant) v;
            // Nanoseconds since the epoch fit a long from 1677 to 2262; any other instant takes the general order.
            if (at.getEpochSecond() <= Long.MIN_VALUE / 1_000_000_000L + 1 || at.getEpochSecond() >= Long.MAX_VALUE / 1_000_000_000L - 1) {
                return false;
            }
            k.first = at.getEpochSecond() * 1_000_000_000L + at.getNano();
        }
        return true;
    }

    /**
     * The selection's page of rows already in its order: those after its keyset position, less
     * its offset, up to its limit. A binary search finds the position.
     *
     * @param sorted every matching row, from {@link #sortAll(List)} of an equal selection
     * @return the page, in order
     */
    List<LeadRow> page(List<Keyed> sorted) {
        int start = 0;
        if (selection.after().isPresent()) {
            LeadSelection.Position p = selection.after().get();
            Object[] afterKeys = new Object[p.values().size()];
            for (int i = 0; i < afterKeys.length; i++) {
                afterKeys[i] = p.values().get(i).orElse(null);
            }
            String afterId = p.id().value();
            int lo = 0;
            int hi = sorted.size();
            while (lo < hi) { // the first row ordered after the position
                int mid = (lo + hi) >>> 1;
                Keyed k = sorted.get(mid);
                if (compare(k.keys, k.id, afterKeys, afterId) <= 0) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            start = lo;
        }
        start = (int) Math.min(sorted.size(), (long) start + selection.offset());
        int end = (int) Math.min(sorted.size(), (long) start + selection.limit());
        List<LeadRow> page = new ArrayList<>(end - start);
        for (int i = start; i < end; i++) {
            page.add(sorted.get(i).row);
        }
        return page;
    }

    /** @return a pager that keeps, of the rows offered, the selection's page */
    Pager pager() {
        return new Pager();
    }

    /** Takes matching rows one by one; keeps only offset + limit of them in a bounded heap. */
    final class Pager {
        private final Object[] afterKeys;
        private final String afterId;
        private final int keep = selection.offset() + selection.limit();
        private final PriorityQueue<Keyed> heap = new PriorityQueue<>(Math.min(keep, 1024) + 1, order.reversed());

        private Pager() {
            if (selection.after().isPresent()) {
                LeadSelection.Position p = selection.after().get();
                afterKeys = new Object[p.values().size()];
                for (int i = 0; i < afterKeys.length; i++) {
                    afterKeys[i] = p.values().get(i).orElse(null);
                }
                afterId = p.id().value();
            } else {
                afterKeys = null;
                afterId = null;
            }
        }

        /** @param row a row that passed every check */
        void offer(LeadRow row) {
            Object[] keys = keys(row);
            String id = row.lead.id().value();
            if (afterKeys != null && compare(keys, id, afterKeys, afterId) <= 0) {
                return;
            }
            if (heap.size() < keep) {
                heap.add(new Keyed(row, keys));
            } else {
                Keyed worst = heap.peek();
                if (compare(keys, id, worst.keys, worst.id) < 0) {
                    heap.poll();
                    heap.add(new Keyed(row, keys));
                }
            }
        }

        /** @return the page, in order */
        List<LeadRow> page() {
            List<Keyed> sorted = new ArrayList<>(heap);
            sorted.sort(order);
            List<LeadRow> page = new ArrayList<>(selection.limit());
            for (int i = selection.offset(); i < sorted.size(); i++) {
                page.add(sorted.get(i).row);
            }
            return page;
        }
    }

    // ---- compiling the criterion

    static Predicate<LeadRow> compile(Criterion criterion) {
        if (criterion instanceof Criterion.And) {
            List<Predicate<LeadRow>> parts = parts(((Criterion.And) criterion).parts());
            return row -> {
                for (Predicate<LeadRow> p : parts) {
                    if (!p.test(row)) {
                        return false;
                    }
                }
                return true;
            };
        }
        if (criterion instanceof Criterion.Or) {
            List<Predicate<LeadRow>> parts = parts(((Criterion.Or) criterion).parts());
            return row -> {
                for (Predicate<LeadRow> p : parts) {
                    if (p.test(row)) {
                        return true;
                    }
                }
                return false;
            };
        }
        if (criterion instanceof Criterion.Not) {
            return compile(((Criterion.Not) criterion).part()).negate();
        }
        if (criterion instanceof Criterion.Range) {
            Criterion.Range range = (Criterion.Range) criterion;
            Function<LeadRow, Object> field = LeadRow.valueOf(range.field());
            Object min = range.min().orElse(null);
            Object max = range.max().orElse(null);
            return row -> {
                Object v = field.apply(row);
                return v != null && (min == null || SortKey.compare(v, min) >= 0) && (max == null || SortKey.compare(v, max) <= 0);
            };
        }
        Criterion.Match match = (Criterion.Match) criterion;
        Function<LeadRow, Object> field = LeadRow.valueOf(match.field());
        switch (match.operator()) {
            case IN:
                return in(match.field().type(), field, match.values());
            case CONTAINS: {
                String needle = (String) match.values().get(0);
                return row -> {
                    Object v = field.apply(row);
                    return v != null && ((String) v).contains(needle);
                };
            }
            case STARTS_WITH: {
                String prefix = (String) match.values().get(0);
                return row -> {
                    Object v = field.apply(row);
                    return v != null && ((String) v).startsWith(prefix);
                };
            }
            case EMPTY:
                return row -> field.apply(row) == null;
            case NOT_EMPTY:
            default:
                return row -> field.apply(row) != null;
        }
    }

    private static List<Predicate<LeadRow>> parts(List<Criterion> criteria) {
        List<Predicate<LeadRow>> parts = new ArrayList<>(criteria.size());
        for (Criterion c : criteria) {
            parts.add(compile(c));
        }
        return parts;
    }

    private static Predicate<LeadRow> in(QueryField.Type type, Function<LeadRow, Object> field, List<Object> values) {
        if (type == QueryField.Type.NUMBER) {
            return row -> {
                Object v = field.apply(row);
                if (v == null) {
                    return false;
                }
                for (Object n : values) {
                    if (((BigDecimal) v).compareTo((BigDecimal) n) == 0) {
                        return true;
                    }
                }
                return false;
            };
        }
        Set<Object> set = new HashSet<>(values);
        if (type == QueryField.Type.SET) {
            return row -> {
                Object v = field.apply(row);
                if (v == null) {
                    return false;
                }
                for (Object element : (Collection<?>) v) {
                    if (set.contains(element)) {
                        return true;
                    }
                }
                return false;
            };
        }
        return row -> {
            Object v = field.apply(row);
            return v != null && set.contains(v);
        };
    }

    private static Predicate<LeadRow> search(LeadSelection.Search search) {
        String[] terms = search.terms().toArray(new String[0]);
        List<Function<LeadRow, Object>> fields = new ArrayList<>();
        for (QueryField f : search.fields()) {
            fields.add(LeadRow.valueOf(f));
        }
        return row -> {
            for (String term : terms) {
                boolean found = false;
                for (Function<LeadRow, Object> f : fields) {
                    Object v = f.apply(row);
                    if (v != null && ((String) v).contains(term)) {
                        found = true;
                        break;
                    }
                }
                if (!found) {
                    return false;
                }
            }
            return true;
        };
    }

}
