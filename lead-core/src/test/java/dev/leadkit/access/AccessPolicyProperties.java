package dev.leadkit.access;

import dev.leadkit.AccessDeniedException;
import dev.leadkit.Actor;
import dev.leadkit.IdGenerator;
import dev.leadkit.LeadKit;
import dev.leadkit.lead.Lead;
import dev.leadkit.lead.LeadDraft;
import dev.leadkit.lead.LeadField;
import dev.leadkit.lead.LeadId;
import dev.leadkit.lead.LeadPatch;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Properties of the access policy over random organisations, rules and leads: lists and counts
 * never include a lead the actor cannot view and never leave out one they can (P10, Q7), and no
 * right is ever usable without view. The seeds are fixed so that every build checks the same
 * cases; change or remove a seed locally to explore further.
 */
class AccessPolicyProperties {

    private static final Actor SETUP = Actor.of("setup-admin");
    private static final List<String> TEAMS = List.of("istanbul", "vilnius", "copenhagen");

    /** One user of a random organisation; the manager is an index into the same list, or -1. */
    record Person(Optional<String> team, Set<Role> roles, int manager, boolean active) {
    }

    enum State { OPEN, DELETED, CONVERTED }

    /** One lead: owner index (or -1 for the inbox), grants by user index, and its state. */
    record LeadSpec(int owner, Map<Integer, Set<Right>> grants, State state) {
    }

    record World(AccessRules rules, List<Person> people, List<LeadSpec> leads) {
    }

    @Property(tries = 150, seed = "20250303")
    @Label("list and count show exactly the leads the actor may view")
    void listsAgreeWithThePolicy(@ForAll("worlds") World world) {
        Built built = build(world);
        for (int i = 0; i < world.people().size(); i++) {
            Actor actor = Actor.of("u" + i);
            if (!world.people().get(i).active()) {
                assertThatThrownBy(() -> built.kit.leads().list(actor, 0, 1000)).isInstanceOf(AccessDeniedException.class);
                continue;
            }
            Set<LeadId> viewable = new HashSet<>();
            for (int l = 0; l < built.ids.size(); l++) {
                if (world.leads().get(l).state() != State.DELETED
                        && built.kit.access().can(actor, Right.VIEW, built.ids.get(l))) {
                    viewable.add(built.ids.get(l));
                }
            }
            Set<LeadId> listed = built.kit.leads().list(actor, 0, 1000).stream().map(Lead::id).collect(Collectors.toSet());

            assertThat(listed).as("leads listed for u%d", i).isEqualTo(viewable);
            assertThat(built.kit.leads().count(actor)).isEqualTo(viewable.size());
        }
    }

    @Property(tries = 150, seed = "20250303")
    @Label("no right is held without view, and only rights on one lead are held on a lead")
    void noRightWithoutView(@ForAll("worlds") World world) {
        Built built = build(world);
        for (int i = 0; i < world.people().size(); i++) {
            for (LeadId id : built.ids) {
                Set<Right> rights = built.kit.access().rights(Actor.of("u" + i), id);
                assertThat(rights).allMatch(Right::isPerLead);
                if (!rights.isEmpty()) {
                    assertThat(rights).contains(Right.VIEW);
                }
            }
        }
    }

    @Property(tries = 60)
    @Label("a grant gives a user of another team exactly the granted rights plus view; revoking view takes all")
    void grantsGiveExactlyWhatIsGranted(@ForAll("grantable") Set<Right> granted) {
        Office office = Office.seed000();
        Lead lead = office.leadOwnedBy(Office.AYSE);

        office.access().grant(Office.AYSE, lead.id(), "jonas", granted);
        EnumSet<Right> expected = EnumSet.copyOf(granted);
        expected.add(Right.VIEW);
        assertThat(office.rightsOf(Office.JONAS, lead)).isEqualTo(expected);

        office.access().revoke(Office.AYSE, lead.id(), "jonas", EnumSet.of(Right.VIEW));
        assertThat(office.rightsOf(Office.JONAS, lead)).isEmpty();
    }

