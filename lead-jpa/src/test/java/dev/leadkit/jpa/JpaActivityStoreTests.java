package dev.leadkit.jpa;

import dev.leadkit.Actor;
import dev.leadkit.ConflictException;
import dev.leadkit.LeadKit;
import dev.leadkit.LeadKitException;
import dev.leadkit.access.AccessRequest;
import dev.leadkit.access.Directory;
import dev.leadkit.access.Right;
import dev.leadkit.access.Role;
import dev.leadkit.activity.Activity;
import dev.leadkit.activity.Attachment;
import dev.leadkit.activity.Reminder;
import dev.leadkit.activity.ReminderOffset;
import dev.leadkit.activity.StreamPost;
import dev.leadkit.field.CustomField;
import dev.leadkit.field.CustomFields;
import dev.leadkit.field.FieldType;
import dev.leadkit.lead.LeadField;
import dev.leadkit.store.StoreTransaction;
import dev.leadkit.store.Visibility;
import dev.leadkit.store.contract.TestActivities;
import jakarta.persistence.PersistenceException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import static dev.leadkit.store.contract.TestActivities.aPost;
import static dev.leadkit.store.contract.TestActivities.anActivity;
import static dev.leadkit.store.contract.TestActivities.anAttachment;
import static dev.leadkit.store.contract.TestLeads.aLead;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The JPA store's own cases for activities, the stream, attachments, access requests, custom
 * field definitions and the reminder log, beyond the storage contract: the visibility predicate
 * evaluated in SQL against grant rows, the reminder window compared with brute force through
 * {@code ActivityService.reminders}, conflicts detected by the database at commit, and values the
 * columns cannot hold. Each database runs them through a one-line subclass.
 */
abstract class JpaActivityStoreTests {

    private static JpaStoreFixture fixture;
    private static TestDatabase database;
    private JpaStore store;

    /** Opens the fixture once per class; subclasses call it from {@code @BeforeAll}. */
    static void open(TestDatabase db) {
        database = db;
        fixture = JpaStoreFixture.open(db);
    }

    @AfterAll
    static void closeFixture() {
        if (fixture != null) {
            fixture.close();
            fixture = null;
        }
    }

    @BeforeEach
    void emptyStore() {
        store = JpaStoreFixture.emptyStore(fixture, database);
    }

    private void write(Consumer<StoreTransaction> work) {
        store.inTransaction(tx -> {
            work.accept(tx);
            return null;
        });
    }

    /** A VIEW (or other) grant as lk_lead_grant holds it, written with JDBC: the lead-access repository is not this test's subject. */
    private static void grant(String leadId, String grantee, boolean canView) {
        try (Connection c = fixture.pool.getConnection();
             PreparedStatement s = c.prepareStatement(
                     "insert into lk_lead_grant (lead_id, grantee_id, rights, can_view) values (?, ?, ?, ?)")) {
            s.setString(1, leadId);
            s.setString(2, grantee);
            s.setString(3, canView ? "view" : "tag,view");
            s.setBoolean(4, canView);
            s.executeUpdate();
            c.commit();
        } catch (SQLException e) {
            throw new IllegalStateException("could not write a grant", e);
        }
    }

    private <T> T read(java.util.function.Function<StoreTransaction, T> work) {
        return store.inTransaction(work::apply);
    }

    private List<String> candidates(Visibility visibility, Instant from, Instant to) {
        return store.inTransaction(tx -> tx.activities().reminderCandidates(visibility, from, to)).stream()
                .map(Activity::id).toList();
    }

