package dev.leadkit.store.contract;

import dev.leadkit.AccessDeniedException;
import dev.leadkit.Actor;
import dev.leadkit.ConflictException;
import dev.leadkit.IdGenerator;
import dev.leadkit.LeadKit;
import dev.leadkit.ValidationException;
import dev.leadkit.access.Directory;
import dev.leadkit.access.InMemoryDirectory;
import dev.leadkit.access.Right;
import dev.leadkit.access.Role;
import dev.leadkit.lead.Lead;
import dev.leadkit.lead.LeadDraft;
import dev.leadkit.lead.LeadId;
import dev.leadkit.store.Store;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

/**
 * A stateful property of the access rules (K3): random sequences of create, transfer (keeping
 * access or not), grant, revoke, team change, manager change, claim and delete run against
 * LeadKit on a store and against a small reference model written independently of
 * {@code AccessPolicy}. After every step, for every actor and lead, the rights LeadKit reports
 * equal the model's for every right, and {@code list(actor)} returns exactly the leads the model
 * says the actor sees — none leaked, none missing. An operation the model forbids must fail with
 * the error the model predicts and change nothing.
 *
 * <p>Each store runs it by extending this class with {@link #newEmptyStore()}.
 */
public abstract class AccessModelProperties {

    private static final List<String> USERS = List.of("admin", "all", "boss", "u1", "u2", "u3", "u4", "u5");
    private static final List<String> TEAMS = List.of("t1", "t2");
    private static final Set<Right> TEAM = EnumSet.of(Right.VIEW, Right.EDIT, Right.DELETE, Right.TAG, Right.FOLLOW);
    private static final List<Right> GRANTABLE = List.of(Right.VIEW, Right.EDIT, Right.DELETE, Right.TAG, Right.FOLLOW);

    /** @return a store holding nothing */
    protected abstract Store newEmptyStore();

    // ------------------------------------------------------------------ steps

    /** One random step; indices are resolved modulo the current number of leads. */
    record Step(Kind kind, int actor, int lead, int other, int option, Set<Right> rights) {
        @Override
        public String toString() {
            return kind + "(actor=" + USERS.get(actor) + ", lead#" + lead + ", other=" + other + ", option=" + option
                    + (rights.isEmpty() ? "" : ", rights=" + rights) + ")";
        }
    }

    enum Kind { CREATE, TRANSFER, GRANT, REVOKE, TEAM_CHANGE, MANAGER_CHANGE, CLAIM, DELETE }

    @Provide
    Arbitrary<List<Step>> scenarios() {
        Arbitrary<Step> step = Combinators.combine(
                Arbitraries.of(Kind.class),
                Arbitraries.integers().between(0, USERS.size() - 1),
                Arbitraries.integers().between(0, 20),
                Arbitraries.integers().between(0, USERS.size() + 1),
                Arbitraries.integers().between(0, 3),
                Arbitraries.subsetOf(GRANTABLE).ofMinSize(1)
        ).as((k, a, l, o, opt, r) -> new Step(k, a, l, o, opt, Set.copyOf(r)));
        return step.list().ofMinSize(1).ofMaxSize(25);
    }

    // ------------------------------------------------------------------ the reference model

    /** The model's view of the world: who is in which team, who manages whom, and each lead. */
    static final class Model {
        final Map<String, String> team = new HashMap<>();
        final Map<String, String> manager = new HashMap<>();
        final Map<String, Role> role = new HashMap<>();
        final Map<String, ModelLead> leads = new LinkedHashMap<>();

