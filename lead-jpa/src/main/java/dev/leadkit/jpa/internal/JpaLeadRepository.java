package dev.leadkit.jpa.internal;

import dev.leadkit.ConflictException;
import dev.leadkit.NotFoundException;
import dev.leadkit.lead.Lead;
import dev.leadkit.lead.LeadField;
import dev.leadkit.lead.LeadId;
import dev.leadkit.store.LeadListing;
import dev.leadkit.store.LeadSelection;
import dev.leadkit.store.LeadRepository;
import dev.leadkit.store.LeadSort;
import dev.leadkit.store.Visibility;
import jakarta.persistence.EntityExistsException;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.persistence.TypedQuery;
import org.hibernate.Session;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BooleanSupplier;

/**
 * {@link LeadRepository} on {@code lk_lead}. The scoped queries (list, count, counts per status)
 * are native SQL, because the visibility probes {@code lk_lead_grant}, which has no entity; the
 * visibility is always part of their WHERE clause, never a filter over loaded rows.
 */
final class JpaLeadRepository implements LeadRepository {

    private final JpaStoreTransaction tx;

    JpaLeadRepository(JpaStoreTransaction tx) {
        this.tx = tx;
    }

    @Override
    public Optional<Lead> find(LeadId id) {
        Objects.requireNonNull(id, "id");
        return Failures.guard(() -> Optional.ofNullable(tx.em().find(LeadEntity.class, id.value()))
                .map(this::toLead));
    }

    @Override
    public Optional<Lead> findByExternalId(String externalId) {
        Objects.requireNonNull(externalId, "externalId");
        if (externalId.codePointCount(0, externalId.length()) > Columns.EXTERNAL_ID) {
            return Optional.empty();
        }
        return Failures.guard(() -> tx.em()
                .createQuery("select l from LeadKitLead l where l.externalId = :externalId", LeadEntity.class)
                .setParameter("externalId", externalId).getResultStream().findFirst().map(this::toLead));
    }

    /**
     * One statement per {@value InList#CHUNK} ids (PostgreSQL: {@value InList#ARRAY_CHUNK}) on the
     * unique external id ({@link InList}), instead of one per id; read by JDBC after a flush of this
     * transaction's own writes (so it sees them), as {@link #findAll} reads.
     */
    @Override
    public Map<String, Lead> findByExternalIds(java.util.Collection<String> externalIds) {
        Objects.requireNonNull(externalIds, "externalIds");
        List<String> usable = new ArrayList<>(new TreeSet<>(externalIds));
        usable.removeIf(id -> id.codePointCount(0, id.length()) > Columns.EXTERNAL_ID);
        Map<String, Lead> found = new java.util.HashMap<>();
        for (Lead lead : read("l.external_id", usable)) {
            found.put(lead.externalId().orElseThrow(), lead);
        }
        return found;
    }

    /**
     * One statement per {@value InList#CHUNK} ids (PostgreSQL: {@value InList#ARRAY_CHUNK}) on the
     * primary key ({@link InList}), read by JDBC after a flush of this transaction's own writes (so
     * it sees them): a batch check reads leads it never changes, and managing them as entities
     * would cost more than the read.
     */
    @Override
    public Map<LeadId, Lead> findAll(java.util.Collection<LeadId> ids) {
        Objects.requireNonNull(ids, "ids");
        List<String> usable = new ArrayList<>(new TreeSet<>(ids.stream().map(LeadId::value).toList()));
        usable.removeIf(id -> id.codePointCount(0, id.length()) > Columns.ID);
        Map<LeadId, Lead> found = new java.util.HashMap<>();
        for (Lead lead : read("l.id", usable)) {
            found.put(lead.id(), lead);
        }
        return found;
    }

    /** @return the leads whose unique {@code column} holds one of the values, read by JDBC after a flush */
    private List<Lead> read(String column, List<String> values) {
        if (values.isEmpty()) {
            return List.of();
        }
        return Failures.guard(() -> {
            tx.flush();
            boolean mariadb = db() == SelectionSql.Db.MARIADB;
            return tx.em().unwrap(Session.class).doReturningWork(c -> InList.of(c).customPlans(c, () -> {
                InList in = InList.of(c);
                List<Lead> leads = new ArrayList<>();
                for (int from = 0; from < values.size(); from += in.chunk()) {
                    List<String> chunk = values.subList(from, Math.min(values.size(), from + in.chunk()));
                    try (java.sql.PreparedStatement s = c.prepareStatement(in.select("l.*", "lk_lead l", column, "", chunk.size()))) {
                        in.bind(c, s, chunk);
                        try (java.sql.ResultSet rs = s.executeQuery()) {
                            while (rs.next()) {
                                leads.add(LeadMapping.fromRow(rs, mariadb));
                            }
                        }
                    }
                }
                return leads;
            }));
        });
    }

