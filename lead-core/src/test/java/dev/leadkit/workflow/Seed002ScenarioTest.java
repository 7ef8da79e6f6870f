package dev.leadkit.workflow;

import dev.leadkit.Actor;
import dev.leadkit.IdGenerator;
import dev.leadkit.InvalidTransitionException;
import dev.leadkit.LeadKit;
import dev.leadkit.access.Directory;
import dev.leadkit.access.Role;
import dev.leadkit.activity.Activity;
import dev.leadkit.activity.ActivityDraft;
import dev.leadkit.activity.HistoryAction;
import dev.leadkit.activity.HistoryEntry;
import dev.leadkit.event.EventPublisher;
import dev.leadkit.event.InProcessEventPublisher;
import dev.leadkit.event.LeadEvent;
import dev.leadkit.lead.Lead;
import dev.leadkit.lead.LeadDraft;
import dev.leadkit.lead.LeadField;
import dev.leadkit.lead.LeadPatch;
import dev.leadkit.support.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Seed 002 (Hanna CRM lead settings), as a scenario: with "lock lead statuses" on, people cannot
 * set the status by hand; logging a call moves the lead to Contacted ("Buvo kontaktuota"), a linked
 * deal to Offer made ("Pasiūlymas pateiktas"); a status with a task template gives the lead its
 * tasks when it enters that status.
 */
class Seed002ScenarioTest {

    private static final Actor ADMIN = Actor.of("admin");
    private static final Actor JONAS = Actor.of("jonas");

    private final MutableClock clock = MutableClock.at("2026-09-14T07:30:00Z");
    private final List<LeadEvent> events = new CopyOnWriteArrayList<>();
    private LeadKit kit;
    private Lead lead;

    @BeforeEach
    void hannaCrmWithLockedStatuses() {
        InProcessEventPublisher publisher = EventPublisher.inProcess().subscribe(events::add);
        kit = LeadKit.builder().clock(clock).ids(IdGenerator.sequential("lt-")).events(publisher)
                .directory(Directory.inMemory().user("admin", "Administratorius").roles(Role.ADMIN).add()
                        .user("jonas", "Jonas Petraitis").team("vilnius").add())
                .build();
        kit.workflow().setLockedStatuses(ADMIN, true);
        kit.workflow().setTaskTemplates(ADMIN, "contacted",
                List.of(TaskTemplate.forOwner("Išsiųsti kainoraštį", "email", Duration.ofHours(4))));
        lead = kit.leads().create(JONAS, LeadDraft.builder().firstName("Šarūnas").lastName("Žukauskas")
                .company("UAB Šviesa").city("Vilnius").build());
        clock.advance(Duration.ofMinutes(20));
    }

