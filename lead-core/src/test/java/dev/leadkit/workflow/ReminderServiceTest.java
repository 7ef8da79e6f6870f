package dev.leadkit.workflow;

import dev.leadkit.AccessDeniedException;
import dev.leadkit.FieldError;
import dev.leadkit.LeadKit;
import dev.leadkit.ValidationException;
import dev.leadkit.access.Right;
import dev.leadkit.event.CollectingNotificationSink;
import dev.leadkit.event.Notification;
import dev.leadkit.lead.Lead;
import dev.leadkit.support.TestKit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.leadkit.support.Failures.thrownBy;
import static dev.leadkit.support.TestKit.ADMIN;
import static dev.leadkit.support.TestKit.AYSE;
import static dev.leadkit.support.TestKit.JONAS;
import static dev.leadkit.support.TestKit.egon;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Stale-status reminders (requirement W6, seed 002), checked against the exact period definition
 * of {@link ReminderService}: a lead that entered status S at {@code since} has its k-th stale
 * period at {@code [since + k × max, since + (k+1) × max)}, and each period is reminded once.
 */
class ReminderServiceTest {

    private static final Duration MAX = Duration.ofDays(3);
    private static final StaleRule NEW_3D =
            new StaleRule("new_3d", "new", MAX, "Lead {leadId} has waited {days} days in {status}", true);

    private TestKit t;
    private ReminderService reminders;
    private CollectingNotificationSink sink;
    private Lead lead;
    private Instant since;

    @BeforeEach
    void setUp() {
        t = TestKit.create();
        reminders = t.kit.reminders();
        sink = (CollectingNotificationSink) t.kit.notifications();
        reminders.setRules(ADMIN, List.of(NEW_3D));
        lead = t.kit.leads().create(AYSE, egon().build());
        since = lead.statusSince();
    }

    private Instant periods(long k) {
        return since.plus(MAX.multipliedBy(k));
    }

    private static StaleReminder reminder(String leadId, String recipient, Instant periodStart, long days) {
        return new StaleReminder(leadId, "new_3d", recipient, periodStart,
                "Lead " + leadId + " has waited " + days + " days in new");
    }

    @Nested
    class OnePerStalePeriod {

        @Test
        void nothingIsDueBeforeTheStatusIsMaxOld() {
            assertThat(reminders.due(since)).isEmpty();
            assertThat(reminders.due(periods(1).minusNanos(1))).isEmpty();
            assertThat(sink.delivered()).isEmpty();
        }

        @Test
        void exactlyOneReminderIsDueAtSincePlusMax() {
            assertThat(reminders.due(periods(1))).containsExactly(reminder("lead-1", "ayse", periods(1), 3));
        }

        @Test
        void callingTwiceAtTheSameInstantSendsNothingTheSecondTime() {
            reminders.due(periods(1));

            assertThat(reminders.due(periods(1))).isEmpty();
            assertThat(sink.delivered()).hasSize(1);
        }

        @Test
        void laterInTheSamePeriodNothingMoreIsSent() {
            reminders.due(periods(1));

            assertThat(reminders.due(periods(1).plusSeconds(1))).isEmpty();
            assertThat(reminders.due(periods(2).minusNanos(1))).isEmpty();
        }

        @Test
        void theSecondPeriodBringsOneMoreReminder() {
            reminders.due(periods(1));

            assertThat(reminders.due(periods(2).plus(Duration.ofHours(5))))
                    .containsExactly(reminder("lead-1", "ayse", periods(2), 6));
        }

        @Test
        void afterALongGapOneReminderIsSentForTheCurrentPeriodNotOnePerMissedPeriod() {
            reminders.due(periods(1));

            assertThat(reminders.due(periods(10))).containsExactly(reminder("lead-1", "ayse", periods(10), 30));
            assertThat(reminders.due(periods(10).plus(Duration.ofHours(1)))).isEmpty();
            assertThat(reminders.due(periods(11))).containsExactly(reminder("lead-1", "ayse", periods(11), 33));
            assertThat(sink.delivered()).hasSize(3);
        }

        @Test
        void aFirstCallLongAfterTheLeadWentStaleSendsOneReminder() {
            assertThat(reminders.due(periods(10).plusSeconds(7))).containsExactly(reminder("lead-1", "ayse", periods(10), 30));
        }

        @Test
        void aStatusChangeRestartsTheClock() {
            reminders.due(periods(1));
            t.clock.advance(MAX.plus(Duration.ofHours(1)));
            Lead contacted = t.kit.workflow().move(AYSE, lead.id(), "contacted", lead.version());
            assertThat(reminders.due(periods(2))).as("the lead left the watched status").isEmpty();
            t.clock.advance(Duration.ofHours(1));
            Instant back = t.kit.workflow().move(AYSE, lead.id(), "new", contacted.version()).statusSince();
            assertThat(back).isEqualTo(periods(1).plus(Duration.ofHours(2)));

            assertThat(reminders.due(back.plus(MAX).minusNanos(1))).isEmpty();
            assertThat(reminders.due(back.plus(MAX))).containsExactly(reminder("lead-1", "ayse", back.plus(MAX), 3));
        }

