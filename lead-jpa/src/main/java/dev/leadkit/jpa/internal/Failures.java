package dev.leadkit.jpa.internal;

import dev.leadkit.ConflictException;
import dev.leadkit.LeadKitException;
import jakarta.persistence.EntityExistsException;
import jakarta.persistence.LockTimeoutException;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.PessimisticLockException;
import org.hibernate.JDBCException;
import org.hibernate.StaleObjectStateException;
import org.hibernate.StaleStateException;
import org.hibernate.exception.ConstraintViolationException;
import org.hibernate.exception.LockAcquisitionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.SQLException;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Turns what JPA, Hibernate and the JDBC driver throw into the errors the {@code Store} port
 * promises. Nothing from {@code jakarta.persistence} or {@code org.hibernate} reaches a caller.
 *
 * <p>Driver messages may quote the rejected row (MariaDB and H2 print a duplicate key's value,
 * H2 an over-long value), and values are personal data. So a translated message is built from
 * the SQL state, table and constraint only. The cause is attached for diagnosis, except to
 * constraint violations and over-long values, whose driver text quotes the value: those causes
 * are logged at DEBUG instead.
 *
 * <pre>{@code
 * } catch (RuntimeException e) {
 *     throw Failures.translate(e);   // a LeadKitException, or e itself when it is no persistence failure
 * }
 * }</pre>
 */
public final class Failures {

    private static final Logger LOG = LoggerFactory.getLogger(Failures.class);

    private Failures() {
    }

    /**
     * Runs one repository call, translating persistence failures.
     *
     * @param call the call
     * @param <T>  its result
     * @return what it returned
     */
    static <T> T guard(Supplier<T> call) {
        try {
            return call.get();
        } catch (RuntimeException e) {
            throw translate(e);
        }
    }

    /**
     * @param failure what was thrown
     * @return the LeadKit error for a persistence failure, or {@code failure} itself when it is not one
     *         (a LeadKit error, or the host's own exception from the work)
     */
    public static RuntimeException translate(RuntimeException failure) {
        if (failure instanceof LeadKitException || !isPersistenceFailure(failure)) {
            return failure;
        }
        ConstraintViolationException constraint = find(failure, ConstraintViolationException.class);
        if (constraint != null) {
            return constraintViolated(constraint);
        }
        StaleObjectStateException staleObject = find(failure, StaleObjectStateException.class);
        if (staleObject != null) {
            return stale(kindOfEntity(staleObject.getEntityName()), String.valueOf(staleObject.getIdentifier()), failure);
        }
        if (find(failure, OptimisticLockException.class) != null || find(failure, StaleStateException.class) != null) {
            JDBCException jdbc = find(failure, JDBCException.class);
            String sql = jdbc != null ? jdbc.getSQL() : statementIn(failure);
            return stale(kindOfSql(sql), null, failure);
        }
        if (find(failure, EntityExistsException.class) != null) {
            LOG.debug("An entity was persisted twice in one transaction", failure);
            return new ConflictException("lead.id.taken", "A record with this id is already stored.");
        }
        SQLException sql = find(failure, SQLException.class);
        String state = sql == null ? null : sql.getSQLState();
        if (isLockFailure(failure, sql, state)) {
            return new ConflictException("store.concurrent_change", "Another transaction changed the same records at"
                    + " the same time (SQL state " + state + "); nothing was changed. Reload and try again.", failure);
        }
        if (isTooLong(sql, state)) {
            LOG.debug("A value was too long for its column", failure);
            JDBCException jdbc = find(failure, JDBCException.class);
            return new LeadKitException("store.value.too_long", "A value is longer than its column in table "
                    + tableOf(jdbc == null ? null : jdbc.getSQL()) + " allows (SQL state " + state
                    + "); nothing was stored. Shorten the value to the field's maximum length.");
        }
        return new LeadKitException("store.failure", "The database failed"
                + (state == null ? "" : " (SQL state " + state + ")") + ": " + failure.getClass().getSimpleName()
                + ". The transaction was rolled back; nothing was stored.", failure);
    }

    /**
     * @param failure what a statement threw
     * @return whether the database refused it for a constraint (a taken key, on the tables that have no other)
     */
    static boolean isConstraintViolation(RuntimeException failure) {
        return find(failure, ConstraintViolationException.class) != null;
    }