        Set<Right> rights(String actor, ModelLead lead) {
            Set<Right> r = EnumSet.noneOf(Right.class);
            Role actorRole = role.get(actor);
            if (actorRole == Role.ADMIN) {
                r.addAll(EnumSet.of(Right.VIEW, Right.EDIT, Right.DELETE, Right.CONVERT, Right.TAG, Right.CLOSE,
                        Right.GRANT, Right.TRANSFER, Right.FOLLOW));
            } else if (lead.owner == null) {
                r.add(Right.VIEW);
                r.add(Right.FOLLOW);
                if (actorRole == Role.ALL_ACCESS) {
                    r.addAll(TEAM);
                }
            } else {
                if (lead.owner.equals(actor)) {
                    r.addAll(EnumSet.of(Right.VIEW, Right.EDIT, Right.DELETE, Right.CONVERT, Right.TAG, Right.CLOSE,
                            Right.GRANT, Right.TRANSFER, Right.FOLLOW));
                }
                boolean sameTeam = team.get(actor) != null && team.get(actor).equals(team.get(lead.owner));
                boolean managesOwner = actorRole == Role.MANAGER && actor.equals(manager.get(lead.owner));
                if (actorRole == Role.ALL_ACCESS || sameTeam || managesOwner) {
                    r.addAll(TEAM);
                }
            }
            r.addAll(lead.grants.getOrDefault(actor, Set.of()));
            if (lead.deleted) {
                r.retainAll(EnumSet.of(Right.VIEW, Right.DELETE));
            }
            return r;
        }
    }

    static final class ModelLead {
        final String id;
        String owner;
        boolean deleted;
        final Map<String, Set<Right>> grants = new HashMap<>();

        ModelLead(String id, String owner) {
            this.id = id;
            this.owner = owner;
        }
    }

    // ------------------------------------------------------------------ the property

    @Property(tries = 200, shrinking = ShrinkingMode.BOUNDED)
    void rightsAndListsMatchTheModel(@ForAll("scenarios") List<Step> steps) {
        InMemoryDirectory directory = Directory.inMemory();
        Model model = new Model();
        for (String user : USERS) {
            Role role = user.equals("admin") ? Role.ADMIN : user.equals("all") ? Role.ALL_ACCESS
                    : user.equals("boss") ? Role.MANAGER : Role.USER;
            InMemoryDirectory.UserBuilder b = directory.user(user, user).roles(role);
            String team = user.equals("u1") || user.equals("u2") ? "t1" : user.equals("u3") || user.equals("u4") ? "t2" : null;
            if (team != null) {
                b.team(team);
                model.team.put(user, team);
            }
            if (user.equals("u1") || user.equals("u3")) {
                b.manager("boss");
                model.manager.put(user, "boss");
            }
            model.role.put(user, role);
            b.add();
        }
        LeadKit kit = LeadKit.builder().store(newEmptyStore()).directory(directory)
                .clock(Clock.fixed(Instant.parse("2026-04-01T12:00:00Z"), ZoneOffset.UTC))
                .ids(IdGenerator.sequential("m")).build();

        for (Step step : steps) {
            apply(kit, directory, model, step);
            check(kit, model, step);
        }
    }