    @Test
    @DisplayName("reminder candidates: the visibility predicate runs in SQL against lk_lead and lk_lead_grant")
    void reminderCandidatesAreScopedInSql() {
        Instant due = Instant.parse("2026-05-03T12:00:00Z");
        write(tx -> {
            tx.leads().insert(aLead().id("v-ayse").with(LeadField.OWNER, "ayse").build());
            tx.leads().insert(aLead().id("v-jonas").with(LeadField.OWNER, "jonas").build());
            tx.leads().insert(aLead().id("v-inbox").with(LeadField.OWNER, null).build());
            tx.leads().insert(aLead().id("v-granted").with(LeadField.OWNER, "mette").build());
            tx.leads().insert(aLead().id("v-tagged").with(LeadField.OWNER, "mette").build());
            tx.leads().insert(aLead().id("v-gone").with(LeadField.OWNER, "ayse").deleted().build());
            for (String lead : List.of("v-ayse", "v-jonas", "v-inbox", "v-granted", "v-tagged", "v-gone")) {
                tx.activities().insert(anActivity().id("c-" + lead).onLead(lead).due(due).build());
            }
        });
        grant("v-granted", "ayse", true);
        grant("v-tagged", "ayse", false);
        grant("v-inbox", "şarūnas", true);
        Instant from = due.minusSeconds(60);
        Instant to = due.plusSeconds(60);

        assertThat(candidates(new Visibility(false, Set.of("ayse"), false, Optional.of("ayse")), from, to))
                .containsExactly("c-v-ayse", "c-v-granted");
        assertThat(candidates(new Visibility(false, Set.of("jonas"), true, Optional.of("jonas")), from, to))
                .containsExactly("c-v-inbox", "c-v-jonas");
        assertThat(candidates(new Visibility(false, Set.of("ayse", "jonas", "mette"), false, Optional.empty()), from, to))
                .containsExactly("c-v-ayse", "c-v-granted", "c-v-jonas", "c-v-tagged");
        assertThat(candidates(new Visibility(false, Set.of(), false, Optional.of("şarūnas")), from, to))
                .containsExactly("c-v-inbox");
        assertThat(candidates(new Visibility(false, Set.of(), false, Optional.empty()), from, to)).isEmpty();
        assertThat(candidates(Visibility.everything(), from, to))
                .containsExactly("c-v-ayse", "c-v-granted", "c-v-inbox", "c-v-jonas", "c-v-tagged");
        // Windows at the ends of time bind no instant the databases cannot hold.
        assertThat(candidates(Visibility.everything(), Instant.MIN, Instant.MAX)).hasSize(5);
        assertThat(candidates(Visibility.everything(), Instant.MAX, Instant.MAX)).isEmpty();
        // A bound finer than the stored microseconds: due < from must hold exactly.
        assertThat(candidates(Visibility.everything(), due.plusNanos(1), due.plusSeconds(1))).isEmpty();
        assertThat(candidates(Visibility.everything(), due.minusNanos(1), due)).hasSize(5);
    }

    @Test
    @DisplayName("ActivityService.reminders on this store returns exactly the reminders a brute force finds, for random windows")
    void reminderWindowsMatchBruteForce() {
        long seed = 20_261_123L;
        Random random = new Random(seed);
        Duration step = Duration.ofMinutes(5);
        int firing = 0;
        for (int scenario = 0; scenario < 25; scenario++) {
            TestDatabase.empty(fixture.pool);
            Instant base = Instant.EPOCH.plus(31_536_000_000_000L
                    + (long) (random.nextDouble() * 7_000_000_000_000_000L), ChronoUnit.MICROS);
            LeadKit kit = LeadKit.builder().store(store)
                    .directory(Directory.inMemory().user("admin", "Admin").roles(Role.ADMIN).add()
                            .user("ayse", "Ayşe").team("tr").add()
                            .user("emre", "Emre").team("x").add())
                    .clock(Clock.fixed(base, ZoneOffset.UTC)).build();
            List<Activity> stored = new ArrayList<>();
            int count = random.nextInt(13);
            for (int i = 0; i < count; i++) {
                boolean hidden = random.nextInt(5) == 0;
                Instant due = random.nextInt(10) == 0 ? null : base.plus(step.multipliedBy(random.nextInt(8_201) - 4_100));
                Set<ReminderOffset> offsets = EnumSet.noneOf(ReminderOffset.class);
                if (due != null) {
                    for (ReminderOffset offset : ReminderOffset.values()) {
                        if (random.nextBoolean()) {
                            offsets.add(offset);
                        }
                    }
                }
                TestActivities builder = anActivity().id("s" + scenario + "-a" + i).onLead(hidden ? "hidden" : "visible")
                        .assignee(hidden ? "emre" : "ayse").reminders(offsets.toArray(ReminderOffset[]::new));
                if (due != null) {
                    builder.due(due);
                }
                if (random.nextInt(4) == 0) {
                    builder.doneAt(base);
                }
                stored.add(builder.build());
            }
            write(tx -> {
                tx.leads().insert(aLead().id("visible").with(LeadField.OWNER, "ayse").build());
                tx.leads().insert(aLead().id("hidden").with(LeadField.OWNER, "emre").build());
                stored.forEach(tx.activities()::insert);
            });
            Instant from = base.plus(step.multipliedBy(random.nextInt(8_201) - 4_100));
            Instant to = from.plus(step.multipliedBy(random.nextInt(4_101)));

            List<Reminder> forAdmin = kit.activities().reminders(Actor.of("admin"), from, to);
            List<Reminder> forAyse = kit.activities().reminders(Actor.of("ayse"), from, to);
            String as = "seed " + seed + ", scenario " + scenario;
            assertThat(keys(forAdmin)).as(as).containsExactlyInAnyOrderElementsOf(bruteForce(stored, from, to, true));
            assertThat(keys(forAyse)).as(as).containsExactlyInAnyOrderElementsOf(bruteForce(stored, from, to, false));
            assertThat(forAdmin).as(as).isSortedAccordingTo(java.util.Comparator.comparing(Reminder::fireAt));
            firing += forAdmin.size();
        }
        // The scenarios must actually fire reminders, or the comparison above proves nothing.
        assertThat(firing).isGreaterThan(25);
    }

