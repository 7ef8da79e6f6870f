package dev.leadkit.workflow;

import dev.leadkit.AccessDeniedException;
import dev.leadkit.Actor;
import dev.leadkit.ConflictException;
import dev.leadkit.FieldError;
import dev.leadkit.InvalidTransitionException;
import dev.leadkit.LeadKit;
import dev.leadkit.NotFoundException;
import dev.leadkit.ValidationException;
import dev.leadkit.access.Right;
import dev.leadkit.activity.FieldChange;
import dev.leadkit.activity.HistoryAction;
import dev.leadkit.activity.HistoryEntry;
import dev.leadkit.event.LeadEvent;
import dev.leadkit.lead.Lead;
import dev.leadkit.lead.LeadField;
import dev.leadkit.lead.LeadId;
import dev.leadkit.lead.LeadPatch;
import dev.leadkit.support.TestKit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static dev.leadkit.support.Failures.thrownBy;
import static dev.leadkit.support.TestKit.ADMIN;
import static dev.leadkit.support.TestKit.AYSE;
import static dev.leadkit.support.TestKit.JONAS;
import static dev.leadkit.support.TestKit.egon;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.tuple;

/**
 * K5's core workflow (requirements W1–W4, W7): the transition table, moving and closing, reopening,
 * status patches, locked statuses that move by themselves, status history and time in status.
 */
class WorkflowServiceTest {

    /** A user of another team: holds no right on Ayşe's or Jonas's leads. */
    private static final Actor LINA = Actor.of("lina");

    private static final Map<String, Set<String>> TABLE = Map.of(
            "new", Set.of("contacted", "unqualified"),
            "contacted", Set.of("offer_made", "lost"),
            "offer_made", Set.of("lost"));

    private TestKit t;
    private WorkflowService workflow;

    @BeforeEach
    void setUp() {
        t = TestKit.create();
        t.directory.user("lina", "Lina Kazlauskienė").team("support").add();
        workflow = t.kit.workflow();
    }

    private Lead aysesLead() {
        return t.kit.leads().create(AYSE, egon().build());
    }

    private Lead reload(Lead lead) {
        return t.kit.leads().get(ADMIN, lead.id());
    }

    private Lead closedAsLost(Lead lead) {
        return workflow.close(AYSE, lead.id(), "lost", "competitor", lead.version());
    }

    private Lead patchStatus(Actor actor, Lead lead, String status) {
        return t.kit.leads().update(actor, lead.id(), LeadPatch.builder().set(LeadField.STATUS, status).build(),
                lead.version());
    }

    private InvalidTransitionException refusedMove(Lead lead, String status) {
        return thrownBy(InvalidTransitionException.class, () -> workflow.move(AYSE, lead.id(), status, lead.version()));
    }

    private List<HistoryEntry> history(Lead lead) {
        return t.kit.leads().history(ADMIN, lead.id());
    }

    private List<LeadEvent.StatusChanged> statusEvents() {
        return t.published.stream().filter(e -> e instanceof LeadEvent.StatusChanged)
                .map(e -> (LeadEvent.StatusChanged) e).toList();
    }

    @Nested
    class TheCategoryRuleIsTheDefault {

        @Test
        void fromNewALeadMayGoToContactedOfferMadeUnqualifiedOrLostButNotConverted() {
            assertThat(workflow.transitions()).isEqualTo(Workflow.byCategory());
            assertThat(Workflow.byCategory().targets("new", Catalogue.defaults(CatalogueKind.STATUS)))
                    .containsExactly("contacted", "offer_made", "unqualified", "lost");

            Lead lead = aysesLead();
            assertThat(workflow.move(AYSE, lead.id(), "offer_made", lead.version()).status()).isEqualTo("offer_made");
            Lead other = aysesLead();
            assertThat(workflow.close(AYSE, other.id(), "unqualified", "no_need", other.version()).status())
                    .isEqualTo("unqualified");
        }

        @Test
        void fromAWorkingStatusALeadMayGoBackToNewOrOnToAnyOtherOpenWorkingOrClosedStatus() {
            assertThat(Workflow.byCategory().targets("contacted", Catalogue.defaults(CatalogueKind.STATUS)))
                    .containsExactly("new", "offer_made", "unqualified", "lost");
        }

        @Test
        void noMoveLeadsIntoConvertedAndTheRefusalNamesTheAllowedTargets() {
            Lead lead = aysesLead();

            InvalidTransitionException e = refusedMove(lead, "converted");

            assertThat(e.code()).isEqualTo("workflow.transition.invalid");
            assertThat(e.from()).isEqualTo("new");
            assertThat(e.to()).isEqualTo("converted");
            assertThat(e.allowed()).containsExactly("contacted", "offer_made", "unqualified", "lost");
            assertThat(e.getMessage()).contains("'new'", "'converted'", "only by converting it",
                    "contacted", "offer_made", "unqualified", "lost");
            assertThat(reload(lead)).isEqualTo(lead);
        }

