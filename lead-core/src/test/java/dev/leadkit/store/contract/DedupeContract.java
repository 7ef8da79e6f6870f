package dev.leadkit.store.contract;

import dev.leadkit.AccessDeniedException;
import dev.leadkit.Actor;
import dev.leadkit.ConflictException;
import dev.leadkit.DuplicateFoundException;
import dev.leadkit.FieldError;
import dev.leadkit.ValidationException;
import dev.leadkit.IdGenerator;
import dev.leadkit.LeadKit;
import dev.leadkit.LeadKitException;
import dev.leadkit.access.Directory;
import dev.leadkit.access.LeadAccess;
import dev.leadkit.access.Right;
import dev.leadkit.access.Role;
import dev.leadkit.activity.Activity;
import dev.leadkit.activity.ActivityDraft;
import dev.leadkit.activity.Attachment;
import dev.leadkit.activity.AttachmentDownload;
import dev.leadkit.activity.BlobStore;
import dev.leadkit.activity.InMemoryBlobStore;
import dev.leadkit.activity.HistoryAction;
import dev.leadkit.activity.HistoryEntry;
import dev.leadkit.activity.StreamPost;
import dev.leadkit.dedupe.CheckedLead;
import dev.leadkit.dedupe.Decision;
import dev.leadkit.dedupe.DuplicateDecision;
import dev.leadkit.dedupe.DuplicatePolicy;
import dev.leadkit.dedupe.Match;
import dev.leadkit.dedupe.MergePlan;
import dev.leadkit.dedupe.LeadScanOptions;
import dev.leadkit.dedupe.ScanListener;
import dev.leadkit.dedupe.ScanProgress;
import dev.leadkit.dedupe.ScanResult;
import dev.leadkit.dedupe.Survivorship;
import dev.leadkit.field.CustomField;
import dev.leadkit.field.FieldType;
import dev.leadkit.field.FieldValue;
import dev.leadkit.lead.Lead;
import dev.leadkit.lead.LeadDraft;
import dev.leadkit.lead.LeadField;
import dev.leadkit.lead.LeadId;
import dev.leadkit.lead.LeadPatch;
import dev.leadkit.lead.ProductInterest;
import dev.leadkit.store.Store;
import dev.leadkit.store.Visibility;
import dev.leadkit.support.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The storage contract of duplicate detection and merge (K7, requirements D3–D5a): the candidate
 * index kept current in the same transaction as every lead change, checks that find a typo'd
 * duplicate through it, the warn and block policies, "not a duplicate" decisions, and a merge
 * that moves everything exactly once or — when any write fails — nothing at all. Each store runs
 * it by extending this class with one method.
 *
 * <pre>{@code
 * class InMemoryDedupeContractTest extends DedupeContract {
 *     protected Store newEmptyStore() { return new InMemoryStore(); }
 * }
 * }</pre>
 */
public abstract class DedupeContract {

    protected static final Actor ADMIN = Actor.of("admin");
    protected static final Actor AYSE = Actor.of("ayse");
    protected static final Actor JONAS = Actor.of("jonas");
    protected static final Actor OLGA = Actor.of("olga");

    protected FailingStore store;
    protected LeadKit kit;
    protected MutableClock clock;
    protected InMemoryBlobStore blobs;

    /** @return a store holding nothing (for a database: all LeadKit tables emptied) */
    protected abstract Store newEmptyStore();

    @BeforeEach
    void openKit() {
        store = new FailingStore(newEmptyStore());
        clock = MutableClock.at("2026-11-23T09:00:00Z");
        blobs = BlobStore.inMemory();
        kit = LeadKit.builder().store(store).clock(clock).ids(IdGenerator.sequential("k7-")).blobs(blobs)
                .directory(Directory.inMemory()
                        .user("admin", "Ada Admin").roles(Role.ADMIN).add()
                        .user("ayse", "Ayşe Yılmaz").team("sales").add()
                        .user("jonas", "Jonas Petraitis").team("sales").add()
                        .user("olga", "Olga Nielsen").team("service").add())
                .build();
    }

    private Lead create(Actor actor, LeadDraft.Builder draft) {
        clock.advance(Duration.ofMinutes(1));
        return kit.leads().create(actor, draft.build());
    }

    private static LeadDraft.Builder soren() {
        return LeadDraft.builder().firstName("Søren").lastName("Kierkegaard").email("soren@filosofi.dk")
                .phone("+45 20 30 40 50").company("Enten Eller ApS");
    }

    private Set<String> keys(LeadId id) {
        return store.inTransaction(tx -> tx.matchKeys().keys(id));
    }

    private List<LeadId> candidates(Set<String> keys) {
        return store.inTransaction(tx -> tx.matchKeys().candidates(keys, Visibility.everything(), 50)).stream().map(Lead::id).sorted().toList();
    }

    // ------------------------------------------------------------------ the candidate index