    @Override
    public void insert(Lead lead) {
        Objects.requireNonNull(lead, "lead");
        if (lead.version() != 1) {
            throw new IllegalArgumentException("a new lead is inserted at version 1");
        }
        LeadEntity row = LeadMapping.newLead(lead);
        Failures.guard(() -> {
            try {
                // persist, never merge: no select before the insert; a taken id or external id
                // is found by the database's constraints when the insert runs.
                tx.em().persist(row);
            } catch (EntityExistsException alreadyInThisTransaction) {
                throw new ConflictException("lead.id.taken", "A lead with id '" + lead.id() + "' is already stored.");
            }
            tx.leadInserted(lead.id());
            return null;
        });
    }

    @Override
    public void update(Lead lead) {
        Objects.requireNonNull(lead, "lead");
        Failures.guard(() -> {
            EntityManager em = tx.em();
            LeadEntity row = em.find(LeadEntity.class, lead.id().value());
            if (row == null) {
                throw new NotFoundException("lead", lead.id().value());
            }
            long current = tx.currentVersion(row, r -> r.version);
            if (current != lead.version() - 1) {
                throw ConflictException.staleVersion("lead", lead.id().value(), lead.version() - 1, current);
            }
            tx.beforeChange(row, r -> r.version);
            boolean externalIdMoves = !Objects.equals(row.externalId, lead.externalId().orElse(null));
            boolean changed = LeadMapping.copyChangeable(lead, row);
            tx.changed(row, changed, lead.version());
            if (externalIdMoves) {
                // Unique keys are checked per statement, so an external id moving from one lead
                // to another must be released before it is taken: run updates in call order.
                tx.flush();
            }
            return null;
        });
    }

    @Override
    public List<Lead> list(LeadListing listing) {
        Objects.requireNonNull(listing, "listing");
        return Failures.guard(() -> {
            Scoped where = Scoped.of(listing.visibility(), listing.includeDeleted(), listing.status(), this::postgresql);
            Query query = tx.em().createNativeQuery("select l.* from lk_lead l where " + where.sql
                    + " order by " + order(listing.sort()), LeadEntity.class);
            where.bind(query);
            query.setFirstResult(listing.offset()).setMaxResults(listing.limit());
            @SuppressWarnings("unchecked")
            List<LeadEntity> rows = query.getResultList();
            return rows.stream().map(this::toLead).toList();
        });
    }

    private Lead toLead(LeadEntity row) {
        return LeadMapping.toLead(row, tx.currentVersion(row, r -> r.version));
    }

    @Override
    public long count(LeadListing listing) {
        Objects.requireNonNull(listing, "listing");
        return Failures.guard(() -> {
            Scoped where = Scoped.of(listing.visibility(), listing.includeDeleted(), listing.status(), this::postgresql);
            Query query = tx.em().createNativeQuery("select count(*) from (" + where.visibleRows() + ") v", Long.class);
            where.bind(query);
            return ((Number) query.getSingleResult()).longValue();
        });
    }