        @Test
        void nothingFollowsAClosedStatus() {
            Lead lost = closedAsLost(aysesLead());

            for (String target : List.of("new", "contacted", "offer_made")) {
                InvalidTransitionException e = refusedMove(lost, target);
                assertThat(e.allowed()).as(target).isEmpty();
                assertThat(e.getMessage()).contains("ends the flow", "reopening needs a configured transition",
                        "No status is allowed from here");
            }
            assertThat(thrownBy(InvalidTransitionException.class,
                    () -> workflow.close(AYSE, lost.id(), "unqualified", "no_need", lost.version())).allowed()).isEmpty();
            assertThat(reload(lost)).isEqualTo(lost);
        }

        @Test
        void nothingFollowsAConvertedStatus() {
            t.kit.access().setConvertLock(ADMIN, false);
            // The state a conversion (K8) leaves; neither creation nor a move may reach it.
            Lead created = t.kit.leads().create(AYSE, egon().build());
            Lead converted = t.kit.store().inTransaction(tx -> {
                Lead c = created.withStatus("converted", java.util.Optional.empty(), created.updatedAt());
                tx.leads().update(c);
                return c;
            });

            for (String target : List.of("new", "contacted", "offer_made")) {
                assertThat(refusedMove(converted, target).allowed()).as(target).isEmpty();
            }
            assertThat(thrownBy(InvalidTransitionException.class,
                    () -> workflow.close(AYSE, converted.id(), "lost", "other", converted.version())).allowed()).isEmpty();
            assertThat(workflow.allowedTargets(AYSE, converted.id())).isEmpty();
        }
    }

    @Nested
    class AnExplicitTable {

        @Test
        void anAdminsTableDecidesEveryMoveAndNamesTheAllowedTargets() {
            workflow.setTransitions(ADMIN, Workflow.explicit(TABLE));
            Lead lead = aysesLead();

            InvalidTransitionException e = refusedMove(lead, "offer_made");

            assertThat(e.allowed()).containsExactly("contacted", "unqualified");
            assertThat(e.getMessage()).contains("the workflow does not allow this move", "contacted", "unqualified");
            Lead contacted = workflow.move(AYSE, lead.id(), "contacted", lead.version());
            assertThat(contacted.status()).isEqualTo("contacted");
            assertThat(refusedMove(contacted, "new").allowed()).containsExactly("offer_made", "lost");
        }

        @Test
        void theTableSurvivesANewLeadKitOnTheSameStore() {
            workflow.setTransitions(ADMIN, Workflow.explicit(TABLE));

            LeadKit restarted = t.reopened();

            assertThat(restarted.workflow().transitions()).isEqualTo(Workflow.explicit(TABLE));
            Lead lead = restarted.leads().create(AYSE, egon().build());
            assertThat(thrownBy(InvalidTransitionException.class,
                    () -> restarted.workflow().move(AYSE, lead.id(), "offer_made", lead.version())).allowed())
                    .containsExactly("contacted", "unqualified");
        }

        @Test
        void aTableWithEmptyTargetsSurvivesStorageAndTheCategoryRuleCanBeRestored() {
            Workflow strict = Workflow.explicit(Map.of("new", Set.of(), "contacted", Set.of("new")));
            workflow.setTransitions(ADMIN, strict);
            assertThat(t.reopened().workflow().transitions()).isEqualTo(strict);
            assertThat(refusedMove(aysesLead(), "contacted").allowed()).isEmpty();

            workflow.setTransitions(ADMIN, Workflow.byCategory());

            assertThat(t.reopened().workflow().transitions()).isEqualTo(Workflow.byCategory());
            Lead lead = aysesLead();
            assertThat(workflow.move(AYSE, lead.id(), "contacted", lead.version()).status()).isEqualTo("contacted");
        }

        @Test
        void onlyAnAdminMaySetTheTable() {
            AccessDeniedException e = thrownBy(AccessDeniedException.class,
                    () -> workflow.setTransitions(AYSE, Workflow.explicit(TABLE)));

            assertThat(e.right()).isEqualTo(Right.MANAGE_SETTINGS);
            assertThat(workflow.transitions()).isEqualTo(Workflow.byCategory());
        }

        @Test
        void aTableNamingAnUnknownStatusIsNotFound() {
            NotFoundException from = thrownBy(NotFoundException.class, () -> workflow.setTransitions(ADMIN,
                    Workflow.explicit(Map.of("waiting", Set.of("contacted")))));
            NotFoundException to = thrownBy(NotFoundException.class, () -> workflow.setTransitions(ADMIN,
                    Workflow.explicit(Map.of("new", Set.of("contacted", "waiting")))));

            assertThat(from.kind()).isEqualTo("status");
            assertThat(from.id()).isEqualTo("waiting");
            assertThat(to.id()).isEqualTo("waiting");
            assertThat(workflow.transitions()).isEqualTo(Workflow.byCategory());
        }

        @Test
        void aTableMovingIntoConvertedIsRefusedByValidation() {
            ValidationException e = thrownBy(ValidationException.class, () -> workflow.setTransitions(ADMIN,
                    Workflow.explicit(Map.of("offer_made", Set.of("converted", "lost")))));

            assertThat(e.errors()).extracting(FieldError::field, FieldError::code)
                    .containsExactly(tuple("transitions", "workflow.transition.to_converted"));
            assertThat(workflow.transitions()).isEqualTo(Workflow.byCategory());
        }