    @Test
    @DisplayName("locked statuses: a logged call moves the lead to Contacted, a linked deal to Offer made")
    void aLoggedCallMovesToContactedAndALinkedDealToOfferMade() {
        kit.activities().log(JONAS, lead.id(), ActivityDraft.call("Pirmas skambutis").build());

        Lead contacted = kit.leads().get(JONAS, lead.id());
        assertThat(contacted.status()).isEqualTo("contacted");
        assertThat(kit.catalogues().get(CatalogueKind.STATUS).entry("contacted").orElseThrow()
                .label(java.util.Locale.forLanguageTag("lt"))).isEqualTo("Buvo kontaktuota");
        assertThat(contacted.statusSince()).isEqualTo(clock.instant());

        clock.advance(Duration.ofDays(2));
        kit.workflow().dealLinked(JONAS, lead.id(), "deal-2026-017");

        Lead offered = kit.leads().get(JONAS, lead.id());
        assertThat(offered.status()).isEqualTo("offer_made");
        assertThat(kit.workflow().statusHistory(JONAS, lead.id()))
                .extracting(StatusChange::to, StatusChange::automatic)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("new", false),
                        org.assertj.core.groups.Tuple.tuple("contacted", true),
                        org.assertj.core.groups.Tuple.tuple("offer_made", true));
        assertThat(events).filteredOn(e -> e instanceof LeadEvent.StatusChanged)
                .extracting(e -> ((LeadEvent.StatusChanged) e).to()).containsExactly("contacted", "offer_made");
    }

    @Test
    @DisplayName("locked statuses: a manual status change is refused with a clear message, and nothing changes")
    void aManualStatusChangeIsRefused() {
        assertThatThrownBy(() -> kit.workflow().move(JONAS, lead.id(), "contacted", lead.version()))
                .isInstanceOf(InvalidTransitionException.class)
                .hasMessageContaining("statuses are locked");
        assertThatThrownBy(() -> kit.leads().update(JONAS, lead.id(),
                LeadPatch.builder().set(LeadField.STATUS, "contacted").build(), lead.version()))
                .isInstanceOf(InvalidTransitionException.class)
                .hasMessageContaining("statuses are locked");
        assertThat(kit.leads().get(JONAS, lead.id())).isEqualTo(lead);
        assertThat(kit.workflow().allowedTargets(JONAS, lead.id())).isEmpty();
    }

    @Test
    @DisplayName("locked statuses: a note that records a contact date moves the lead to Contacted; a plain note does not")
    void aNoteWithAContactDateMovesToContacted() {
        kit.stream().post(JONAS, lead.id(), "Susitarėme dėl susitikimo.");
        assertThat(kit.leads().get(JONAS, lead.id()).status()).isEqualTo("new");

        kit.stream().post(JONAS, lead.id(), "Kalbėjomės telefonu.", Optional.of(LocalDate.of(2026, 9, 14)));
        assertThat(kit.leads().get(JONAS, lead.id()).status()).isEqualTo("contacted");
    }

    @Test
    @DisplayName("a scheduled call moves nothing until it is done; a planned meeting never does")
    void onlyDoneCallsAndEmailsCount() {
        Activity call = kit.activities().schedule(JONAS, lead.id(),
                ActivityDraft.call("Perskambinti").due(clock.instant().plus(Duration.ofDays(1))).build());
        kit.activities().schedule(JONAS, lead.id(),
                ActivityDraft.meeting("Susitikimas").start(clock.instant().plus(Duration.ofDays(3))).build());
        assertThat(kit.leads().get(JONAS, lead.id()).status()).isEqualTo("new");

        kit.activities().complete(JONAS, call.id());
        assertThat(kit.leads().get(JONAS, lead.id()).status()).isEqualTo("contacted");
    }

    @Test
    @DisplayName("entering a status with a task template creates its tasks once, for the owner, in the same change")
    void enteringAStatusCreatesItsTasks() {
        kit.activities().log(JONAS, lead.id(), ActivityDraft.call("Pirmas skambutis").build());

        List<Activity> activities = kit.activities().list(JONAS, lead.id());
        assertThat(activities).filteredOn(a -> a.subject().equals("Išsiųsti kainoraštį")).singleElement()
                .satisfies(task -> {
                    assertThat(task.assigneeId()).isEqualTo("jonas");
                    assertThat(task.type().code()).isEqualTo("email");
                    assertThat(task.due()).contains(clock.instant().plus(Duration.ofHours(4)));
                    assertThat(task.done()).isFalse();
                });
        kit.activities().log(JONAS, lead.id(), ActivityDraft.call("Antras skambutis").build());
        assertThat(kit.activities().list(JONAS, lead.id())).filteredOn(a -> a.subject().equals("Išsiųsti kainoraštį"))
                .hasSize(1);
        List<HistoryEntry> history = kit.leads().history(JONAS, lead.id());
        assertThat(history).extracting(HistoryEntry::action)
                .containsSubsequence(HistoryAction.STATUS_AUTOMATED, HistoryAction.ACTIVITY_ADDED);
    }

    @Test
    @DisplayName("without the lock nothing moves by itself, and people move statuses by hand")
    void withoutTheLockStatusesMoveByHandOnly() {
        kit.workflow().setLockedStatuses(ADMIN, false);
        kit.activities().log(JONAS, lead.id(), ActivityDraft.call("Skambutis").build());
        kit.workflow().dealLinked(JONAS, lead.id(), "deal-1");
        Lead unchanged = kit.leads().get(JONAS, lead.id());
        assertThat(unchanged.status()).isEqualTo("new");

        Lead moved = kit.workflow().move(JONAS, lead.id(), "contacted", unchanged.version());
        assertThat(moved.status()).isEqualTo("contacted");
    }
}
