package dev.leadkit.workflow;

import dev.leadkit.Actor;
import dev.leadkit.ConflictException;
import dev.leadkit.ValidationException;
import dev.leadkit.access.AccessPolicy;
import dev.leadkit.access.Right;
import dev.leadkit.event.Notification;
import dev.leadkit.event.NotificationSink;
import dev.leadkit.lead.Lead;
import dev.leadkit.lead.LeadId;
import dev.leadkit.store.Store;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Stale-status reminders (requirement W6, seed 002): rules of status + maximum time unchanged +
 * message template + enabled, and {@link #due(Instant)}, which the host calls on its own schedule.
 *
 * <p><b>Stale periods, exactly.</b> A lead that entered status S at time {@code since} is stale
 * for a rule (S, max) from {@code since + max} on. Its k-th stale period (k ≥ 1) starts at
 * {@code since + k × max} and lasts {@code max}. {@code due(now)} sends, for every enabled rule and
 * every lead in its status with an owner, one reminder for the period that contains {@code now} —
 * unless that period was already reminded. So calling {@code due} twice for the same instant sends
 * nothing twice; after a long gap (several periods without a call) it sends one reminder, for the
 * current period, not one per missed period; and a status change restarts the clock, because
 * {@code since} moves. Unassigned leads have nobody to remind and are skipped. The record of what
 * was sent lives in the store, so several nodes calling {@code due} at once still send each
 * reminder once.
 *
 * <pre>{@code
 * kit.reminders().setRules(admin, List.of(new StaleRule("new_3d", "new", Duration.ofDays(3),
 *         "Lead {leadId} has waited {days} days in {status}", true)));
 * scheduler.scheduleAtFixedRate(() -> kit.reminders().due(clock.instant()), 0, 15, TimeUnit.MINUTES);
 * }</pre>
 *
 * @since 0.1
 */
public final class ReminderService {

    static final String RULES_KEY = "workflow.staleRules";
    private static final int PAGE = 500;
    private static final Logger LOG = LoggerFactory.getLogger(ReminderService.class);

    private final Store store;
    private final AccessPolicy policy;
    private final NotificationSink notifications;

    /**
     * Usually obtained from {@code LeadKit.reminders()}.
     *
     * @param store         where leads, rules and the reminder log live
     * @param policy        who may change rules
     * @param notifications where reminders go (kind {@code lead.stale}, to the owner)
     */
    public ReminderService(Store store, AccessPolicy policy, NotificationSink notifications) {
        this.store = Objects.requireNonNull(store, "store");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.notifications = Objects.requireNonNull(notifications, "notifications");
    }

    /** @return the stored rules */
    public List<StaleRule> rules() {
        return store.inTransaction(tx -> decode(tx.settings().load().get(RULES_KEY).orElse("")));
    }

    /**
     * Replaces the rules. Stored, so they survive a restart.
     *
     * @param actor an Admin
     * @param rules the rules; ids unique, statuses from the catalogue
     */
    public void setRules(Actor actor, List<StaleRule> rules) {
        Objects.requireNonNull(rules, "rules");
        policy.require(actor, Right.MANAGE_SETTINGS);
        Set<String> ids = new HashSet<>();
        for (StaleRule r : rules) {
            if (!ids.add(r.id())) {
                throw ValidationException.of("rules", "reminder.rule.duplicate_id", "rule ids are unique; '" + r.id() + "' repeats");
            }
        }
        store.inTransaction(tx -> {
            Catalogue statuses = CatalogueService.current(tx, CatalogueKind.STATUS);
            for (StaleRule r : rules) {
                if (statuses.entry(r.status()).isEmpty()) {
                    throw ValidationException.of("rules", "reminder.rule.unknown_status",
                            "rule '" + r.id() + "' watches a status the catalogue does not have");
                }
            }
            tx.settings().save(tx.settings().load().with(RULES_KEY, encode(rules)));
            return null;
        });
    }

    /**
     * Sends every reminder due at {@code now}, once per lead, rule and stale period (see the class
     * description), through the notification sink to each lead's owner.
     *
     * @param now the instant to evaluate, usually the clock's now
     * @return the reminders sent by this call
     */
    public List<StaleReminder> due(Instant now) {
        Objects.requireNonNull(now, "now");
        List<StaleReminder> sent = new ArrayList<>();
        for (StaleRule rule : rules()) {
            if (!rule.enabled()) {
                continue;
            }
            Optional<LeadId> after = Optional.empty();
            while (true) {
                Optional<LeadId> from = after;
                List<Lead> page = store.inTransaction(tx ->
                        tx.leads().inStatusSince(rule.status(), now.minus(rule.maxUnchanged()), from, PAGE));
                for (Lead lead : page) {
                    remind(rule, lead, now).ifPresent(sent::add);
                }
                if (page.size() < PAGE) {
                    break;
                }
                after = Optional.of(page.get(page.size() - 1).id());
            }
        }
        for (StaleReminder r : sent) {
            try {
                notifications.deliver(new Notification(r.recipientId(), "lead.stale", Optional.of(r.leadId()),
                        Map.of("ruleId", r.ruleId(), "message", r.message()), now));
            } catch (RuntimeException e) {
                LOG.warn("The notification sink failed on lead.stale for lead {}", r.leadId(), e);
            }
        }
        return sent;
    }

    /**
     * The start of the stale period containing {@code now}.
     *
     * @param since when the lead entered the status
     * @param max   the rule's maximum time unchanged
     * @param now   the instant evaluated
     * @return {@code since + k × max} for the largest k ≥ 1 not after {@code now}; empty before the first period
     */
    public static Optional<Instant> periodStart(Instant since, Duration max, Instant now) {
        Instant first = since.plus(max);
        if (now.isBefore(first)) {
            return Optional.empty();
        }
        long k = Duration.between(since, now).toNanos() / max.toNanos();
        return Optional.of(since.plus(max.multipliedBy(k)));
    }

    private Optional<StaleReminder> remind(StaleRule rule, Lead lead, Instant now) {
        if (lead.owner().isEmpty()) {
            return Optional.empty();
        }
        Optional<Instant> start = periodStart(lead.statusSince(), rule.maxUnchanged(), now);
        if (start.isEmpty()) {
            return Optional.empty();
        }
        try {
            return store.inTransaction(tx -> {
                Optional<Lead> current = tx.leads().find(lead.id());
                // The lead may have moved on since the page was read.
                if (current.isEmpty() || !current.get().statusSince().equals(lead.statusSince())
                        || !current.get().status().equals(rule.status()) || current.get().isDeleted()) {
                    return Optional.empty();
                }
                Optional<Instant> last = tx.reminderLog().lastPeriod(lead.id().value(), rule.id());
                if (last.isPresent() && !last.get().isBefore(start.get())) {
                    return Optional.empty();
                }
                tx.reminderLog().record(lead.id().value(), rule.id(), start.get());
                long days = Duration.between(lead.statusSince(), now).toDays();
                String message = rule.template().replace("{status}", rule.status())
                        .replace("{days}", String.valueOf(days)).replace("{leadId}", lead.id().value());
                return Optional.of(new StaleReminder(lead.id().value(), rule.id(), lead.owner().get(), start.get(), message));
            });
        } catch (ConflictException e) {
            if (e.code().equals("reminder.already_sent")) {
                return Optional.empty();
            }
            throw e;
        }
    }

    static String encode(List<StaleRule> rules) {
        return rules.stream().map(r -> String.join("|", r.id(), r.status(), r.maxUnchanged().toString(),
                String.valueOf(r.enabled()), URLEncoder.encode(r.template(), StandardCharsets.UTF_8)))
                .collect(Collectors.joining(";"));
    }

    static List<StaleRule> decode(String text) {
        List<StaleRule> rules = new ArrayList<>();
        if (text.isEmpty()) {
            return rules;
        }
        for (String row : text.split(";")) {
            String[] p = row.split("\\|", -1);
            rules.add(new StaleRule(p[0], p[1], Duration.parse(p[2]), URLDecoder.decode(p[4], StandardCharsets.UTF_8),
                    Boolean.parseBoolean(p[3])));
        }
        return rules;
    }
}
