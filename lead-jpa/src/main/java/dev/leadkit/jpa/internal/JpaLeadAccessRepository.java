package dev.leadkit.jpa.internal;

import dev.leadkit.ConflictException;
import dev.leadkit.LeadKitException;
import dev.leadkit.access.LeadAccess;
import dev.leadkit.access.Right;
import dev.leadkit.store.LeadAccessRepository;
import org.hibernate.Session;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * {@link LeadAccessRepository} on {@code lk_lead_access} (the version), {@code lk_lead_grant} (one
 * row per grantee: the rights as sorted, comma-separated keys, and {@code can_view} for the scoped
 * lead queries) and {@code lk_lead_follower}.
 *
 * <p>Plain JDBC on the transaction's connection: the three tables are read and written whole per
 * lead, which entities would only make slower, and the lead queries read {@code lk_lead_grant}
 * in SQL anyway. The optimistic check is the {@code lk_lead_access} row: an update names the
 * version it was based on, and a first save inserts the row, so two concurrent first saves meet
 * on its primary key — the loser gets a {@link ConflictException}, as a stale version would.
 */
final class JpaLeadAccessRepository implements LeadAccessRepository {

    private static final String KIND = "lead_access";

    private final JpaStoreTransaction tx;
    /**
     * What this transaction read or wrote, per lead: one service call asks the access policy
     * several times about the same lead (view, then edit, then who to notify), and each read
     * costs three queries.
     */
    private final Map<String, LeadAccess> known = new HashMap<>();

    JpaLeadAccessRepository(JpaStoreTransaction tx) {
        this.tx = tx;
    }

    @Override
    public LeadAccess find(String leadId) {
        Objects.requireNonNull(leadId, "leadId");
        if (leadId.codePointCount(0, leadId.length()) > Columns.ID) {
            return LeadAccess.none(leadId);
        }
        LeadAccess seen = known.get(leadId);
        if (seen != null) {
            return seen;
        }
        LeadAccess read = Failures.guard(() -> tx.em().unwrap(Session.class).doReturningWork(c -> read(c, leadId)));
        known.put(leadId, read);
        return read;
    }

    @Override
    public void save(LeadAccess access) {
        Objects.requireNonNull(access, "access");
        LeadMapping.checked("lk_lead_access", "lead_id", access.leadId(), Columns.ID);
        access.grants().keySet().forEach(user -> LeadMapping.checked("lk_lead_grant", "grantee_id", user, Columns.USER_ID));
        access.followers().forEach(user -> LeadMapping.checked("lk_lead_follower", "follower_id", user, Columns.USER_ID));
        known.remove(access.leadId());
        Failures.guard(() -> tx.em().unwrap(Session.class).doReturningWork(c -> {
            write(c, access);
            return null;
        }));
        known.put(access.leadId(), access);
    }

    private static LeadAccess read(Connection c, String leadId) throws SQLException {
        long version = storedVersion(c, leadId);
        if (version == 0) {
            return LeadAccess.none(leadId);
        }
        Map<String, Set<Right>> grants = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement("select grantee_id, rights from lk_lead_grant where lead_id = ?")) {
            s.setString(1, leadId);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    grants.put(rs.getString(1), rights(leadId, rs.getString(2)));
                }
            }
        }
        Set<String> followers = new HashSet<>();
        try (PreparedStatement s = c.prepareStatement("select follower_id from lk_lead_follower where lead_id = ?")) {
            s.setString(1, leadId);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    followers.add(rs.getString(1));
                }
            }
        }
        try {
            return new LeadAccess(leadId, grants, followers, version);
        } catch (IllegalArgumentException e) {
            throw corrupt(leadId, e.getMessage());
        }
    }

    /** @return the stored version, 0 when no row */
    private static long storedVersion(Connection c, String leadId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select version from lk_lead_access where lead_id = ?")) {
            s.setString(1, leadId);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        }
    }

    private static void write(Connection c, LeadAccess access) throws SQLException {
        String leadId = access.leadId();
        long base = access.version() - 1;
        if (base == 0) {
            try (PreparedStatement s = c.prepareStatement("insert into lk_lead_access (lead_id, version) values (?, ?)")) {
                s.setString(1, leadId);
                s.setLong(2, access.version());
                s.executeUpdate();
            } catch (SQLException e) {
                if (e.getSQLState() != null && e.getSQLState().startsWith("23")) {
                    // Another transaction stored this lead's first version meanwhile (or before).
                    throw ConflictException.staleVersion(KIND, leadId, base, Math.max(1, storedVersionQuietly(c, leadId)));
                }
                throw e;
            }
        } else {
            int updated;
            try (PreparedStatement s = c.prepareStatement(
                    "update lk_lead_access set version = ? where lead_id = ? and version = ?")) {
                s.setLong(1, access.version());
                s.setString(2, leadId);
                s.setLong(3, base);
                updated = s.executeUpdate();
            }
            if (updated != 1) {
                throw ConflictException.staleVersion(KIND, leadId, base, storedVersion(c, leadId));
            }
        }
        // The row above is now locked by this transaction, so replacing the children is safe.
        try (PreparedStatement s = c.prepareStatement("delete from lk_lead_grant where lead_id = ?")) {
            s.setString(1, leadId);
            s.executeUpdate();
        }
        try (PreparedStatement s = c.prepareStatement("delete from lk_lead_follower where lead_id = ?")) {
            s.setString(1, leadId);
            s.executeUpdate();
        }
        if (!access.grants().isEmpty()) {
            try (PreparedStatement s = c.prepareStatement(
                    "insert into lk_lead_grant (lead_id, grantee_id, rights, can_view) values (?, ?, ?, ?)")) {
                for (Map.Entry<String, Set<Right>> grant : access.grants().entrySet()) {
                    s.setString(1, leadId);
                    s.setString(2, grant.getKey());
                    s.setString(3, keys(grant.getValue()));
                    s.setBoolean(4, grant.getValue().contains(Right.VIEW));
                    s.addBatch();
                }
                s.executeBatch();
            }
        }
        if (!access.followers().isEmpty()) {
            try (PreparedStatement s = c.prepareStatement(
                    "insert into lk_lead_follower (lead_id, follower_id) values (?, ?)")) {
                for (String follower : access.followers()) {
                    s.setString(1, leadId);
                    s.setString(2, follower);
                    s.addBatch();
                }
                s.executeBatch();
            }
        }
    }

    /**
     * After a failed insert PostgreSQL refuses further statements in the transaction; the
     * version then only decorates the message.
     */
    private static long storedVersionQuietly(Connection c, String leadId) {
        try {
            return storedVersion(c, leadId);
        } catch (SQLException e) {
            return 1;
        }
    }

    /** @return the rights as sorted, comma-separated keys ("edit,follow,view") */
    static String keys(Set<Right> rights) {
        return rights.stream().map(Right::key).collect(Collectors.toCollection(TreeSet::new)).stream()
                .collect(Collectors.joining(","));
    }

    private static Set<Right> rights(String leadId, String keys) {
        Set<Right> rights = EnumSet.noneOf(Right.class);
        for (String key : keys.split(",")) {
            Right right = Arrays.stream(Right.values()).filter(r -> r.key().equals(key)).findFirst()
                    .orElseThrow(() -> corrupt(leadId, "a grant holds the unknown right '" + key + "'"));
            rights.add(right);
        }
        return rights;
    }

    private static LeadKitException corrupt(String leadId, String why) {
        return new LeadKitException("store.data.corrupt", "The stored sharing of lead '" + leadId + "' cannot be read: "
                + why + ". Was it written by something other than LeadKit?");
    }
}
