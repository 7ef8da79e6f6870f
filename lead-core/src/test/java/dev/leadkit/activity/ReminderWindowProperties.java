package dev.leadkit.activity;

import dev.leadkit.Actor;
import dev.leadkit.IdGenerator;
import dev.leadkit.LeadKit;
import dev.leadkit.access.Directory;
import dev.leadkit.access.Role;
import dev.leadkit.lead.Lead;
import dev.leadkit.lead.LeadDraft;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Acceptance (K4): a reminder query over a half-open window {@code [from, to)} returns exactly the
 * reminders whose fire time falls inside it, for any clock and offsets. Random activities (due
 * times on a five-minute grid around a random instant, so fire times and window bounds often
 * coincide; random offset sets; some done, some without a due time, some on a lead the actor
 * cannot see) are compared with a brute-force enumeration of every offset of every activity.
 */
class ReminderWindowProperties {

    private static final Duration STEP = Duration.ofMinutes(5);

    /** One generated activity: due time in steps from the base, or none. */
    record Spec(Integer dueSteps, Set<ReminderOffset> offsets, boolean done, boolean onHiddenLead) {
    }

    /** The scenario: the clock's base instant, the activities and the window, in steps from the base. */
    record Scenario(Instant base, List<Spec> activities, int fromSteps, int lengthSteps) {
        Instant from() {
            return base.plus(STEP.multipliedBy(fromSteps));
        }

        Instant to() {
            return from().plus(STEP.multipliedBy(lengthSteps));
        }
    }

    @Provide
    Arbitrary<Scenario> scenarios() {
        // Any clock from 1971 to 2200, in whole microseconds as the store keeps them.
        Arbitrary<Instant> base = Arbitraries.longs().between(31_536_000_000_000L, 7_258_118_400_000_000L)
                .map(micros -> Instant.EPOCH.plus(micros, ChronoUnit.MICROS));
        Arbitrary<Integer> steps = Arbitraries.integers().between(-4_100, 4_100);
        Arbitrary<Spec> spec = Combinators.combine(
                steps.injectNull(0.1),
                Arbitraries.of(ReminderOffset.class).set().ofMaxSize(ReminderOffset.values().length),
                Arbitraries.integers().between(0, 3).map(n -> n == 0),
                Arbitraries.integers().between(0, 4).map(n -> n == 0))
                .as((due, offsets, done, hidden) -> new Spec(due, due == null ? Set.of() : offsets, done, hidden));
        return Combinators.combine(base, spec.list().ofMaxSize(12), steps, Arbitraries.integers().between(0, 4_100))
                .as(Scenario::new);
    }

    private static final class World {
        final LeadKit kit;
        final Actor admin = Actor.of("admin");
        final Actor ayse = Actor.of("ayse");
        final Lead visible;
        final Lead hidden;
        final List<Activity> stored = new ArrayList<>();

        World(Scenario s) {
            kit = LeadKit.builder()
                    .directory(Directory.inMemory().user("admin", "Admin").roles(Role.ADMIN).add()
                            .user("ayse", "Ayşe").team("tr").add()
                            .user("emre", "Emre").team("x").add())
                    .clock(Clock.fixed(s.base(), ZoneOffset.UTC))
                    .ids(IdGenerator.sequential("a-"))
                    .build();
            visible = kit.leads().create(ayse, LeadDraft.builder().firstName("Işıl").lastName("Ağaoğlu").build());
            hidden = kit.leads().create(Actor.of("emre"), LeadDraft.builder().firstName("Søren").lastName("Ærø").build());
            for (Spec spec : s.activities()) {
                Lead lead = spec.onHiddenLead() ? hidden : visible;
                ActivityDraft.Builder draft = ActivityDraft.task("Hatırlat")
                        .assignee(spec.onHiddenLead() ? "emre" : "ayse").reminders(spec.offsets());
                if (spec.dueSteps() != null) {
                    draft.due(s.base().plus(STEP.multipliedBy(spec.dueSteps())));
                }
                Activity activity = kit.activities().schedule(admin, lead.id(), draft.build());
                stored.add(spec.done() ? kit.activities().complete(admin, activity.id()) : activity);
            }
        }

        /** Every offset of every open activity the actor can see, kept when its fire time is in [from, to). */
        List<String> bruteForce(Instant from, Instant to, boolean seesHidden) {
            List<String> expected = new ArrayList<>();
            for (Activity a : stored) {
                if (a.done() || a.due().isEmpty() || (!seesHidden && a.leadId().equals(hidden.id().value()))) {
                    continue;
                }
                for (ReminderOffset offset : ReminderOffset.values()) {
                    Instant fireAt = a.due().get().minus(offset.before());
                    if (a.reminders().contains(offset) && fireAt.compareTo(from) >= 0 && fireAt.compareTo(to) < 0) {
                        expected.add(a.id() + "/" + offset + "@" + fireAt + "->" + a.assigneeId());
                    }
                }
            }
            return expected;
        }

        static List<String> keys(List<Reminder> reminders) {
            return reminders.stream().map(r -> r.activity().id() + "/" + r.offset() + "@" + r.fireAt() + "->" + r.recipientId())
                    .toList();
        }
    }

    @Property(tries = 300)
    void aWindowReturnsExactlyTheRemindersFiringInsideIt(@ForAll("scenarios") Scenario s) {
        World world = new World(s);

        List<Reminder> forAdmin = world.kit.activities().reminders(world.admin, s.from(), s.to());
        List<Reminder> forAyse = world.kit.activities().reminders(world.ayse, s.from(), s.to());

        assertThat(World.keys(forAdmin)).containsExactlyInAnyOrderElementsOf(world.bruteForce(s.from(), s.to(), true));
        assertThat(World.keys(forAyse)).containsExactlyInAnyOrderElementsOf(world.bruteForce(s.from(), s.to(), false));
        assertThat(forAdmin).isSortedAccordingTo(Reminder.ORDER);
        assertThat(forAdmin).allSatisfy(r -> {
            assertThat(r.fireAt()).isEqualTo(r.offset().fireAt(r.activity().due().orElseThrow()));
            assertThat(r.recipientId()).isEqualTo(r.activity().assigneeId());
        });
    }

    @Property(tries = 200)
    void consecutiveWindowsSeeEveryReminderExactlyOnce(@ForAll("scenarios") Scenario s,
                                                       @ForAll("splits") int splitSteps) {
        World world = new World(s);
        Instant middle = s.from().plus(STEP.multipliedBy(Math.min(splitSteps, s.lengthSteps())));

        List<String> whole = World.keys(world.kit.activities().reminders(world.admin, s.from(), s.to()));
        List<String> parts = new ArrayList<>(World.keys(world.kit.activities().reminders(world.admin, s.from(), middle)));
        parts.addAll(World.keys(world.kit.activities().reminders(world.admin, middle, s.to())));

        assertThat(parts).containsExactlyElementsOf(whole);
    }

    @Provide
    Arbitrary<Integer> splits() {
        return Arbitraries.integers().between(0, 4_100);
    }
}