        @Test
        void aLeadInAnotherStatusIsNotWatchedByTheRule() {
            t.kit.workflow().move(AYSE, lead.id(), "contacted", lead.version());

            assertThat(reminders.due(periods(5))).isEmpty();
        }

        @Test
        void eachRuleOnAStatusCountsItsOwnPeriods() {
            StaleRule daily = new StaleRule("new_1d", "new", Duration.ofDays(1), "{days} d", true);
            reminders.setRules(ADMIN, List.of(NEW_3D, daily));

            assertThat(reminders.due(since.plus(Duration.ofDays(1)))).extracting(StaleReminder::ruleId)
                    .containsExactly("new_1d");
            assertThat(reminders.due(since.plus(Duration.ofDays(2)))).extracting(StaleReminder::ruleId)
                    .containsExactly("new_1d");
            assertThat(reminders.due(periods(1))).extracting(StaleReminder::ruleId, StaleReminder::periodStart)
                    .containsExactly(tuple("new_3d", periods(1)),
                            tuple("new_1d", periods(1)));
        }
    }

    @Nested
    class WhoIsReminded {

        @Test
        void theOwnerGetsALeadStaleNotificationWithTheRenderedMessage() {
            Instant now = periods(1).plus(Duration.ofHours(23));

            reminders.due(now);

            assertThat(sink.delivered()).containsExactly(new Notification("ayse", "lead.stale", Optional.of("lead-1"),
                    Map.of("ruleId", "new_3d", "message", "Lead lead-1 has waited 3 days in new"), now));
        }

        @Test
        void eachPlaceholderIsReplacedWhereverItStands() {
            reminders.setRules(ADMIN, List.of(new StaleRule("new_3d", "new", MAX,
                    "{leadId}: {days} d. in {status} ({status}, {days}) {unknown}", true)));

            assertThat(reminders.due(periods(2).plus(Duration.ofHours(5)))).extracting(StaleReminder::message)
                    .containsExactly("lead-1: 6 d. in new (new, 6) {unknown}");
        }

        @Test
        void everyOwnedLeadIsRemindedToItsOwnOwner() {
            Lead jonas = t.kit.leads().create(JONAS, egon().build());

            assertThat(reminders.due(periods(1))).containsExactly(
                    reminder("lead-1", "ayse", periods(1), 3), reminder(jonas.id().value(), "jonas", periods(1), 3));
            assertThat(sink.delivered()).extracting(Notification::recipientId).containsExactly("ayse", "jonas");
        }

        @Test
        void aTransferredLeadIsRemindedToItsNewOwner() {
            t.kit.access().transfer(AYSE, lead.id(), "jonas", false);

            assertThat(reminders.due(periods(1))).extracting(StaleReminder::recipientId).containsExactly("jonas");
        }

        @Test
        void unassignedLeadsHaveNobodyToRemindAndAreSkipped() {
            t.kit.leads().create(AYSE, egon().unassigned().build());

            assertThat(reminders.due(periods(1))).extracting(StaleReminder::leadId).containsExactly("lead-1");
        }

        @Test
        void aDisabledRuleSendsNothing() {
            reminders.setRules(ADMIN, List.of(new StaleRule("new_3d", "new", MAX, "waiting", false)));

            assertThat(reminders.due(periods(1))).isEmpty();
            assertThat(sink.delivered()).isEmpty();
        }

        @Test
        void deletedLeadsAreSkippedUntilRestored() {
            t.kit.leads().delete(AYSE, lead.id());
            assertThat(reminders.due(periods(1))).isEmpty();

            t.kit.leads().restore(AYSE, lead.id());

            assertThat(reminders.due(periods(1))).extracting(StaleReminder::leadId).containsExactly("lead-1");
        }

        @Test
        void aFailingNotificationSinkNeitherStopsTheCallNorResendsThePeriod() {
            List<Notification> attempts = new ArrayList<>();
            LeadKit kit = LeadKit.builder().store(t.store).directory(t.directory).clock(t.clock)
                    .notifications(n -> {
                        attempts.add(n);
                        throw new IllegalStateException("mail server down");
                    }).build();
            t.kit.leads().create(JONAS, egon().build());

            assertThat(kit.reminders().due(periods(1))).hasSize(2);
            assertThat(attempts).hasSize(2);
            assertThat(kit.reminders().due(periods(1))).isEmpty();
        }
    }

    @Nested
    class Rules {

        @Test
        void thereAreNoRulesUntilAnAdminSetsThem() {
            assertThat(LeadKit.builder().build().reminders().rules()).isEmpty();
        }

        @Test
        void rulesSurviveANewLeadKitOnTheSameStore() {
            List<StaleRule> rules = List.of(NEW_3D,
                    new StaleRule("contacted_90m", "contacted", Duration.ofMinutes(90), "Call back", true),
                    new StaleRule("offer_2w", "offer_made", Duration.ofDays(14), "Follow up the offer", false));
            reminders.setRules(ADMIN, rules);

            assertThat(t.reopened().reminders().rules()).isEqualTo(rules);
        }