        @Test
        void aTableMovingOutOfConvertedIsRefusedBecauseAConversionIsIrreversible() {
            ValidationException e = thrownBy(ValidationException.class, () -> workflow.setTransitions(ADMIN,
                    Workflow.explicit(Map.of("converted", Set.of("contacted")))));

            assertThat(e.errors()).extracting(FieldError::code).containsExactly("workflow.transition.from_converted");
            assertThat(workflow.transitions()).isEqualTo(Workflow.byCategory());
        }

        @Test
        void anInactiveStatusIsNoTargetEvenWhenTheTableListsIt() {
            workflow.setTransitions(ADMIN, Workflow.explicit(TABLE));
            t.kit.catalogues().deactivate(ADMIN, CatalogueKind.STATUS, "unqualified");
            Lead lead = aysesLead();

            InvalidTransitionException e = thrownBy(InvalidTransitionException.class,
                    () -> workflow.close(AYSE, lead.id(), "unqualified", "no_need", lead.version()));

            assertThat(e.allowed()).containsExactly("contacted");
            assertThat(e.getMessage()).contains("not an active status");
        }
    }

    @Nested
    class MovingByHand {

        @Test
        void aMoveStoresTheStatusRestartsTheStatusClockAndPublishesAStatusChange() {
            Lead lead = aysesLead();
            t.clock.advance(Duration.ofHours(3));

            Lead moved = workflow.move(JONAS, lead.id(), "contacted", lead.version());

            assertThat(moved.status()).isEqualTo("contacted");
            assertThat(moved.version()).isEqualTo(lead.version() + 1);
            assertThat(moved.statusSince()).isEqualTo(t.now());
            assertThat(moved.updatedAt()).isEqualTo(t.now());
            assertThat(reload(lead)).isEqualTo(moved);
            HistoryEntry last = history(lead).get(history(lead).size() - 1);
            assertThat(last.action()).isEqualTo(HistoryAction.STATUS_CHANGED);
            assertThat(last.actorId()).isEqualTo("jonas");
            assertThat(last.changes()).containsExactly(FieldChange.of("status", "new", "contacted"));
            assertThat(statusEvents()).containsExactly(
                    new LeadEvent.StatusChanged(lead.id().value(), "jonas", t.now(), "new", "contacted", false));
        }

        @Test
        void aMoveToAClosedStatusIsRefusedSayingThatClosingNeedsCloseWithAReason() {
            Lead lead = aysesLead();

            InvalidTransitionException e = refusedMove(lead, "lost");

            assertThat(e.getMessage()).contains("closing needs a reason", "close()");
            assertThat(reload(lead)).isEqualTo(lead);
            assertThat(statusEvents()).isEmpty();
        }

        @Test
        void aMoveBasedOnAStaleVersionIsAConflict() {
            Lead lead = aysesLead();
            workflow.move(AYSE, lead.id(), "contacted", lead.version());

            ConflictException e = thrownBy(ConflictException.class,
                    () -> workflow.move(AYSE, lead.id(), "offer_made", lead.version()));

            assertThat(e.code()).isEqualTo("lead.version.stale");
            assertThat(reload(lead).status()).isEqualTo("contacted");
        }

        @Test
        void aStaleVersionIsAConflictForCloseToo() {
            Lead lead = aysesLead();
            workflow.move(AYSE, lead.id(), "contacted", lead.version());

            assertThat(thrownBy(ConflictException.class,
                    () -> workflow.close(AYSE, lead.id(), "lost", "other", lead.version())).code())
                    .isEqualTo("lead.version.stale");
        }

        @Test
        void aDeletedLeadDoesNotMove() {
            Lead lead = aysesLead();
            Lead deleted = t.kit.leads().delete(AYSE, lead.id());

            assertThat(thrownBy(ConflictException.class,
                    () -> workflow.move(AYSE, lead.id(), "contacted", deleted.version())).code()).isEqualTo("lead.deleted");
        }

        @Test
        void aUserWhoCannotSeeTheLeadCannotMoveIt() {
            Lead lead = aysesLead();

            assertThat(thrownBy(AccessDeniedException.class,
                    () -> workflow.move(LINA, lead.id(), "contacted", lead.version())).right()).isEqualTo(Right.VIEW);
            assertThat(reload(lead)).isEqualTo(lead);
        }

        @Test
        void allowedTargetsAreTheStatusesMoveAcceptsNow() {
            Lead lead = aysesLead();
            assertThat(workflow.allowedTargets(AYSE, lead.id()))
                    .as("closed statuses are reached through close()").containsExactly("contacted", "offer_made");

            workflow.setTransitions(ADMIN, Workflow.explicit(Map.of("new", Set.of("offer_made", "lost"),
                    "lost", Set.of("contacted", "new"))));
            assertThat(workflow.allowedTargets(AYSE, lead.id())).containsExactly("offer_made");
            Lead lost = closedAsLost(lead);
            assertThat(workflow.allowedTargets(JONAS, lost.id())).containsExactly("new", "contacted");

            workflow.setLockedStatuses(ADMIN, true);
            assertThat(workflow.allowedTargets(AYSE, lost.id())).isEmpty();
            assertThat(thrownBy(AccessDeniedException.class, () -> workflow.allowedTargets(LINA, lost.id())).right())
                    .isEqualTo(Right.VIEW);
        }
    }

