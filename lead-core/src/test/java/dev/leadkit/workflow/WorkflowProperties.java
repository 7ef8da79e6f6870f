package dev.leadkit.workflow;

import dev.leadkit.Actor;
import dev.leadkit.IdGenerator;
import dev.leadkit.InvalidTransitionException;
import dev.leadkit.LeadKit;
import dev.leadkit.access.Directory;
import dev.leadkit.access.Role;
import dev.leadkit.activity.ActivityDraft;
import dev.leadkit.event.LeadEvent;
import dev.leadkit.lead.Lead;
import dev.leadkit.lead.LeadDraft;
import dev.leadkit.support.MutableClock;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * K5's stateful property: random status moves, closes, logged calls and e-mails, planned meetings,
 * linked deals, lock switches and clock advances through a configured workflow, checked against a model after every step — only allowed
 * transitions succeed; the status history replays to the current status; time in status adds up
 * to the time since creation; each stale period yields exactly one reminder.
 */
class WorkflowProperties {

    private static final Actor ADMIN = Actor.of("admin");
    private static final Actor AYSE = Actor.of("ayse");
    private static final Map<String, Set<String>> TABLE = Map.of(
            "new", Set.of("contacted", "unqualified"),
            "contacted", Set.of("offer_made", "lost"),
            "offer_made", Set.of("lost", "unqualified"),
            "lost", Set.of("contacted"));
    private static final Set<String> CLOSED = Set.of("lost", "unqualified");
    private static final List<String> STATUSES = List.of("new", "contacted", "offer_made", "converted", "unqualified", "lost");
    private static final List<StaleRule> RULES = List.of(
            new StaleRule("new_2h", "new", Duration.ofHours(2), "{leadId} waits in {status}", true),
            new StaleRule("contacted_90m", "contacted", Duration.ofMinutes(90), "Call back: {days} days", true),
            new StaleRule("offer_off", "offer_made", Duration.ofMinutes(30), "disabled", false));

    enum Kind { MOVE, CLOSE, DEAL_LINKED, LOG_CALL, LOG_EMAIL, SCHEDULE_MEETING, LOCK, UNLOCK, ADVANCE }

    record Step(Kind kind, String status, int minutes) {
    }

    @Provide
    Arbitrary<List<Step>> lives() {
        Arbitrary<Step> step = Combinators.combine(
                Arbitraries.of(Kind.class), Arbitraries.of(STATUSES), Arbitraries.integers().between(1, 400))
                .as(Step::new);
        return step.list().ofMinSize(1).ofMaxSize(30);
    }

