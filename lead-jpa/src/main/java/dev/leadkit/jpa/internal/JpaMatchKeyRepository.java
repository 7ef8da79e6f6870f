package dev.leadkit.jpa.internal;

import dev.leadkit.lead.Lead;
import dev.leadkit.lead.LeadId;
import dev.leadkit.store.LeadListing;
import dev.leadkit.store.MatchKeyRepository;
import dev.leadkit.store.Visibility;
import jakarta.persistence.Query;
import org.hibernate.Session;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * {@link MatchKeyRepository} on {@code lk_lead_match_key (match_key, lead_id)}, whose primary key
 * leads with the key: the candidates of a check are one index range per key of the lead checked,
 * grouped by lead, and joined to {@code lk_lead} in the same statement. Writes are plain JDBC on
 * the transaction's connection (the rows have no entity), collected per transaction and written
 * in two batches before the next read of the table and before commit.
 */
final class JpaMatchKeyRepository implements MatchKeyRepository {

    private final JpaStoreTransaction tx;
    /** Keys replaced in this transaction and not yet written, by lead id; an empty set removes. */
    private final Map<String, Set<String>> pending = new LinkedHashMap<>();
    /** Leads inserted in this transaction whose keys were not written yet: the table holds none of theirs. */
    private final Set<String> inserted = new HashSet<>();

    JpaMatchKeyRepository(JpaStoreTransaction tx) {
        this.tx = tx;
    }

    @Override
    public void replace(LeadId id, Set<String> keys) {
        Objects.requireNonNull(id, "id");
        for (String key : keys) {
            if (key.isEmpty() || key.codePointCount(0, key.length()) > MAX_KEY_LENGTH) {
                throw new IllegalArgumentException("a match key is 1 to " + MAX_KEY_LENGTH + " code points");
            }
        }
        pending.put(id.value(), new TreeSet<>(keys));
    }

    @Override
    public void remove(LeadId id) {
        Objects.requireNonNull(id, "id");
        pending.put(id.value(), new TreeSet<>());
    }

    /**
     * Notes a lead inserted in this transaction: until its keys are first written, the table holds
     * none of them (no key row outlives its lead, and lead ids are never reused), so that write
     * needs no delete.
     */
    void inserted(LeadId id) {
        inserted.add(id.value());
    }

    /**
     * Writes the keys replaced since the last write: one batch of deletes by lead — leaving out
     * the leads inserted in this transaction and not written since — and one batch of inserts; for
     * a batch of new leads ({@code createAll}) one statement in all. Called before every read of
     * the key table and by the transaction's flush, which runs before commit.
     */
    void write() {
        if (pending.isEmpty()) {
            return;
        }
        Map<String, Set<String>> writing = new LinkedHashMap<>(pending);
        pending.clear();
        List<String> stale = new ArrayList<>(writing.size());
        for (String lead : writing.keySet()) {
            if (!inserted.remove(lead)) {
                stale.add(lead);
            }
        }
        Failures.guard(() -> tx.em().unwrap(Session.class).doReturningWork(c -> {
            if (!stale.isEmpty()) {
                try (PreparedStatement s = c.prepareStatement("delete from lk_lead_match_key where lead_id = ?")) {
                    for (String lead : stale) {
                        s.setString(1, lead);
                        s.addBatch();
                    }
                    s.executeBatch();
                }
            }
            boolean any = false;
            try (PreparedStatement s = c.prepareStatement("insert into lk_lead_match_key (match_key, lead_id) values (?, ?)")) {
                for (Map.Entry<String, Set<String>> lead : writing.entrySet()) {
                    for (String key : lead.getValue()) {
                        s.setString(1, key);
                        s.setString(2, lead.getKey());
                        s.addBatch();
                        any = true;
                    }
                }
                if (any) {
                    s.executeBatch();
                }
            }
            return null;
        }));
    }

    @Override
    public Set<String> keys(LeadId id) {
        Objects.requireNonNull(id, "id");
        write();
        return Failures.guard(() -> tx.em().unwrap(Session.class).doReturningWork(c -> Set.copyOf(read(c, id))));
    }

