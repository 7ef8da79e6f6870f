package dev.leadkit.access;

import dev.leadkit.AccessDeniedException;
import dev.leadkit.Actor;
import dev.leadkit.ConflictException;
import dev.leadkit.ValidationException;
import dev.leadkit.activity.FieldChange;
import dev.leadkit.activity.HistoryAction;
import dev.leadkit.activity.HistoryEntry;
import dev.leadkit.event.LeadEvent;
import dev.leadkit.event.Notification;
import dev.leadkit.lead.Lead;
import dev.leadkit.lead.LeadField;
import dev.leadkit.lead.LeadPatch;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

import static dev.leadkit.access.Office.ADMIN;
import static dev.leadkit.access.Office.AYSE;
import static dev.leadkit.access.Office.JONAS;
import static dev.leadkit.access.Office.KEMAL;
import static dev.leadkit.access.Office.OWNER_RIGHTS;
import static dev.leadkit.access.Office.START;
import static dev.leadkit.access.Office.ZEYNEP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The access service (requirements P5–P9): claiming and assigning, history of every sharing
 * operation, who hears of changes, and how deleted, converted and closed leads limit rights.
 */
@DisplayName("AccessService")
class AccessServiceTest {

    private final Office office = Office.seed000();

    @Nested
    @DisplayName("claim and assign (P9)")
    class ClaimAndAssign {

        private final Lead inbox = office.unassignedLead();

        @Test
        void claimingAnUnassignedLeadMakesTheClaimerItsOwner() {
            Lead claimed = office.access().claim(KEMAL, inbox.id());

            assertThat(claimed.owner()).contains("kemal");
            assertThat(office.current(inbox).owner()).contains("kemal");
            assertThat(office.rightsOf(KEMAL, inbox)).containsExactlyInAnyOrderElementsOf(OWNER_RIGHTS);
            HistoryEntry entry = office.lastHistoryEntry(inbox);
            assertThat(entry.action()).isEqualTo(HistoryAction.CLAIMED);
            assertThat(entry.actorId()).isEqualTo("kemal");
            assertThat(entry.changes()).containsExactly(FieldChange.of("owner", null, "kemal"));
            assertThat(office.events).contains(
                    new LeadEvent.OwnerChanged(inbox.id().value(), "kemal", START, Optional.empty(), "kemal"));
            assertThat(office.notificationsTo(KEMAL)).as("nobody is told of their own claim").isEmpty();
        }

