package dev.leadkit.access;

import dev.leadkit.AccessDeniedException;
import dev.leadkit.Actor;
import dev.leadkit.lead.Lead;
import dev.leadkit.lead.LeadField;
import dev.leadkit.lead.LeadId;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static dev.leadkit.access.Office.ADMIN;
import static dev.leadkit.access.Office.AYSE;
import static dev.leadkit.access.Office.JONAS;
import static dev.leadkit.access.Office.KEMAL;
import static dev.leadkit.access.Office.OWNER_RIGHTS;
import static dev.leadkit.access.Office.TEAM_RIGHTS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Seed 003's profiles as a configuration of the same rules (requirement P2a): with the team rule
 * off, a User sees only their own leads, a Manager also those of direct reports, an all-access
 * ("Kurumsal") user and an Admin every lead. Also the other knobs of {@link AccessRules}.
 */
@DisplayName("Seed 003's profiles and other access configurations")
class ProfilesTest {

    static final Actor SELIN = Actor.of("selin");
    static final Actor BURAK = Actor.of("burak");
    static final Actor ELIF = Actor.of("elif");

    /** Ayşe and Kemal report to Selin, who reports to Burak; Elif sees everything; Jonas reports to nobody. */
    private static Office profiles(AccessRules rules) {
        Office office = Office.with(rules, directory -> directory
                .user("burak", "Burak Şahin").roles(Role.MANAGER).team("istanbul").add()
                .user("selin", "Selin Aydın").roles(Role.MANAGER).team("istanbul").manager("burak").add()
                .user("elif", "Elif Öztürk").roles(Role.ALL_ACCESS).team("ankara").add());
        office.directory.setManager("ayse", "selin");
        office.directory.setManager("kemal", "selin");
        return office;
    }

    @Nested
    @DisplayName("with the team rule off (seed 003)")
    class WithoutTeamRule {

        private final Office office = profiles(AccessRules.defaults().withTeamRule(false));
        private final Lead ayses = office.leadOwnedBy(AYSE);
        private final Lead kemals = office.leadOwnedBy(KEMAL);
        private final Lead selins = office.leadOwnedBy(SELIN);
        private final Lead buraks = office.leadOwnedBy(BURAK);
        private final Lead jonass = office.leadOwnedBy(JONAS);

        private List<LeadId> visibleTo(Actor actor) {
            return ProfilesTest.visibleTo(office, actor);
        }

        @Test
        void aUserSeesOnlyTheirOwnLeadsNotTheirTeamMatesLeads() {
            assertThat(visibleTo(AYSE)).containsExactly(ayses.id());
            assertThat(office.leads().count(AYSE)).isEqualTo(1);
            assertThat(office.leads().get(AYSE, ayses.id()).id()).isEqualTo(ayses.id());
            assertThatThrownBy(() -> office.leads().get(AYSE, kemals.id()))
                    .isInstanceOfSatisfying(AccessDeniedException.class, e -> assertThat(e.right()).isEqualTo(Right.VIEW));
            assertThat(office.rightsOf(AYSE, kemals)).isEmpty();
        }

        @Test
        void aUserStillHoldsEveryOwnerRightOnTheirOwnLead() {
            assertThat(office.rightsOf(AYSE, ayses)).containsExactlyInAnyOrderElementsOf(OWNER_RIGHTS);
        }

        @Test
        void aManagerSeesTheirOwnLeadsAndThoseOfDirectReports() {
            assertThat(visibleTo(SELIN)).containsExactlyInAnyOrder(selins.id(), ayses.id(), kemals.id());
            assertThat(office.leads().count(SELIN)).isEqualTo(3);
            assertThatThrownBy(() -> office.leads().get(SELIN, jonass.id())).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> office.leads().get(SELIN, buraks.id()))
                    .as("a manager's own manager is not a report").isInstanceOf(AccessDeniedException.class);
        }

