package dev.leadkit.activity;

import dev.leadkit.Actor;
import dev.leadkit.IdGenerator;
import dev.leadkit.LeadKit;
import dev.leadkit.access.AccessRules;
import dev.leadkit.access.Directory;
import dev.leadkit.access.InMemoryDirectory;
import dev.leadkit.access.Role;
import dev.leadkit.event.CollectingNotificationSink;
import dev.leadkit.event.EventPublisher;
import dev.leadkit.event.InProcessEventPublisher;
import dev.leadkit.event.LeadEvent;
import dev.leadkit.event.Notification;
import dev.leadkit.lead.Lead;
import dev.leadkit.lead.LeadDraft;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;

/**
 * A LeadKit with a settable clock and a small company:
 * <ul>
 *   <li>{@code admin} — Admin;</li>
 *   <li>{@code ayse} and {@code mehmet} — Users of team {@code tr} (team rights on each other's leads);</li>
 *   <li>{@code jonas} — User of team {@code dk}, reporting to {@code mette}, a Manager;</li>
 *   <li>{@code emre} — User of team {@code x}: no right on anyone else's lead.</li>
 * </ul>
 * {@link #aysesLead} is owned by Ayşe, {@link #jonassLead} by Jonas.
 */
final class Fixture {

    static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

    final Actor admin = Actor.of("admin");
    final Actor ayse = Actor.of("ayse");
    final Actor mehmet = Actor.of("mehmet");
    final Actor jonas = Actor.of("jonas");
    final Actor mette = Actor.of("mette");
    final Actor emre = Actor.of("emre");

    final TestClock clock = new TestClock(T0);
    final InMemoryDirectory directory = Directory.inMemory()
            .user("admin", "Admin").roles(Role.ADMIN).add()
            .user("ayse", "Ayşe Yılmaz").team("tr").add()
            .user("mehmet", "Mehmet Öztürk").team("tr").add()
            .user("mette", "Mette Ærø").roles(Role.MANAGER).team("dk").add()
            .user("jonas", "Jonas Jensen").team("dk").manager("mette").add()
            .user("emre", "Emre Çelik").team("x").add();
    final CollectingNotificationSink notifications = dev.leadkit.event.NotificationSink.collecting();
    final List<LeadEvent> events = new CopyOnWriteArrayList<>();
    final InMemoryBlobStore blobs = BlobStore.inMemory();
    final LeadKit kit;
    final Lead aysesLead;
    final Lead jonassLead;

    Fixture() {
        this(b -> b);
    }

    Fixture(UnaryOperator<LeadKit.Builder> configure) {
        InProcessEventPublisher publisher = EventPublisher.inProcess();
        publisher.subscribe(events::add);
        kit = configure.apply(LeadKit.builder()
                .directory(directory)
                .clock(clock)
                .ids(IdGenerator.sequential("id-"))
                .events(publisher)
                .notifications(notifications)
                .blobs(blobs)
                .accessRules(AccessRules.defaults())).build();
        aysesLead = kit.leads().create(ayse, LeadDraft.builder().firstName("Işıl").lastName("Ağaoğlu").build());
        jonassLead = kit.leads().create(jonas, LeadDraft.builder().firstName("Søren").lastName("Kierkegaard").build());
        events.clear();
        notifications.clear();
    }

    /** @return notifications of one kind, in delivery order */
    List<Notification> notified(String kind) {
        return notifications.delivered().stream().filter(n -> n.kind().equals(kind)).toList();
    }

    /** @return events of one type, in publication order */
    <E extends LeadEvent> List<E> published(Class<E> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }

    /** A clock tests move by hand. */
    static final class TestClock extends Clock {
        private volatile Instant now;

        TestClock(Instant start) {
            this.now = start;
        }

        void set(Instant instant) {
            this.now = instant;
        }

        void advance(Duration by) {
            this.now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