    /**
     * A failed batch carries its statement only in a message somewhere down the chain (a commit
     * wraps it in a RollbackException): the first message that names a LeadKit table.
     */
    private static String statementIn(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (!"a LeadKit table".equals(tableOf(t.getMessage()))) {
                return t.getMessage();
            }
        }
        return String.valueOf(failure.getMessage());
    }

    private static boolean isPersistenceFailure(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof PersistenceException || t instanceof SQLException) {
                return true;
            }
        }
        return false;
    }

    private static RuntimeException constraintViolated(ConstraintViolationException e) {
        String name = String.valueOf(e.getConstraintName()).toLowerCase(Locale.ROOT);
        String table = tableOf(e.getSQL());
        LOG.debug("Constraint {} violated on {}", name, table, e);
        if (name.contains("external_id")) {
            return new ConflictException("lead.external_id.taken",
                    "Another lead already has this external id; external ids are unique.");
        }
        boolean unique = e.getKind() == ConstraintViolationException.ConstraintKind.UNIQUE
                || name.contains("_pk") || name.contains("primary");
        if (unique) {
            switch (table) {
                case "lk_lead":
                    return new ConflictException("lead.id.taken", "A lead with this id is already stored.");
                case "lk_catalogue":
                    return new ConflictException("catalogue.version.stale",
                            "The catalogue was stored by someone else at the same time. Reload it and apply the change again.");
                case "lk_settings":
                    return new ConflictException("settings.version.stale",
                            "The settings were stored by someone else at the same time. Reload them and apply the change again.");
                case "lk_custom_fields":
                    return new ConflictException("custom_fields.version.stale", "The custom field definitions were stored"
                            + " by someone else at the same time. Reload them and apply the change again.");
                case "lk_access_request":
                    return new ConflictException("access_request.id.taken", "An access request with this id is already stored.");
                case "lk_activity":
                    return new ConflictException("activity.id.taken", "An activity with this id is already stored.");
                case "lk_stream_post":
                    return new ConflictException("stream_post.id.taken", "A stream post with this id is already stored.");
                case "lk_attachment":
                    // Removed attachments keep their row, so this also refuses a removed id.
                    return new ConflictException("attachment.id.taken", "An attachment with this id is or was stored.");
                case "lk_view":
                    return new ConflictException("view.id.taken", "A view with this id is already stored.");
                case "lk_reminder_log":
                    return new ConflictException("reminder.already_sent", "This stale period was already reminded.");
                default:
                    break;
            }
        }
        return new LeadKitException("store.constraint_violated", "The database refused a row of " + table
                + ": constraint " + name + " (" + e.getKind() + ") was violated. Nothing was stored.");
    }

    private static ConflictException stale(String kind, String id, RuntimeException cause) {
        return new ConflictException(kind + ".version.stale", "The " + kind + (id == null ? "" : " '" + id + "'")
                + " was changed by someone else while this transaction ran. Reload it and apply the change again.", cause);
    }

    private static boolean isLockFailure(RuntimeException failure, SQLException sql, String state) {
        if (find(failure, PessimisticLockException.class) != null || find(failure, LockTimeoutException.class) != null
                || find(failure, LockAcquisitionException.class) != null
                || find(failure, org.hibernate.PessimisticLockException.class) != null) {
            return true;
        }
        // 40001 serialization failure / deadlock (all three), 40P01 PostgreSQL deadlock,
        // H2 90131 concurrent update of one row, MariaDB 1205 lock wait timeout.
        return "40001".equals(state) || "40P01".equals(state)
                || (sql != null && (sql.getErrorCode() == 90131 || sql.getErrorCode() == 1205));
    }

    private static boolean isTooLong(SQLException sql, String state) {
        // 22001 string data right truncation; MariaDB 1406 "Data too long for column".
        return "22001".equals(state) || (sql != null && sql.getErrorCode() == 1406);
    }

    private static String kindOfEntity(String entityName) {
        String name = String.valueOf(entityName);
        if (name.endsWith("Catalogue") || name.endsWith("CatalogueEntity")) {
            return "catalogue";
        }
        if (name.endsWith("Settings") || name.endsWith("SettingsEntity")) {
            return "settings";
        }
        if (name.endsWith("CustomFields") || name.endsWith("CustomFieldsEntity")) {
            return "custom_fields";
        }
        if (name.endsWith("AccessRequest") || name.endsWith("AccessRequestEntity")) {
            return "access_request";
        }
        if (name.endsWith("Activity") || name.endsWith("ActivityEntity")) {
            return "activity";
        }
        if (name.endsWith("StreamPost") || name.endsWith("StreamPostEntity")) {
            return "stream_post";
        }
        return "lead";
    }

    private static String kindOfSql(String sql) {
        switch (tableOf(sql)) {
            case "lk_catalogue":
                return "catalogue";
            case "lk_settings":
                return "settings";
            case "lk_custom_fields":
                return "custom_fields";
            case "lk_access_request":
                return "access_request";
            case "lk_activity":
                return "activity";
            case "lk_stream_post":
                return "stream_post";
            default:
                return "lead";
        }
    }

    /** The LeadKit table a statement writes, or "a LeadKit table". */
    static String tableOf(String sql) {
        String lower = String.valueOf(sql).toLowerCase(Locale.ROOT);
        for (String table : new String[] {"lk_lead", "lk_history", "lk_catalogue", "lk_settings",
                "lk_custom_fields", "lk_access_request", "lk_activity", "lk_stream_post", "lk_attachment", "lk_reminder_log"}) {
            if (lower.contains(table + " ") || lower.contains(table + "(") || lower.endsWith(table)) {
                return table;
            }
        }
        return "a LeadKit table";
    }

    private static <T extends Throwable> T find(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
            if (t instanceof SQLException) {
                SQLException next = ((SQLException) t).getNextException();
                if (next != null && type.isInstance(next)) {
                    return type.cast(next);
                }
            }
        }
        return null;
    }
}