        @Test
        void aManagerHoldsTheTeamRightsOnReportsLeadsButNoOwnerRight() {
            assertThat(office.rightsOf(SELIN, ayses)).containsExactlyInAnyOrderElementsOf(TEAM_RIGHTS);

            office.edit(SELIN, ayses, LeadField.TITLE, "Satın Alma Müdürü");
            assertThat(office.current(ayses).get(LeadField.TITLE)).contains("Satın Alma Müdürü");

            assertThatThrownBy(() -> office.access().transfer(SELIN, ayses.id(), "kemal", false))
                    .isInstanceOfSatisfying(AccessDeniedException.class, e -> assertThat(e.right()).isEqualTo(Right.TRANSFER));
            assertThatThrownBy(() -> office.access().grant(SELIN, ayses.id(), "jonas", EnumSet.of(Right.VIEW)))
                    .isInstanceOfSatisfying(AccessDeniedException.class, e -> assertThat(e.right()).isEqualTo(Right.GRANT));
            assertThat(office.current(ayses).owner()).contains("ayse");
        }

        @Test
        void aManagerDoesNotSeeReportsOfReportsByDefault() {
            assertThat(visibleTo(BURAK)).containsExactlyInAnyOrder(buraks.id(), selins.id());
            assertThat(office.rightsOf(BURAK, ayses)).isEmpty();
            assertThatThrownBy(() -> office.leads().get(BURAK, ayses.id())).isInstanceOf(AccessDeniedException.class);
        }

        @Test
        void aNewReportInTheDirectoryIsSeenByTheNextCall() {
            office.directory.setManager("jonas", "selin");

            assertThat(visibleTo(SELIN)).contains(jonass.id());
            assertThat(office.rightsOf(SELIN, jonass)).containsExactlyInAnyOrderElementsOf(TEAM_RIGHTS);
        }

        @Test
        void anAllAccessUserSeesEveryLeadWithTheTeamRights() {
            assertThat(visibleTo(ELIF)).containsExactlyInAnyOrder(ayses.id(), kemals.id(), selins.id(), buraks.id(), jonass.id());
            assertThat(office.leads().count(ELIF)).isEqualTo(5);
            assertThat(office.rightsOf(ELIF, jonass)).containsExactlyInAnyOrderElementsOf(TEAM_RIGHTS);
            assertThatThrownBy(() -> office.access().transfer(ELIF, jonass.id(), "elif", false))
                    .isInstanceOfSatisfying(AccessDeniedException.class, e -> assertThat(e.right()).isEqualTo(Right.TRANSFER));
        }