    @Test
    void theIndexHoldsEachLiveLeadsKeysFromCreateThroughUpdateDeleteAndRestore() {
        Lead lead = create(AYSE, soren());
        Set<String> created = keys(lead.id());
        assertThat(created).isNotEmpty().anySatisfy(k -> assertThat(k).contains("soren@filosofi.dk"));

        Lead updated = kit.leads().update(AYSE, lead.id(), LeadPatch.builder()
                .set(LeadField.EMAIL, "s.kierkegaard@filosofi.dk").build(), lead.version());
        assertThat(keys(lead.id())).noneSatisfy(k -> assertThat(k).contains("soren@filosofi.dk"))
                .anySatisfy(k -> assertThat(k).contains("s.kierkegaard@filosofi.dk"));
        Set<String> oldEmail = Set.copyOf(created.stream().filter(k -> k.contains("soren@filosofi.dk")).toList());
        assertThat(candidates(oldEmail)).isEmpty();

        kit.leads().update(AYSE, lead.id(), LeadPatch.builder().set(LeadField.DESCRIPTION, "Enten eller").build(),
                updated.version());
        Set<String> afterDescription = keys(lead.id());

        kit.leads().delete(AYSE, lead.id());
        assertThat(keys(lead.id())).isEmpty();
        assertThat(candidates(afterDescription)).isEmpty();

        kit.leads().restore(AYSE, lead.id());
        assertThat(keys(lead.id())).isEqualTo(afterDescription);
        assertThat(candidates(afterDescription)).containsExactly(lead.id());
    }

    @Test
    void rebuildingTheIndexGivesLeadsStoredWithoutKeysTheirKeys() {
        Lead indexed = create(AYSE, soren());
        Set<String> expected = keys(indexed.id());
        store.inTransaction(tx -> {
            tx.matchKeys().remove(indexed.id());
            return null;
        });
        assertThat(keys(indexed.id())).isEmpty();
        assertThatThrownBy(() -> kit.duplicates().rebuildIndex(AYSE)).isInstanceOf(AccessDeniedException.class);

        assertThat(kit.duplicates().rebuildIndex(ADMIN)).isEqualTo(1);

        assertThat(keys(indexed.id())).isEqualTo(expected);
        assertThat(kit.duplicates().check(JONAS, soren().build())).extracting(Match::otherId)
                .containsExactly(indexed.id().value());
    }