    @Provide
    Arbitrary<Set<Right>> grantable() {
        return Arbitraries.of(Right.VIEW, Right.EDIT, Right.DELETE, Right.TAG, Right.FOLLOW).set().ofMinSize(1);
    }

    @Provide
    Arbitrary<World> worlds() {
        Arbitrary<AccessRules> rules = Combinators.combine(
                Arbitraries.of(true, false),
                Arbitraries.of(Right.EDIT, Right.DELETE, Right.TAG, Right.FOLLOW).set(),
                Arbitraries.of(true, false),
                Arbitraries.of(true, false)
        ).as((teamRule, extra, transitive, inbox) -> {
            EnumSet<Right> teamRights = EnumSet.of(Right.VIEW);
            teamRights.addAll(extra);
            return new AccessRules(teamRule, teamRights, transitive, inbox);
        });
        Arbitrary<Person> person = Combinators.combine(
                Arbitraries.of(TEAMS).optional(0.8),
                Arbitraries.of(Role.ADMIN, Role.ALL_ACCESS, Role.MANAGER, Role.USER).set().ofMaxSize(2),
                Arbitraries.integers().between(-1, 5),
                Arbitraries.of(true, true, true, false)
        ).as((team, roles, manager, active) ->
                new Person(team, roles.isEmpty() ? Set.of(Role.USER) : roles, manager, active));
        Arbitrary<LeadSpec> lead = Combinators.combine(
                Arbitraries.integers().between(-1, 5),
                Arbitraries.maps(Arbitraries.integers().between(0, 5), grantable()).ofMaxSize(2),
                Arbitraries.of(State.OPEN, State.OPEN, State.DELETED, State.CONVERTED)
        ).as(LeadSpec::new);
        return Combinators.combine(rules, person.list().ofSize(6), lead.list().ofMinSize(1).ofMaxSize(8)).as(World::new);
    }

    private record Built(LeadKit kit, List<LeadId> ids) {
    }

    /** Sets the world up through the public API, acting as an Admin, then deactivates whom it says. */
    private static Built build(World world) {
        InMemoryDirectory directory = Directory.inMemory();
        directory.user(SETUP.userId(), "Setup").roles(Role.ADMIN).add();
        for (int i = 0; i < world.people().size(); i++) {
            Person p = world.people().get(i);
            InMemoryDirectory.UserBuilder user = directory.user("u" + i, "User " + i).roles(p.roles().toArray(Role[]::new));
            p.team().ifPresent(user::team);
            if (p.manager() >= 0 && p.manager() != i) {
                user.manager("u" + p.manager());
            }
            user.add();
        }
        LeadKit kit = LeadKit.builder()
                .directory(directory)
                .accessRules(world.rules())
                .clock(Clock.fixed(Instant.parse("2025-03-03T09:00:00Z"), ZoneOffset.UTC))
                .ids(IdGenerator.sequential("lead-"))
                .build();
        List<LeadId> ids = new ArrayList<>();
        for (LeadSpec spec : world.leads()) {
            LeadDraft.Builder draft = LeadDraft.builder().firstName("Egon").lastName("Tester");
            if (spec.owner() < 0) {
                draft.unassigned();
            } else {
                draft.owner("u" + spec.owner());
            }
            Lead lead = kit.leads().create(SETUP, draft.build());
            spec.grants().forEach((grantee, rights) -> {
                if (spec.owner() != grantee) {
                    kit.access().grant(SETUP, lead.id(), "u" + grantee, rights);
                }
            });
            if (spec.state() == State.DELETED) {
                kit.leads().delete(SETUP, lead.id());
            } else if (spec.state() == State.CONVERTED) {
                // The state a conversion (K8) leaves; no patch may reach it.
                kit.store().inTransaction(tx -> {
                    Lead stored = tx.leads().find(lead.id()).orElseThrow();
                    tx.leads().update(stored.withStatus("converted", java.util.Optional.empty(), stored.updatedAt()));
                    return null;
                });
            }
            ids.add(lead.id());
        }
        for (int i = 0; i < world.people().size(); i++) {
            if (!world.people().get(i).active()) {
                directory.setActive("u" + i, false);
            }
        }
        return new Built(kit, ids);
    }
}
