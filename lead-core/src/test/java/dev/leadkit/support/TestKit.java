package dev.leadkit.support;

import dev.leadkit.Actor;
import dev.leadkit.IdGenerator;
import dev.leadkit.LeadKit;
import dev.leadkit.access.Directory;
import dev.leadkit.access.InMemoryDirectory;
import dev.leadkit.access.Role;
import dev.leadkit.event.EventPublisher;
import dev.leadkit.event.InProcessEventPublisher;
import dev.leadkit.event.LeadEvent;
import dev.leadkit.lead.LeadDraft;
import dev.leadkit.store.Store;
import dev.leadkit.store.memory.InMemoryStore;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A deterministic LeadKit for tests: an in-memory store, a fixed directory, a clock that moves only
 * when told, sequential ids {@code lead-1, lead-2, …}, and a subscriber that records every event.
 *
 * <pre>{@code
 * TestKit t = TestKit.create();
 * Lead lead = t.kit.leads().create(TestKit.AYSE, TestKit.egon().build());
 * }</pre>
 */
public final class TestKit {

    /** An Admin. */
    public static final Actor ADMIN = Actor.of("admin");
    /** A plain user of team sales; Jonas's team mate, so each holds the team rights on the other's leads. */
    public static final Actor AYSE = Actor.of("ayse");
    /** A plain user of team sales; Ayşe's team mate. */
    public static final Actor JONAS = Actor.of("jonas");
    /** A user the directory marks inactive. */
    public static final Actor FORMER = Actor.of("former");
    /** A user the directory does not know. */
    public static final Actor STRANGER = Actor.of("stranger");

    /** Where the clock starts; nanoseconds on purpose, the service keeps microseconds. */
    public static final String START = "2026-03-02T10:15:30.123456789Z";

    public final Store store;
    public final InMemoryDirectory directory;
    public final MutableClock clock;
    public final InProcessEventPublisher events;
    public final List<LeadEvent> published = new CopyOnWriteArrayList<>();
    public final LeadKit kit;

    private TestKit(Store store, EventPublisher publisher, InProcessEventPublisher events) {
        this.store = store;
        this.directory = Directory.inMemory()
                .user("admin", "Ada Admin").roles(Role.ADMIN).add()
                .user("ayse", "Ayşe Yılmaz").team("sales").add()
                .user("jonas", "Jonas Petraitis").team("sales").add()
                .user("former", "Frida Former").inactive().add();
        this.clock = MutableClock.at(START);
        this.events = events;
        this.kit = LeadKit.builder().store(store).directory(directory).clock(clock)
                .ids(IdGenerator.sequential("lead-")).events(publisher).build();
    }

    /** @return a kit on a new in-memory store */
    public static TestKit create() {
        return on(new InMemoryStore());
    }

    /** @param store the store to use @return a kit on it */
    public static TestKit on(Store store) {
        InProcessEventPublisher events = EventPublisher.inProcess();
        TestKit t = new TestKit(store, events, events);
        events.subscribe(t.published::add);
        return t;
    }

    /** @param publisher a publisher of the test's own @return a kit on a new in-memory store using it */
    public static TestKit publishingTo(EventPublisher publisher) {
        return new TestKit(new InMemoryStore(), publisher, null);
    }

    /** @return a second LeadKit on the same store and directory, as after a restart */
    public LeadKit reopened() {
        return LeadKit.builder().store(store).directory(directory).clock(clock)
                .ids(IdGenerator.sequential("reopened-")).build();
    }

    /** @return the clock's instant as the service stores it (microseconds) */
    public Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    /** @return a draft for a plain, valid lead */
    public static LeadDraft.Builder egon() {
        return LeadDraft.builder().firstName("Egon").lastName("Tester");
    }
}