    @Nested
    class Closing {

        @Test
        void closingStoresTheReasonAndRestartsTheStatusClock() {
            Lead lead = aysesLead();
            t.clock.advance(Duration.ofMinutes(40));

            Lead closed = workflow.close(AYSE, lead.id(), "lost", "competitor", lead.version());

            assertThat(closed.status()).isEqualTo("lost");
            assertThat(closed.closeReason()).contains("competitor");
            assertThat(closed.statusSince()).isEqualTo(t.now());
            assertThat(reload(lead)).isEqualTo(closed);
            HistoryEntry last = history(lead).get(history(lead).size() - 1);
            assertThat(last.action()).isEqualTo(HistoryAction.STATUS_CHANGED);
            assertThat(last.changes()).containsExactly(FieldChange.of("status", "new", "lost"),
                    FieldChange.of("closeReason", null, "competitor"));
            assertThat(statusEvents()).containsExactly(
                    new LeadEvent.StatusChanged(lead.id().value(), "ayse", t.now(), "new", "lost", false));
        }

        @Test
        void aTeamMateOfTheOwnerMayMoveButNotClose() {
            Lead lead = aysesLead();

            AccessDeniedException e = thrownBy(AccessDeniedException.class,
                    () -> workflow.close(JONAS, lead.id(), "lost", "competitor", lead.version()));

            assertThat(e.right()).isEqualTo(Right.CLOSE);
            assertThat(e.leadId()).contains(lead.id().value());
            assertThat(reload(lead)).isEqualTo(lead);
            assertThat(workflow.move(JONAS, lead.id(), "contacted", lead.version()).status()).isEqualTo("contacted");
        }

        @Test
        void anAdminMayCloseAnyLead() {
            Lead lead = aysesLead();

            assertThat(workflow.close(ADMIN, lead.id(), "unqualified", "invalid_contact", lead.version()).closeReason())
                    .contains("invalid_contact");
        }

        @Test
        void anUnknownReasonIsRefusedListingTheActiveReasons() {
            Lead lead = aysesLead();

            ValidationException e = thrownBy(ValidationException.class,
                    () -> workflow.close(AYSE, lead.id(), "lost", "too_expensive", lead.version()));

            assertThat(e.errors()).hasSize(1);
            FieldError error = e.errors().get(0);
            assertThat(error.field()).isEqualTo("reason");
            assertThat(error.code()).isEqualTo("workflow.close_reason.unknown");
            assertThat(error.message()).contains("no_budget", "no_need", "competitor", "no_response", "bad_timing",
                    "invalid_contact", "other");
            assertThat(reload(lead)).isEqualTo(lead);
        }

        @Test
        void aDeactivatedReasonIsRefusedAndNoLongerListed() {
            t.kit.catalogues().deactivate(ADMIN, CatalogueKind.CLOSE_REASON, "bad_timing");
            Lead lead = aysesLead();

            ValidationException e = thrownBy(ValidationException.class,
                    () -> workflow.close(AYSE, lead.id(), "lost", "bad_timing", lead.version()));

            assertThat(e.errors().get(0).code()).isEqualTo("workflow.close_reason.unknown");
            assertThat(e.errors().get(0).message()).contains("no_budget", "other").doesNotContain("bad_timing");
        }

        @Test
        void closeMovesOnlyToAClosedStatus() {
            Lead lead = aysesLead();

            InvalidTransitionException e = thrownBy(InvalidTransitionException.class,
                    () -> workflow.close(AYSE, lead.id(), "contacted", "other", lead.version()));

            assertThat(e.getMessage()).contains("use move()");
            assertThat(reload(lead)).isEqualTo(lead);
        }

        @Test
        void closingFollowsTheTable() {
            workflow.setTransitions(ADMIN, Workflow.explicit(TABLE));
            Lead lead = aysesLead();

            InvalidTransitionException e = thrownBy(InvalidTransitionException.class,
                    () -> workflow.close(AYSE, lead.id(), "lost", "other", lead.version()));

            assertThat(e.allowed()).containsExactly("contacted", "unqualified");
            assertThat(workflow.close(AYSE, lead.id(), "unqualified", "other", lead.version()).status())
                    .isEqualTo("unqualified");
        }
    }

    @Nested
    class Reopening {

        @Test
        void aConfiguredTransitionReopensAClosedLeadAndClearsItsCloseReason() {
            workflow.setTransitions(ADMIN, Workflow.explicit(Map.of("new", Set.of("lost"), "lost", Set.of("contacted"))));
            Lead lost = closedAsLost(aysesLead());
            t.clock.advance(Duration.ofDays(2));

            Lead reopened = workflow.move(AYSE, lost.id(), "contacted", lost.version());

            assertThat(reopened.status()).isEqualTo("contacted");
            assertThat(reopened.closeReason()).isEmpty();
            assertThat(reopened.statusSince()).isEqualTo(t.now());
            assertThat(history(lost).get(history(lost).size() - 1).changes()).as("the cleared reason is audited")
                    .containsExactly(FieldChange.of("status", "lost", "contacted"),
                            FieldChange.of("closeReason", "competitor", null));
            assertThat(workflow.statusHistory(AYSE, lost.id())).last()
                    .satisfies(c -> assertThat(c.reason()).isEmpty());
        }