        @Test
        void anAdminSeesEveryLeadWithEveryRight() {
            assertThat(visibleTo(ADMIN)).containsExactlyInAnyOrder(ayses.id(), kemals.id(), selins.id(), buraks.id(), jonass.id());
            for (Lead lead : List.of(ayses, kemals, selins, buraks, jonass)) {
                assertThat(office.rightsOf(ADMIN, lead)).containsExactlyInAnyOrderElementsOf(OWNER_RIGHTS);
            }

            office.access().grant(ADMIN, jonass.id(), "ayse", EnumSet.of(Right.VIEW));
            office.access().transfer(ADMIN, kemals.id(), "ayse", false);

            assertThat(visibleTo(AYSE)).containsExactlyInAnyOrder(ayses.id(), kemals.id(), jonass.id());
        }
    }

    @Nested
    @DisplayName("with transitive managers")
    class TransitiveManagers {

        private final Office office = profiles(AccessRules.defaults().withTeamRule(false).withTransitiveManagers(true));
        private final Lead ayses = office.leadOwnedBy(AYSE);
        private final Lead selins = office.leadOwnedBy(SELIN);
        private final Lead jonass = office.leadOwnedBy(JONAS);

        @Test
        void aManagerSeesTheLeadsOfReportsOfReports() {
            Lead buraks = office.leadOwnedBy(BURAK);

            assertThat(visibleTo(office, BURAK)).containsExactlyInAnyOrder(buraks.id(), selins.id(), ayses.id());
            assertThat(office.rightsOf(BURAK, ayses)).containsExactlyInAnyOrderElementsOf(TEAM_RIGHTS);
            assertThat(office.rightsOf(BURAK, jonass)).isEmpty();
        }

        @Test
        void aCycleInTheDirectoryEndsTheWalk() {
            office.directory.setManager("burak", "ayse");
            office.directory.setManager("ayse", "selin");

            assertThat(visibleTo(office, SELIN)).containsExactlyInAnyOrder(selins.id(), ayses.id());
            assertThat(office.rightsOf(SELIN, ayses)).containsExactlyInAnyOrderElementsOf(TEAM_RIGHTS);
        }
    }

    @Nested
    @DisplayName("administrative rights")
    class AdminRights {

        private final Office office = profiles(AccessRules.defaults().withTeamRule(false));

        @Test
        void onlyAnAdminChangesTheRequiredFields() {
            office.leads().setRequiredFields(ADMIN, EnumSet.of(LeadField.FIRST_NAME, LeadField.LAST_NAME, LeadField.EMAIL));

            assertThat(office.leads().requiredFields()).contains(LeadField.EMAIL);
            for (Actor notAdmin : List.of(AYSE, SELIN, ELIF)) {
                assertThatThrownBy(() -> office.leads().setRequiredFields(notAdmin, EnumSet.of(LeadField.FIRST_NAME)))
                        .isInstanceOfSatisfying(AccessDeniedException.class, e -> {
                            assertThat(e.right()).isEqualTo(Right.MANAGE_SETTINGS);
                            assertThat(e.actorId()).isEqualTo(notAdmin.userId());
                            assertThat(e.leadId()).isEmpty();
                        });
            }
            assertThat(office.leads().requiredFields()).contains(LeadField.EMAIL);
        }
    }

    @Nested
    @DisplayName("team rights without delete")
    class TeamRightsWithoutDelete {

        private final Office office = Office.withRules(
                AccessRules.defaults().withTeamRights(EnumSet.of(Right.VIEW, Right.EDIT, Right.TAG)));
        private final Lead lead = office.leadOwnedBy(AYSE);

        @Test
        void teamMembersMayViewEditAndTagButNotDelete() {
            assertThat(office.rightsOf(KEMAL, lead)).containsExactlyInAnyOrder(Right.VIEW, Right.EDIT, Right.TAG, Right.FOLLOW);

            office.edit(KEMAL, lead, LeadField.CITY, "İzmir");

            assertThatThrownBy(() -> office.leads().delete(KEMAL, lead.id()))
                    .isInstanceOfSatisfying(AccessDeniedException.class, e -> assertThat(e.right()).isEqualTo(Right.DELETE));
            assertThat(office.current(lead).isDeleted()).isFalse();
        }

        @Test
        void theOwnerStillDeletes() {
            office.leads().delete(AYSE, lead.id());

            assertThat(office.current(lead).isDeleted()).isTrue();
        }
    }

    @Nested
    @DisplayName("the rules themselves")
    class Rules {

        @Test
        void seed000IsTheDefault() {
            AccessRules defaults = AccessRules.defaults();

            assertThat(defaults.teamRule()).isTrue();
            assertThat(defaults.teamRights()).containsExactlyInAnyOrder(Right.VIEW, Right.EDIT, Right.DELETE, Right.TAG);
            assertThat(defaults.managersSeeTransitively()).isFalse();
            assertThat(defaults.inboxOpenToAll()).isTrue();
        }

        @Test
        void teamRightsWithoutViewAreRefused() {
            assertThatThrownBy(() -> AccessRules.defaults().withTeamRights(EnumSet.of(Right.EDIT)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("VIEW");
        }

        @Test
        void teamRightsBeyondTheGrantableOnesAreRefused() {
            assertThatThrownBy(() -> AccessRules.defaults().withTeamRights(EnumSet.of(Right.VIEW, Right.TRANSFER)))
                    .isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void theTeamRightsAreCopied() {
            Set<Right> mutable = EnumSet.of(Right.VIEW, Right.EDIT);
            AccessRules rules = AccessRules.defaults().withTeamRights(mutable);

            mutable.add(Right.DELETE);

            assertThat(rules.teamRights()).containsExactlyInAnyOrder(Right.VIEW, Right.EDIT);
        }
    }

    private static List<LeadId> visibleTo(Office office, Actor actor) {
        return office.leads().list(actor, 0, 100).stream().map(Lead::id).toList();
    }
}