    private static List<String> bruteForce(List<Activity> stored, Instant from, Instant to, boolean seesHidden) {
        List<String> expected = new ArrayList<>();
        for (Activity a : stored) {
            if (a.done() || a.due().isEmpty() || (!seesHidden && a.leadId().equals("hidden"))) {
                continue;
            }
            for (ReminderOffset offset : a.reminders()) {
                Instant fireAt = a.due().get().minus(offset.before());
                if (!fireAt.isBefore(from) && fireAt.isBefore(to)) {
                    expected.add(a.id() + "/" + offset + "@" + fireAt + "->" + a.assigneeId());
                }
            }
        }
        return expected;
    }

    private static List<String> keys(List<Reminder> reminders) {
        return reminders.stream()
                .map(r -> r.activity().id() + "/" + r.offset() + "@" + r.fireAt() + "->" + r.recipientId()).toList();
    }

    @Test
    @DisplayName("a removed attachment's id is never stored again")
    void removedAttachmentIdsStayTaken() {
        Attachment file = anAttachment("l1").build();
        write(tx -> tx.attachments().insert(file));
        write(tx -> tx.attachments().delete(file.id()));
        assertThat(read(tx -> tx.attachments().find(file.id())).isEmpty()).isTrue();
        Throwable again = catchThrowable(() -> write(tx -> tx.attachments().insert(file)));
        assertThat(again).isInstanceOf(ConflictException.class);
        assertThat(((LeadKitException) again).code()).isEqualTo("attachment.id.taken");
        // Inserted and removed within one transaction: the row is written before it is marked.
        Attachment brief = anAttachment("l1").build();
        write(tx -> {
            tx.attachments().insert(brief);
            tx.attachments().delete(brief.id());
            assertThat(tx.attachments().forLead("l1")).isEmpty();
        });
        assertThat(catchThrowable(() -> write(tx -> tx.attachments().insert(brief)))).isInstanceOf(ConflictException.class);
    }

    @Test
    @DisplayName("a change committed by another transaction meanwhile is a stale version of the right kind, found by the database")
    void staleVersionsFoundAtCommitNameTheirKind() throws Exception {
        Activity activity = anActivity().onLead("l1").build();
        StreamPost post = aPost("l1").build();
        AccessRequest request = new AccessRequest("req-1", "l1", "jonas", Set.of(Right.VIEW), AccessRequest.State.PENDING,
                Instant.parse("2026-03-01T10:00:00Z"), Optional.empty(), Optional.empty(), 1);
        write(tx -> {
            tx.activities().insert(activity);
            tx.stream().insert(post);
            tx.accessRequests().insert(request);
            tx.customFields().save(new CustomFields(List.of(), 1));
        });
        assertThat(race(tx -> tx.activities().update(TestActivities.next(activity, "Mine")),
                () -> write(tx -> tx.activities().update(TestActivities.next(activity, "Theirs")))))
                .isIn("activity.version.stale", "store.concurrent_change");
        assertThat(race(tx -> tx.stream().update(post.edited("Mine", Instant.parse("2026-03-02T10:00:00Z"))),
                () -> write(tx -> tx.stream().update(post.edited("Theirs", Instant.parse("2026-03-02T10:00:00Z"))))))
                .isIn("stream_post.version.stale", "store.concurrent_change");
        Instant at = Instant.parse("2026-03-03T10:00:00Z");
        assertThat(race(tx -> tx.accessRequests().update(request.decided(true, "ayse", at)),
                () -> write(tx -> tx.accessRequests().update(request.decided(false, "ayse", at)))))
                .isIn("access_request.version.stale", "store.concurrent_change");
        // Both change the definitions: a save that changes nothing locks the row at once instead.
        CustomField mineField = CustomField.of("mine", FieldType.TEXT, java.util.Map.of("en", "Mine"));
        CustomField theirsField = CustomField.of("theirs", FieldType.TEXT, java.util.Map.of("en", "Theirs"));
        assertThat(race(tx -> tx.customFields().save(new CustomFields(List.of(mineField), 2)),
                () -> write(tx -> tx.customFields().save(new CustomFields(List.of(theirsField), 2)))))
                .isIn("custom_fields.version.stale", "store.concurrent_change");
        assertThat(read(tx -> tx.activities().find(activity.id())).orElseThrow().subject()).isEqualTo("Theirs");
        assertThat(read(tx -> tx.customFields().load()).fields()).containsExactly(theirsField);
        assertThat(read(tx -> tx.stream().find(post.id())).orElseThrow().text()).isEqualTo("Theirs");
        assertThat(read(tx -> tx.accessRequests().findRequest("req-1")).orElseThrow().state())
                .isEqualTo(AccessRequest.State.DENIED);
    }

