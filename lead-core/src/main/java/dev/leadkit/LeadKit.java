package dev.leadkit;

import dev.leadkit.access.AccessPolicy;
import dev.leadkit.access.AccessRules;
import dev.leadkit.access.AccessService;
import dev.leadkit.access.Directory;
import dev.leadkit.access.LeadGate;
import dev.leadkit.activity.ActivityService;
import dev.leadkit.activity.ActivityType;
import dev.leadkit.activity.AttachmentService;
import dev.leadkit.activity.BlobStore;
import dev.leadkit.activity.StreamService;
import dev.leadkit.event.EventPublisher;
import dev.leadkit.event.NotificationSink;
import dev.leadkit.field.CustomFieldService;
import dev.leadkit.lead.LeadService;
import dev.leadkit.query.QueryService;
import dev.leadkit.store.Store;
import dev.leadkit.store.memory.InMemoryStore;
import dev.leadkit.workflow.CatalogueService;
import dev.leadkit.workflow.ReminderService;
import dev.leadkit.workflow.WorkflowService;

import java.time.Clock;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

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
 * kit.activities().schedule(ayse, lead.id(), ActivityDraft.task("Call back").due(tomorrow).build());
 * kit.stream().post(ayse, lead.id(), "Met him at the fair.");
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
    private final ActivityService activities;
    private final StreamService stream;
    private final AttachmentService attachments;
    private final BlobStore blobs;
    private final QueryService queries;

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
        Set<ActivityType> types = new LinkedHashSet<>(ActivityType.DEFAULTS);
        types.addAll(b.activityTypes);
        this.workflow = new WorkflowService(store, gate, clock, bus, ids, types);
        this.reminders = new ReminderService(store, policy, notifications);
        bus.reactWith(workflow);
        this.activities = new ActivityService(store, directory, gate, clock, ids, bus, notifications, types);
        this.stream = new StreamService(store, gate, clock, ids, bus, notifications);
        this.blobs = b.blobs;
        this.attachments = new AttachmentService(store, b.blobs, b.maxAttachmentSize, gate, clock, ids, bus,
                notifications);
        this.queries = new QueryService(store, policy, directory, leads, access, workflow, clock, ids,
                Optional.ofNullable(b.cursorKey));
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

    /** @return calls, meetings, tasks and e-mails on leads, with their reminders */
    public ActivityService activities() {
        return activities;
    }

    /** @return the leads' streams: posts, notes and comments */
    public StreamService stream() {
        return stream;
    }

    /** @return files attached to leads */
    public AttachmentService attachments() {
        return attachments;
    }

    /** @return where attachments' bytes are kept */
    public BlobStore blobs() {
        return blobs;
    }

    /** @return lists, search, counts, saved views, the unhandled inbox and bulk actions */
    public QueryService queries() {
        return queries;
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
     * collecting notification sink, seed 000's access rules, the four built-in activity types, an
     * in-memory blob store and a 25 MiB attachment limit. Not thread-safe; {@link #build()} may be
     * called more than once.
     */
    public static final class Builder {
        private Store store = new InMemoryStore();
        private Directory directory = Directory.inMemory();
        private Clock clock = Clock.systemUTC();
        private IdGenerator ids;
        private EventPublisher events = EventPublisher.inProcess();
        private NotificationSink notifications = NotificationSink.collecting();
        private AccessRules accessRules = AccessRules.defaults();
        private final Set<ActivityType> activityTypes = new LinkedHashSet<>();
        private BlobStore blobs = BlobStore.inMemory();
        private long maxAttachmentSize = AttachmentService.DEFAULT_MAX_SIZE;
        private byte[] cursorKey;

        private Builder() {
        }

        /**
         * Adds activity types of the host's own (a site visit, a demo) to the built-in call,
         * meeting, task and e-mail. Configured in code at every start, so nothing is stored.
         *
         * @param types the additional types
         * @return this builder
         */
        public Builder activityTypes(ActivityType... types) {
            return activityTypes(Arrays.asList(types));
        }

        /**
         * @param types additional activity types, see {@link #activityTypes(ActivityType...)}
         * @return this builder
         */
        public Builder activityTypes(Collection<ActivityType> types) {
            types.forEach(t -> activityTypes.add(Objects.requireNonNull(t, "activity type")));
            return this;
        }

        /**
         * @param blobs where attachments' bytes are kept (default: in memory, {@link BlobStore#inMemory()})
         * @return this builder
         */
        public Builder blobs(BlobStore blobs) {
            this.blobs = Objects.requireNonNull(blobs, "blobs");
            return this;
        }

        /**
         * @param bytes the largest attachment accepted (default 25 MiB)
         * @return this builder
         * @throws IllegalArgumentException when not positive
         */
        public Builder maxAttachmentSize(long bytes) {
            if (bytes <= 0) {
                throw new IllegalArgumentException("maxAttachmentSize must be a positive number of bytes, not " + bytes);
            }
            this.maxAttachmentSize = bytes;
            return this;
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

        /**
         * The key keyset cursors are signed with (HMAC-SHA256). Give the same key to every
         * instance behind a load balancer so a cursor from one works on another; by default each
         * instance makes a random key, and its cursors work with it alone.
         *
         * @param key at least 32 bytes, kept secret
         * @return this builder
         * @throws IllegalArgumentException when shorter than 32 bytes
         */
        public Builder cursorKey(byte[] key) {
            Objects.requireNonNull(key, "key");
            if (key.length < QueryService.MIN_CURSOR_KEY_BYTES) {
                throw new IllegalArgumentException("cursorKey needs at least " + QueryService.MIN_CURSOR_KEY_BYTES
                        + " bytes, not " + key.length);
            }
            this.cursorKey = key.clone();
            return this;
        }

        /** @return the configured instance */
        public LeadKit build() {
            return new LeadKit(this);
        }
    }
}
