package dev.leadkit.store.contract;

import dev.leadkit.Actor;
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
import dev.leadkit.activity.BlobStore;
import dev.leadkit.activity.HistoryEntry;
import dev.leadkit.activity.StreamPost;
import dev.leadkit.dedupe.MergePlan;
import dev.leadkit.dedupe.Survivorship;
import dev.leadkit.lead.Lead;
import dev.leadkit.lead.LeadDraft;
import dev.leadkit.lead.LeadId;
import dev.leadkit.store.Store;
import dev.leadkit.support.MutableClock;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Properties of the merge (K7, requirement D5) through the service and a store: whatever the two
 * leads hold — tags, activities, stream posts and comments, attachments, followers, grants, in
 * any mix and overlap — the survivor holds every one of them exactly once afterwards and the
 * merged lead none; and a merge whose n-th store write fails leaves every record it touches as
 * it was. Each store runs it by extending this class.
 */
public abstract class MergeProperties {

    private static final Actor AYSE = Actor.of("ayse");
    private static final List<String> TAGS = List.of("vip", "fair", "web", "call-back", "ørsted", "İzmir", "šeima");
    private static final List<String> COLLEAGUES = List.of("jonas", "mette", "olga", "lars");

    /** @return a store holding nothing */
    protected abstract Store newEmptyStore();

    /** What one lead holds before the merge. */
    record Contents(Set<String> tags, int activities, int posts, int comments, int attachments, Set<String> followers,
                    Set<String> grantees) {
    }

    @Provide
    Arbitrary<Contents> contents() {
        Arbitrary<Set<String>> tags = Arbitraries.of(TAGS).set().ofMaxSize(5);
        Arbitrary<Integer> few = Arbitraries.integers().between(0, 3);
        Arbitrary<Set<String>> users = Arbitraries.of(COLLEAGUES).set().ofMaxSize(3);
        return Combinators.combine(tags, few, few, few, few, users, users).as(Contents::new);
    }

    private final class World {
        final FailingStore store = new FailingStore(newEmptyStore());
        final MutableClock clock = MutableClock.at("2026-11-23T09:00:00Z");
        final LeadKit kit = LeadKit.builder().store(store).clock(clock).ids(IdGenerator.sequential("mp-"))
                .blobs(BlobStore.inMemory()).directory(Directory.inMemory()
                        .user("admin", "Admin").roles(Role.ADMIN).add()
                        .user("ayse", "Ayşe").team("sales").add()
                        .user("jonas", "Jonas").team("sales").add()
                        .user("mette", "Mette").team("sales").add()
                        .user("olga", "Olga").team("service").add()
                        .user("lars", "Lars").team("service").add())
                .build();

        Lead lead(String first, Contents c) {
            clock.advance(Duration.ofMinutes(1));
            Lead lead = kit.leads().create(AYSE, LeadDraft.builder().firstName(first).lastName("Kierkegaard")
                    .tags(c.tags().toArray(String[]::new)).build());
            for (int i = 0; i < c.activities(); i++) {
                kit.activities().log(AYSE, lead.id(), ActivityDraft.call("Call " + i).build());
            }
            List<StreamPost> posts = new ArrayList<>();
            for (int i = 0; i < c.posts(); i++) {
                posts.add(kit.stream().post(AYSE, lead.id(), "Note " + i));
            }
            for (int i = 0; i < c.comments() && !posts.isEmpty(); i++) {
                kit.stream().comment(AYSE, posts.get(i % posts.size()).id(), "Comment " + i);
            }
            for (int i = 0; i < c.attachments(); i++) {
                kit.attachments().attach(AYSE, lead.id(), "file-" + i + ".txt", "text/plain",
                        new ByteArrayInputStream(("bytes " + i).getBytes(StandardCharsets.UTF_8)));
            }
            for (String grantee : c.grantees()) {
                kit.access().grant(AYSE, lead.id(), grantee, Set.of(Right.VIEW, Right.FOLLOW));
            }
            for (String follower : c.followers()) {
                if (c.grantees().contains(follower) || !Set.of("olga", "lars").contains(follower)) {
                    kit.access().follow(Actor.of(follower), lead.id());
                }
            }
            return kit.leads().get(AYSE, lead.id());
        }

        Snapshot snapshot(LeadId... ids) {
            return store.inTransaction(tx -> {
                List<Object> parts = new ArrayList<>();
                for (LeadId id : ids) {
                    parts.add(tx.leads().find(id).orElseThrow());
                    parts.add(tx.history().forLead(id.value()));
                    parts.add(tx.activities().forLead(id.value()));
                    parts.add(tx.stream().forLead(id.value()));
                    parts.add(tx.attachments().forLead(id.value()));
                    parts.add(tx.access().find(id.value()));
                    parts.add(tx.matchKeys().keys(id));
                    parts.add(tx.duplicateDecisions().involving(List.of(id)));
                }
                return new Snapshot(parts);
            });
        }
    }