    private static void apply(LeadKit kit, InMemoryDirectory directory, Model model, Step step) {
        String actorId = USERS.get(step.actor());
        Actor actor = Actor.of(actorId);
        List<ModelLead> leads = new ArrayList<>(model.leads.values());
        ModelLead lead = leads.isEmpty() ? null : leads.get(step.lead() % leads.size());
        String other = USERS.get(step.other() % USERS.size());
        switch (step.kind()) {
            case CREATE: {
                LeadDraft.Builder draft = LeadDraft.builder().firstName("Lead").lastName("No" + model.leads.size());
                String owner;
                if (step.option() == 0) {
                    draft.unassigned();
                    owner = null;
                } else if (step.option() == 1) {
                    draft.owner(other);
                    owner = other;
                } else {
                    owner = actorId;
                }
                Lead created = kit.leads().create(actor, draft.build());
                model.leads.put(created.id().value(), new ModelLead(created.id().value(), owner));
                return;
            }
            case TEAM_CHANGE: {
                String team = step.option() < TEAMS.size() ? TEAMS.get(step.option()) : null;
                directory.moveToTeam(other, team);
                if (team == null) {
                    model.team.remove(other);
                } else {
                    model.team.put(other, team);
                }
                return;
            }
            case MANAGER_CHANGE: {
                String newManager = step.option() % 2 == 0 ? "boss" : null;
                directory.setManager(other, newManager);
                if (newManager == null) {
                    model.manager.remove(other);
                } else {
                    model.manager.put(other, newManager);
                }
                return;
            }
            default:
                break;
        }
        if (lead == null) {
            return;
        }
        LeadId id = LeadId.of(lead.id);
        Set<Right> held = model.rights(actorId, lead);
        switch (step.kind()) {
            case TRANSFER: {
                boolean keep = step.option() % 2 == 0;
                if (!held.contains(Right.TRANSFER)) {
                    expectDenied(() -> kit.access().transfer(actor, id, other, keep), Right.TRANSFER);
                } else if (other.equals(lead.owner)) {
                    assertThatThrownBy(() -> kit.access().transfer(actor, id, other, keep)).isInstanceOf(ValidationException.class);
                } else {
                    kit.access().transfer(actor, id, other, keep);
                    String previous = lead.owner;
                    lead.owner = other;
                    lead.grants.remove(other);
                    if (keep && previous != null) {
                        lead.grants.computeIfAbsent(previous, k -> EnumSet.noneOf(Right.class)).add(Right.VIEW);
                    }
                }
                return;
            }
            case GRANT: {
                if (!held.contains(Right.GRANT)) {
                    expectDenied(() -> kit.access().grant(actor, id, other, step.rights()), Right.GRANT);
                } else if (other.equals(lead.owner)) {
                    assertThatThrownBy(() -> kit.access().grant(actor, id, other, step.rights()))
                            .isInstanceOf(ValidationException.class);
                } else {
                    kit.access().grant(actor, id, other, step.rights());
                    Set<Right> granted = lead.grants.computeIfAbsent(other, k -> EnumSet.noneOf(Right.class));
                    granted.addAll(step.rights());
                    granted.add(Right.VIEW);
                }
                return;
            }
            case REVOKE: {
                if (!held.contains(Right.GRANT)) {
                    expectDenied(() -> kit.access().revoke(actor, id, other, step.rights()), Right.GRANT);
                } else {
                    kit.access().revoke(actor, id, other, step.rights());
                    Set<Right> granted = lead.grants.get(other);
                    if (granted != null) {
                        granted.removeAll(step.rights());
                        if (!granted.contains(Right.VIEW)) {
                            lead.grants.remove(other);
                        }
                    }
                }
                return;
            }
            case CLAIM: {
                if (lead.owner != null) {
                    assertThatThrownBy(() -> kit.access().claim(actor, id)).isInstanceOf(ConflictException.class)
                            .extracting(e -> ((ConflictException) e).code()).isEqualTo("lead.already_owned");
                } else if (lead.deleted) {
                    assertThatThrownBy(() -> kit.access().claim(actor, id)).isInstanceOf(ConflictException.class)
                            .extracting(e -> ((ConflictException) e).code()).isEqualTo("lead.deleted");
                } else {
                    kit.access().claim(actor, id);
                    lead.owner = actorId;
                }
                return;
            }
            case DELETE: {
                if (!held.contains(Right.DELETE)) {
                    expectDenied(() -> kit.leads().delete(actor, id), Right.DELETE);
                } else {
                    kit.leads().delete(actor, id);
                    lead.deleted = true;
                }
                return;
            }
            default:
                throw new IllegalStateException("unhandled step " + step);
        }
    }

    private static void expectDenied(Runnable call, Right right) {
        try {
            call.run();
            fail("expected access to be denied for " + right);
        } catch (AccessDeniedException e) {
            assertThat(e.right()).isEqualTo(right);
        }
    }

    private static void check(LeadKit kit, Model model, Step after) {
        for (String user : USERS) {
            Actor actor = Actor.of(user);
            Set<String> expectedVisible = new TreeSet<>();
            for (ModelLead lead : model.leads.values()) {
                Set<Right> expected = model.rights(user, lead);
                Set<Right> actual = kit.access().rights(actor, LeadId.of(lead.id));
                assertThat(actual).as("rights of %s on %s after %s", user, lead.id, after).isEqualTo(expected);
                if (!lead.deleted && expected.contains(Right.VIEW)) {
                    expectedVisible.add(lead.id);
                }
            }
            Set<String> listed = kit.leads().list(actor, 0, 1000).stream().map(l -> l.id().value())
                    .collect(Collectors.toCollection(TreeSet::new));
            assertThat(listed).as("leads listed for %s after %s", user, after).isEqualTo(expectedVisible);
            assertThat(kit.leads().count(actor)).as("count for %s", user).isEqualTo(expectedVisible.size());
        }
    }
}
