package dev.leadkit;

import dev.leadkit.access.AccessPolicy;
import dev.leadkit.access.AccessRules;
import dev.leadkit.access.AccessService;
import dev.leadkit.access.Directory;
import dev.leadkit.access.LeadGate;
import dev.leadkit.event.EventPublisher;
import dev.leadkit.event.NotificationSink;
import dev.leadkit.field.CustomFieldService;
import dev.leadkit.lead.LeadService;
import dev.leadkit.store.Store;
import dev.leadkit.store.memory.InMemoryStore;
import dev.leadkit.workflow.CatalogueService;
import dev.leadkit.workflow.ReminderService;
import dev.leadkit.workflow.WorkflowService;

import java.time.Clock;
import java.util.Objects;

/**
 * The front door: one configured LeadKit instance serves one tenant. Build it once and share it;
 * it is thread-safe and holds no state of its own — state lives in the {@link Store}.
 *
 * <pre>{@code
 * InMemoryDirectory directory = Directory.inMemory()
 *         .user("ayse", "Ayşe Yılmaz").team("sales-tr").add();
 * LeadKit kit = LeadKit.builder()
 *         .directory(directory)            // the host's users
 *         .clock(Clock.systemUTC())        // default
 *         .build();                        // in-memory store by default
 *
 * Actor ayse = Actor.of("ayse");
 * Lead lead = kit.leads().create(ayse, LeadDraft.builder().firstName("Egon").lastName("Tester").build());
 * }</pre>
 *
 * @since 0.1
 */
public final class LeadKit {

    private final Store store;
    private final Directory directory;
    private final Clock clock;
    private final EventPublisher events;
    private final NotificationSink notifications;
    private final LeadService leads;
    private final CatalogueService catalogues;
    private final AccessService access;
    private final CustomFieldService customFields;
    private final WorkflowService workflow;
    private final ReminderService reminders;

    private LeadKit(Builder b) {
        this.store = b.store;
        this.directory = b.directory;
        this.clock = b.clock;
        EventBus bus = new EventBus(b.events);
        this.events = bus;
        this.notifications = b.notifications;
        AccessPolicy policy = new AccessPolicy(directory, b.accessRules);
        LeadGate gate = new LeadGate(policy);
        IdGenerator ids = b.ids != null ? b.ids : IdGenerator.timeOrdered(clock);
        this.leads = new LeadService(store, directory, gate, clock, ids, bus, notifications);
        this.catalogues = new CatalogueService(store, policy);
        this.access = new AccessService(store, directory, gate, clock, ids, bus, notifications);
        this.customFields = new CustomFieldService(store, policy, clock);
        this.workflow = new WorkflowService(store, gate, clock, bus);
        this.reminders = new ReminderService(store, policy, notifications);
        bus.reactWith(workflow);
    }

    /** @return a builder with the embedded defaults */
    public static Builder builder() {
        return new Builder();
    }

    /** @return lead creation, reading, changes and history */
    public LeadService leads() {
        return leads;
    }

    /** @return ownership and sharing: rights, grants, access requests, transfer, follow, claim */
    public AccessService access() {
        return access;
    }

    /** @return custom field definitions (Admin) and raw-text parsing of their values */
    public CustomFieldService customFields() {
        return customFields;
    }

    /** @return status moves, closing, locked statuses, status history and the kanban board */
    public WorkflowService workflow() {
        return workflow;
    }

    /** @return stale-status reminder rules and {@code due(now)} */
    public ReminderService reminders() {
        return reminders;
    }

    /** @return the status, source and close-reason catalogues */
    public CatalogueService catalogues() {
        return catalogues;
    }

    /** @return the store this instance uses */
    public Store store() {
        return store;
    }

    /** @return the directory this instance asks about users */
    public Directory directory() {
        return directory;
    }

    /** @return the clock this instance reads time from */
    public Clock clock() {
        return clock;
    }

    /**
     * LeadKit's event bus: every event goes to the host's publisher, then to LeadKit's own
     * reactions. A host raises events of its own here, e.g. a {@code LeadEvent.DealLinked}.
     *
     * @return the bus
     */
    public EventPublisher events() {
        return events;
    }

    /** @return where this instance delivers notifications */
    public NotificationSink notifications() {
        return notifications;
    }

    /**
     * Configures a {@link LeadKit}. Every option has an embedded default: an in-memory store, an
     * empty in-memory directory, the system clock (UTC), time-ordered UUIDs, in-process events, a
     * collecting notification sink and seed 000's access rules. Not thread-safe; {@link #build()} may be called more than once.
     */
    public static final class Builder {
        private Store store = new InMemoryStore();
        private Directory directory = Directory.inMemory();
        private Clock clock = Clock.systemUTC();
        private IdGenerator ids;
        private EventPublisher events = EventPublisher.inProcess();
        private NotificationSink notifications = NotificationSink.collecting();
        private AccessRules accessRules = AccessRules.defaults();

        private Builder() {
        }

        /**
         * @param rules the configurable access rules (default: seed 000's, {@link AccessRules#defaults()})
         * @return this builder
         */
        public Builder accessRules(AccessRules rules) {
            this.accessRules = Objects.requireNonNull(rules, "rules");
            return this;
        }

        /**
         * @param store where state lives (default: a new {@link InMemoryStore})
         * @return this builder
         */
        public Builder store(Store store) {
            this.store = Objects.requireNonNull(store, "store");
            return this;
        }

        /**
         * @param directory the host's users, teams, roles and managers (default: empty, in memory)
         * @return this builder
         */
        public Builder directory(Directory directory) {
            this.directory = Objects.requireNonNull(directory, "directory");
            return this;
        }

        /**
         * @param clock the time source for every timestamp (default: system UTC)
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * @param ids makes ids of new records (default: time-ordered UUIDs from the clock)
         * @return this builder
         */
        public Builder ids(IdGenerator ids) {
            this.ids = Objects.requireNonNull(ids, "ids");
            return this;
        }

        /**
         * @param events receives domain events after commit (default: in-process, no subscribers)
         * @return this builder
         */
        public Builder events(EventPublisher events) {
            this.events = Objects.requireNonNull(events, "events");
            return this;
        }

        /**
         * @param notifications delivers notifications to people (default: collecting in memory)
         * @return this builder
         */
        public Builder notifications(NotificationSink notifications) {
            this.notifications = Objects.requireNonNull(notifications, "notifications");
            return this;
        }

        /** @return the configured instance */
        public LeadKit build() {
            return new LeadKit(this);
        }
    }
}
