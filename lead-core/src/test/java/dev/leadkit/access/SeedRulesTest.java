package dev.leadkit.access;

import dev.leadkit.AccessDeniedException;
import dev.leadkit.Actor;
import dev.leadkit.ConflictException;
import dev.leadkit.ValidationException;
import dev.leadkit.activity.HistoryEntry;
import dev.leadkit.event.Notification;
import dev.leadkit.lead.Lead;
import dev.leadkit.lead.LeadField;
import dev.leadkit.lead.LeadPatch;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static dev.leadkit.access.Office.ADMIN;
import static dev.leadkit.access.Office.AYSE;
import static dev.leadkit.access.Office.JONAS;
import static dev.leadkit.access.Office.KEMAL;
import static dev.leadkit.access.Office.METTE;
import static dev.leadkit.access.Office.OWNER_RIGHTS;
import static dev.leadkit.access.Office.RASA;
import static dev.leadkit.access.Office.TEAM_RIGHTS;
import static dev.leadkit.access.Office.ZEYNEP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Seed 000 (a Turkish CRM's help page on leads) under the default {@link AccessRules}: the owner's
 * rights, the team rule, grants to other teams, transfer, follow and access requests
 * (requirements P3–P8, P10).
 */
@DisplayName("Seed 000: who may do what with a lead")
class SeedRulesTest {

    /** How a user stands to a lead owned by Ayşe of the Istanbul team. */
    enum Relation {
        OWNER(AYSE), SAME_TEAM(KEMAL), OTHER_TEAM(JONAS);

        final Actor actor;

        Relation(Actor actor) {
            this.actor = actor;
        }
    }

    private final Office office = Office.seed000();
    private final Lead lead = office.leadOwnedBy(AYSE);

    @ParameterizedTest(name = "{0} holds {1}: {2}")
    @DisplayName("each relation holds exactly the rights seed 000 lists")
    @CsvSource(delimiter = '|', textBlock = """
            # Lead Sahibinin Yetkileri: Görüntüleme, Düzenleme, Silme, Çevirme, Etiketleme, Kapatma,
            # Yetkilendirme, Transfer etme — and, as anyone who can view (P8), Takip Etme.
            OWNER      | VIEW     | true
            OWNER      | EDIT     | true
            OWNER      | DELETE   | true
            OWNER      | CONVERT  | true
            OWNER      | TAG      | true
            OWNER      | CLOSE    | true
            OWNER      | GRANT    | true
            OWNER      | TRANSFER | true
            OWNER      | FOLLOW   | true
            # Aynı takımdaki kullanıcılar … görüntüleyebilir, düzenleyebilir ve silebilir; etiketleme and takip
            # need only the owner or the owner's team. Granting and transferring are the owner's alone.
            SAME_TEAM  | VIEW     | true
            SAME_TEAM  | EDIT     | true
            SAME_TEAM  | DELETE   | true
            SAME_TEAM  | CONVERT  | false
            SAME_TEAM  | TAG      | true
            SAME_TEAM  | CLOSE    | false
            SAME_TEAM  | GRANT    | false
            SAME_TEAM  | TRANSFER | false
            SAME_TEAM  | FOLLOW   | true
            # Anyone else must ask the owner for access (yetkilendirme talep edilmelidir).
            OTHER_TEAM | VIEW     | false
            OTHER_TEAM | EDIT     | false
            OTHER_TEAM | DELETE   | false
            OTHER_TEAM | CONVERT  | false
            OTHER_TEAM | TAG      | false
            OTHER_TEAM | CLOSE    | false
            OTHER_TEAM | GRANT    | false
            OTHER_TEAM | TRANSFER | false
            OTHER_TEAM | FOLLOW   | false
            """)
    void eachRelationHoldsTheSeedsRights(Relation relation, Right right, boolean holds) {
        assertThat(office.access().can(relation.actor, right, lead.id())).isEqualTo(holds);
    }

    @ParameterizedTest(name = "{0} exercising {1}: allowed {2}")
    @DisplayName("the services enforce the same rights (conversion has no operation before K8; its right is in the table above)")
    @CsvSource(delimiter = '|', textBlock = """
            OWNER     | VIEW     | true
            OWNER     | EDIT     | true
            OWNER     | DELETE   | true
            OWNER     | TAG      | true
            OWNER     | CLOSE    | true
            OWNER     | GRANT    | true
            OWNER     | TRANSFER | true
            OWNER     | FOLLOW   | true
            SAME_TEAM | VIEW     | true
            SAME_TEAM | EDIT     | true
            SAME_TEAM | DELETE   | true
            SAME_TEAM | TAG      | true
            SAME_TEAM | CLOSE    | false
            SAME_TEAM | GRANT    | false
            SAME_TEAM | TRANSFER | false
            SAME_TEAM | FOLLOW   | true
            """)
    void theServicesEnforceTheSeedsRights(Relation relation, Right right, boolean allowed) {
        ThrowingCallable exercise = exercising(relation.actor, right);
        if (allowed) {
            assertThatCode(exercise).doesNotThrowAnyException();
        } else {
            long versionBefore = office.current(lead).version();
            int historyBefore = office.history(lead).size();

            AccessDeniedException denied = catchThrowableOfType(AccessDeniedException.class, exercise);

            assertThat(denied).as("refusal").isNotNull();
            assertThat(denied.right()).isEqualTo(right);
            assertThat(denied.actorId()).isEqualTo(relation.actor.userId());
            assertThat(denied.leadId()).contains(lead.id().value());
            assertThat(office.current(lead).version()).isEqualTo(versionBefore);
            assertThat(office.history(lead)).hasSize(historyBefore);
        }
    }

    private ThrowingCallable exercising(Actor actor, Right right) {
        switch (right) {
            case VIEW:
                return () -> office.leads().get(actor, lead.id());
            case EDIT:
                return () -> office.edit(actor, lead, LeadField.TITLE, "Satın Alma Müdürü");
            case DELETE:
                return () -> office.leads().delete(actor, lead.id());
            case TAG:
                return () -> office.leads().tag(actor, lead.id(), Set.of("vip"));
            case CLOSE:
                return () -> office.close(actor, lead, "lost");
            case GRANT:
                return () -> office.access().grant(actor, lead.id(), "mette", Set.of(Right.VIEW));
            case TRANSFER:
                return () -> office.access().transfer(actor, lead.id(), "mette", false);
            case FOLLOW:
                return () -> office.access().follow(actor, lead.id());
            default:
                throw new IllegalArgumentException(right + " has no operation to exercise");
        }
    }

    @Test
    void theOwnerHoldsTheEightOwnerRightsAndFollowAndNothingElse() {
        assertThat(office.rightsOf(AYSE, lead)).containsExactlyInAnyOrderElementsOf(OWNER_RIGHTS);
    }

    @Test
    void aSameTeamUserHoldsViewEditDeleteTagAndFollowOnly() {
        assertThat(office.rightsOf(KEMAL, lead)).containsExactlyInAnyOrderElementsOf(TEAM_RIGHTS);
    }

    @Nested
    @DisplayName("a user of another team")
    class OtherTeam {

        @Test
        void holdsNoRight() {
            assertThat(office.rightsOf(JONAS, lead)).isEmpty();
        }

        @Test
        void cannotReadTheLeadNorItsHistoryNorSeeItInLists() {
            assertRefused(() -> office.leads().get(JONAS, lead.id()), Right.VIEW);
            assertRefused(() -> office.leads().history(JONAS, lead.id()), Right.VIEW);
            assertThat(office.leads().list(JONAS, 0, 100)).isEmpty();
            assertThat(office.leads().count(JONAS)).isZero();
        }

        @Test
        void cannotChangeOrDeleteTheLeadAndNothingChanges() {
            Lead before = office.current(lead);
            List<HistoryEntry> historyBefore = office.history(lead);

            assertRefused(() -> office.leads().update(JONAS, lead.id(),
                    LeadPatch.builder().set(LeadField.COMPANY, "Jonas UAB").build(), before.version()), Right.EDIT);
            assertRefused(() -> office.leads().delete(JONAS, lead.id()), Right.DELETE);

            Lead after = office.current(lead);
            assertThat(after.version()).isEqualTo(before.version());
            assertThat(after.company()).contains("Gardinfirmaet ApS");
            assertThat(after.isDeleted()).isFalse();
            assertThat(office.history(lead)).isEqualTo(historyBefore);
            assertThat(office.events).hasSize(1); // the creation only
        }

        /** Regression: the refusal named VIEW, not the EDIT right an update needs (P10). */
        @Test
        void anUpdateByAUserWhoCannotViewTheLeadIsRefusedNamingEditAndRevealsNoVersion() {
            long wrongVersion = office.current(lead).version() + 7;

            assertRefused(() -> office.leads().update(JONAS, lead.id(),
                    LeadPatch.builder().set(LeadField.COMPANY, "Jonas UAB").build(), wrongVersion), Right.EDIT);
        }

        private void assertRefused(ThrowingCallable call, Right right) {
            assertThatThrownBy(call)
                    .isInstanceOfSatisfying(AccessDeniedException.class, denied -> {
                        assertThat(denied.actorId()).isEqualTo("jonas");
                        assertThat(denied.right()).isEqualTo(right);
                        assertThat(denied.leadId()).contains(lead.id().value());
                        assertThat(denied.code()).isEqualTo("access.denied");
                    })
                    .hasMessageContaining("'jonas'")
                    .hasMessageContaining(right.key() + " right")
                    .hasMessageContaining("'" + lead.id().value() + "'");
        }
    }

    @Nested
    @DisplayName("grants to users of other teams (P5)")
    class Grants {

        @Test
        void theGrantableRightsAreExactlyViewEditDeleteTagAndFollow() {
            assertThat(LeadAccess.GRANTABLE)
                    .containsExactlyInAnyOrder(Right.VIEW, Right.EDIT, Right.DELETE, Right.TAG, Right.FOLLOW);
        }

        @ParameterizedTest
        @EnumSource(value = Right.class, mode = EnumSource.Mode.EXCLUDE, names = {"VIEW", "EDIT", "DELETE", "TAG", "FOLLOW"})
        void noOtherRightCanBeGranted(Right right) {
            assertThatThrownBy(() -> office.access().grant(AYSE, lead.id(), "jonas", EnumSet.of(Right.VIEW, right)))
                    .isInstanceOfSatisfying(ValidationException.class, e ->
                            assertThat(e.errors()).singleElement().satisfies(error -> {
                                assertThat(error.field()).isEqualTo("rights");
                                assertThat(error.code()).isEqualTo("access.right.not_grantable");
                            }));
            assertThat(office.rightsOf(JONAS, lead)).isEmpty();
            assertThat(office.sharing(lead).grants()).isEmpty();
        }

        @ParameterizedTest(name = "granting {0} gives {1}")
        @CsvSource(delimiter = '|', textBlock = """
                VIEW            | VIEW
                EDIT            | VIEW,EDIT
                DELETE          | VIEW,DELETE
                TAG             | VIEW,TAG
                FOLLOW          | VIEW,FOLLOW
                VIEW,EDIT,TAG   | VIEW,EDIT,TAG
                EDIT,DELETE,TAG,FOLLOW | VIEW,EDIT,DELETE,TAG,FOLLOW
                """)
        void aGrantGivesExactlyTheGrantedRightsPlusView(String granted, String held) {
            office.access().grant(AYSE, lead.id(), "jonas", rights(granted));

            assertThat(office.rightsOf(JONAS, lead)).isEqualTo(rights(held));
        }

        @Test
        void aGrantedRightIsUsableAndAnUngrantedOneIsNot() {
            office.access().grant(AYSE, lead.id(), "jonas", EnumSet.of(Right.EDIT));

            office.edit(JONAS, lead, LeadField.COMPANY, "Petraitis UAB");
            assertThat(office.current(lead).company()).contains("Petraitis UAB");
            assertThatThrownBy(() -> office.leads().delete(JONAS, lead.id()))
                    .isInstanceOfSatisfying(AccessDeniedException.class, e -> assertThat(e.right()).isEqualTo(Right.DELETE));
            assertThat(office.leads().list(JONAS, 0, 10)).extracting(Lead::id).containsExactly(lead.id());
        }

        @Test
        void revokingTakesTheRightsBack() {
            office.access().grant(AYSE, lead.id(), "jonas", EnumSet.of(Right.EDIT, Right.TAG));

            office.access().revoke(AYSE, lead.id(), "jonas", EnumSet.of(Right.EDIT));

            assertThat(office.rightsOf(JONAS, lead)).containsExactlyInAnyOrder(Right.VIEW, Right.TAG);
            assertThatThrownBy(() -> office.edit(JONAS, lead, LeadField.COMPANY, "Petraitis UAB"))
                    .isInstanceOfSatisfying(AccessDeniedException.class, e -> assertThat(e.right()).isEqualTo(Right.EDIT));
        }

        @Test
        void revokingViewTakesEverythingBack() {
            office.access().grant(AYSE, lead.id(), "jonas", EnumSet.of(Right.EDIT, Right.TAG));

            office.access().revoke(AYSE, lead.id(), "jonas", EnumSet.of(Right.VIEW));

            assertThat(office.rightsOf(JONAS, lead)).isEmpty();
            assertThat(office.sharing(lead).grants()).doesNotContainKey("jonas");
            assertThat(office.leads().list(JONAS, 0, 10)).isEmpty();
        }

        @Test
        void grantingToTheOwnerOrToAnUnknownUserIsInvalid() {
            assertThatThrownBy(() -> office.access().grant(AYSE, lead.id(), "ayse", EnumSet.of(Right.EDIT)))
                    .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                            .extracting(error -> error.code()).containsExactly("access.grantee.is_owner"));
            assertThatThrownBy(() -> office.access().grant(AYSE, lead.id(), "nobody", EnumSet.of(Right.EDIT)))
                    .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                            .extracting(error -> error.code()).containsExactly("access.user.unknown"));
            assertThat(office.sharing(lead).grants()).isEmpty();
        }

        @Test
        void onlyTheOwnerGrantsNotTheOwnersTeam() {
            assertThatThrownBy(() -> office.access().grant(KEMAL, lead.id(), "jonas", EnumSet.of(Right.VIEW)))
                    .isInstanceOfSatisfying(AccessDeniedException.class, e -> assertThat(e.right()).isEqualTo(Right.GRANT));
            assertThatThrownBy(() -> office.access().revoke(KEMAL, lead.id(), "jonas", EnumSet.of(Right.VIEW)))
                    .isInstanceOfSatisfying(AccessDeniedException.class, e -> assertThat(e.right()).isEqualTo(Right.GRANT));
        }

        private Set<Right> rights(String names) {
            EnumSet<Right> set = EnumSet.noneOf(Right.class);
            for (String name : names.split(",")) {
                set.add(Right.valueOf(name.trim()));
            }
            return set;
        }
    }

    @Nested
    @DisplayName("transfer (P7)")
    class Transfer {

        @Test
        void theNewOwnerHoldsEveryOwnerRight() {
            office.access().transfer(AYSE, lead.id(), "jonas", false);

            assertThat(office.current(lead).owner()).contains("jonas");
            assertThat(office.rightsOf(JONAS, lead)).containsExactlyInAnyOrderElementsOf(OWNER_RIGHTS);
        }

        @Test
        void ownerWhoTransfersWithoutKeepingAccessCannotSeeTheLead() {
            office.access().transfer(AYSE, lead.id(), "jonas", false);

            assertThat(office.rightsOf(AYSE, lead)).isEmpty();
            assertThatThrownBy(() -> office.leads().get(AYSE, lead.id()))
                    .isInstanceOfSatisfying(AccessDeniedException.class, e -> {
                        assertThat(e.actorId()).isEqualTo("ayse");
                        assertThat(e.right()).isEqualTo(Right.VIEW);
                        assertThat(e.leadId()).contains(lead.id().value());
                    });
            assertThat(office.leads().list(AYSE, 0, 100)).extracting(Lead::id).doesNotContain(lead.id());
            assertThat(office.leads().count(AYSE)).isZero();
        }

        @Test
        void ownerWhoKeepsAccessHoldsViewOnlyAsAnExplicitGrant() {
            office.access().transfer(AYSE, lead.id(), "jonas", true);

            assertThat(office.rightsOf(AYSE, lead)).containsExactly(Right.VIEW);
            assertThat(office.sharing(lead).grantedTo("ayse")).containsExactly(Right.VIEW);
            assertThat(office.leads().get(AYSE, lead.id()).owner()).contains("jonas");
            assertThatThrownBy(() -> office.edit(AYSE, lead, LeadField.COMPANY, "Yılmaz A.Ş."))
                    .isInstanceOfSatisfying(AccessDeniedException.class, e -> assertThat(e.right()).isEqualTo(Right.EDIT));
        }

        @Test
        void theKeptAccessIsAGrantTheNewOwnerCanRevoke() {
            office.access().transfer(AYSE, lead.id(), "jonas", true);

            office.access().revoke(JONAS, lead.id(), "ayse", EnumSet.of(Right.VIEW));

            assertThat(office.rightsOf(AYSE, lead)).isEmpty();
        }

        @Test
        void theOldTeamLosesTheTeamRightsAndTheNewOwnersTeamGainsThem() {
            office.access().transfer(AYSE, lead.id(), "jonas", false);

            assertThat(office.rightsOf(KEMAL, lead)).isEmpty();
            assertThat(office.leads().list(KEMAL, 0, 100)).isEmpty();
            assertThat(office.rightsOf(RASA, lead)).containsExactlyInAnyOrderElementsOf(TEAM_RIGHTS);
            assertThat(office.leads().list(RASA, 0, 100)).extracting(Lead::id).containsExactly(lead.id());
        }

        @Test
        void aFormerOwnerInTheNewOwnersTeamKeepsTheTeamsRightsButNoOwnerRight() {
            office.access().transfer(AYSE, lead.id(), "kemal", false);

            assertThat(office.rightsOf(AYSE, lead)).containsExactlyInAnyOrderElementsOf(TEAM_RIGHTS);
            assertThat(office.rightsOf(ZEYNEP, lead)).containsExactlyInAnyOrderElementsOf(TEAM_RIGHTS);
            assertThat(office.rightsOf(KEMAL, lead)).containsExactlyInAnyOrderElementsOf(OWNER_RIGHTS);
            assertThatThrownBy(() -> office.access().transfer(AYSE, lead.id(), "ayse", false))
                    .isInstanceOfSatisfying(AccessDeniedException.class, e -> assertThat(e.right()).isEqualTo(Right.TRANSFER));
        }

        @Test
        void aGrantTheNewOwnerHeldBeforeIsReplacedByOwnership() {
            office.access().grant(AYSE, lead.id(), "jonas", EnumSet.of(Right.VIEW));

            office.access().transfer(AYSE, lead.id(), "jonas", false);

            assertThat(office.sharing(lead).grants()).doesNotContainKey("jonas");
            assertThat(office.rightsOf(JONAS, lead)).containsExactlyInAnyOrderElementsOf(OWNER_RIGHTS);
        }

        @Test
        void aTransferNamesAnotherActiveUser() {
            office.directory.setActive("mette", false);

            assertThatThrownBy(() -> office.access().transfer(AYSE, lead.id(), "ayse", false))
                    .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                            .extracting(error -> error.code()).containsExactly("access.transfer.same_owner"));
            assertThatThrownBy(() -> office.access().transfer(AYSE, lead.id(), "mette", false))
                    .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                            .extracting(error -> error.code()).containsExactly("access.user.unknown"));
            assertThat(office.current(lead).owner()).contains("ayse");
        }

        @Test
        void theNewOwnerIsNotified() {
            office.access().transfer(AYSE, lead.id(), "jonas", false);

            assertThat(office.notificationsTo(JONAS)).singleElement().satisfies(n -> {
                assertThat(n.kind()).isEqualTo("lead.assigned");
                assertThat(n.leadId()).contains(lead.id().value());
                assertThat(n.params()).containsEntry("by", "ayse");
            });
        }
    }

    @Nested
    @DisplayName("follow (P8)")
    class Follow {

        @Test
        void aUserWhoCannotViewCannotFollow() {
            assertThatThrownBy(() -> office.access().follow(JONAS, lead.id()))
                    .isInstanceOfSatisfying(AccessDeniedException.class, e -> {
                        assertThat(e.right()).isEqualTo(Right.FOLLOW);
                        assertThat(e.actorId()).isEqualTo("jonas");
                    });
            assertThat(office.sharing(lead).followers()).isEmpty();
        }

        @Test
        void aGrantWithoutFollowDoesNotAllowFollowing() {
            office.access().grant(AYSE, lead.id(), "jonas", EnumSet.of(Right.VIEW, Right.EDIT));

            assertThatThrownBy(() -> office.access().follow(JONAS, lead.id()))
                    .isInstanceOfSatisfying(AccessDeniedException.class, e -> assertThat(e.right()).isEqualTo(Right.FOLLOW));
        }

        @Test
        void aGrantWithFollowAllowsFollowing() {
            office.access().grant(AYSE, lead.id(), "jonas", EnumSet.of(Right.VIEW, Right.FOLLOW));

            office.access().follow(JONAS, lead.id());

            assertThat(office.access().followers(AYSE, lead.id())).containsExactly("jonas");
        }

        @Test
        void aTeamMemberFollowsWithoutAnyGrant() {
            office.access().follow(KEMAL, lead.id());

            assertThat(office.access().followers(AYSE, lead.id())).containsExactly("kemal");
        }
    }

    @Nested
    @DisplayName("access requests (P6)")
    class AccessRequests {

        @Test
        void aUserWithoutAccessAsksTheOwner() {
            AccessRequest request = office.access().requestAccess(JONAS, lead.id(), EnumSet.of(Right.VIEW));

            assertThat(request.state()).isEqualTo(AccessRequest.State.PENDING);
            assertThat(request.requesterId()).isEqualTo("jonas");
            assertThat(request.rights()).containsExactly(Right.VIEW);
            assertThat(office.notificationsTo(AYSE)).singleElement().satisfies(n -> {
                assertThat(n.kind()).isEqualTo("access.requested");
                assertThat(n.leadId()).contains(lead.id().value());
                assertThat(n.params()).containsEntry("requestId", request.id()).containsEntry("requesterId", "jonas");
            });
            assertThat(office.access().pendingRequests(AYSE, lead.id())).containsExactly(request);
            assertThat(office.rightsOf(JONAS, lead)).isEmpty();
        }

        @Test
        void theOwnerApprovesAndTheRequesterCanView() {
            AccessRequest request = office.access().requestAccess(JONAS, lead.id(), EnumSet.of(Right.VIEW));

            AccessRequest approved = office.access().approve(AYSE, request.id());

            assertThat(approved.state()).isEqualTo(AccessRequest.State.APPROVED);
            assertThat(approved.decidedBy()).contains("ayse");
            assertThat(office.leads().get(JONAS, lead.id()).id()).isEqualTo(lead.id());
            assertThat(office.rightsOf(JONAS, lead)).containsExactly(Right.VIEW);
            assertThat(office.notificationKindsTo(JONAS)).containsExactly("access.request.approved");
            assertThat(office.access().pendingRequests(AYSE, lead.id())).isEmpty();
        }

        @Test
        void theRequestedRightsBecomeTheGrant() {
            AccessRequest request = office.access().requestAccess(JONAS, lead.id(), EnumSet.of(Right.EDIT, Right.FOLLOW));

            office.access().approve(AYSE, request.id());

            assertThat(office.rightsOf(JONAS, lead)).containsExactlyInAnyOrder(Right.VIEW, Right.EDIT, Right.FOLLOW);
        }

        @Test
        void theOwnerDeniesAndTheRequesterStillCannotView() {
            AccessRequest request = office.access().requestAccess(JONAS, lead.id(), EnumSet.of(Right.VIEW));

            AccessRequest denied = office.access().deny(AYSE, request.id());

            assertThat(denied.state()).isEqualTo(AccessRequest.State.DENIED);
            assertThat(office.rightsOf(JONAS, lead)).isEmpty();
            assertThatThrownBy(() -> office.leads().get(JONAS, lead.id())).isInstanceOf(AccessDeniedException.class);
            assertThat(office.notificationsTo(JONAS)).extracting(Notification::kind).containsExactly("access.request.denied");
        }

        @Test
        void askingAgainWhileARequestIsPendingIsAConflict() {
            office.access().requestAccess(JONAS, lead.id(), EnumSet.of(Right.VIEW));

            assertThatThrownBy(() -> office.access().requestAccess(JONAS, lead.id(), EnumSet.of(Right.EDIT)))
                    .isInstanceOfSatisfying(ConflictException.class,
                            e -> assertThat(e.code()).isEqualTo("access.request.pending"));
            assertThat(office.access().pendingRequests(AYSE, lead.id())).hasSize(1);
        }

        @Test
        void askingAgainAfterADenialIsAllowed() {
            AccessRequest first = office.access().requestAccess(JONAS, lead.id(), EnumSet.of(Right.VIEW));
            office.access().deny(AYSE, first.id());

            AccessRequest second = office.access().requestAccess(JONAS, lead.id(), EnumSet.of(Right.VIEW));

            assertThat(second.id()).isNotEqualTo(first.id());
            assertThat(second.state()).isEqualTo(AccessRequest.State.PENDING);
        }

        @Test
        void askingForRightsAlreadyHeldIsAConflict() {
            assertThatThrownBy(() -> office.access().requestAccess(KEMAL, lead.id(), EnumSet.of(Right.VIEW, Right.EDIT)))
                    .isInstanceOfSatisfying(ConflictException.class,
                            e -> assertThat(e.code()).isEqualTo("access.request.already_held"));
            assertThat(office.notificationsTo(AYSE)).isEmpty();
        }

        @Test
        void aDecidedRequestCannotBeDecidedAgain() {
            AccessRequest request = office.access().requestAccess(JONAS, lead.id(), EnumSet.of(Right.VIEW));
            office.access().deny(AYSE, request.id());

            assertThatThrownBy(() -> office.access().approve(AYSE, request.id()))
                    .isInstanceOfSatisfying(ConflictException.class,
                            e -> assertThat(e.code()).isEqualTo("access.request.decided"));
            assertThat(office.rightsOf(JONAS, lead)).isEmpty();
        }

        @Test
        void askingForAnOwnerRightIsInvalid() {
            assertThatThrownBy(() -> office.access().requestAccess(JONAS, lead.id(), EnumSet.of(Right.TRANSFER)))
                    .isInstanceOfSatisfying(ValidationException.class, e ->
                            assertThat(e.errors()).extracting(error -> error.code()).containsExactly("access.right.not_grantable"));
        }

        @Test
        void onlyTheOwnerDecides() {
            AccessRequest request = office.access().requestAccess(JONAS, lead.id(), EnumSet.of(Right.VIEW));

            assertThatThrownBy(() -> office.access().approve(KEMAL, request.id()))
                    .isInstanceOfSatisfying(AccessDeniedException.class, e -> {
                        assertThat(e.right()).isEqualTo(Right.GRANT);
                        assertThat(e.actorId()).isEqualTo("kemal");
                        assertThat(e.leadId()).contains(lead.id().value());
                    });
            assertThatThrownBy(() -> office.access().deny(METTE, request.id()))
                    .isInstanceOfSatisfying(AccessDeniedException.class, e -> assertThat(e.right()).isEqualTo(Right.GRANT));
            assertThat(office.access().pendingRequests(AYSE, lead.id())).containsExactly(request);
            assertThat(office.rightsOf(JONAS, lead)).isEmpty();
        }

        @Test
        void onlyTheOwnerSeesThePendingRequests() {
            office.access().requestAccess(JONAS, lead.id(), EnumSet.of(Right.VIEW));

            assertThatThrownBy(() -> office.access().pendingRequests(KEMAL, lead.id()))
                    .isInstanceOfSatisfying(AccessDeniedException.class, e -> assertThat(e.right()).isEqualTo(Right.GRANT));
        }

        @Test
        void anAdminMayDecideForTheOwner() {
            AccessRequest request = office.access().requestAccess(JONAS, lead.id(), EnumSet.of(Right.VIEW));

            office.access().approve(ADMIN, request.id());

            assertThat(office.rightsOf(JONAS, lead)).containsExactly(Right.VIEW);
        }
    }
}