        @Test
        void claimingAnOwnedLeadIsAConflict() {
            Lead owned = office.leadOwnedBy(AYSE);

            assertThatThrownBy(() -> office.access().claim(KEMAL, owned.id()))
                    .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.code()).isEqualTo("lead.already_owned"));
            assertThat(office.current(owned).owner()).contains("ayse");
            assertThat(office.historyActions(owned)).containsExactly(HistoryAction.CREATED);
        }

        @Test
        void assigningToAColleagueMakesThemOwnerAndTellsThem() {
            Lead assigned = office.access().assign(AYSE, inbox.id(), "jonas");

            assertThat(assigned.owner()).contains("jonas");
            assertThat(office.notificationsTo(JONAS)).singleElement().satisfies(n -> {
                assertThat(n.kind()).isEqualTo("lead.assigned");
                assertThat(n.leadId()).contains(inbox.id().value());
                assertThat(n.params()).containsEntry("by", "ayse");
            });
            HistoryEntry entry = office.lastHistoryEntry(inbox);
            assertThat(entry.action()).isEqualTo(HistoryAction.ASSIGNED);
            assertThat(entry.actorId()).isEqualTo("ayse");
            assertThat(entry.changes()).containsExactly(FieldChange.of("owner", null, "jonas"));
            assertThat(office.events).contains(
                    new LeadEvent.OwnerChanged(inbox.id().value(), "ayse", START, Optional.empty(), "jonas"));
            assertThat(office.rightsOf(AYSE, inbox)).as("the assigner is in another team than the new owner").isEmpty();
        }

        @Test
        void claimingEndsTheFollowsOfInboxWatchersWhoCanNoLongerViewIt() {
            office.access().follow(JONAS, inbox.id());
            office.access().follow(ZEYNEP, inbox.id());

            office.access().claim(KEMAL, inbox.id());

            assertThat(office.sharing(inbox).followers()).containsExactly("zeynep");
        }

        @Test
        void assigningToSomeoneTheDirectoryDoesNotKnowIsInvalid() {
            assertThatThrownBy(() -> office.access().assign(AYSE, inbox.id(), "nobody"))
                    .isInstanceOfSatisfying(ValidationException.class, e ->
                            assertThat(e.errors()).extracting(error -> error.code()).containsExactly("access.user.unknown"));
            assertThat(office.current(inbox).owner()).isEmpty();
        }

        @Test
        void withAnOpenInboxEveryUserSeesAndMayFollowUnassignedLeads() {
            assertThat(office.leads().list(JONAS, 0, 10)).extracting(Lead::id).containsExactly(inbox.id());
            assertThat(office.rightsOf(JONAS, inbox)).containsExactlyInAnyOrder(Right.VIEW, Right.FOLLOW);
            assertThatThrownBy(() -> office.edit(JONAS, inbox, LeadField.CITY, "Kaunas"))
                    .isInstanceOfSatisfying(AccessDeniedException.class, e -> assertThat(e.right()).isEqualTo(Right.EDIT))
                    .hasMessageContaining("unassigned");
        }

        @Test
        @Timeout(10)
        void whenTwoUsersClaimTheSameLeadAtOnceExactlyOneGetsIt() throws Exception {
            ExecutorService threads = Executors.newFixedThreadPool(2);
            try {
                CyclicBarrier start = new CyclicBarrier(2);
                List<Future<Lead>> claims = new ArrayList<>();
                for (Actor claimer : List.of(KEMAL, JONAS)) {
                    claims.add(threads.submit(() -> {
                        start.await();
                        return office.access().claim(claimer, inbox.id());
                    }));
                }
                int won = 0;
                for (Future<Lead> claim : claims) {
                    try {
                        claim.get();
                        won++;
                    } catch (java.util.concurrent.ExecutionException e) {
                        assertThat(e.getCause()).isInstanceOfSatisfying(ConflictException.class,
                                c -> assertThat(c.code()).isEqualTo("lead.already_owned"));
                    }
                }
                assertThat(won).isEqualTo(1);
                assertThat(office.historyActions(inbox)).containsExactly(HistoryAction.CREATED, HistoryAction.CLAIMED);
            } finally {
                threads.shutdownNow();
            }
        }
    }

    @Nested
    @DisplayName("with the inbox closed to plain users")
    class ClosedInbox {

        private final Office office = Office.with(AccessRules.defaults().withInboxOpenToAll(false),
                directory -> directory.user("selin", "Selin Aydın").roles(Role.MANAGER).team("istanbul").add());
        private final Actor selin = Actor.of("selin");
        private final Lead inbox = office.unassignedLead();

        @Test
        void aPlainUserNeitherSeesNorClaimsUnassignedLeads() {
            assertThat(office.leads().list(KEMAL, 0, 10)).isEmpty();
            assertThat(office.leads().count(KEMAL)).isZero();
            assertThatThrownBy(() -> office.leads().get(KEMAL, inbox.id())).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> office.access().claim(KEMAL, inbox.id()))
                    .isInstanceOfSatisfying(AccessDeniedException.class, e -> {
                        assertThat(e.actorId()).isEqualTo("kemal");
                        assertThat(e.right()).isEqualTo(Right.TRANSFER);
                        assertThat(e.leadId()).contains(inbox.id().value());
                    })
                    .hasMessageContaining("inbox");
            assertThat(office.current(inbox).owner()).isEmpty();
        }

        @Test
        void aPlainUserCannotAssignUnassignedLeadsEither() {
            assertThatThrownBy(() -> office.access().assign(KEMAL, inbox.id(), "ayse")).isInstanceOf(AccessDeniedException.class);
        }

        @Test
        void aManagerSeesAndClaimsThem() {
            assertThat(office.leads().list(selin, 0, 10)).extracting(Lead::id).containsExactly(inbox.id());

            office.access().claim(selin, inbox.id());

            assertThat(office.current(inbox).owner()).contains("selin");
        }

        @Test
        void aManagerAssignsThemToAPlainUser() {
            office.access().assign(selin, inbox.id(), "kemal");

            assertThat(office.leads().list(KEMAL, 0, 10)).extracting(Lead::id).containsExactly(inbox.id());
        }
    }

    @Nested
    @DisplayName("every operation writes the lead's history")
    class History {

        private final Lead lead = office.leadOwnedBy(AYSE);

        @Test
        void grant() {
            office.access().grant(AYSE, lead.id(), "jonas", EnumSet.of(Right.EDIT));

            assertLastEntry(HistoryAction.GRANTED, AYSE, FieldChange.of("grant:jonas", null, "view,edit"));
        }

        @Test
        void grantingWhatIsAlreadyGrantedWritesNothing() {
            office.access().grant(AYSE, lead.id(), "jonas", EnumSet.of(Right.EDIT));
            office.access().grant(AYSE, lead.id(), "jonas", EnumSet.of(Right.VIEW, Right.EDIT));

            assertThat(office.historyActions(lead)).containsExactly(HistoryAction.CREATED, HistoryAction.GRANTED);
        }

        @Test
        void revoke() {
            office.access().grant(AYSE, lead.id(), "jonas", EnumSet.of(Right.EDIT));

            office.access().revoke(AYSE, lead.id(), "jonas", EnumSet.of(Right.EDIT));

            assertLastEntry(HistoryAction.REVOKED, AYSE, FieldChange.of("grant:jonas", "view,edit", "view"));
        }

        @Test
        void transferRecordsTheOwnerOldAndNew() {
            office.access().transfer(AYSE, lead.id(), "jonas", false);

            assertLastEntry(HistoryAction.TRANSFERRED, AYSE, FieldChange.of("owner", "ayse", "jonas"));
            assertThat(office.events).contains(
                    new LeadEvent.OwnerChanged(lead.id().value(), "ayse", START, Optional.of("ayse"), "jonas"));
        }

        @Test
        void transferKeepingAccessAlsoRecordsTheGrant() {
            office.access().transfer(AYSE, lead.id(), "jonas", true);

            assertLastEntry(HistoryAction.TRANSFERRED, AYSE,
                    FieldChange.of("owner", "ayse", "jonas"), FieldChange.of("grant:ayse", null, "view"));
        }

        @Test
        void accessRequestAndApproval() {
            AccessRequest request = office.access().requestAccess(JONAS, lead.id(), EnumSet.of(Right.VIEW));
            assertLastEntry(HistoryAction.ACCESS_REQUESTED, JONAS, FieldChange.of("request:" + request.id(), null, "view"));

            office.access().approve(AYSE, request.id());
            assertLastEntry(HistoryAction.ACCESS_APPROVED, AYSE, FieldChange.of("grant:jonas", null, "view"));
        }

        @Test
        void accessDenial() {
            AccessRequest request = office.access().requestAccess(JONAS, lead.id(), EnumSet.of(Right.VIEW));

            office.access().deny(AYSE, request.id());

            assertLastEntry(HistoryAction.ACCESS_DENIED, AYSE, FieldChange.of("request:" + request.id(), "pending", "denied"));
        }

        @Test
        void followAndUnfollow() {
            office.access().follow(KEMAL, lead.id());
            office.access().follow(KEMAL, lead.id());
            assertLastEntry(HistoryAction.FOLLOWED, KEMAL, FieldChange.of("follower:kemal", null, "following"));

            office.access().unfollow(KEMAL, lead.id());
            office.access().unfollow(KEMAL, lead.id());
            assertLastEntry(HistoryAction.UNFOLLOWED, KEMAL, FieldChange.of("follower:kemal", "following", null));

            assertThat(office.historyActions(lead)).as("following twice or unfollowing twice writes once")
                    .containsExactly(HistoryAction.CREATED, HistoryAction.FOLLOWED, HistoryAction.UNFOLLOWED);
        }

        @Test
        void claimAndAssign() {
            Lead claimed = office.unassignedLead();
            Lead assigned = office.unassignedLead();

            office.access().claim(KEMAL, claimed.id());
            office.access().assign(KEMAL, assigned.id(), "zeynep");

            assertThat(office.lastHistoryEntry(claimed)).satisfies(e -> {
                assertThat(e.action()).isEqualTo(HistoryAction.CLAIMED);
                assertThat(e.actorId()).isEqualTo("kemal");
            });
            assertThat(office.lastHistoryEntry(assigned)).satisfies(e -> {
                assertThat(e.action()).isEqualTo(HistoryAction.ASSIGNED);
                assertThat(e.actorId()).isEqualTo("kemal");
                assertThat(e.changes()).containsExactly(FieldChange.of("owner", null, "zeynep"));
            });
        }

        private void assertLastEntry(HistoryAction action, Actor actor, FieldChange... changes) {
            HistoryEntry entry = office.lastHistoryEntry(lead);
            assertThat(entry.action()).isEqualTo(action);
            assertThat(entry.actorId()).isEqualTo(actor.userId());
            assertThat(entry.at()).isEqualTo(START);
            assertThat(entry.changes()).containsExactly(changes);
        }
    }

    @Nested
    @DisplayName("who hears of a change (P8)")
    class Notifications {

        private final Lead lead = office.leadOwnedBy(AYSE);

        @Test
        void theOwnerIsNotifiedOfAnEditBySomeoneElseWithoutFollowing() {
            office.edit(KEMAL, lead, LeadField.COMPANY, "Demir Tekstil A.Ş.");

            assertThat(office.sharing(lead).followers()).isEmpty();
            assertThat(office.notificationsTo(AYSE)).singleElement().satisfies(n -> {
                assertThat(n.kind()).isEqualTo("lead.changed");
                assertThat(n.leadId()).contains(lead.id().value());
                assertThat(n.params()).containsEntry("by", "kemal").containsEntry("fields", "company");
            });
        }

        @Test
        void aFollowerIsNotified() {
            office.access().grant(AYSE, lead.id(), "jonas", EnumSet.of(Right.FOLLOW));
            office.access().follow(JONAS, lead.id());

            office.edit(KEMAL, lead, LeadField.CITY, "Bursa");

            assertThat(office.notificationKindsTo(JONAS)).containsExactly("lead.changed");
        }

        @Test
        void theEditorIsNeverNotifiedOfTheirOwnEdit() {
            office.access().follow(KEMAL, lead.id());

            office.edit(KEMAL, lead, LeadField.CITY, "Bursa");
            office.edit(AYSE, lead, LeadField.CITY, "Ankara");

            assertThat(office.notificationsTo(KEMAL)).extracting(n -> n.params().get("by")).containsExactly("ayse");
            assertThat(office.notificationsTo(AYSE)).extracting(n -> n.params().get("by")).containsExactly("kemal");
        }

        @Test
        void anUnfollowerIsNotNotified() {
            office.access().follow(KEMAL, lead.id());
            office.access().unfollow(KEMAL, lead.id());

            office.edit(ZEYNEP, lead, LeadField.CITY, "Bursa");

            assertThat(office.notificationsTo(KEMAL)).isEmpty();
        }

        @Test
        void revokingAFollowersGrantEndsTheirFollow() {
            office.access().grant(AYSE, lead.id(), "jonas", EnumSet.of(Right.FOLLOW));
            office.access().follow(JONAS, lead.id());

            office.access().revoke(AYSE, lead.id(), "jonas", EnumSet.of(Right.VIEW));
            office.edit(KEMAL, lead, LeadField.CITY, "Bursa");

            assertThat(office.access().followers(AYSE, lead.id())).doesNotContain("jonas");
            assertThat(office.sharing(lead).followers()).doesNotContain("jonas");
            assertThat(office.notificationsTo(JONAS)).isEmpty();
            assertThat(office.history(lead)).anySatisfy(e -> {
                assertThat(e.action()).isEqualTo(HistoryAction.UNFOLLOWED);
                assertThat(e.changes()).containsExactly(FieldChange.of("follower:jonas", "following", null));
            });
        }

        @Test
        void aFollowerWhoMovedToAnotherTeamIsNotNotifiedAnyMore() {
            office.access().follow(KEMAL, lead.id());

            office.directory.moveToTeam("kemal", "vilnius");
            office.edit(ZEYNEP, lead, LeadField.CITY, "Bursa");

            assertThat(office.notificationsTo(KEMAL)).isEmpty();
            assertThat(office.access().followers(AYSE, lead.id())).doesNotContain("kemal");
            assertThat(office.notificationKindsTo(AYSE)).containsExactly("lead.changed");
        }

        @Test
        void aTransferEndsTheFollowOfTheOldTeam() {
            office.access().follow(KEMAL, lead.id());

            office.access().transfer(AYSE, lead.id(), "jonas", false);
            office.edit(JONAS, lead, LeadField.CITY, "Vilnius");

            assertThat(office.sharing(lead).followers()).doesNotContain("kemal");
            assertThat(office.notificationsTo(KEMAL)).isEmpty();
        }

        @Test
        void theOwnerIsListedAsFollowerOnlyWhenTheyFollow() {
            assertThat(office.access().followers(KEMAL, lead.id())).isEmpty();

            office.access().follow(AYSE, lead.id());

            assertThat(office.access().followers(KEMAL, lead.id())).containsExactly("ayse");
        }
    }

    @Nested
    @DisplayName("deleted leads are read-only")
    class DeletedLeads {

        private final Lead lead = office.leadOwnedBy(AYSE);

        @Test
        void editingADeletedLeadIsAConflictForWhoeverCanView() {
            office.leads().delete(AYSE, lead.id());

            for (Actor viewer : List.of(AYSE, KEMAL, ADMIN)) {
                assertThatThrownBy(() -> office.edit(viewer, lead, LeadField.CITY, "İzmir"))
                        .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.code()).isEqualTo("lead.deleted"));
            }
            assertThat(office.current(lead).get(LeadField.CITY)).isEmpty();
        }

        @Test
        void onADeletedLeadOnlyViewAndDeleteRemain() {
            office.leads().delete(AYSE, lead.id());

            assertThat(office.rightsOf(AYSE, lead)).containsExactlyInAnyOrder(Right.VIEW, Right.DELETE);
            assertThat(office.rightsOf(KEMAL, lead)).containsExactlyInAnyOrder(Right.VIEW, Right.DELETE);
            assertThatThrownBy(() -> office.access().transfer(AYSE, lead.id(), "kemal", false))
                    .isInstanceOfSatisfying(AccessDeniedException.class, e -> assertThat(e.right()).isEqualTo(Right.TRANSFER))
                    .hasMessageContaining("deleted");
            assertThatThrownBy(() -> office.access().grant(AYSE, lead.id(), "jonas", EnumSet.of(Right.VIEW)))
                    .isInstanceOfSatisfying(AccessDeniedException.class, e -> assertThat(e.right()).isEqualTo(Right.GRANT));
            assertThatThrownBy(() -> office.access().follow(KEMAL, lead.id()))
                    .isInstanceOfSatisfying(AccessDeniedException.class, e -> assertThat(e.right()).isEqualTo(Right.FOLLOW));
            assertThatThrownBy(() -> office.access().requestAccess(JONAS, lead.id(), EnumSet.of(Right.VIEW)))
                    .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.code()).isEqualTo("lead.deleted"));
        }

        @Test
        void theOwnerRestoresItAndItIsEditableAgain() {
            office.leads().delete(AYSE, lead.id());

            office.leads().restore(AYSE, lead.id());
            office.edit(AYSE, lead, LeadField.CITY, "İzmir");

            assertThat(office.current(lead).get(LeadField.CITY)).contains("İzmir");
            assertThat(office.historyActions(lead)).containsExactly(
                    HistoryAction.CREATED, HistoryAction.DELETED, HistoryAction.RESTORED, HistoryAction.UPDATED);
        }

        @Test
        void someoneWhoCannotViewItCannotRestoreIt() {
            office.leads().delete(AYSE, lead.id());

            assertThatThrownBy(() -> office.leads().restore(JONAS, lead.id()))
                    .isInstanceOfSatisfying(AccessDeniedException.class, e -> assertThat(e.right()).isEqualTo(Right.DELETE));
            assertThat(office.current(lead).isDeleted()).isTrue();
        }

        @Test
        void aDeletedLeadLeavesListsButStaysInTheRecycleBin() {
            office.leads().delete(KEMAL, lead.id());

            assertThat(office.leads().list(AYSE, 0, 10)).isEmpty();
            assertThat(office.leads().listIncludingDeleted(AYSE, 0, 10)).extracting(Lead::id).containsExactly(lead.id());
            assertThat(office.leads().listIncludingDeleted(JONAS, 0, 10)).isEmpty();
        }
    }

    @Nested
    @DisplayName("converted leads are locked (seed 002)")
    class ConvertedLeads {

        private final Lead lead = office.leadOwnedBy(AYSE);

        @Test
        void aConvertedLeadIsLockedAgainstEdits() {
            office.markConverted(lead);

            assertThat(office.current(lead).status()).isEqualTo("converted");
            assertThat(office.access().convertLock()).isTrue();
            for (Actor anyone : List.of(AYSE, KEMAL, ADMIN)) {
                assertThat(office.rightsOf(anyone, lead)).containsExactlyInAnyOrder(Right.VIEW, Right.FOLLOW);
                assertThatThrownBy(() -> office.edit(anyone, lead, LeadField.CITY, "İzmir"))
                        .isInstanceOfSatisfying(AccessDeniedException.class, e -> assertThat(e.right()).isEqualTo(Right.EDIT))
                        .hasMessageContaining("converted")
                        .hasMessageContaining("locked");
            }
        }

        @Test
        void withTheLockTurnedOffAConvertedLeadIsEditable() {
            office.markConverted(lead);

            office.access().setConvertLock(ADMIN, false);
            office.edit(AYSE, lead, LeadField.CITY, "İzmir");

            assertThat(office.access().convertLock()).isFalse();
            assertThat(office.current(lead).get(LeadField.CITY)).contains("İzmir");
            assertThat(office.rightsOf(AYSE, lead)).containsExactlyInAnyOrderElementsOf(OWNER_RIGHTS);
        }

        @Test
        void onlyAnAdminTurnsTheLockOff() {
            assertThatThrownBy(() -> office.access().setConvertLock(AYSE, false))
                    .isInstanceOfSatisfying(AccessDeniedException.class, e -> {
                        assertThat(e.right()).isEqualTo(Right.MANAGE_SETTINGS);
                        assertThat(e.actorId()).isEqualTo("ayse");
                        assertThat(e.leadId()).isEmpty();
                    });
            assertThat(office.access().convertLock()).isTrue();
        }

        @Test
        void noPatchReachesTheConvertedStatus() {
            assertThatThrownBy(() -> office.edit(AYSE, lead, LeadField.STATUS, "converted"))
                    .isInstanceOf(dev.leadkit.InvalidTransitionException.class).hasMessageContaining("converting");
            assertThat(office.rightsOf(KEMAL, lead)).doesNotContain(Right.CONVERT);
            assertThat(office.current(lead).status()).isEqualTo("new");
        }
    }

    @Nested
    @DisplayName("closing needs the close right")
    class Closing {

        private final Lead lead = office.leadOwnedBy(AYSE);

        @ParameterizedTest
        @ValueSource(strings = {"lost", "unqualified"})
        void aTeamMemberCannotClose(String closedStatus) {
            assertThatThrownBy(() -> office.close(KEMAL, lead, closedStatus))
                    .isInstanceOfSatisfying(AccessDeniedException.class, e -> {
                        assertThat(e.right()).isEqualTo(Right.CLOSE);
                        assertThat(e.actorId()).isEqualTo("kemal");
                    });
            assertThat(office.current(lead).status()).isEqualTo("new");
        }

        @ParameterizedTest
        @ValueSource(strings = {"lost", "unqualified"})
        void theOwnerCloses(String closedStatus) {
            office.close(AYSE, lead, closedStatus);

            assertThat(office.current(lead).status()).isEqualTo(closedStatus);
        }

        @Test
        void aTeamMemberMovesTheLeadAlongTheOpenStatuses() {
            office.edit(KEMAL, lead, LeadField.STATUS, "contacted");

            assertThat(office.current(lead).status()).isEqualTo("contacted");
        }
    }

    @Nested
    @DisplayName("concurrent changes")
    class Concurrency {

        private final InterleavingStore store = new InterleavingStore();
        private final Office office = Office.with(AccessRules.defaults(), UnaryOperator.identity(), store);
        private final Lead lead = office.leadOwnedBy(AYSE);

        @Test
        void aTransferThatLosesTheRaceToAnEditIsRetriedAndKeepsTheEdit() {
            store.interleave(1, () -> office.edit(ZEYNEP, lead, LeadField.COMPANY, "Kaya Lojistik A.Ş."));

            office.access().transfer(AYSE, lead.id(), "kemal", false);

            Lead now = office.current(lead);
            assertThat(now.owner()).contains("kemal");
            assertThat(now.company()).contains("Kaya Lojistik A.Ş.");
            assertThat(now.version()).isEqualTo(lead.version() + 2);
            assertThat(office.historyActions(lead))
                    .containsExactly(HistoryAction.CREATED, HistoryAction.UPDATED, HistoryAction.TRANSFERRED);
            assertThat(office.notificationKindsTo(KEMAL)).as("the failed attempt told nobody").containsExactly("lead.assigned");
        }

        @Test
        void aTransferSurvivesTwoLostRaces() {
            List<String> companies = new ArrayList<>(List.of("Kaya Lojistik A.Ş.", "Kaya Holding A.Ş."));
            store.interleave(2, () -> office.edit(ZEYNEP, lead, LeadField.COMPANY, companies.remove(0)));

            office.access().transfer(AYSE, lead.id(), "kemal", false);

            Lead now = office.current(lead);
            assertThat(now.owner()).contains("kemal");
            assertThat(now.company()).contains("Kaya Holding A.Ş.");
            assertThat(office.historyActions(lead)).containsExactly(HistoryAction.CREATED, HistoryAction.UPDATED,
                    HistoryAction.UPDATED, HistoryAction.TRANSFERRED);
        }

        @Test
        void aTransferThatKeepsLosingGivesUpAndLeavesNoTrace() {
            AtomicInteger edits = new AtomicInteger();
            store.interleave(Integer.MAX_VALUE, () -> office.edit(ZEYNEP, lead, LeadField.DESCRIPTION,
                    "edit " + edits.incrementAndGet()));
            try {
                assertThatThrownBy(() -> office.access().transfer(AYSE, lead.id(), "kemal", false))
                        .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.code()).isEqualTo("lead.version.stale"));
            } finally {
                store.stop();
            }

            assertThat(office.current(lead).owner()).contains("ayse");
            assertThat(office.historyActions(lead)).doesNotContain(HistoryAction.TRANSFERRED);
            assertThat(office.notificationsTo(KEMAL)).isEmpty();
        }

        @Test
        void anEditBasedOnTheVersionBeforeATransferIsRefusedNotAppliedOverIt() {
            long seen = lead.version();
            office.access().transfer(AYSE, lead.id(), "kemal", false);

            assertThatThrownBy(() -> office.leads().update(ZEYNEP, lead.id(),
                    LeadPatch.builder().set(LeadField.COMPANY, "Kaya Lojistik A.Ş.").build(), seen))
                    .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.code()).isEqualTo("lead.version.stale"));

            office.edit(ZEYNEP, lead, LeadField.COMPANY, "Kaya Lojistik A.Ş.");
            assertThat(office.current(lead).owner()).contains("kemal");
            assertThat(office.current(lead).company()).contains("Kaya Lojistik A.Ş.");
        }

        @Test
        void sharingNeverConflictsWithEditing() {
            store.interleave(1, () -> office.edit(ZEYNEP, lead, LeadField.COMPANY, "Kaya Lojistik A.Ş."));

            office.access().grant(AYSE, lead.id(), "jonas", EnumSet.of(Right.EDIT));

            assertThat(office.current(lead).company()).contains("Kaya Lojistik A.Ş.");
            assertThat(office.rightsOf(JONAS, lead)).containsExactlyInAnyOrder(Right.VIEW, Right.EDIT);
        }

        @Test
        @Timeout(30)
        void transfersAndEditsRacingOnThreadsLoseNoChange() throws Exception {
            int rounds = 40;
            ExecutorService threads = Executors.newFixedThreadPool(2);
            try {
                for (int round = 0; round < rounds; round++) {
                    Actor from = round % 2 == 0 ? AYSE : KEMAL;
                    String to = round % 2 == 0 ? "kemal" : "ayse";
                    String description = "round " + round;
                    CyclicBarrier start = new CyclicBarrier(2);
                    Callable<Object> transfer = () -> {
                        start.await();
                        return office.access().transfer(from, lead.id(), to, false);
                    };
                    Callable<Object> edit = () -> {
                        start.await();
                        return editRetryingOnStaleVersion(description);
                    };
                    Future<Object> transferred = threads.submit(transfer);
                    Future<Object> edited = threads.submit(edit);
                    transferred.get(10, TimeUnit.SECONDS);
                    edited.get(10, TimeUnit.SECONDS);

                    Lead now = office.current(lead);
                    assertThat(now.owner()).contains(to);
                    assertThat(now.get(LeadField.DESCRIPTION)).contains(description);
                }
            } finally {
                threads.shutdownNow();
            }

            List<HistoryAction> actions = office.historyActions(lead);
            assertThat(actions).filteredOn(HistoryAction.TRANSFERRED::equals).hasSize(rounds);
            assertThat(actions).filteredOn(HistoryAction.UPDATED::equals).hasSize(rounds);
            assertThat(office.current(lead).version()).isEqualTo(1 + 2L * rounds);
        }

        /** Zeynep, in the team of both owners, edits the way a caller does: reload and retry on a stale version. */
        private Lead editRetryingOnStaleVersion(String description) {
            while (true) {
                try {
                    return office.edit(ZEYNEP, lead, LeadField.DESCRIPTION, description);
                } catch (ConflictException e) {
                    if (!e.code().equals("lead.version.stale")) {
                        throw e;
                    }
                }
            }
        }
    }

    @Test
    void theServiceNamesTheRightsOfAnyoneOnALead() {
        Lead lead = office.leadOwnedBy(AYSE);

        assertThat(office.access().can(AYSE, Right.TRANSFER, lead.id())).isTrue();
        assertThat(office.access().can(KEMAL, Right.TRANSFER, lead.id())).isFalse();
        assertThat(office.access().rights(Actor.of("stranger"), lead.id())).as("unknown users hold nothing").isEmpty();
    }

    @Test
    void anInactiveUserHoldsNothingEvenOnTheirOwnLead() {
        Lead lead = office.leadOwnedBy(AYSE);

        office.directory.setActive("ayse", false);

        assertThat(office.rightsOf(AYSE, lead)).isEmpty();
        assertThatThrownBy(() -> office.leads().get(AYSE, lead.id()))
                .isInstanceOf(AccessDeniedException.class).hasMessageContaining("inactive");
        assertThatThrownBy(() -> office.leads().list(AYSE, 0, 10)).isInstanceOf(AccessDeniedException.class);
        assertThat(office.rightsOf(KEMAL, lead)).as("the team keeps its rights").containsAll(Office.TEAM_RIGHTS);
    }

    @Test
    void notificationsCarryTheClocksTime() {
        Lead lead = office.leadOwnedBy(AYSE);
        office.clock.advance(java.time.Duration.ofMinutes(5));

        office.edit(KEMAL, lead, LeadField.CITY, "Bursa");

        assertThat(office.notificationsTo(AYSE)).extracting(Notification::at).containsExactly(START.plusSeconds(300));
    }
}