        @Test
        void withoutAConfiguredTransitionAClosedLeadStaysClosed() {
            workflow.setTransitions(ADMIN, Workflow.explicit(Map.of("new", Set.of("lost"))));
            Lead lost = closedAsLost(aysesLead());

            InvalidTransitionException e = refusedMove(lost, "contacted");

            assertThat(e.allowed()).isEmpty();
            assertThat(reload(lost).closeReason()).contains("competitor");
        }

        @Test
        void reclosingWithAnotherReasonAuditsTheFormerReason() {
            workflow.setTransitions(ADMIN, Workflow.explicit(Map.of("new", Set.of("lost"), "lost", Set.of("unqualified"))));
            Lead lost = closedAsLost(aysesLead());

            Lead unqualified = workflow.close(AYSE, lost.id(), "unqualified", "no_need", lost.version());

            assertThat(unqualified.closeReason()).contains("no_need");
            assertThat(history(lost).get(history(lost).size() - 1).changes()).containsExactly(
                    FieldChange.of("status", "lost", "unqualified"), FieldChange.of("closeReason", "competitor", "no_need"));
        }

        @Test
        void reclosingWithTheSameReasonKeepsTheReasonInTheStatusHistory() {
            workflow.setTransitions(ADMIN, Workflow.explicit(Map.of("new", Set.of("lost"), "lost", Set.of("unqualified"))));
            Lead lost = closedAsLost(aysesLead());

            workflow.close(AYSE, lost.id(), "unqualified", "competitor", lost.version());

            assertThat(workflow.statusHistory(AYSE, lost.id())).extracting(StatusChange::to, StatusChange::reason)
                    .containsExactly(tuple("new", Optional.empty()),
                            tuple("lost", Optional.of("competitor")),
                            tuple("unqualified", Optional.of("competitor")));
        }

        @Test
        void aStatusPatchReopensOnlyAlongAConfiguredTransitionToo() {
            Lead lost = closedAsLost(aysesLead());
            assertThat(thrownBy(InvalidTransitionException.class, () -> patchStatus(AYSE, lost, "contacted"))
                    .getMessage()).contains("ends the flow");

            workflow.setTransitions(ADMIN, Workflow.explicit(Map.of("lost", Set.of("contacted"))));
            Lead reopened = patchStatus(AYSE, lost, "contacted");

            assertThat(reopened.status()).isEqualTo("contacted");
            assertThat(reopened.closeReason()).isEmpty();
        }
    }

    @Nested
    class PatchingTheStatus {

        @Test
        void aStatusPatchAlongTheRuleIsAStatusChange() {
            Lead lead = aysesLead();
            t.clock.advance(Duration.ofMinutes(5));

            Lead patched = patchStatus(JONAS, lead, "contacted");

            assertThat(patched.status()).isEqualTo("contacted");
            assertThat(patched.statusSince()).isEqualTo(t.now());
            assertThat(workflow.statusHistory(AYSE, lead.id())).last().isEqualTo(
                    new StatusChange(t.now(), "jonas", Optional.of("new"), "contacted", Optional.empty(), false));
        }

        @Test
        void aStatusPatchIntoAClosedStatusIsRefused() {
            Lead lead = aysesLead();

            InvalidTransitionException e = thrownBy(InvalidTransitionException.class, () -> patchStatus(AYSE, lead, "lost"));

            assertThat(e.getMessage()).contains("closing needs a reason", "close()");
            assertThat(reload(lead)).isEqualTo(lead);
        }

        @Test
        void aStatusPatchIntoConvertedIsRefused() {
            Lead lead = aysesLead();

            assertThat(thrownBy(InvalidTransitionException.class, () -> patchStatus(AYSE, lead, "converted")).getMessage())
                    .contains("only by converting it");
        }

        @Test
        void aStatusPatchAgainstTheTableIsRefused() {
            workflow.setTransitions(ADMIN, Workflow.explicit(TABLE));
            Lead lead = aysesLead();

            InvalidTransitionException e = thrownBy(InvalidTransitionException.class,
                    () -> patchStatus(AYSE, lead, "offer_made"));

            assertThat(e.allowed()).containsExactly("contacted", "unqualified");
            assertThat(reload(lead)).isEqualTo(lead);
        }
    }

    @Nested
    class StatusHistoryAndTimeInStatus {

