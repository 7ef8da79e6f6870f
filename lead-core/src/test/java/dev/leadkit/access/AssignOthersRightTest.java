package dev.leadkit.access;

import dev.leadkit.AccessDeniedException;
import dev.leadkit.Actor;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AssignOthersRightTest {

    private final InMemoryDirectory directory = Directory.inMemory()
            .user("admin", "Admin").roles(Role.ADMIN).add()
            .user("all", "All").roles(Role.ALL_ACCESS).add()
            .user("boss", "Boss").roles(Role.MANAGER).add()
            .user("plain", "Plain").add()
            .user("gone", "Gone").roles(Role.MANAGER).inactive().add();

    private void allowed(AccessRules rules, String user) {
        assertThat(new AccessPolicy(directory, rules).require(Actor.of(user), Right.ASSIGN_OTHERS).id()).isEqualTo(user);
    }

    private void refused(AccessRules rules, String user) {
        assertThatThrownBy(() -> new AccessPolicy(directory, rules).require(Actor.of(user), Right.ASSIGN_OTHERS))
                .isInstanceOfSatisfying(AccessDeniedException.class, e -> {
                    assertThat(e.right()).isEqualTo(Right.ASSIGN_OTHERS);
                    assertThat(e.leadId()).isEmpty();
                });
    }

    @Test
    void adminsManagersAndAllAccessUsersAssignToOthersByDefaultPlainUsersDoNot() {
        AccessRules rules = AccessRules.defaults();
        assertThat(rules.assignOthersRoles()).containsExactlyInAnyOrder(Role.ADMIN, Role.MANAGER, Role.ALL_ACCESS);
        allowed(rules, "admin");
        allowed(rules, "all");
        allowed(rules, "boss");
        refused(rules, "plain");
        refused(rules, "gone");
        assertThat(Right.ASSIGN_OTHERS.isPerLead()).isFalse();
        assertThat(Right.ASSIGN_OTHERS.key()).isEqualTo("assign-others");
    }

    @Test
    void theRolesAreConfigurableAndAUserWithoutRolesCountsAsUser() {
        AccessRules users = AccessRules.defaults().withAssignOthersRoles(Role.USER);
        allowed(users, "plain");
        refused(users, "boss");
        refused(users, "admin");
        AccessRules nobody = AccessRules.defaults().withAssignOthersRoles(Set.of());
        refused(nobody, "admin");
        assertThat(AccessRules.defaults().withTeamRule(false).withAssignOthersRoles(EnumSet.of(Role.MANAGER))
                .withInboxOpenToAll(false).assignOthersRoles()).containsExactly(Role.MANAGER);
    }

    @Test
    void rulesBuiltTheOldWayKeepTheDefaultRoles() {
        AccessRules old = new AccessRules(true, EnumSet.of(Right.VIEW), false, true);
        assertThat(old.assignOthersRoles()).isEqualTo(AccessRules.defaults().assignOthersRoles());
    }
}