    /** Every record a merge may touch, as read from the store. */
    record Snapshot(List<Object> parts) {
    }

    @Property(tries = 25)
    void aMergeLosesNothingAndDuplicatesNothing(@ForAll("contents") Contents survivorHas,
                                                @ForAll("contents") Contents mergedHas) {
        World w = new World();
        Lead survivor = w.lead("Søren", survivorHas);
        Lead merged = w.lead("Soren", mergedHas);
        List<String> activities = ids(w.kit.activities().list(AYSE, survivor.id()), w.kit.activities().list(AYSE, merged.id()),
                Activity::id);
        List<String> posts = ids(w.kit.stream().list(AYSE, survivor.id()), w.kit.stream().list(AYSE, merged.id()),
                StreamPost::id);
        List<String> files = ids(w.kit.attachments().list(AYSE, survivor.id()), w.kit.attachments().list(AYSE, merged.id()),
                Attachment::id);
        Set<String> followers = new TreeSet<>(w.kit.access().followers(AYSE, survivor.id()));
        followers.addAll(w.kit.access().followers(AYSE, merged.id()));
        List<HistoryEntry> histories = new ArrayList<>(w.kit.leads().history(AYSE, survivor.id()));
        histories.addAll(w.kit.leads().history(AYSE, merged.id()));

        Lead after = w.kit.duplicates().merge(AYSE, survivor.id(), survivor.version(), merged.id(), merged.version(),
                MergePlan.builder().defaultRule(Survivorship.NEWEST_WINS).build());

        Set<String> tags = new TreeSet<>(survivorHas.tags());
        tags.addAll(mergedHas.tags());
        assertThat(after.tags()).containsExactlyElementsOf(tags);
        assertThat(w.kit.activities().list(AYSE, after.id())).extracting(Activity::id)
                .containsExactlyInAnyOrderElementsOf(activities);
        assertThat(w.kit.stream().list(AYSE, after.id())).extracting(StreamPost::id)
                .containsExactlyInAnyOrderElementsOf(posts);
        assertThat(w.kit.attachments().list(AYSE, after.id())).extracting(Attachment::id)
                .containsExactlyInAnyOrderElementsOf(files);
        assertThat(w.kit.access().followers(AYSE, after.id())).containsExactlyInAnyOrderElementsOf(followers);
        LeadAccess access = w.store.inTransaction(tx -> tx.access().find(after.id().value()));
        Set<String> grantees = new HashSet<>(survivorHas.grantees());
        grantees.addAll(mergedHas.grantees());
        assertThat(access.grants().keySet()).containsExactlyInAnyOrderElementsOf(grantees);
        assertThat(w.kit.activities().list(AYSE, merged.id())).isEmpty();
        assertThat(w.kit.stream().list(AYSE, merged.id())).isEmpty();
        assertThat(w.kit.attachments().list(AYSE, merged.id())).isEmpty();
        assertThat(w.kit.access().followers(AYSE, merged.id())).isEmpty();
        List<HistoryEntry> history = w.kit.leads().history(AYSE, after.id());
        assertThat(history).containsAll(histories).doesNotHaveDuplicates().hasSize(histories.size() + 2);
        for (Attachment file : w.kit.attachments().list(AYSE, after.id())) {
            assertThat(w.kit.attachments().open(AYSE, file.id()).attachment().sha256()).isEqualTo(file.sha256());
        }
    }

    @Property(tries = 25)
    void aMergeThatFailsAtItsNthWriteChangesNothing(@ForAll("contents") Contents survivorHas,
                                                    @ForAll("contents") Contents mergedHas,
                                                    @ForAll @IntRange(min = 1, max = 40) int failAt) {
        World w = new World();
        Lead survivor = w.lead("Søren", survivorHas);
        Lead merged = w.lead("Soren", mergedHas);
        Snapshot before = w.snapshot(survivor.id(), merged.id());
        w.store.failAt(failAt);
        boolean failed;
        try {
            w.kit.duplicates().merge(AYSE, survivor.id(), survivor.version(), merged.id(), merged.version(),
                    MergePlan.defaults());
            failed = false;
        } catch (LeadKitException e) {
            assertThat(e.code()).isEqualTo("test.injected");
            failed = true;
        }
        int writes = w.store.writes();
        w.store.failAt(0);
        if (failed) {
            assertThat(w.snapshot(survivor.id(), merged.id())).isEqualTo(before);
        } else {
            assertThat(writes).isLessThan(failAt);
            assertThat(w.kit.leads().get(AYSE, merged.id()).mergedInto()).contains(survivor.id());
        }
    }

    private static <T> List<String> ids(List<T> a, List<T> b, java.util.function.Function<T, String> id) {
        List<String> all = new ArrayList<>();
        a.forEach(x -> all.add(id.apply(x)));
        b.forEach(x -> all.add(id.apply(x)));
        return all;
    }
}