    @Override
    public List<Lead> select(LeadSelection selection) {
        Objects.requireNonNull(selection, "selection");
        return Failures.guard(() -> {
            // A native query does not see unflushed entities: write this transaction's changes first.
            tx.flush();
            SelectionSql sql = sql(selection);
            // Read by JDBC, not as managed entities: a walk's pages (an export reads a million
            // leads) would otherwise be materialised, snapshotted and dirty-checked at every flush.
            String text = sql.select() + " limit " + selection.limit() + " offset " + selection.offset();
            boolean mariadb = db() == SelectionSql.Db.MARIADB;
            return tx.em().unwrap(Session.class).doReturningWork(c -> {
                List<Lead> leads = new ArrayList<>(selection.limit());
                try (java.sql.PreparedStatement s = sql.prepare(c, text); java.sql.ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        leads.add(LeadMapping.fromRow(rs, mariadb));
                    }
                }
                return leads;
            });
        });
    }

    @Override
    public long count(LeadSelection selection) {
        Objects.requireNonNull(selection, "selection");
        return Failures.guard(() -> {
            tx.flush();
            SelectionSql sql = sql(selection);
            Query query = tx.em().createNativeQuery(sql.count(), Long.class);
            sql.bind(query);
            return ((Number) query.getSingleResult()).longValue();
        });
    }

    private SelectionSql sql(LeadSelection selection) {
        SelectionSql.Db db = db();
        return SelectionSql.of(selection, db,
                db == SelectionSql.Db.POSTGRESQL && selection.visibility().owners().size() > Scoped.ARRAY_OWNERS);
    }

    /** The database; the drivers answer from memory, without a round trip. Asked once per transaction. */
    private SelectionSql.Db db() {
        if (db == null) {
            String product = tx.em().unwrap(Session.class).doReturningWork(c -> c.getMetaData().getDatabaseProductName())
                    .toLowerCase(java.util.Locale.ROOT);
            db = product.contains("postgresql") ? SelectionSql.Db.POSTGRESQL
                    : product.contains("mariadb") || product.contains("mysql") ? SelectionSql.Db.MARIADB : SelectionSql.Db.H2;
        }
        return db;
    }

    private SelectionSql.Db db;

    /** Asked only for very large owner sets: the driver answers from memory, without a round trip. */
    private boolean postgresql() {
        return tx.em().unwrap(Session.class).doReturningWork(c -> c.getMetaData().getDatabaseProductName())
                .toLowerCase(java.util.Locale.ROOT).contains("postgresql");
    }

    /** The orders of {@link LeadSort}, each with the in-memory store's id tie-break. */
    private static String order(LeadSort sort) {
        switch (sort) {
            case OLDEST_FIRST:
                return "l.created_at asc, l.id asc";
            case RECENTLY_UPDATED:
                return "l.updated_at desc, l.id desc";
            case LONGEST_IN_STATUS:
                return "l.status_since asc, l.id asc";
            case NEWEST_FIRST:
            default:
                return "l.created_at desc, l.id desc";
        }
    }

    @Override
    public long countWithValue(LeadField field, String code) {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(code, "code");
        // The attribute name comes from the enum, never from input.
        String attribute = LeadMapping.attribute(field);
        return Failures.guard(() -> tx.em()
                .createQuery("select count(l) from LeadKitLead l where l." + attribute + " = :value", Long.class)
                .setParameter("value", code).getSingleResult());
    }

    @Override
    public long countWithCloseReason(String code) {
        Objects.requireNonNull(code, "code");
        return Failures.guard(() -> tx.em()
                .createQuery("select count(l) from LeadKitLead l where l.closeReason = :code", Long.class)
                .setParameter("code", code).getSingleResult());
    }

    @Override
    public List<LeadId> withCustomOption(String fieldKey, String optionCode) {
        Objects.requireNonNull(fieldKey, "fieldKey");
        Objects.requireNonNull(optionCode, "optionCode");
        if (!LeadMapping.isCode(fieldKey) || !LeadMapping.isCode(optionCode)) {
            // lk_lead_custom_option holds code-shaped keys and values only; no option has another shape.
            return List.of();
        }
        return Failures.guard(() -> tx.em()
                .createQuery("select o.id from LeadKitLead o join o.options c"
                        + " where c.fieldKey = :key and c.optionCode = :code order by o.id", String.class)
                .setParameter("key", fieldKey).setParameter("code", optionCode)
                .getResultStream().map(LeadId::of).toList());
    }

    @Override
    public Map<String, Long> countByStatus(Visibility visibility) {
        Objects.requireNonNull(visibility, "visibility");
        return Failures.guard(() -> {
            Scoped where = Scoped.of(visibility, false, Optional.empty(), this::postgresql);
            Query query = tx.em().createNativeQuery("select v.status, count(*) from (" + where.visibleRows()
                    + ") v group by v.status", Object[].class);
            where.bind(query);
            Map<String, Long> counts = new TreeMap<>();
            for (Object row : query.getResultList()) {
                Object[] columns = (Object[]) row;
                counts.put((String) columns[0], ((Number) columns[1]).longValue());
            }
            return counts;
        });
    }

    @Override
    public List<Lead> inStatusSince(String status, Instant since, Optional<LeadId> afterId, int limit) {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(since, "since");
        Objects.requireNonNull(afterId, "afterId");
        if (limit < 1 || limit > LeadListing.MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + LeadListing.MAX_LIMIT);
        }
        return Failures.guard(() -> {
            TypedQuery<LeadEntity> query = tx.em().createQuery("select l from LeadKitLead l where l.deleted = false"
                    + " and l.status = :status and l.statusSince <= :since"
                    + (afterId.isPresent() ? " and l.id > :after" : "") + " order by l.id", LeadEntity.class)
                    .setParameter("status", status).setParameter("since", since)
                    .setMaxResults(limit);
            afterId.ifPresent(after -> query.setParameter("after", after.value()));
            return query.getResultStream().map(this::toLead).toList();
        });
    }

    /**
     * The WHERE clause of a scoped query, built from fixed fragments only: which fragments depend
     * on the visibility's shape, every value is a bound parameter. Evaluates exactly
     * {@link Visibility#admits}: owned by one of the owners, or unassigned when the inbox is
     * visible, or granted VIEW to the grantee.
     */
    private static final class Scoped {

        /** The whole condition, for listings: the database walks an ordered index and stops at the page. */
        final String sql;
        /** The conditions every visible row meets, and the alternatives of which it meets one or more. */
        private final List<String> common;
        private final List<String> admits;
        private final Visibility visibility;
        private final Optional<String> status;
        /** Whether the owners are bound as one array (PostgreSQL, very large sets) rather than an IN list. */
        private final boolean ownerArray;

        private Scoped(String sql, List<String> common, List<String> admits, Visibility visibility,
                       Optional<String> status, boolean ownerArray) {
            this.ownerArray = ownerArray;
            this.sql = sql;
            this.common = common;
            this.admits = admits;
            this.visibility = visibility;
            this.status = status;
        }

        /**
         * The visible rows' status, for counting: one UNION ALL branch per alternative (owned,
         * unassigned, granted), so each branch is an index range. A count reads every visible
         * row, and with the alternatives OR-ed the databases fall back to scanning the table.
         * The branches are made disjoint — the granted branch leaves out what the others
         * already count — so no duplicate elimination is needed.
         */
        String visibleRows() {
            if (admits.isEmpty() || visibility.all()) {
                return "select l.status from lk_lead l where " + sql;
            }
            List<String> branches = new ArrayList<>();
            for (String admit : admits) {
                List<String> conditions = new ArrayList<>(common);
                conditions.add(admit);
                if (admit.startsWith("exists")) {
                    String ownerIn = ownerIn(ownerArray);
                    boolean owners = !visibility.owners().isEmpty();
                    if (owners && visibility.unassigned()) {
                        conditions.add("l.owner_id is not null and not " + ownerIn);
                    } else if (owners) {
                        conditions.add("(l.owner_id is null or not " + ownerIn + ")");
                    } else if (visibility.unassigned()) {
                        conditions.add("l.owner_id is not null");
                    }
                }
                branches.add("select l.status from lk_lead l where " + String.join(" and ", conditions));
            }
            return String.join(" union all ", branches);
        }

        private static String ownerIn(boolean ownerArray) {
            return ownerArray ? "(l.owner_id = any(:owners))" : "(l.owner_id in (:owners))";
        }

        /**
         * Above this many owners, PostgreSQL gets the owners as one array parameter: an IN list
         * binds one parameter per owner, and PostgreSQL takes at most 32,767 per statement.
         */
        static final int ARRAY_OWNERS = 1_000;

        static Scoped of(Visibility visibility, boolean includeDeleted, Optional<String> status,
                         BooleanSupplier postgresql) {
            boolean ownerArray = visibility.owners().size() > ARRAY_OWNERS && postgresql.getAsBoolean();
            String ownerIn = ownerIn(ownerArray);
            List<String> conditions = new ArrayList<>();
            List<String> admits = new ArrayList<>();
            if (!includeDeleted) {
                conditions.add("l.deleted = false");
            }
            if (status.isPresent()) {
                conditions.add("l.status = :status");
            }
            List<String> common = List.copyOf(conditions);
            if (!visibility.all()) {
                if (!visibility.owners().isEmpty()) {
                    admits.add(ownerIn);
                }
                if (visibility.unassigned()) {
                    admits.add("l.owner_id is null");
                }
                if (visibility.grantee().isPresent()) {
                    admits.add("exists (select 1 from lk_lead_grant g where g.lead_id = l.id"
                            + " and g.grantee_id = :grantee and g.can_view = true)");
                }
                conditions.add(admits.isEmpty() ? "1 = 0" : "(" + String.join(" or ", admits) + ")");
            }
            return new Scoped(conditions.isEmpty() ? "1 = 1" : String.join(" and ", conditions), common, admits,
                    visibility, status, ownerArray);
        }

        void bind(Query query) {
            status.ifPresent(code -> query.setParameter("status", code));
            if (!visibility.all()) {
                if (!visibility.owners().isEmpty()) {
                    // Sorted, so the same owners give the same statement text (and plan cache entry).
                    List<String> owners = new ArrayList<>(new TreeSet<>(visibility.owners()));
                    if (ownerArray) {
                        query.setParameter("owners", owners.toArray(String[]::new));
                    } else {
                        query.setParameter("owners", owners);
                    }
                }
                visibility.grantee().ifPresent(grantee -> query.setParameter("grantee", grantee));
            }
        }
    }
}