        @Test
        void theHistoryListsEveryChangeWithWhenWhoFromToReasonAndWhetherItWasAutomatic() {
            Instant created = t.now();
            Lead lead = aysesLead();
            Instant contactedAt = t.clock.advance(Duration.ofHours(2));
            lead = workflow.move(JONAS, lead.id(), "contacted", lead.version());
            t.kit.leads().update(AYSE, lead.id(), LeadPatch.builder().set(LeadField.COMPANY, "UAB Šviesa").build(),
                    lead.version());
            workflow.setLockedStatuses(ADMIN, true);
            Instant offerAt = t.clock.advance(Duration.ofMinutes(30));
            workflow.dealLinked(AYSE, lead.id(), "deal-42");
            lead = reload(lead);
            Instant lostAt = t.clock.advance(Duration.ofDays(1));
            workflow.close(AYSE, lead.id(), "lost", "no_budget", lead.version());

            assertThat(workflow.statusHistory(AYSE, lead.id())).containsExactly(
                    new StatusChange(created, "ayse", Optional.empty(), "new", Optional.empty(), false),
                    new StatusChange(micros(contactedAt), "jonas", Optional.of("new"), "contacted", Optional.empty(), false),
                    new StatusChange(micros(offerAt), "ayse", Optional.of("contacted"), "offer_made", Optional.empty(), true),
                    new StatusChange(micros(lostAt), "ayse", Optional.of("offer_made"), "lost", Optional.of("no_budget"), false));
        }

        @Test
        void timeInStatusAddsEachVisitUpToTheTimeSinceCreation() {
            Lead lead = aysesLead();
            Instant created = lead.createdAt();
            t.clock.advance(Duration.ofHours(2));
            lead = workflow.move(AYSE, lead.id(), "contacted", lead.version());
            t.clock.advance(Duration.ofMinutes(30));
            lead = workflow.move(AYSE, lead.id(), "new", lead.version());
            t.clock.advance(Duration.ofHours(1));
            lead = workflow.move(AYSE, lead.id(), "offer_made", lead.version());
            t.clock.advance(Duration.ofMinutes(15));

            Map<String, Duration> spent = workflow.timeInStatus(AYSE, lead.id());

            assertThat(spent).containsExactly(entry("new", Duration.ofHours(3)), entry("contacted", Duration.ofMinutes(30)),
                    entry("offer_made", Duration.ofMinutes(15)));
            assertThat(spent.values().stream().reduce(Duration.ZERO, Duration::plus))
                    .isEqualTo(Duration.between(created, t.now()));
        }

        @Test
        void aNewLeadHasSpentAllItsTimeInItsFirstStatus() {
            Lead lead = aysesLead();
            t.clock.advance(Duration.ofSeconds(90));

            assertThat(workflow.timeInStatus(AYSE, lead.id())).containsExactly(entry("new", Duration.ofSeconds(90)));
        }

        @Test
        void historyAndTimeInStatusNeedTheViewRight() {
            Lead lead = aysesLead();

            assertThat(thrownBy(AccessDeniedException.class, () -> workflow.statusHistory(LINA, lead.id())).right())
                    .isEqualTo(Right.VIEW);
            assertThat(thrownBy(AccessDeniedException.class, () -> workflow.timeInStatus(LINA, lead.id())).right())
                    .isEqualTo(Right.VIEW);
            assertThat(thrownBy(NotFoundException.class, () -> workflow.statusHistory(AYSE, LeadId.of("lead-404"))).id())
                    .isEqualTo("lead-404");
        }

        private Instant micros(Instant instant) {
            return instant.truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        }
    }

    @Nested
    class LockedStatuses {

        @BeforeEach
        void lock() {
            workflow.setLockedStatuses(ADMIN, true);
        }

        @Test
        void whileLockedAMoveIsRefusedSayingStatusesAreLocked() {
            Lead lead = aysesLead();

            InvalidTransitionException e = refusedMove(lead, "contacted");

            assertThat(e.getMessage()).contains("locked");
            assertThat(e.allowed()).isEmpty();
            assertThat(reload(lead)).isEqualTo(lead);
        }

        @Test
        void whileLockedAStatusPatchIsRefusedButOtherFieldsMayChange() {
            Lead lead = aysesLead();

            assertThat(thrownBy(InvalidTransitionException.class, () -> patchStatus(AYSE, lead, "contacted")).getMessage())
                    .contains("locked");
            Lead edited = t.kit.leads().update(AYSE, lead.id(),
                    LeadPatch.builder().set(LeadField.COMPANY, "Gardinfirmaet ApS").build(), lead.version());
            assertThat(edited.company()).contains("Gardinfirmaet ApS");
            assertThat(edited.status()).isEqualTo("new");
        }

        @Test
        void whileLockedALeadMayStillBeClosed() {
            Lead lead = aysesLead();

            assertThat(workflow.close(AYSE, lead.id(), "unqualified", "no_response", lead.version()).status())
                    .isEqualTo("unqualified");
        }

        @Test
        void theLockIsStoredAndOnlyAnAdminMaySetIt() {
            assertThat(workflow.lockedStatuses()).isTrue();
            assertThat(t.reopened().workflow().lockedStatuses()).isTrue();
            assertThat(thrownBy(AccessDeniedException.class, () -> workflow.setLockedStatuses(AYSE, false)).right())
                    .isEqualTo(Right.MANAGE_SETTINGS);

            workflow.setLockedStatuses(ADMIN, false);

            assertThat(t.reopened().workflow().lockedStatuses()).isFalse();
            Lead lead = aysesLead();
            assertThat(workflow.move(AYSE, lead.id(), "contacted", lead.version()).status()).isEqualTo("contacted");
        }