    @Test
    void aFailedTransactionLeavesNoKeysBehind() {
        LeadId id = LeadId.of("never-stored");
        assertThatThrownBy(() -> store.inTransaction(tx -> {
            tx.matchKeys().replace(id, Set.of("e:ghost@example.com"));
            throw new IllegalStateException("rolled back");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(keys(id)).isEmpty();
    }

    @Test
    void candidatesAreTheLeadsSharingAKeyAndTheirOwnWritesAreSeenInTheTransaction() {
        Lead a = create(AYSE, soren());
        Lead b = create(AYSE, LeadDraft.builder().firstName("Regine").lastName("Olsen").email("regine@olsen.dk"));
        List<LeadId> inTx = store.inTransaction(tx -> {
            tx.matchKeys().replace(b.id(), Set.of("x:shared", "x:b"));
            tx.matchKeys().replace(a.id(), Set.of("x:shared"));
            return tx.matchKeys().candidates(Set.of("x:shared", "x:b"), Visibility.everything(), 10).stream().map(Lead::id).sorted().toList();
        });
        assertThat(inTx).containsExactly(a.id(), b.id());
        assertThat(candidates(Set.of("x:b"))).containsExactly(b.id());
        List<Lead> best = store.inTransaction(tx -> tx.matchKeys().candidates(Set.of("x:shared", "x:b"), Visibility.everything(), 1));
        assertThat(best).extracting(Lead::id).containsExactly(b.id());
    }

    // ------------------------------------------------------------------ batched look-ups (K10)

    /** candidatesByKey's leads as ids, after checking that holdersByKey names the same leads in the same order. */
    private Map<String, List<LeadId>> byKey(Visibility visibility, Set<String> keys, int perKey) {
        return store.inTransaction(tx -> bothByKey(tx, visibility, keys, perKey));
    }

    private static Map<String, List<LeadId>> bothByKey(dev.leadkit.store.StoreTransaction tx, Visibility visibility,
                                                       Set<String> keys, int perKey) {
        Map<String, List<Lead>> found = tx.matchKeys().candidatesByKey(keys, visibility, perKey);
        Map<String, List<LeadId>> ids = new java.util.TreeMap<>();
        found.forEach((k, leads) -> ids.put(k, leads.stream().map(Lead::id).toList()));
        assertThat(new java.util.TreeMap<>(tx.matchKeys().holdersByKey(keys, visibility, perKey)))
                .as("holdersByKey names candidatesByKey's leads").isEqualTo(ids);
        return ids;
    }

    @Test
    void candidatesByKeyGivesEachKeysHoldersSmallestIdsFirstUpToPerKey() {
        List<Lead> leads = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            leads.add(create(AYSE, LeadDraft.builder().firstName("Regine").lastName("Olsen" + i)));
        }
        List<LeadId> sorted = leads.stream().map(Lead::id).sorted().toList();
        store.inTransaction(tx -> {
            for (Lead l : leads) {
                tx.matchKeys().replace(l.id(), Set.of("x:all", "x:" + l.id().value()));
            }
            return null;
        });
        Lead first = leads.get(0);

        Map<String, List<LeadId>> found = byKey(Visibility.everything(),
                Set.of("x:all", "x:" + first.id().value(), "x:nobody"), 3);

        assertThat(found).containsOnlyKeys("x:all", "x:" + first.id().value());
        assertThat(found.get("x:all")).containsExactlyElementsOf(sorted.subList(0, 3));
        assertThat(found.get("x:" + first.id().value())).containsExactly(first.id());
        assertThat(byKey(Visibility.everything(), Set.of("x:all"), 1).get("x:all")).containsExactly(sorted.get(0));
        assertThat(byKey(Visibility.everything(), Set.of("x:nobody"), 5)).isEmpty();
        assertThat(byKey(Visibility.everything(), Set.of(), 5)).isEmpty();
        assertThatThrownBy(() -> byKey(Visibility.everything(), Set.of("x:all"), 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> byKey(Visibility.everything(), Set.of("x:all"),
                dev.leadkit.store.MatchKeyRepository.MAX_PER_KEY + 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.inTransaction(tx -> tx.matchKeys().holdersByKey(Set.of("x:all"), Visibility.everything(), 0)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.inTransaction(tx -> tx.matchKeys().holdersByKey(Set.of("x:all"), Visibility.everything(),
                dev.leadkit.store.MatchKeyRepository.MAX_PER_KEY + 1))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void candidatesByKeyLeavesOutDeletedMergedAndInvisibleLeadsAndSeesTheTransactionsOwnWrites() {
        Lead kept = create(AYSE, soren());
        Lead deleted = create(AYSE, LeadDraft.builder().firstName("Regine").lastName("Olsen").email("regine@olsen.dk"));
        Lead survivor = create(AYSE, LeadDraft.builder().firstName("Johanne").lastName("Heiberg").email("johanne@teater.dk"));
        Lead merged = create(AYSE, LeadDraft.builder().firstName("Johanne").lastName("Heiberg").email("johanne@teater.dk"));
        Lead olgas = create(OLGA, LeadDraft.builder().firstName("Olga").lastName("Nielsen"));
        store.inTransaction(tx -> {
            for (Lead l : List.of(kept, deleted, survivor, merged, olgas)) {
                tx.matchKeys().replace(l.id(), Set.of("x:shared"));
            }
            return null;
        });
        kit.leads().delete(AYSE, deleted.id());
        kit.duplicates().merge(AYSE, survivor.id(), survivor.version(), merged.id(), merged.version(), MergePlan.defaults());
        // The merge gave the survivor its own keys again; give it the shared one back.
        store.inTransaction(tx -> {
            Set<String> own = new java.util.HashSet<>(tx.matchKeys().keys(survivor.id()));
            own.add("x:shared");
            tx.matchKeys().replace(survivor.id(), own);
            return null;
        });

        assertThat(byKey(Visibility.everything(), Set.of("x:shared"), 10).get("x:shared"))
                .containsExactlyInAnyOrder(kept.id(), survivor.id(), olgas.id());
        Visibility ayses = new Visibility(false, Set.of("ayse", "jonas"), false, Optional.of("ayse"));
        assertThat(byKey(ayses, Set.of("x:shared"), 10).get("x:shared"))
                .containsExactlyInAnyOrder(kept.id(), survivor.id());

        Map<String, List<LeadId>> inTx = store.inTransaction(tx -> {
            tx.matchKeys().remove(kept.id());
            tx.matchKeys().replace(survivor.id(), Set.of("x:other"));
            tx.matchKeys().replace(olgas.id(), Set.of("x:shared", "x:other"));
            return bothByKey(tx, Visibility.everything(), Set.of("x:shared", "x:other"), 10);
        });
        assertThat(inTx.get("x:shared")).containsExactly(olgas.id());
        assertThat(inTx.get("x:other")).containsExactlyInAnyOrder(survivor.id(), olgas.id());
    }

    @Test
    void findAllReadsManyLeadsByIdDeletedOrNotWithTheTransactionsOwnWrites() {
        Lead a = create(AYSE, soren());
        Lead b = create(OLGA, LeadDraft.builder().firstName("Regine").lastName("Olsen"));
        Lead c = create(AYSE, LeadDraft.builder().firstName("Johanne").lastName("Heiberg"));
        Lead deleted = kit.leads().delete(AYSE, c.id());

        Map<LeadId, Lead> found = store.inTransaction(tx -> tx.leads().findAll(List.of(a.id(), c.id(), LeadId.of("k7-none"), a.id())));

        assertThat(found).containsOnlyKeys(a.id(), c.id());
        assertThat(found.get(a.id())).isEqualTo(a);
        assertThat(found.get(c.id())).isEqualTo(deleted);
        Map<LeadId, Lead> none = store.inTransaction(tx -> tx.leads().findAll(List.of()));
        assertThat(none).isEmpty();
        Lead fresh = TestLeads.aLead().id("k7-fresh").build();
        Map<LeadId, Lead> inTx = store.inTransaction(tx -> {
            tx.leads().insert(fresh);
            tx.leads().update(TestLeads.next(b, LeadField.CITY, "Aarhus"));
            return tx.leads().findAll(Set.of(fresh.id(), b.id()));
        });
        assertThat(inTx.get(fresh.id())).isEqualTo(fresh);
        assertThat(inTx.get(b.id()).get(LeadField.CITY)).contains("Aarhus");
        assertThat(inTx.get(b.id()).version()).isEqualTo(b.version() + 1);
    }

    @Test
    void keysOfALeadInsertedInTheTransactionAreTheLastOnesItWasGiven() {
        Lead fresh = TestLeads.aLead().id("k7-fresh").build();
        Lead other = TestLeads.aLead().id("k7-other").build();

        Set<String> seen = store.inTransaction(tx -> {
            tx.leads().insert(fresh);
            tx.leads().insert(other);
            tx.matchKeys().replace(fresh.id(), Set.of("x:first", "x:both"));
            tx.matchKeys().replace(other.id(), Set.of("x:other"));
            Set<String> first = tx.matchKeys().keys(fresh.id());
            tx.matchKeys().replace(fresh.id(), Set.of("x:second", "x:both"));
            return first;
        });

        assertThat(seen).containsExactlyInAnyOrder("x:first", "x:both");
        assertThat(keys(fresh.id())).containsExactlyInAnyOrder("x:second", "x:both");
        assertThat(keys(other.id())).containsExactly("x:other");
        assertThat(byKey(Visibility.everything(), Set.of("x:first", "x:second", "x:both"), 10))
                .containsOnlyKeys("x:second", "x:both");
    }

    @Test
    void findByExternalIdsFindsEachHeldIdDeletedOrNotInOneCall() {
        List<Lead> created = kit.leads().createAll(AYSE, List.of(
                LeadDraft.builder().firstName("Regine").lastName("Olsen").externalId("crm-1").build(),
                LeadDraft.builder().firstName("Johanne").lastName("Heiberg").externalId("crm-2").build(),
                LeadDraft.builder().firstName("Søren").lastName("Kierkegaard").build()));
        kit.leads().delete(AYSE, created.get(1).id());

        Map<String, Lead> found = store.inTransaction(tx -> tx.leads().findByExternalIds(List.of("crm-1", "crm-2", "crm-9")));

        assertThat(found).containsOnlyKeys("crm-1", "crm-2");
        assertThat(found.get("crm-1").id()).isEqualTo(created.get(0).id());
        assertThat(found.get("crm-2").id()).isEqualTo(created.get(1).id());
        assertThat(found.get("crm-2").isDeleted()).isTrue();
        Map<String, Lead> none = store.inTransaction(tx -> tx.leads().findByExternalIds(List.of()));
        assertThat(none).isEmpty();
    }

    @Test
    void createAllRefusesAnExternalIdHeldByAStoredLeadOrTwiceInTheBatchAndStoresNothing() {
        kit.leads().create(AYSE, LeadDraft.builder().firstName("Regine").lastName("Olsen").externalId("crm-1").build());

        assertThatThrownBy(() -> kit.leads().createAll(AYSE, List.of(
                LeadDraft.builder().firstName("Johanne").lastName("Heiberg").externalId("crm-2").build(),
                LeadDraft.builder().firstName("Regine").lastName("Olsen").externalId("crm-1").build())))
                .isInstanceOfSatisfying(ConflictException.class,
                        e -> assertThat(e.code()).isEqualTo("lead.external_id.taken"));
        assertThatThrownBy(() -> kit.leads().createAll(AYSE, List.of(
                LeadDraft.builder().firstName("Johanne").lastName("Heiberg").externalId("crm-3").build(),
                LeadDraft.builder().firstName("Søren").lastName("Kierkegaard").externalId("crm-3").build())))
                .isInstanceOfSatisfying(ConflictException.class,
                        e -> assertThat(e.code()).isEqualTo("lead.external_id.taken"));
        assertThat(kit.leads().count(ADMIN)).isEqualTo(1);

        List<Lead> created = kit.leads().createAll(AYSE, List.of(
                LeadDraft.builder().firstName("Johanne").lastName("Heiberg").externalId("crm-2").build(),
                LeadDraft.builder().firstName("Søren").lastName("Kierkegaard").externalId("crm-3").build()));
        Map<String, Lead> found = store.inTransaction(tx -> tx.leads().findByExternalIds(Set.of("crm-2", "crm-3")));
        assertThat(found.get("crm-2").id()).isEqualTo(created.get(0).id());
        assertThat(found.get("crm-3").id()).isEqualTo(created.get(1).id());
        assertThat(keys(created.get(0).id())).isNotEmpty();
    }

    @Test
    void aPageListsLiveVisibleLeadsInIdOrder() {
        Lead a = create(AYSE, soren());
        Lead b = create(OLGA, LeadDraft.builder().firstName("Regine").lastName("Olsen"));
        Lead c = create(AYSE, LeadDraft.builder().firstName("Johanne").lastName("Heiberg"));
        kit.leads().delete(AYSE, c.id());
        List<LeadId> all = store.inTransaction(tx -> tx.matchKeys().page(Visibility.everything(), Optional.empty(), 10))
                .stream().map(Lead::id).toList();
        assertThat(all).containsExactly(a.id(), b.id());
        List<Lead> afterA = store.inTransaction(tx -> tx.matchKeys().page(Visibility.everything(), Optional.of(a.id()), 10));
        assertThat(afterA).extracting(Lead::id).containsExactly(b.id());
        Visibility ayses = new Visibility(false, Set.of("ayse", "jonas"), false, Optional.of("ayse"));
        List<Lead> visible = store.inTransaction(tx -> tx.matchKeys().page(ayses, Optional.empty(), 10));
        assertThat(visible).extracting(Lead::id).containsExactly(a.id());
    }

    // ------------------------------------------------------------------ checks and policy

    @Test
    void aCheckFindsATypodDuplicateAndExplainsIt() {
        Lead stored = create(AYSE, soren());

        List<Match> found = kit.duplicates().check(JONAS, LeadDraft.builder().firstName("Soren")
                .lastName("Kierkegard").email("SOREN@filosofi.dk").phone("20 30 40 50").build());

        assertThat(found).hasSize(1);
        Match match = found.get(0);
        assertThat(match.otherId()).isEqualTo(stored.id().value());
        assertThat(match.decision()).isEqualTo(Decision.DUPLICATE);
        assertThat(match.explanation().fields()).isNotEmpty();
        assertThat(match.explanation().rule()).isNotBlank();
    }

    @Test
    void aCheckNeverReportsLeadsTheActorMayNotView() {
        create(AYSE, soren());
        assertThat(kit.duplicates().check(OLGA, soren().build())).isEmpty();
        assertThat(kit.duplicates().check(ADMIN, soren().build())).hasSize(1);
    }

    @Test
    void underWarnTheLeadIsStoredAndTheMatchesComeBack() {
        Lead first = create(AYSE, soren());
        assertThat(kit.duplicates().policy(AYSE)).isEqualTo(DuplicatePolicy.WARN);

        CheckedLead second = kit.leads().createChecked(JONAS, soren().build());

        assertThat(second.matches()).extracting(Match::otherId).containsExactly(first.id().value());
        assertThat(kit.leads().count(ADMIN)).isEqualTo(2);
        assertThat(keys(second.lead().id())).isNotEmpty();
    }

    @Test
    void underBlockADuplicateIsRefusedAndNothingIsStored() {
        Lead first = create(AYSE, soren());
        kit.duplicates().setPolicy(ADMIN, DuplicatePolicy.BLOCK);
        long historyBefore = kit.leads().history(ADMIN, first.id()).size();

        assertThatThrownBy(() -> kit.leads().create(JONAS, soren().build()))
                .isInstanceOfSatisfying(DuplicateFoundException.class, e -> {
                    assertThat(e.code()).isEqualTo("lead.duplicate");
                    assertThat(e.matches()).extracting(Match::otherId).containsExactly(first.id().value());
                    assertThat(e.getMessage()).doesNotContain("Søren", "Kierkegaard", "soren@", "40 50");
                });

        assertThat(kit.leads().count(ADMIN)).isEqualTo(1);
        assertThat(candidates(keys(first.id()))).containsExactly(first.id());
        assertThat(kit.leads().history(ADMIN, first.id())).hasSize((int) historyBefore);
        Lead other = create(JONAS, LeadDraft.builder().firstName("Regine").lastName("Olsen"));
        assertThatThrownBy(() -> kit.leads().update(JONAS, other.id(), LeadPatch.builder()
                .set(LeadField.FIRST_NAME, "Søren").set(LeadField.LAST_NAME, "Kierkegaard")
                .set(LeadField.EMAIL, "soren@filosofi.dk").build(), other.version()))
                .isInstanceOf(DuplicateFoundException.class);
        assertThat(kit.leads().get(JONAS, other.id())).isEqualTo(other);
    }

    @Test
    void offChecksNothingAndOnlyAnAdminSetsThePolicy() {
        create(AYSE, soren());
        assertThatThrownBy(() -> kit.duplicates().setPolicy(AYSE, DuplicatePolicy.OFF))
                .isInstanceOf(AccessDeniedException.class);
        kit.duplicates().setPolicy(ADMIN, DuplicatePolicy.OFF);
        assertThat(kit.leads().createChecked(JONAS, soren().build()).matches()).isEmpty();
        assertThat(kit.duplicates().check(JONAS, soren().build())).hasSize(2);
    }

    // ------------------------------------------------------------------ "not a duplicate"

    @Test
    void aPairMarkedNotDuplicateIsLeftOutOfLaterChecksUntilUndone() {
        Lead a = create(AYSE, soren());
        Lead b = kit.leads().createChecked(AYSE, soren().build()).lead();
        clock.advance(Duration.ofMinutes(5));

        DuplicateDecision decision = kit.duplicates().markNotDuplicate(JONAS, b.id(), a.id());

        assertThat(decision.decidedBy()).isEqualTo("jonas");
        assertThat(decision.decidedAt()).isEqualTo(clock.instant());
        assertThat(decision.concerns(a.id(), b.id())).isTrue();
        assertThat(kit.duplicates().decisions(AYSE, a.id())).containsExactly(decision);
        assertThat(kit.duplicates().check(AYSE, a.id())).isEmpty();
        assertThat(kit.duplicates().check(AYSE, b.id())).isEmpty();
        assertThatThrownBy(() -> kit.duplicates().markNotDuplicate(AYSE, a.id(), b.id()))
                .isInstanceOfSatisfying(ConflictException.class,
                        e -> assertThat(e.code()).isEqualTo("duplicate_decision.exists"));

        assertThat(kit.duplicates().undoNotDuplicate(AYSE, a.id(), b.id())).isTrue();
        assertThat(kit.duplicates().check(AYSE, a.id())).extracting(Match::otherId).containsExactly(b.id().value());
        assertThat(kit.duplicates().undoNotDuplicate(AYSE, a.id(), b.id())).isFalse();
    }

    @Test
    void decisionsNeedEditOnBothLeads() {
        Lead a = create(AYSE, soren());
        Lead b = create(OLGA, soren());
        assertThatThrownBy(() -> kit.duplicates().markNotDuplicate(AYSE, a.id(), b.id()))
                .isInstanceOf(AccessDeniedException.class);
        Optional<DuplicateDecision> stored = store.inTransaction(tx -> tx.duplicateDecisions().find(a.id(), b.id()));
        assertThat(stored).isEmpty();
    }

    // ------------------------------------------------------------------ scan

    @Test
    void aScanClustersTheVisibleLeadsRespectsDecisionsAndReportsProgress() {
        Lead a = create(AYSE, soren());
        Lead b = create(JONAS, LeadDraft.builder().firstName("Soren").lastName("Kierkegard").email("SOREN@filosofi.dk"));
        Lead c = create(AYSE, LeadDraft.builder().firstName("Regine").lastName("Olsen").email("regine@olsen.dk")
                .phone("+45 31 32 33 34"));
        Lead d = create(AYSE, LeadDraft.builder().firstName("Regine").lastName("Olsen").email("regine@olsen.dk")
                .phone("31 32 33 34"));
        create(AYSE, LeadDraft.builder().firstName("Johanne").lastName("Heiberg").email("johanne@teater.dk"));
        create(OLGA, soren());
        List<ScanProgress> progress = new java.util.concurrent.CopyOnWriteArrayList<>();

        ScanResult all = kit.duplicates().scan(AYSE, LeadScanOptions.defaults().withThreads(2).withPageSize(2), progress::add);

        assertThat(all.clusters()).extracting(cl -> Set.copyOf(cl.ids())).containsExactlyInAnyOrder(
                Set.of(a.id().value(), b.id().value()), Set.of(c.id().value(), d.id().value()));
        assertThat(all.clusters()).allSatisfy(cl -> assertThat(cl.pairs()).isNotEmpty()
                .allSatisfy(m -> assertThat(m.explanation().fields()).isNotEmpty()));
        assertThat(all.summary().records()).isEqualTo(5);
        assertThat(progress).isNotEmpty();
        assertThat(progress.get(progress.size() - 1).phase()).isEqualTo(ScanProgress.Phase.DONE);

        kit.duplicates().markNotDuplicate(AYSE, d.id(), c.id());
        ScanResult decided = kit.duplicates().scan(AYSE, LeadScanOptions.defaults(), ScanListener.none());
        assertThat(decided.clusters()).extracting(cl -> Set.copyOf(cl.ids()))
                .containsExactly(Set.of(a.id().value(), b.id().value()));
        assertThat(kit.duplicates().scan(ADMIN, LeadScanOptions.defaults(), ScanListener.none()).clusters())
                .extracting(cl -> cl.ids().size()).containsExactly(3);
    }

    // ------------------------------------------------------------------ merge

    /** Two leads of Ayşe's, each with something of everything. */
    private final class Pair {
        final Lead survivor;
        final Lead merged;
        final Activity survivorTask;
        final Activity mergedCall;
        final StreamPost mergedNote;
        final StreamPost mergedComment;
        final Attachment mergedFile;

        Pair() {
            kit.customFields().define(ADMIN, CustomField.of("industry", FieldType.TEXT, Map.of("en", "Industry")));
            Lead s = create(AYSE, soren().phone("").tags("vip", "fair").product(
                    new ProductInterest("curtains", BigDecimal.ONE, "")));
            clock.advance(Duration.ofHours(1));
            Lead m = create(AYSE, LeadDraft.builder().firstName("Soren").lastName("Kierkegaard")
                    .email("soren@filosofi.dk").phone("+45 20 30 40 51").city("København")
                    .custom("industry", new FieldValue.Text("Philosophy")).tags("fair", "web")
                    .product(new ProductInterest("curtains", new BigDecimal("3"), "grey"))
                    .product(new ProductInterest("blinds", BigDecimal.TEN, "")));
            survivorTask = kit.activities().schedule(AYSE, s.id(), ActivityDraft.task("Send the offer")
                    .due(Instant.parse("2026-12-01T09:00:00Z")).build());
            mergedCall = kit.activities().log(AYSE, m.id(), ActivityDraft.call("First call").build());
            mergedNote = kit.stream().post(AYSE, m.id(), "Met him at the fair.");
            mergedComment = kit.stream().comment(JONAS, mergedNote.id(), "He wants blinds too.");
            mergedFile = kit.attachments().attach(AYSE, m.id(), "offer.pdf", "application/pdf",
                    new ByteArrayInputStream("%PDF offer".getBytes(StandardCharsets.UTF_8)));
            kit.access().follow(JONAS, m.id());
            kit.access().follow(JONAS, s.id());
            kit.access().grant(AYSE, m.id(), "olga", Set.of(Right.VIEW, Right.EDIT));
            kit.access().grant(AYSE, s.id(), "olga", Set.of(Right.VIEW, Right.TAG));
            survivor = kit.leads().get(AYSE, s.id());
            merged = kit.leads().get(AYSE, m.id());
        }
    }

    @Test
    void aMergeMovesEverythingToTheSurvivorExactlyOnce() throws Exception {
        Pair p = new Pair();
        clock.advance(Duration.ofMinutes(3));

        Lead survivor = kit.duplicates().merge(AYSE, p.survivor.id(), p.survivor.version(), p.merged.id(),
                p.merged.version(), MergePlan.defaults());

        assertThat(survivor.version()).isEqualTo(p.survivor.version() + 1);
        assertThat(survivor.firstName()).contains("Søren");
        assertThat(survivor.phone()).contains("+45 20 30 40 51");
        assertThat(survivor.get(LeadField.CITY)).contains("København");
        assertThat(survivor.custom("industry")).contains(new FieldValue.Text("Philosophy"));
        assertThat(survivor.tags()).containsExactly("fair", "vip", "web");
        assertThat(survivor.products()).extracting(ProductInterest::productRef).containsExactly("curtains", "blinds");
        assertThat(survivor.products().get(0).quantity()).isEqualByComparingTo(BigDecimal.ONE);

        assertThat(kit.activities().list(AYSE, survivor.id())).extracting(Activity::id)
                .containsExactlyInAnyOrder(p.survivorTask.id(), p.mergedCall.id());
        assertThat(kit.activities().list(AYSE, p.merged.id())).isEmpty();
        assertThat(kit.stream().list(AYSE, survivor.id())).extracting(StreamPost::id)
                .containsExactly(p.mergedNote.id(), p.mergedComment.id());
        assertThat(kit.attachments().list(AYSE, survivor.id())).extracting(Attachment::id)
                .containsExactly(p.mergedFile.id());
        try (AttachmentDownload download = kit.attachments().open(AYSE, p.mergedFile.id())) {
            assertThat(new String(download.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("%PDF offer");
            assertThat(download.attachment().blobKey()).isEqualTo(p.mergedFile.blobKey());
        }
        assertThat(blobs.keys()).hasSize(1);
        assertThat(kit.access().followers(AYSE, survivor.id())).containsExactly("jonas");
        LeadAccess access = store.inTransaction(tx -> tx.access().find(survivor.id().value()));
        assertThat(access.grantedTo("olga")).containsExactlyInAnyOrder(Right.VIEW, Right.EDIT, Right.TAG);

        Lead tombstone = kit.leads().get(AYSE, p.merged.id());
        assertThat(tombstone.isDeleted()).isTrue();
        assertThat(tombstone.mergedInto()).contains(survivor.id());
        assertThat(kit.access().followers(AYSE, p.merged.id())).isEmpty();
        assertThatThrownBy(() -> kit.leads().restore(AYSE, p.merged.id()))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.code()).isEqualTo("lead.merged"));
        assertThat(keys(p.merged.id())).isEmpty();
        assertThat(keys(survivor.id())).isNotEmpty();
        assertThat(kit.leads().count(ADMIN)).isEqualTo(1);
    }

    @Test
    void theSurvivorsHistoryShowsBothLeadsEntriesAndTheMergeWithoutRewritingAny() {
        Pair p = new Pair();
        List<HistoryEntry> survivorBefore = kit.leads().history(AYSE, p.survivor.id());
        List<HistoryEntry> mergedBefore = kit.leads().history(AYSE, p.merged.id());

        kit.duplicates().merge(AYSE, p.survivor.id(), p.survivor.version(), p.merged.id(), p.merged.version(),
                MergePlan.defaults());

        List<HistoryEntry> history = kit.leads().history(AYSE, p.survivor.id());
        assertThat(history).containsAll(survivorBefore).containsAll(mergedBefore);
        assertThat(history).extracting(HistoryEntry::sequence).isSorted().doesNotHaveDuplicates();
        HistoryEntry merge = history.get(history.size() - 1);
        assertThat(merge.action()).isEqualTo(HistoryAction.MERGED);
        assertThat(merge.leadId()).isEqualTo(p.survivor.id().value());
        assertThat(merge.changes().get(0).field()).isEqualTo("merged");
        assertThat(merge.changes().get(0).after()).contains(p.merged.id().value());
        assertThat(merge.changes()).extracting(c -> c.field()).contains("phone", "city", "cf.industry", "tags");
        List<HistoryEntry> tombstone = kit.leads().history(AYSE, p.merged.id());
        assertThat(tombstone.subList(0, mergedBefore.size())).isEqualTo(mergedBefore);
        assertThat(tombstone.get(tombstone.size() - 1).action()).isEqualTo(HistoryAction.MERGED);
        assertThat(history).hasSize(survivorBefore.size() + tombstone.size() + 1);
    }

    @Test
    void survivorshipFollowsTheRulesAndTheExplicitPicks() {
        Pair p = new Pair();
        clock.advance(Duration.ofHours(1));
        Lead newer = kit.leads().update(AYSE, p.survivor.id(), LeadPatch.builder()
                .set(LeadField.TITLE, "Magister").build(), p.survivor.version());
        clock.advance(Duration.ofMinutes(1));
        Lead mergedTitle = kit.leads().update(AYSE, p.merged.id(), LeadPatch.builder()
                .set(LeadField.TITLE, "Forfatter").set(LeadField.COMPANY, "Søren K. A/S").build(), p.merged.version());

        Lead survivor = kit.duplicates().merge(AYSE, newer.id(), newer.version(), mergedTitle.id(),
                mergedTitle.version(), MergePlan.builder().defaultRule(Survivorship.SURVIVOR_WINS)
                        .rule(LeadField.TITLE, Survivorship.NEWEST_WINS)
                        .pick(LeadField.EMAIL, MergePlan.Side.MERGED)
                        .rule(LeadField.PHONE, Survivorship.NON_EMPTY_WINS)
                        .pickCustom("industry", MergePlan.Side.SURVIVOR).build());

        assertThat(survivor.get(LeadField.TITLE)).contains("Forfatter");
        assertThat(survivor.company()).contains("Enten Eller ApS");
        assertThat(survivor.phone()).contains("+45 20 30 40 51");
        assertThat(survivor.get(LeadField.CITY)).isEmpty();
        assertThat(survivor.custom("industry")).isEmpty();
        assertThat(survivor.owner()).contains("ayse");
        assertThatThrownBy(() -> MergePlan.builder().pick(LeadField.OWNER, MergePlan.Side.MERGED))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aMergeNeedsCurrentVersionsAndEditOnBothAndIsFinal() {
        Pair p = new Pair();
        assertThatThrownBy(() -> kit.duplicates().merge(AYSE, p.survivor.id(), p.survivor.version() - 1,
                p.merged.id(), p.merged.version(), MergePlan.defaults()))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.code()).isEqualTo("lead.version.stale"));
        assertThatThrownBy(() -> kit.duplicates().merge(OLGA, p.survivor.id(), p.survivor.version(),
                p.merged.id(), p.merged.version(), MergePlan.defaults()))
                .isInstanceOfSatisfying(AccessDeniedException.class, e -> assertThat(e.right()).isEqualTo(Right.EDIT));
        assertThatThrownBy(() -> kit.duplicates().merge(AYSE, p.survivor.id(), p.survivor.version(),
                p.survivor.id(), p.survivor.version(), MergePlan.defaults()))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.errors()).extracting(FieldError::code).containsExactly("duplicate.same_lead"));

        Lead survivor = kit.duplicates().merge(AYSE, p.survivor.id(), p.survivor.version(), p.merged.id(),
                p.merged.version(), MergePlan.defaults());
        Lead tombstone = kit.leads().get(AYSE, p.merged.id());
        assertThatThrownBy(() -> kit.duplicates().merge(AYSE, survivor.id(), survivor.version(), tombstone.id(),
                tombstone.version(), MergePlan.defaults()))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.code()).isEqualTo("lead.merged"));
    }

    @Test
    void aMergeThatFailsAtAnyWriteLeavesEveryRecordAsItWas() {
        Pair p = new Pair();
        store.failAt(0);
        Lead merged = kit.duplicates().merge(AYSE, p.survivor.id(), p.survivor.version(), p.merged.id(),
                p.merged.version(), MergePlan.defaults());
        int writes = store.writes();
        assertThat(writes).isGreaterThan(8);
        assertThat(merged).isNotNull();
        // A fresh store and pair per failure point.
        for (int n = 1; n <= writes; n++) {
            openKit();
            Pair q = new Pair();
            Snapshot fresh = snapshot(q);
            store.failAt(n);
            int failing = n;
            assertThatThrownBy(() -> kit.duplicates().merge(AYSE, q.survivor.id(), q.survivor.version(), q.merged.id(),
                    q.merged.version(), MergePlan.defaults()))
                    .as("write %d of %d", failing, writes)
                    .isInstanceOfSatisfying(LeadKitException.class, e -> assertThat(e.code()).isEqualTo("test.injected"));
            store.failAt(0);
            assertThat(snapshot(q)).as("state after a failure at write %d of %d", n, writes).isEqualTo(fresh);
        }
    }

    /** Everything a merge may touch, as read from the store. */
    protected record Snapshot(List<Lead> leads, List<List<HistoryEntry>> history, List<List<Activity>> activities,
                              List<List<StreamPost>> posts, List<List<Attachment>> attachments,
                              List<LeadAccess> access, List<Set<String>> keys) {
    }

    private Snapshot snapshot(Pair p) {
        return store.inTransaction(tx -> {
            List<Lead> leads = new ArrayList<>();
            List<List<HistoryEntry>> history = new ArrayList<>();
            List<List<Activity>> activities = new ArrayList<>();
            List<List<StreamPost>> posts = new ArrayList<>();
            List<List<Attachment>> attachments = new ArrayList<>();
            List<LeadAccess> access = new ArrayList<>();
            List<Set<String>> keys = new ArrayList<>();
            for (LeadId id : List.of(p.survivor.id(), p.merged.id())) {
                leads.add(tx.leads().find(id).orElseThrow());
                history.add(tx.history().forLead(id.value()));
                activities.add(tx.activities().forLead(id.value()));
                posts.add(tx.stream().forLead(id.value()));
                attachments.add(tx.attachments().forLead(id.value()));
                access.add(tx.access().find(id.value()));
                keys.add(tx.matchKeys().keys(id));
            }
            return new Snapshot(leads, history, activities, posts, attachments, access, keys);
        });
    }
}