    @Property(tries = 200)
    void theWorkflowBehavesLikeItsModel(@ForAll("lives") List<Step> steps) {
        MutableClock clock = MutableClock.at("2026-06-01T08:00:00Z");
        LeadKit kit = LeadKit.builder().clock(clock).ids(IdGenerator.sequential("w"))
                .directory(Directory.inMemory().user("admin", "Admin").roles(Role.ADMIN).add()
                        .user("ayse", "Ayşe Yılmaz").team("tr").add())
                .build();
        kit.workflow().setTransitions(ADMIN, Workflow.explicit(TABLE));
        kit.reminders().setRules(ADMIN, RULES);
        Lead lead = kit.leads().create(AYSE, LeadDraft.builder().firstName("Işıl").lastName("Ağaoğlu").build());
        Instant created = lead.createdAt();

        String status = "new";
        Instant since = created;
        boolean locked = false;
        Map<String, Instant> reminded = new HashMap<>();

        for (Step step : steps) {
            switch (step.kind()) {
                case MOVE: {
                    boolean allowed = !locked && !CLOSED.contains(step.status())
                            && TABLE.getOrDefault(status, Set.of()).contains(step.status());
                    if (allowed) {
                        lead = kit.workflow().move(AYSE, lead.id(), step.status(), lead.version());
                        status = step.status();
                        since = clock.instant();
                    } else {
                        Lead before = lead;
                        assertThatThrownBy(() -> kit.workflow().move(AYSE, before.id(), step.status(), before.version()))
                                .isInstanceOf(InvalidTransitionException.class);
                    }
                    break;
                }
                case CLOSE: {
                    boolean allowed = CLOSED.contains(step.status()) && TABLE.getOrDefault(status, Set.of()).contains(step.status());
                    if (allowed) {
                        lead = kit.workflow().close(AYSE, lead.id(), step.status(), "no_budget", lead.version());
                        status = step.status();
                        since = clock.instant();
                        assertThat(lead.closeReason()).contains("no_budget");
                    } else {
                        Lead before = lead;
                        assertThatThrownBy(() -> kit.workflow().close(AYSE, before.id(), step.status(), "no_budget", before.version()))
                                .isInstanceOf(InvalidTransitionException.class);
                    }
                    break;
                }
                case DEAL_LINKED: {
                    kit.events().publish(new LeadEvent.DealLinked(lead.id().value(), "ayse", clock.instant(), "deal-" + step.minutes()));
                    if (locked && !CLOSED.contains(status) && TABLE.getOrDefault(status, Set.of()).contains("offer_made")) {
                        status = "offer_made";
                        since = clock.instant();
                    }
                    lead = kit.leads().get(AYSE, lead.id());
                    break;
                }
                case LOG_CALL:
                case LOG_EMAIL: {
                    ActivityDraft.Builder draft = step.kind() == Kind.LOG_CALL ? ActivityDraft.call("Skambutis")
                            : ActivityDraft.email("Pasiūlymas");
                    kit.activities().log(AYSE, lead.id(), draft.build());
                    // Automatic moves follow the table but never reopen a closed lead.
                    if (locked && !CLOSED.contains(status) && TABLE.getOrDefault(status, Set.of()).contains("contacted")) {
                        status = "contacted";
                        since = clock.instant();
                    }
                    lead = kit.leads().get(AYSE, lead.id());
                    break;
                }
                case SCHEDULE_MEETING:
                    // A planned meeting is not a contact: nothing moves.
                    kit.activities().schedule(AYSE, lead.id(), ActivityDraft.meeting("Susitikimas")
                            .start(clock.instant().plus(Duration.ofDays(1))).build());
                    lead = kit.leads().get(AYSE, lead.id());
                    break;
                case LOCK:
                    kit.workflow().setLockedStatuses(ADMIN, true);
                    locked = true;
                    break;
                case UNLOCK:
                    kit.workflow().setLockedStatuses(ADMIN, false);
                    locked = false;
                    break;
                case ADVANCE:
                default:
                    clock.advance(Duration.ofMinutes(step.minutes()));
                    break;
            }

            // The store agrees with the model.
            assertThat(lead.status()).isEqualTo(status);
            assertThat(lead.statusSince()).isEqualTo(since);

            // The status history replays to the current status, each change starting where the last ended.
            List<StatusChange> history = kit.workflow().statusHistory(AYSE, lead.id());
            assertThat(history.get(0).from()).isEmpty();
            for (int i = 1; i < history.size(); i++) {
                assertThat(history.get(i).from()).contains(history.get(i - 1).to());
            }
            assertThat(history.get(history.size() - 1).to()).isEqualTo(status);

            // Time in status adds up to the time since the lead was created.
            Duration total = kit.workflow().timeInStatus(AYSE, lead.id()).values().stream()
                    .reduce(Duration.ZERO, Duration::plus);
            assertThat(total).isEqualTo(Duration.between(created, clock.instant()));

            // Each stale period yields exactly one reminder.
            Instant now = clock.instant();
            List<StaleReminder> sent = kit.reminders().due(now);
            int expected = 0;
            for (StaleRule rule : RULES) {
                if (!rule.enabled() || !rule.status().equals(status)) {
                    continue;
                }
                Optional<Instant> period = ReminderService.periodStart(since, rule.maxUnchanged(), now);
                Instant last = reminded.get(rule.id());
                if (period.isPresent() && (last == null || last.isBefore(period.get()))) {
                    reminded.put(rule.id(), period.get());
                    expected++;
                    Instant p = period.get();
                    assertThat(sent).anySatisfy(r -> {
                        assertThat(r.ruleId()).isEqualTo(rule.id());
                        assertThat(r.periodStart()).isEqualTo(p);
                        assertThat(r.recipientId()).isEqualTo("ayse");
                    });
                }
            }
            assertThat(sent).hasSize(expected);
            assertThat(kit.reminders().due(now)).as("a second call at the same instant sends nothing").isEmpty();
        }
    }
}