    /**
     * Runs {@code mine} in a transaction that reads and changes first, lets {@code theirs} commit,
     * then commits; returns the code {@code mine} failed with.
     */
    private String race(Consumer<StoreTransaction> mine, Runnable theirs) throws Exception {
        CountDownLatch changed = new CountDownLatch(1);
        CountDownLatch committed = new CountDownLatch(1);
        CompletableFuture<Throwable> first = CompletableFuture.supplyAsync(() -> catchThrowable(() -> write(tx -> {
            mine.accept(tx);
            changed.countDown();
            try {
                committed.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        })));
        assertThat(changed.await(30, TimeUnit.SECONDS)).isTrue();
        theirs.run();
        committed.countDown();
        Throwable failure = first.get(60, TimeUnit.SECONDS);
        assertThat(failure).isInstanceOf(ConflictException.class).isNotInstanceOf(PersistenceException.class);
        return ((LeadKitException) failure).code();
    }

    @Test
    @DisplayName("values longer than their columns are store.value.too_long, never a persistence exception, and leave nothing")
    void tooLongValuesAreLeadKitErrors() {
        String longId = "x".repeat(65);
        String longUser = "ü".repeat(129);
        List<Runnable> writes = List.of(
                () -> write(tx -> tx.activities().insert(anActivity().id(longId).onLead("l1").build())),
                () -> write(tx -> tx.activities().insert(anActivity().onLead("l1").assignee(longUser).build())),
                () -> write(tx -> tx.stream().insert(aPost(longId).build())),
                () -> write(tx -> tx.attachments().insert(anAttachment("l1").id(longId).build())),
                () -> write(tx -> tx.accessRequests().insert(new AccessRequest("r", "l1", longUser, Set.of(Right.VIEW),
                        AccessRequest.State.PENDING, Instant.EPOCH, Optional.empty(), Optional.empty(), 1))),
                () -> write(tx -> tx.reminderLog().record(longId, "rule", Instant.EPOCH)));
        for (Runnable w : writes) {
            Throwable failure = catchThrowable(w::run);
            assertThat(failure).isInstanceOf(LeadKitException.class).isNotInstanceOf(PersistenceException.class);
            assertThat(((LeadKitException) failure).code()).isEqualTo("store.value.too_long");
            assertThat(failure.getMessage()).doesNotContain(longId).doesNotContain(longUser);
        }
        assertThat(read(tx -> tx.activities().forLead("l1")).isEmpty()).isTrue();
        assertThat(read(tx -> tx.attachments().forLead("l1")).isEmpty()).isTrue();
    }

    @Test
    @DisplayName("a taken id inserted in the same transaction twice is a conflict of its kind")
    void idsTakenWithinOneTransaction() {
        Activity activity = anActivity().onLead("l1").build();
        Throwable twice = catchThrowable(() -> write(tx -> {
            tx.activities().insert(activity);
            tx.activities().insert(activity);
        }));
        assertThat(twice).isInstanceOf(ConflictException.class);
        assertThat(((LeadKitException) twice).code()).isEqualTo("activity.id.taken");
        assertThat(read(tx -> tx.activities().find(activity.id())).isEmpty()).isTrue();
        assertThatThrownBy(() -> write(tx -> {
            tx.reminderLog().record("l1", "rule", Instant.EPOCH);
            tx.reminderLog().record("l1", "rule", Instant.EPOCH);
        })).isInstanceOf(ConflictException.class);
        assertThat(read(tx -> tx.reminderLog().lastPeriod("l1", "rule")).isEmpty()).isTrue();
    }
}