        @Test
        void aDealLinkedOnTheEventBusMovesTheLeadToOfferMade() {
            Lead lead = aysesLead();
            t.clock.advance(Duration.ofHours(1));

            t.kit.events().publish(new LeadEvent.DealLinked(lead.id().value(), "jonas", t.now(), "deal-7"));

            Lead moved = reload(lead);
            assertThat(moved.status()).isEqualTo("offer_made");
            assertThat(moved.version()).isEqualTo(lead.version() + 1);
            assertThat(moved.statusSince()).isEqualTo(t.now());
            HistoryEntry last = history(lead).get(history(lead).size() - 1);
            assertThat(last.action()).isEqualTo(HistoryAction.STATUS_AUTOMATED);
            assertThat(last.actorId()).isEqualTo("jonas");
            assertThat(last.at()).isEqualTo(t.now());
            assertThat(last.changes()).containsExactly(FieldChange.of("status", "new", "offer_made"),
                    FieldChange.of("trigger", null, "deal_linked"));
            assertThat(t.published).last().isEqualTo(
                    new LeadEvent.StatusChanged(lead.id().value(), "jonas", t.now(), "new", "offer_made", true));
            assertThat(workflow.statusHistory(AYSE, lead.id())).last().satisfies(c -> {
                assertThat(c.automatic()).isTrue();
                assertThat(c.to()).isEqualTo("offer_made");
            });
        }

        @Test
        void dealLinkedAnnouncesTheDealOnTheBusAndMovesTheLead() {
            Lead lead = aysesLead();

            workflow.dealLinked(JONAS, lead.id(), "deal-8");

            assertThat(reload(lead).status()).isEqualTo("offer_made");
            assertThat(t.published).containsSubsequence(
                    new LeadEvent.DealLinked(lead.id().value(), "jonas", t.now(), "deal-8"),
                    new LeadEvent.StatusChanged(lead.id().value(), "jonas", t.now(), "new", "offer_made", true));
        }

        @Test
        void dealLinkedNeedsTheEditRight() {
            Lead lead = aysesLead();
            t.kit.access().grant(AYSE, lead.id(), "lina", Set.of(Right.VIEW));

            assertThat(thrownBy(AccessDeniedException.class, () -> workflow.dealLinked(LINA, lead.id(), "deal-9")).right())
                    .isEqualTo(Right.EDIT);
            assertThat(reload(lead)).isEqualTo(lead);
            assertThat(t.published).noneMatch(e -> e instanceof LeadEvent.DealLinked);
        }

        @ParameterizedTest
        @EnumSource(value = AutoTrigger.class, names = {"CALL_LOGGED", "EMAIL_LOGGED", "NOTE_WITH_CONTACT_DATE"})
        void aLoggedCallEmailOrContactNoteMovesTheLeadToContacted(AutoTrigger trigger) {
            Lead lead = aysesLead();

            workflow.onTrigger(trigger, lead.id().value(), "ayse");

            assertThat(reload(lead).status()).isEqualTo("contacted");
            assertThat(history(lead).get(history(lead).size() - 1).changes())
                    .contains(FieldChange.of("trigger", null, trigger.key()));
        }

        @Test
        void theDefaultAutomaticMovesAreSeed002s() {
            assertThat(workflow.automaticMoves()).containsExactly(
                    entry(AutoTrigger.CALL_LOGGED, "contacted"), entry(AutoTrigger.EMAIL_LOGGED, "contacted"),
                    entry(AutoTrigger.NOTE_WITH_CONTACT_DATE, "contacted"), entry(AutoTrigger.DEAL_LINKED, "offer_made"));
        }

        @Test
        void aLeadTheTableDoesNotLetMoveToOfferMadeStaysWhereItIs() {
            Lead lost = closedAsLost(aysesLead());
            int before = t.published.size();

            workflow.dealLinked(AYSE, lost.id(), "deal-10");

            assertThat(reload(lost)).isEqualTo(lost);
            assertThat(t.published.subList(before, t.published.size()))
                    .noneMatch(e -> e instanceof LeadEvent.StatusChanged);
        }

        @Test
        void anExplicitTableWithoutTheMoveKeepsTheLeadToo() {
            workflow.setTransitions(ADMIN, Workflow.explicit(TABLE));
            Lead lead = aysesLead();

            workflow.dealLinked(AYSE, lead.id(), "deal-11");

            assertThat(reload(lead)).isEqualTo(lead);
        }

        @Test
        void aLeadAlreadyInTheTargetStatusIsLeftAlone() {
            Lead lead = aysesLead();
            workflow.dealLinked(AYSE, lead.id(), "deal-12");
            Lead offered = reload(lead);
            int entries = history(lead).size();

            workflow.dealLinked(AYSE, lead.id(), "deal-13");

            assertThat(reload(lead)).isEqualTo(offered);
            assertThat(history(lead)).hasSize(entries);
        }

        @Test
        void aDeletedLeadIsLeftAlone() {
            Lead lead = aysesLead();
            Lead deleted = t.kit.leads().delete(AYSE, lead.id());

            t.kit.events().publish(new LeadEvent.DealLinked(lead.id().value(), "ayse", t.now(), "deal-14"));

            assertThat(reload(lead)).isEqualTo(deleted);
        }