    private static Set<String> read(Connection c, LeadId id) throws SQLException {
        Set<String> keys = new HashSet<>();
        try (PreparedStatement s = c.prepareStatement("select match_key from lk_lead_match_key where lead_id = ?")) {
            s.setString(1, id.value());
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    keys.add(rs.getString(1));
                }
            }
        }
        return keys;
    }

    /**
     * One statement: per key an index range of at most {@link #MAX_PER_KEY} rows (a UNION ALL of
     * limited branches), grouped per lead in a derived table (MariaDB takes no LIMIT inside IN),
     * joined to the leads with the visibility predicate. Plain JDBC after a flush of this
     * transaction's own writes: a check reads up to {@link #MAX_CANDIDATES} rows it never
     * changes, and managing them as entities cost more than the query itself.
     */
    @Override
    public List<Lead> candidates(Set<String> keys, Visibility visibility, int limit) {
        Objects.requireNonNull(keys, "keys");
        Objects.requireNonNull(visibility, "visibility");
        if (limit < 1 || limit > MAX_CANDIDATES) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_CANDIDATES);
        }
        List<String> usable = usable(keys);
        if (usable.isEmpty()) {
            return List.of();
        }
        String branches = keyRanges("k.lead_id", usable.size(), MAX_PER_KEY);
        List<String> owners = new ArrayList<>(new TreeSet<>(visibility.owners()));
        String sql = "select l.* from (select c.lead_id, count(*) as shared from (" + branches
                + ") c group by c.lead_id order by shared desc, c.lead_id limit " + limit
                + ") m join lk_lead l on l.id = m.lead_id" + visibleJdbc(visibility, owners.size())
                + " order by m.shared desc, l.id";
        return Failures.guard(() -> {
            tx.flush();
            return tx.em().unwrap(Session.class).doReturningWork(c -> InList.of(c).customPlans(c, () -> {
                boolean mariadb = c.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("mariadb");
                List<Lead> leads = new ArrayList<>();
                try (PreparedStatement s = c.prepareStatement(sql)) {
                    bind(s, usable, visibility, owners);
                    try (ResultSet rs = s.executeQuery()) {
                        while (rs.next()) {
                            leads.add(LeadMapping.fromRow(rs, mariadb));
                        }
                    }
                }
                return leads;
            }));
        });
    }

    /** The most keys one {@link #candidatesByKey} statement looks up. */
    static final int KEYS_PER_STATEMENT = 200;

    /**
     * {@link #holdersByKey}, then the named leads read by primary key ({@link JpaLeadRepository#findAll},
     * one statement per some hundred ids) — for an import batch of 1,000 rows a few statements
     * instead of one per key. The leads are not joined to the key rows in SQL: a planner with stale
     * statistics (a table filled by this very import, not yet analysed) hashes such a join over a
     * sequential scan of every lead, which made each batch slower than the one before.
     */
    @Override
    public Map<String, List<Lead>> candidatesByKey(Set<String> keys, Visibility visibility, int perKey) {
        Map<String, List<LeadId>> holders = holdersByKey(keys, visibility, perKey);
        List<LeadId> ids = new ArrayList<>(new TreeSet<>(holders.values().stream().flatMap(List::stream).toList()));
        Map<LeadId, Lead> leads = new java.util.HashMap<>();
        for (int from = 0; from < ids.size(); from += LeadListing.MAX_LIMIT) {
            leads.putAll(tx.leads().findAll(ids.subList(from, Math.min(ids.size(), from + LeadListing.MAX_LIMIT))));
        }
        Map<String, List<Lead>> found = new LinkedHashMap<>();
        holders.forEach((key, held) -> {
            List<Lead> read = held.stream().map(leads::get).filter(Objects::nonNull).toList();
            if (!read.isEmpty()) {
                found.put(key, read);
            }
        });
        return found;
    }

    /**
     * The first read of {@link #candidatesByKey} alone: per {@value #KEYS_PER_STATEMENT} keys (on
     * PostgreSQL per {@value #KEYS_PER_ARRAY}) one statement over the key table's primary key, and
     * — unless the actor sees every lead — one more per {@value InList#CHUNK} holders (PostgreSQL:
     * {@value InList#ARRAY_CHUNK}), reading only the ids the visibility admits by the lead table's
     * primary key ({@link InList}). For everything-visibility no lead row is read: the key rows are
     * the answer, each naming a stored lead (a lead row is never deleted, and a soft-deleted or
     * merged lead's keys are removed in its transaction).
     */
    @Override
    public Map<String, List<LeadId>> holdersByKey(Set<String> keys, Visibility visibility, int perKey) {
        Objects.requireNonNull(keys, "keys");
        Objects.requireNonNull(visibility, "visibility");
        if (perKey < 1 || perKey > MAX_PER_KEY) {
            throw new IllegalArgumentException("perKey must be 1 to " + MAX_PER_KEY + ": " + perKey);
        }
        List<String> usable = usable(keys);
        Map<String, List<LeadId>> found = new LinkedHashMap<>();
        if (usable.isEmpty()) {
            return found;
        }
        List<String> owners = new ArrayList<>(new TreeSet<>(visibility.owners()));
        Failures.guard(() -> {
            tx.flush();
            return tx.em().unwrap(Session.class).doReturningWork(c -> InList.of(c).customPlans(c, () -> {
                boolean postgresql = postgresql(c);
                int per = postgresql ? KEYS_PER_ARRAY : KEYS_PER_STATEMENT;
                // A lead holds several of a batch's keys: one LeadId each (checking an id's shape costs a regex).
                Map<String, LeadId> made = new java.util.HashMap<>();
                for (int from = 0; from < usable.size(); from += per) {
                    List<String> chunk = usable.subList(from, Math.min(usable.size(), from + per));
                    Map<String, List<String>> holders = holders(c, chunk, perKey, postgresql);
                    Set<String> visible = visibility.all() ? null : visibleIds(c, holders, visibility, owners);
                    for (Map.Entry<String, List<String>> key : holders.entrySet()) {
                        List<LeadId> ids = new ArrayList<>(key.getValue().size());
                        for (String id : key.getValue()) {
                            if (visible == null || visible.contains(id)) {
                                ids.add(made.computeIfAbsent(id, LeadId::of));
                            }
                        }
                        if (!ids.isEmpty()) {
                            found.put(key.getKey(), ids);
                        }
                    }
                }
                return null;
            }));
        });
        return found;
    }

    /** @return the named leads' ids the visibility admits, read by primary key */
    private static Set<String> visibleIds(Connection c, Map<String, List<String>> holders, Visibility visibility,
                                          List<String> owners) throws SQLException {
        List<String> ids = new ArrayList<>(new TreeSet<>(holders.values().stream().flatMap(List::stream).toList()));
        Set<String> visible = new HashSet<>();
        String predicate = " and " + visiblePredicate(visibility, owners.size());
        InList in = InList.of(c);
        for (int from = 0; from < ids.size(); from += in.chunk()) {
            List<String> part = ids.subList(from, Math.min(ids.size(), from + in.chunk()));
            try (PreparedStatement s = c.prepareStatement(in.select("l.id", "lk_lead l", "l.id", predicate, part.size()))) {
                bindVisibility(s, in.bind(c, s, part), visibility, owners);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        visible.add(rs.getString(1));
                    }
                }
            }
        }
        return visible;
    }

    /** The most keys one PostgreSQL statement of {@link #holders} binds, as one array. */
    static final int KEYS_PER_ARRAY = 5_000;

    private static boolean postgresql(Connection c) throws SQLException {
        return c.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("postgresql");
    }

    /**
     * Per key the ids of its first {@code perKey} holders. On PostgreSQL one statement binds the
     * keys as one array and walks the primary key once per element ({@code unnest} joined
     * {@code lateral} to a limited index range): a single statement text, planned once, for any
     * number of keys — where the UNION ALL of {@value #KEYS_PER_STATEMENT} branches cost more to
     * plan than to run. Other databases get the UNION ALL ({@link #keyRanges}).
     *
     * @return per key (in the chunk's order) the ids of its first {@code perKey} holders, in id order
     */
    private static Map<String, List<String>> holders(Connection c, List<String> chunk, int perKey, boolean postgresql)
            throws SQLException {
        Map<String, List<String>> holders = new TreeMap<>();
        String sql = postgresql
                ? "select q.k, h.lead_id from unnest(?::varchar[]) as q(k) cross join lateral (select m.lead_id"
                        + " from lk_lead_match_key m where m.match_key = q.k order by m.lead_id limit " + perKey + ") h"
                : keyRanges("k.match_key, k.lead_id", chunk.size(), perKey);
        try (PreparedStatement s = c.prepareStatement(sql)) {
            if (postgresql) {
                s.setArray(1, c.createArrayOf("varchar", chunk.toArray()));
            } else {
                bind(s, chunk, Visibility.everything(), List.of());
            }
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    holders.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
                }
            }
        }
        holders.values().forEach(ids -> ids.sort(null));
        return holders;
    }

    /** Binds the values, then the visibility's owners and grantee, in the order {@link #visiblePredicate} names them. */
    private static void bind(PreparedStatement s, List<String> values, Visibility visibility, List<String> owners)
            throws SQLException {
        int p = 1;
        for (String value : values) {
            s.setString(p++, value);
        }
        bindVisibility(s, p, visibility, owners);
    }

    /** Binds the visibility's owners and grantee from parameter {@code p} on, in the order {@link #visiblePredicate} names them. */
    private static void bindVisibility(PreparedStatement s, int p, Visibility visibility, List<String> owners)
            throws SQLException {
        if (!visibility.all()) {
            for (String owner : owners) {
                s.setString(p++, owner);
            }
            if (visibility.grantee().isPresent()) {
                s.setString(p, visibility.grantee().get());
            }
        }
    }

    /** @return the keys a key table can hold (non-empty, not too long), sorted */
    private static List<String> usable(Set<String> keys) {
        return keys.stream().filter(k -> !k.isEmpty() && k.codePointCount(0, k.length()) <= MAX_KEY_LENGTH).sorted().toList();
    }

    /**
     * @return a UNION ALL of {@code keys} limited index ranges of the key table, one per bound key,
     *         each its first {@code perKey} rows in lead order, selecting {@code columns}
     */
    private static String keyRanges(String columns, int keys, int perKey) {
        StringBuilder sql = new StringBuilder();
        for (int i = 0; i < keys; i++) {
            if (i > 0) {
                sql.append(" union all ");
            }
            sql.append("(select ").append(columns).append(" from lk_lead_match_key k where k.match_key = ?")
                    .append(" order by k.lead_id limit ").append(perKey).append(')');
        }
        return sql.toString();
    }

    private static String visibleJdbc(Visibility visibility, int owners) {
        return visibility.all() ? "" : " where " + visiblePredicate(visibility, owners);
    }

    /** @return the visibility as one parenthesised condition on {@code l} (not for {@link Visibility#all()}) */
    private static String visiblePredicate(Visibility visibility, int owners) {
        List<String> admits = new ArrayList<>();
        if (owners > 0) {
            admits.add("l.owner_id in (" + String.join(",", java.util.Collections.nCopies(owners, "?")) + ")");
        }
        if (visibility.unassigned()) {
            admits.add("l.owner_id is null");
        }
        if (visibility.grantee().isPresent()) {
            admits.add("exists (select 1 from lk_lead_grant g where g.lead_id = l.id"
                    + " and g.grantee_id = ? and g.can_view = true)");
        }
        return admits.isEmpty() ? "1 = 0" : "(" + String.join(" or ", admits) + ")";
    }

    /**
     * The visibility as the scoped lead queries evaluate it (owned by one of the owners, or
     * unassigned when the inbox is visible, or granted VIEW), walking the primary key in order.
     */
    @Override
    public List<Lead> page(Visibility visibility, Optional<LeadId> afterId, int limit) {
        Objects.requireNonNull(visibility, "visibility");
        Objects.requireNonNull(afterId, "afterId");
        if (limit < 1 || limit > LeadListing.MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + LeadListing.MAX_LIMIT);
        }
        StringBuilder sql = new StringBuilder("select l.* from lk_lead l where l.deleted = false");
        if (afterId.isPresent()) {
            sql.append(" and l.id > :after");
        }
        sql.append(visible(visibility, " and "));
        sql.append(" order by l.id");
        write();
        return Failures.guard(() -> {
            Query query = tx.em().createNativeQuery(sql.toString(), LeadEntity.class);
            afterId.ifPresent(a -> query.setParameter("after", a.value()));
            bind(query, visibility);
            query.setMaxResults(limit);
            @SuppressWarnings("unchecked")
            List<LeadEntity> rows = query.getResultList();
            List<Lead> leads = new ArrayList<>(rows.size());
            for (LeadEntity row : rows) {
                leads.add(LeadMapping.toLead(row, tx.currentVersion(row, r -> r.version)));
            }
            return leads;
        });
    }

    /**
     * The visibility predicate of the scoped lead queries on {@code l}: owned by one of the
     * owners, or unassigned when the inbox is visible, or granted VIEW; empty for all leads.
     */
    private static String visible(Visibility visibility, String joiner) {
        if (visibility.all()) {
            return "";
        }
        List<String> admits = new ArrayList<>();
        if (!visibility.owners().isEmpty()) {
            admits.add("l.owner_id in (:owners)");
        }
        if (visibility.unassigned()) {
            admits.add("l.owner_id is null");
        }
        if (visibility.grantee().isPresent()) {
            admits.add("exists (select 1 from lk_lead_grant g where g.lead_id = l.id"
                    + " and g.grantee_id = :grantee and g.can_view = true)");
        }
        return joiner + (admits.isEmpty() ? "1 = 0" : "(" + String.join(" or ", admits) + ")");
    }

    private static void bind(Query query, Visibility visibility) {
        if (!visibility.all()) {
            if (!visibility.owners().isEmpty()) {
                // Sorted, so the same owners give the same statement text.
                query.setParameter("owners", new ArrayList<>(new TreeSet<>(visibility.owners())));
            }
            visibility.grantee().ifPresent(g -> query.setParameter("grantee", g));
        }
    }
}