        @Test
        void theRecordOfWhatWasSentLivesInTheStore() {
            reminders.due(periods(1));

            assertThat(t.reopened().reminders().due(periods(1))).isEmpty();
            assertThat(t.reopened().reminders().due(periods(2))).hasSize(1);
        }

        @Test
        void aTemplateWithUnicodeAndSeparatorCharactersRoundTripsThroughStorage() {
            String template = "Sveiki! {leadId} – būsena „{status}“ jau {days} d. | 100% ; a+b=c & x=y %20 "
                    + "İstanbul ışık Øre æble 🙂\nnext line";
            List<StaleRule> rules = List.of(new StaleRule("lt_1", "new", MAX, template, true),
                    new StaleRule("lt_2", "contacted", MAX, "|;%|;%", true));

            reminders.setRules(ADMIN, rules);

            assertThat(reminders.rules()).isEqualTo(rules);
            assertThat(t.reopened().reminders().rules()).isEqualTo(rules);
            assertThat(reminders.due(periods(1))).extracting(StaleReminder::message).containsExactly(
                    "Sveiki! lead-1 – būsena „new“ jau 3 d. | 100% ; a+b=c & x=y %20 İstanbul ışık Øre æble 🙂\nnext line");
        }

        @Test
        void anEmptyListRemovesEveryRule() {
            reminders.setRules(ADMIN, List.of());

            assertThat(reminders.rules()).isEmpty();
            assertThat(reminders.due(periods(1))).isEmpty();
        }

        @Test
        void onlyAnAdminMaySetRules() {
            AccessDeniedException e = thrownBy(AccessDeniedException.class, () -> reminders.setRules(AYSE, List.of()));

            assertThat(e.right()).isEqualTo(Right.MANAGE_SETTINGS);
            assertThat(reminders.rules()).containsExactly(NEW_3D);
        }

        @Test
        void ruleIdsAreUnique() {
            ValidationException e = thrownBy(ValidationException.class, () -> reminders.setRules(ADMIN,
                    List.of(NEW_3D, new StaleRule("new_3d", "contacted", MAX, "again", true))));

            assertThat(e.errors()).extracting(FieldError::code).containsExactly("reminder.rule.duplicate_id");
            assertThat(reminders.rules()).containsExactly(NEW_3D);
        }

        @Test
        void aRuleWatchesAStatusOfTheCatalogue() {
            ValidationException e = thrownBy(ValidationException.class, () -> reminders.setRules(ADMIN,
                    List.of(new StaleRule("waiting_1d", "waiting", Duration.ofDays(1), "still waiting", true))));

            assertThat(e.errors()).extracting(FieldError::code).containsExactly("reminder.rule.unknown_status");
            assertThat(e.getMessage()).contains("waiting_1d");
            assertThat(reminders.rules()).containsExactly(NEW_3D);
        }

        @Test
        void aRuleIsCheckedWhenBuilt() {
            assertThatThrownBy(() -> new StaleRule("New 3d", "new", MAX, "x", true)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> new StaleRule("new_3d", "new", Duration.ofSeconds(59), "x", true))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> new StaleRule("new_3d", "new", MAX, " ", true)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> new StaleRule("new_3d", "new", MAX, "x".repeat(1001), true))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThat(new StaleRule("n", "new", Duration.ofMinutes(1), "x".repeat(1000), true).template()).hasSize(1000);
        }
    }

    @Nested
    class PeriodStart {

        private final Instant start = Instant.parse("2026-03-02T10:00:00Z");
        private final Duration max = Duration.ofMinutes(90);

        private Optional<Instant> at(Duration afterStart) {
            return ReminderService.periodStart(start, max, start.plus(afterStart));
        }

        @Test
        void thereIsNoPeriodBeforeSincePlusMax() {
            assertThat(ReminderService.periodStart(start, max, start.minusSeconds(1))).isEmpty();
            assertThat(at(Duration.ZERO)).isEmpty();
            assertThat(at(max.minusNanos(1))).isEmpty();
        }

        @Test
        void theFirstPeriodStartsExactlyAtSincePlusMaxAndLastsMax() {
            assertThat(at(max)).contains(start.plus(max));
            assertThat(at(max.plusNanos(1))).contains(start.plus(max));
            assertThat(at(max.multipliedBy(2).minusNanos(1))).contains(start.plus(max));
        }

        @Test
        void theKthPeriodStartsAtSincePlusKTimesMax() {
            assertThat(at(max.multipliedBy(2))).contains(start.plus(max.multipliedBy(2)));
            assertThat(at(max.multipliedBy(10).plusMinutes(7))).contains(start.plus(Duration.ofMinutes(900)));
            assertThat(ReminderService.periodStart(start, Duration.ofDays(3), start.plus(Duration.ofDays(3650))))
                    .as("ten years on: the 1216th period").contains(start.plus(Duration.ofDays(3648)));
        }
    }
}
