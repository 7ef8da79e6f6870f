package dev.leadkit.jpa.internal;

import dev.leadkit.ConflictException;
import dev.leadkit.dedupe.DuplicateDecision;
import dev.leadkit.lead.LeadId;
import dev.leadkit.store.DuplicateDecisionRepository;
import org.hibernate.Session;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;

/**
 * {@link DuplicateDecisionRepository} on {@code lk_duplicate_decision (first_id, second_id)}, the
 * pair ordered smaller id first. Plain JDBC on the transaction's connection; two transactions
 * deciding the same pair meet on the primary key and the second gets a {@link ConflictException}.
 */
final class JpaDuplicateDecisionRepository implements DuplicateDecisionRepository {

    /** Ids per IN list when reading the decisions of many leads. */
    private static final int CHUNK = 500;

    private final JpaStoreTransaction tx;

    JpaDuplicateDecisionRepository(JpaStoreTransaction tx) {
        this.tx = tx;
    }

    @Override
    public void insert(DuplicateDecision decision) {
        Objects.requireNonNull(decision, "decision");
        LeadMapping.checked("lk_duplicate_decision", "decided_by", decision.decidedBy(), Columns.USER_ID);
        Failures.guard(() -> tx.em().unwrap(Session.class).doReturningWork(c -> {
            try (PreparedStatement s = c.prepareStatement("insert into lk_duplicate_decision"
                    + " (first_id, second_id, decided_by, decided_at) values (?, ?, ?, ?)")) {
                s.setString(1, decision.first().value());
                s.setString(2, decision.second().value());
                s.setString(3, decision.decidedBy());
                if (mariadb(c)) {
                    s.setObject(4, java.time.LocalDateTime.ofInstant(decision.decidedAt(), java.time.ZoneOffset.UTC));
                } else {
                    s.setObject(4, java.time.OffsetDateTime.ofInstant(decision.decidedAt(), java.time.ZoneOffset.UTC));
                }
                s.executeUpdate();
            } catch (SQLException e) {
                if (e.getSQLState() != null && e.getSQLState().startsWith("23")) {
                    throw new ConflictException("duplicate_decision.exists",
                            "These two leads are already marked as not duplicates of each other.");
                }
                throw e;
            }
            return null;
        }));
    }

    @Override
    public Optional<DuplicateDecision> find(LeadId a, LeadId b) {
        Objects.requireNonNull(a, "a");
        Objects.requireNonNull(b, "b");
        if (a.equals(b)) {
            return Optional.empty();
        }
        LeadId first = a.compareTo(b) < 0 ? a : b;
        LeadId second = first == a ? b : a;
        return Failures.guard(() -> tx.em().unwrap(Session.class).doReturningWork(c -> {
            try (PreparedStatement s = c.prepareStatement("select first_id, second_id, decided_by, decided_at"
                    + " from lk_duplicate_decision where first_id = ? and second_id = ?")) {
                s.setString(1, first.value());
                s.setString(2, second.value());
                try (ResultSet rs = s.executeQuery()) {
                    return rs.next() ? Optional.of(decision(rs)) : Optional.<DuplicateDecision>empty();
                }
            }
        }));
    }

    @Override
    public boolean remove(LeadId a, LeadId b) {
        Objects.requireNonNull(a, "a");
        Objects.requireNonNull(b, "b");
        if (a.equals(b)) {
            return false;
        }
        LeadId first = a.compareTo(b) < 0 ? a : b;
        LeadId second = first == a ? b : a;
        return Failures.guard(() -> tx.em().unwrap(Session.class).doReturningWork(c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "delete from lk_duplicate_decision where first_id = ? and second_id = ?")) {
                s.setString(1, first.value());
                s.setString(2, second.value());
                return s.executeUpdate() > 0;
            }
        }));
    }

    @Override
    public List<DuplicateDecision> involving(Collection<LeadId> ids) {
        Objects.requireNonNull(ids, "ids");
        List<String> all = new ArrayList<>(new TreeSet<>(ids.stream().map(LeadId::value).toList()));
        if (all.isEmpty()) {
            return List.of();
        }
        return Failures.guard(() -> tx.em().unwrap(Session.class).doReturningWork(c -> {
            Map<String, DuplicateDecision> found = new LinkedHashMap<>();
            for (int from = 0; from < all.size(); from += CHUNK) {
                List<String> chunk = all.subList(from, Math.min(all.size(), from + CHUNK));
                String in = String.join(",", java.util.Collections.nCopies(chunk.size(), "?"));
                for (String column : new String[] {"first_id", "second_id"}) {
                    read(c, "select first_id, second_id, decided_by, decided_at from lk_duplicate_decision where "
                            + column + " in (" + in + ")", chunk, found);
                }
            }
            List<DuplicateDecision> sorted = new ArrayList<>(found.values());
            sorted.sort(Comparator.comparing(DuplicateDecision::first).thenComparing(DuplicateDecision::second));
            return sorted;
        }));
    }

    private static void read(Connection c, String sql, List<String> ids, Map<String, DuplicateDecision> into)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < ids.size(); i++) {
                s.setString(i + 1, ids.get(i));
            }
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    DuplicateDecision d = decision(rs);
                    into.put(d.first().value() + "\n" + d.second().value(), d);
                }
            }
        }
    }

    /** MariaDB's DATETIME holds UTC wall-clock time, as everywhere in the JPA store; the others a time zone. */
    private static boolean mariadb(Connection c) throws SQLException {
        return c.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("mariadb");
    }

    private static DuplicateDecision decision(ResultSet rs) throws SQLException {
        Instant at = mariadb(rs.getStatement().getConnection())
                ? rs.getObject(4, java.time.LocalDateTime.class).toInstant(java.time.ZoneOffset.UTC)
                : rs.getObject(4, java.time.OffsetDateTime.class).toInstant();
        return new DuplicateDecision(LeadId.of(rs.getString(1)), LeadId.of(rs.getString(2)), rs.getString(3), at);
    }
}
