package dev.leadkit.jpa.internal;

import dev.leadkit.ConflictException;
import dev.leadkit.store.ReminderLogRepository;
import org.hibernate.query.NativeQuery;
import org.hibernate.type.StandardBasicTypes;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import static dev.leadkit.jpa.internal.LeadMapping.checked;
import static dev.leadkit.jpa.internal.LeadMapping.micros;

/**
 * {@link ReminderLogRepository} on {@code lk_reminder_log}: one row per lead and rule holding the
 * latest period reminded. A record reads first and then either inserts or advances the row with
 * a conditional update, so the database decides between concurrent recorders: the row lock (or,
 * for a first record, the primary key) lets one win; the other gets {@code reminder.already_sent}.
 */
final class JpaReminderLogRepository implements ReminderLogRepository {

    private static final String LAST = "select period_start from lk_reminder_log where lead_id = :leadId and rule_id = :ruleId";
    private static final String ADVANCE = "update lk_reminder_log set period_start = :period"
            + " where lead_id = :leadId and rule_id = :ruleId and period_start < :period";
    private static final String INSERT = "insert into lk_reminder_log (lead_id, rule_id, period_start)"
            + " values (:leadId, :ruleId, :period)";

    private final JpaStoreTransaction tx;

    JpaReminderLogRepository(JpaStoreTransaction tx) {
        this.tx = tx;
    }

    @Override
    public Optional<Instant> lastPeriod(String leadId, String ruleId) {
        Objects.requireNonNull(leadId, "leadId");
        Objects.requireNonNull(ruleId, "ruleId");
        return Failures.guard(() -> last(leadId, ruleId));
    }

    private Optional<Instant> last(String leadId, String ruleId) {
        @SuppressWarnings("unchecked")
        NativeQuery<Instant> query = tx.em().createNativeQuery(LAST).unwrap(NativeQuery.class);
        List<Instant> rows = query.addScalar("period_start", StandardBasicTypes.INSTANT)
                .setParameter("leadId", leadId).setParameter("ruleId", ruleId).getResultList();
        return rows.stream().findFirst();
    }

    @Override
    public void record(String leadId, String ruleId, Instant periodStart) {
        Objects.requireNonNull(periodStart, "periodStart");
        checked("lk_reminder_log", "lead_id", Objects.requireNonNull(leadId, "leadId"), Columns.ID);
        checked("lk_reminder_log", "rule_id", Objects.requireNonNull(ruleId, "ruleId"), Columns.CODE);
        Instant period = micros(periodStart);
        // Writes this transaction's other changes first, so that their conflicts keep their own codes.
        Failures.guard(() -> {
            tx.flush();
            return null;
        });
        try {
            Failures.guard(() -> {
                Optional<Instant> last = last(leadId, ruleId);
                if (last.isEmpty()) {
                    try {
                        tx.em().createNativeQuery(INSERT).setParameter("leadId", leadId).setParameter("ruleId", ruleId)
                                .setParameter("period", period).executeUpdate();
                    } catch (RuntimeException e) {
                        // The primary key is the table's only constraint the insert can break (both
                        // ids were checked): a concurrent first record of this lead and rule won.
                        if (Failures.isConstraintViolation(e)) {
                            throw alreadySent(null);
                        }
                        throw e;
                    }
                } else if (!last.get().isBefore(period)
                        || tx.em().createNativeQuery(ADVANCE).setParameter("leadId", leadId).setParameter("ruleId", ruleId)
                        .setParameter("period", period).executeUpdate() == 0) {
                    // Recorded already, or advanced to this period by a transaction that committed meanwhile.
                    throw alreadySent(null);
                }
                return null;
            });
        } catch (ConflictException e) {
            // A lock conflict or deadlock between two recorders of this lead and rule means another
            // node is sending this reminder now: for the caller that is the same as "already sent".
            throw "reminder.already_sent".equals(e.code()) ? e : alreadySent(e);
        }
    }

    private static ConflictException alreadySent(Throwable cause) {
        return cause == null
                ? new ConflictException("reminder.already_sent", "This stale period was already reminded.")
                : new ConflictException("reminder.already_sent", "This stale period was already reminded.", cause);
    }
}