        @Test
        void anEventForAnUnknownLeadChangesNothingAndDoesNotThrow() {
            t.kit.events().publish(new LeadEvent.DealLinked("lead-404", "ayse", t.now(), "deal-15"));

            assertThat(t.published).containsExactly(new LeadEvent.DealLinked("lead-404", "ayse", t.now(), "deal-15"));
        }

        @Test
        void turningTheTriggerOffStopsTheAutomaticMove() {
            workflow.setAutomaticMove(ADMIN, AutoTrigger.DEAL_LINKED, Optional.empty());
            Lead lead = aysesLead();

            workflow.dealLinked(AYSE, lead.id(), "deal-16");

            assertThat(reload(lead)).isEqualTo(lead);
            assertThat(workflow.automaticMoves()).doesNotContainKey(AutoTrigger.DEAL_LINKED);
            assertThat(t.reopened().workflow().automaticMoves()).doesNotContainKey(AutoTrigger.DEAL_LINKED)
                    .containsEntry(AutoTrigger.CALL_LOGGED, "contacted");
        }

        @Test
        void aTriggerMayMoveToAnotherStatus() {
            workflow.setAutomaticMove(ADMIN, AutoTrigger.DEAL_LINKED, Optional.of("contacted"));
            Lead lead = aysesLead();

            workflow.dealLinked(AYSE, lead.id(), "deal-17");

            assertThat(reload(lead).status()).isEqualTo("contacted");
            assertThat(t.reopened().workflow().automaticMoves()).containsEntry(AutoTrigger.DEAL_LINKED, "contacted");
        }

        @Test
        void anAutomaticMoveMustLeadToAKnownOpenOrWorkingStatus() {
            assertThat(thrownBy(NotFoundException.class,
                    () -> workflow.setAutomaticMove(ADMIN, AutoTrigger.DEAL_LINKED, Optional.of("waiting"))).id())
                    .isEqualTo("waiting");
            for (String status : List.of("lost", "unqualified", "converted")) {
                ValidationException e = thrownBy(ValidationException.class,
                        () -> workflow.setAutomaticMove(ADMIN, AutoTrigger.DEAL_LINKED, Optional.of(status)));
                assertThat(e.errors()).as(status).extracting(FieldError::code)
                        .containsExactly("workflow.auto_move.not_open");
            }
            assertThat(thrownBy(AccessDeniedException.class,
                    () -> workflow.setAutomaticMove(AYSE, AutoTrigger.DEAL_LINKED, Optional.of("contacted"))).right())
                    .isEqualTo(Right.MANAGE_SETTINGS);
            assertThat(workflow.automaticMoves()).containsEntry(AutoTrigger.DEAL_LINKED, "offer_made");
        }

        @Test
        void aTriggerWhoseTargetBecameAClosedStatusNoLongerMovesLeads() {
            CatalogueService catalogues = t.kit.catalogues();
            catalogues.add(ADMIN, CatalogueKind.STATUS,
                    CatalogueEntry.status("quoted", StatusCategory.WORKING, Map.of("en", "Quoted")));
            workflow.setAutomaticMove(ADMIN, AutoTrigger.DEAL_LINKED, Optional.of("quoted"));
            catalogues.delete(ADMIN, CatalogueKind.STATUS, "quoted");
            catalogues.add(ADMIN, CatalogueKind.STATUS,
                    CatalogueEntry.status("quoted", StatusCategory.CLOSED, Map.of("en", "Quoted and dropped")));
            Lead lead = aysesLead();

            workflow.dealLinked(AYSE, lead.id(), "deal-20");

            assertThat(reload(lead)).as("a lead is never closed without a reason").isEqualTo(lead);
        }

        @Test
        void aFailingHostPublisherDoesNotStopTheAutomaticMove() {
            TestKit failing = TestKit.publishingTo(event -> {
                throw new IllegalStateException("broker down");
            });
            failing.kit.workflow().setLockedStatuses(ADMIN, true);
            Lead lead = failing.kit.leads().create(AYSE, egon().build());

            failing.kit.events().publish(new LeadEvent.DealLinked(lead.id().value(), "ayse", failing.now(), "deal-18"));

            assertThat(failing.kit.leads().get(AYSE, lead.id()).status()).isEqualTo("offer_made");
        }
    }

    @Nested
    class Unlocked {

        @Test
        void aDealLinkedChangesNothingWhileStatusesAreNotLocked() {
            Lead lead = aysesLead();

            t.kit.events().publish(new LeadEvent.DealLinked(lead.id().value(), "ayse", t.now(), "deal-19"));
            workflow.onTrigger(AutoTrigger.CALL_LOGGED, lead.id().value(), "ayse");

            assertThat(reload(lead)).isEqualTo(lead);
            assertThat(statusEvents()).isEmpty();
        }

        @Test
        void theHostsPublisherSeesEveryEvent() {
            List<LeadEvent> seen = new java.util.ArrayList<>();
            TestKit own = TestKit.publishingTo(seen::add);
            Lead lead = own.kit.leads().create(AYSE, egon().build());

            own.kit.workflow().move(AYSE, lead.id(), "contacted", lead.version());

            assertThat(seen).extracting(e -> e.getClass().getSimpleName()).containsExactly("Created", "StatusChanged");
        }
    }
}
