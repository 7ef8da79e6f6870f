package dev.leadkit.store;

import java.time.Instant;
import java.util.Optional;

/**
 * Port: remembers which stale periods were already reminded, so a reminder goes out once per
 * lead, rule and period, also when several nodes ask at the same time.
 *
 * @since 0.1
 */
public interface ReminderLogRepository {

    /**
     * @param leadId a lead
     * @param ruleId a stale rule
     * @return the start of the latest period reminded for them
     */
    Optional<Instant> lastPeriod(String leadId, String ruleId);

    /**
     * @param leadId      a lead
     * @param ruleId      a stale rule
     * @param periodStart the period now reminded
     * @throws dev.leadkit.ConflictException {@code reminder.already_sent} when that period was recorded
     */
    void record(String leadId, String ruleId, Instant periodStart);
}
