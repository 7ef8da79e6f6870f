package dev.leadkit.store.memory;

import dev.leadkit.ConflictException;
import dev.leadkit.NotFoundException;
import dev.leadkit.access.AccessRequest;
import dev.leadkit.access.LeadAccess;
import dev.leadkit.access.Right;
import dev.leadkit.activity.Activity;
import dev.leadkit.activity.Attachment;
import dev.leadkit.activity.HistoryEntry;
import dev.leadkit.field.CustomFields;
import dev.leadkit.field.FieldValue;
import dev.leadkit.activity.StreamPost;
import dev.leadkit.dedupe.DuplicateDecision;
import dev.leadkit.lead.Lead;
import dev.leadkit.lead.LeadField;
import dev.leadkit.lead.LeadId;
import dev.leadkit.store.AccessRequestRepository;
import dev.leadkit.store.ActivityRepository;
import dev.leadkit.store.AttachmentRepository;
import dev.leadkit.store.CatalogueRepository;
import dev.leadkit.store.CustomFieldRepository;
import dev.leadkit.store.DuplicateDecisionRepository;
import dev.leadkit.store.MatchKeyRepository;
import dev.leadkit.store.LeadAccessRepository;
import dev.leadkit.store.HistoryRepository;
import dev.leadkit.store.ImportJobRepository;
import dev.leadkit.store.Criterion;
import dev.leadkit.store.LeadListing;
import dev.leadkit.store.LeadSelection;
import dev.leadkit.store.QueryField;
import dev.leadkit.store.LeadRepository;
import dev.leadkit.store.LeadSort;
import dev.leadkit.store.ReminderLogRepository;
import dev.leadkit.store.Settings;
import dev.leadkit.store.SettingsRepository;
import dev.leadkit.store.Store;
import dev.leadkit.store.StoreTransaction;
import dev.leadkit.store.StreamRepository;
import dev.leadkit.store.TransactionalWork;
import dev.leadkit.store.ViewRepository;
import dev.leadkit.store.Visibility;
import dev.leadkit.query.SavedView;
import dev.leadkit.query.SortKey;
import dev.leadkit.query.TextFold;
import dev.leadkit.workflow.Catalogue;
import dev.leadkit.workflow.CatalogueKind;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * The embedded default {@link Store}: everything in memory, gone when the JVM ends. Behaves like a
 * database at read-committed isolation with optimistic locking, and is the reference the storage
 * contract kit is written against.
 *
 * <p>Each transaction writes into a private overlay; its reads see its own writes over the
 * committed state. At commit, under one lock, every version the transaction based a write on is
 * checked against the committed state (a concurrent commit in between makes it a
 * {@link ConflictException}) and then all writes are applied at once. Work that throws leaves no
 * trace. Values are immutable, so what a caller reads never changes under it. Thread-safe.
 *
 * <pre>{@code
 * LeadKit kit = LeadKit.builder().store(new InMemoryStore()).build();
 * }</pre>
 *
 * @since 0.1
 */
public final class InMemoryStore implements Store {

    private static final long ABSENT = 0;
    /** The history of a lead with none. */
    private static final StoredHistory[] NO_HISTORY = {};

    /** Transactions writing at least this many leads build their query rows on several threads. */
    private static final int PARALLEL_ROWS = 256;

    /** The stored "version" of an attachment that exists: attachments are immutable. */
    private static final long PRESENT = 1;

    private static final Comparator<Lead> NEWEST_FIRST =
            Comparator.comparing(Lead::createdAt).thenComparing(Lead::id).reversed();
    private static final Comparator<Lead> OLDEST_FIRST =
            Comparator.comparing(Lead::createdAt).thenComparing(Lead::id);
    private static final Comparator<Lead> RECENTLY_UPDATED =
            Comparator.comparing(Lead::updatedAt).thenComparing(Lead::id).reversed();
    private static final Comparator<Lead> LONGEST_IN_STATUS =
            Comparator.comparing(Lead::statusSince).thenComparing(Lead::id);

    /** By due time, else start; activities with neither last; ties by id (the port's order). */
    private static final Comparator<Activity> BY_SCHEDULE = Comparator
            .comparing((Activity a) -> a.due().or(a::start).orElse(null), Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(Activity::id);

    private static final Comparator<StreamPost> OLDEST_POST_FIRST =
            Comparator.comparing(StreamPost::createdAt).thenComparing(StreamPost::id);

    private static final Comparator<Attachment> OLDEST_UPLOAD_FIRST =
            Comparator.comparing(Attachment::uploadedAt).thenComparing(Attachment::id);

    private final Map<LeadId, Lead> leads = new ConcurrentHashMap<>();
    private final Map<String, LeadId> externalIds = new ConcurrentHashMap<>();
    /** Committed history by lead id, oldest first, kept compactly. */
    private final Map<String, StoredHistory[]> history = new ConcurrentHashMap<>();
    private final AtomicLong historySequence = new AtomicLong();
    private final Map<CatalogueKind, Catalogue> catalogues = new ConcurrentHashMap<>();
    private volatile Settings settings = Settings.empty();
    private final Map<String, LeadAccess> access = new ConcurrentHashMap<>();
    /** Committed VIEW grants by grantee: the lead ids, so a scoped query need not read every lead's access. */
    private final Map<String, Set<String>> viewGrants = new ConcurrentHashMap<>();
    private final Map<String, AccessRequest> requests = new ConcurrentHashMap<>();
    private volatile CustomFields customFields = CustomFields.none();
    /** lead id + '\n' + rule id → the latest period reminded. */
    private final Map<String, Instant> reminderLog = new ConcurrentHashMap<>();
    private final Map<String, Activity> activities = new ConcurrentHashMap<>();
    private final Map<String, StreamPost> posts = new ConcurrentHashMap<>();
    private final Map<String, Attachment> attachments = new ConcurrentHashMap<>();
    private final MemoryImportJobs importJobs = new MemoryImportJobs();
    private final ReentrantLock commitLock = new ReentrantLock();
    /** The committed leads with their folded texts, for queries; kept in step with {@link #leads} at commit. */
    private final Map<LeadId, LeadRow> rows = new ConcurrentHashMap<>();
    /** Committed lead ids by status code. */
    private final Map<String, Set<LeadId>> byStatus = new ConcurrentHashMap<>();
    /** Committed lead ids by owner; unassigned leads under "". */
    private final Map<String, Set<LeadId>> byOwner = new ConcurrentHashMap<>();
    private final Map<String, SavedView> views = new ConcurrentHashMap<>();
    /** Each live lead's blocking keys, and the inverse index from key to leads. */
    private final Map<LeadId, Set<String>> keysByLead = new ConcurrentHashMap<>();
    private final KeyHolders leadsByKey = new KeyHolders();
    /** "Not a duplicate" decisions by pair ({@code first + '\n' + second}). */
    private final Map<String, DuplicateDecision> decisions = new ConcurrentHashMap<>();
    /**
     * Bumped after every commit that changes leads, grants or custom fields: what a query's
     * result depends on. A {@link Sorted} snapshot of an older version is stale.
     */
    private final AtomicLong queryVersion = new AtomicLong();
    /** The last deep-paged selection's matching rows in order, so the next page is a binary search. */
    private volatile Sorted sorted;

    /** Every row an unpaged selection matches, sorted, as of one committed version. */
    private record Sorted(LeadSelection selection, long version, List<MemoryQuery.Keyed> rows) {
    }

    /** Creates an empty store. */
    public InMemoryStore() {
    }

    @Override
    public <T> T inTransaction(TransactionalWork<T> work) {
        Objects.requireNonNull(work, "work");
        MemoryTransaction tx = new MemoryTransaction();
        try {
            T result = work.run(tx);
            tx.commit();
            return result;
        } finally {
            tx.open = false;
        }
    }

    private final class MemoryTransaction implements StoreTransaction, LeadRepository, HistoryRepository,
            CatalogueRepository, SettingsRepository, LeadAccessRepository, AccessRequestRepository {

        boolean open = true;
        private final Map<LeadId, Lead> writtenLeads = new LinkedHashMap<>();
        /** The external id of each lead written in this transaction, as last written. */
        private final Map<String, LeadId> writtenExternalIds = new HashMap<>();
        /** The committed version each written lead was based on; ABSENT for inserts. */
        private final Map<LeadId, Long> leadBase = new HashMap<>();
        private final List<HistoryEntry> appended = new ArrayList<>();
        private final Map<CatalogueKind, Catalogue> writtenCatalogues = new EnumMap<>(CatalogueKind.class);
        private final Map<CatalogueKind, Long> catalogueBase = new EnumMap<>(CatalogueKind.class);
        private Settings writtenSettings;
        private long settingsBase = -1;
        private final Map<String, LeadAccess> writtenAccess = new HashMap<>();
        private final Map<String, Long> accessBase = new HashMap<>();
        private final Map<String, AccessRequest> writtenRequests = new LinkedHashMap<>();
        private final Map<String, Long> requestBase = new HashMap<>();
        private final Map<String, Instant> writtenReminders = new HashMap<>();
        private CustomFields writtenFields;
        private long fieldsBase = -1;
        private final Map<String, Activity> writtenActivities = new LinkedHashMap<>();
        private final Map<String, Long> activityBase = new HashMap<>();
        private final Map<String, StreamPost> writtenPosts = new LinkedHashMap<>();
        private final Map<String, Long> postBase = new HashMap<>();
        private final Map<String, Attachment> writtenAttachments = new LinkedHashMap<>();
        private final Set<String> removedAttachments = new HashSet<>();
        /** PRESENT for attachments removed, ABSENT for those inserted. */
        private final Map<String, Long> attachmentBase = new HashMap<>();
        // The new repositories share method names (find, insert, forLead) with the older ones the
        // transaction implements itself, with other return types; they are views on its overlay.
        private final MemoryActivities activityView = new MemoryActivities();
        private final MemoryStream streamView = new MemoryStream();
        private final MemoryAttachments attachmentView = new MemoryAttachments();
        private final MemoryViews viewsView = new MemoryViews();
        private final Map<String, SavedView> writtenViews = new LinkedHashMap<>();
        private final Set<String> removedViews = new HashSet<>();
        /** The committed version each written or removed view was based on; ABSENT for inserts. */
        private final Map<String, Long> viewBase = new HashMap<>();
        /** Leads whose keys this transaction replaced: their complete new key set (empty: removed). */
        private final Map<LeadId, Set<String>> writtenKeys = new LinkedHashMap<>();
        private final Map<String, DuplicateDecision> writtenDecisions = new LinkedHashMap<>();
        private final Set<String> removedDecisions = new HashSet<>();
        /** PRESENT for decisions removed, ABSENT for those inserted. */
        private final Map<String, Long> decisionBase = new HashMap<>();
        private final MemoryMatchKeys matchKeyView = new MemoryMatchKeys();
        private final MemoryDecisions decisionView = new MemoryDecisions();

        private final MemoryImportJobs.Tx importJobView = importJobs.begin(this::checkOpen);

        private void checkOpen() {
            if (!open) {
                throw new IllegalStateException("this transaction has ended; repositories are valid only inside inTransaction");
            }
        }

        @Override
        public LeadRepository leads() {
            checkOpen();
            return this;
        }

        @Override
        public HistoryRepository history() {
            checkOpen();
            return this;
        }

        @Override
        public CatalogueRepository catalogues() {
            checkOpen();
            return this;
        }

        @Override
        public SettingsRepository settings() {
            checkOpen();
            return this;
        }

        @Override
        public LeadAccessRepository access() {
            checkOpen();
            return this;
        }

        @Override
        public AccessRequestRepository accessRequests() {
            checkOpen();
            return this;
        }

        @Override
        public ReminderLogRepository reminderLog() {
            checkOpen();
            return reminderRepository;
        }

        private final ReminderLogRepository reminderRepository = new ReminderLogRepository() {
            @Override
            public Optional<Instant> lastPeriod(String leadId, String ruleId) {
                checkOpen();
                String key = leadId + "\n" + ruleId;
                Instant written = writtenReminders.get(key);
                return Optional.ofNullable(written != null ? written : reminderLog.get(key));
            }

            @Override
            public void record(String leadId, String ruleId, Instant periodStart) {
                checkOpen();
                Optional<Instant> last = lastPeriod(leadId, ruleId);
                if (last.isPresent() && !last.get().isBefore(periodStart)) {
                    throw alreadyReminded();
                }
                writtenReminders.put(leadId + "\n" + ruleId, periodStart);
            }
        };

        @Override
        public CustomFieldRepository customFields() {
            checkOpen();
            return fieldRepository;
        }

        private final CustomFieldRepository fieldRepository = new CustomFieldRepository() {
            @Override
            public CustomFields load() {
                checkOpen();
                return writtenFields != null ? writtenFields : customFields;
            }

            @Override
            public void save(CustomFields next) {
                checkOpen();
                long current = load().version();
                if (current != next.version() - 1) {
                    throw ConflictException.staleVersion("custom_fields", "custom_fields", next.version() - 1, current);
                }
                if (fieldsBase < 0) {
                    fieldsBase = current;
                }
                writtenFields = next;
            }
        };

        @Override
        public ActivityRepository activities() {
            checkOpen();
            return activityView;
        }

        @Override
        public StreamRepository stream() {
            checkOpen();
            return streamView;
        }

        @Override
        public AttachmentRepository attachments() {
            checkOpen();
            return attachmentView;
        }

        @Override
        public ViewRepository views() {
            checkOpen();
            return viewsView;
        }

        @Override
        public MatchKeyRepository matchKeys() {
            checkOpen();
            return matchKeyView;
        }

        @Override
        public DuplicateDecisionRepository duplicateDecisions() {
            checkOpen();
            return decisionView;
        }

        @Override
        public ImportJobRepository importJobs() {
            checkOpen();
            return importJobView;
        }

        // ---- leads

        @Override
        public Optional<Lead> find(LeadId id) {
            checkOpen();
            Lead written = writtenLeads.get(id);
            return Optional.ofNullable(written != null ? written : leads.get(id));
        }

        @Override
        public Optional<Lead> findByExternalId(String externalId) {
            checkOpen();
            // Every write goes through insert or update, which note the written external id here: a
            // batch of N inserts checks its ids in O(N), not O(N²).
            LeadId own = writtenExternalIds.get(externalId);
            Lead written = own == null ? null : writtenLeads.get(own);
            if (written != null && written.externalId().filter(externalId::equals).isPresent()) {
                return Optional.of(written);
            }
            LeadId id = externalIds.get(externalId);
            return id == null ? Optional.empty()
                    : find(id).filter(l -> l.externalId().filter(externalId::equals).isPresent());
        }

        @Override
        public void insert(Lead lead) {
            checkOpen();
            if (lead.version() != 1) {
                throw new IllegalArgumentException("a new lead is inserted at version 1");
            }
            if (find(lead.id()).isPresent()) {
                throw new ConflictException("lead.id.taken", "A lead with id '" + lead.id() + "' is already stored.");
            }
            requireExternalIdFree(lead);
            writtenLeads.put(lead.id(), lead);
            lead.externalId().ifPresent(ext -> writtenExternalIds.put(ext, lead.id()));
            leadBase.put(lead.id(), ABSENT);
            writes++;
        }

        @Override
        public void update(Lead lead) {
            checkOpen();
            Lead current = find(lead.id()).orElseThrow(() -> new NotFoundException("lead", lead.id().value()));
            if (current.version() != lead.version() - 1) {
                throw ConflictException.staleVersion("lead", lead.id().value(), lead.version() - 1, current.version());
            }
            requireExternalIdFree(lead);
            leadBase.putIfAbsent(lead.id(), current.version());
            writtenLeads.put(lead.id(), lead);
            writes++;
            lead.externalId().ifPresent(ext -> writtenExternalIds.put(ext, lead.id()));
        }

        private void requireExternalIdFree(Lead lead) {
            lead.externalId().flatMap(this::findByExternalId).filter(other -> !other.id().equals(lead.id()))
                    .ifPresent(other -> {
                        throw externalIdTaken();
                    });
        }

        private Stream<Lead> all(boolean includeDeleted) {
            Stream<Lead> committed = leads.values().stream().filter(l -> !writtenLeads.containsKey(l.id()));
            return Stream.concat(committed, writtenLeads.values().stream())
                    .filter(l -> includeDeleted || !l.isDeleted());
        }

        private boolean admitted(Visibility visibility, Lead l) {
            String grantee = visibility.grantee().orElse(null);
            return visibility.all() || visibility.admits(l.owner(),
                    grantee != null && find(l.id().value()).grantedTo(grantee).contains(Right.VIEW));
        }

        /** The visibility is evaluated while scanning, as a database evaluates its WHERE clause. */
        private Stream<Lead> visible(LeadListing listing) {
            Visibility visibility = listing.visibility();
            Stream<Lead> candidates = all(listing.includeDeleted());
            if (visibility.all()) {
                return candidates;
            }
            String grantee = visibility.grantee().orElse(null);
            return candidates.filter(l -> visibility.admits(l.owner(),
                    grantee != null && find(l.id().value()).grantedTo(grantee).contains(Right.VIEW)));
        }

        @Override
        public List<Lead> list(LeadListing listing) {
            checkOpen();
            return visible(listing).filter(l -> listing.status().map(l.status()::equals).orElse(true))
                    .sorted(order(listing.sort())).skip(listing.offset()).limit(listing.limit()).toList();
        }

        @Override
        public long count(LeadListing listing) {
            checkOpen();
            return visible(listing).filter(l -> listing.status().map(l.status()::equals).orElse(true)).count();
        }

        @Override
        public Map<String, Long> countByStatus(Visibility visibility) {
            checkOpen();
            Map<String, Long> counts = new java.util.TreeMap<>();
            visible(new LeadListing(visibility, false, 0, 1)).forEach(l -> counts.merge(l.status(), 1L, Long::sum));
            return counts;
        }

        /** The selection (page cleared) whose matches the last select counted, and how many; writes clear it. */
        private LeadSelection countedSelection;
        private long counted;
        private int writesSeen = -1;
        /** Lead and grant writes of this transaction so far: what a cached count depends on. */
        private int writes;

        private LeadSelection unpaged(LeadSelection s) {
            return new LeadSelection(s.visibility(), s.includeDeleted(), s.filter(), s.search(), s.order(), Optional.empty(), 0, 1);
        }

        @Override
        public List<Lead> select(LeadSelection selection) {
            checkOpen();
            Objects.requireNonNull(selection, "selection");
            MemoryQuery query = new MemoryQuery(selection);
            if ((selection.after().isPresent() || selection.offset() > 0) && writes == 0 && writtenLeads.isEmpty()) {
                // Paging deep into a result: sort it once, then every later page is a binary search,
                // as long as no commit changed leads or grants in between.
                LeadSelection unpaged = unpaged(selection);
                Sorted snapshot = sorted;
                if (snapshot == null || snapshot.version() != queryVersion.get() || !snapshot.selection().equals(unpaged)) {
                    long version = queryVersion.get();
                    List<LeadRow> matching = new ArrayList<>();
                    scan(selection, query, matching::add);
                    snapshot = new Sorted(unpaged, version, query.sortAll(matching));
                    if (queryVersion.get() == version) { // no commit ran during the scan
                        sorted = snapshot;
                    }
                }
                countedSelection = unpaged;
                counted = snapshot.rows().size();
                writesSeen = writes;
                List<LeadRow> page = query.page(snapshot.rows());
                List<Lead> result = new ArrayList<>(page.size());
                for (LeadRow row : page) {
                    result.add(row.lead);
                }
                return result;
            }
            MemoryQuery.Pager pager = query.pager();
            long[] matched = new long[1];
            scan(selection, query, row -> {
                matched[0]++;
                pager.offer(row);
            });
            // A pager asks for the total next: the scan just counted it.
            countedSelection = unpaged(selection);
            counted = matched[0];
            writesSeen = writes;
            List<LeadRow> page = pager.page();
            List<Lead> result = new ArrayList<>(page.size());
            for (LeadRow row : page) {
                result.add(row.lead);
            }
            return result;
        }

        @Override
        public long count(LeadSelection selection) {
            checkOpen();
            Objects.requireNonNull(selection, "selection");
            if (countedSelection != null && writesSeen == writes && countedSelection.equals(unpaged(selection))) {
                return counted;
            }
            long[] count = new long[1];
            scan(selection, new MemoryQuery(selection), row -> count[0]++);
            return count[0];
        }

        /**
         * Hands every visible, matching row to the sink, as a database evaluates its WHERE clause:
         * the smallest index that bounds the result (status, owner, the visible owners) gives the
         * candidates, each is checked completely, and the transaction's own writes replace the
         * committed rows they change.
         */
        /** @return whether a row is selected: not deleted (unless asked), visible, matching */
        private Predicate<LeadRow> admits(LeadSelection selection, MemoryQuery query) {
            Visibility visibility = selection.visibility();
            String grantee = visibility.all() ? null : visibility.grantee().orElse(null);
            return row -> {
                Lead lead = row.lead;
                if (lead.isDeleted() && !selection.includeDeleted()) {
                    return false;
                }
                if (!visibility.all() && !visibility.admits(lead.owner(), false)
                        && (grantee == null || !find(lead.id().value()).grantedTo(grantee).contains(Right.VIEW))) {
                    return false;
                }
                return query.matches(row);
            };
        }

        private void scan(LeadSelection selection, MemoryQuery query, Consumer<LeadRow> sink) {
            Predicate<LeadRow> admitted = admits(selection, query);
            Consumer<LeadRow> check = row -> {
                if (admitted.test(row)) {
                    sink.accept(row);
                }
            };
            List<Iterable<LeadId>> candidates = candidates(selection);
            if (candidates == null) {
                for (LeadRow row : rows.values()) {
                    if (writtenLeads.isEmpty() || !writtenLeads.containsKey(row.lead.id())) {
                        check.accept(row);
                    }
                }
            } else {
                // The candidate sets are disjoint: one status, one owner per lead; granted leads of visible owners are left out.
                for (Iterable<LeadId> ids : candidates) {
                    for (LeadId id : ids) {
                        if (!writtenLeads.isEmpty() && writtenLeads.containsKey(id)) {
                            continue;
                        }
                        LeadRow row = rows.get(id);
                        if (row != null) {
                            check.accept(row);
                        }
                    }
                }
            }
            for (Lead written : writtenLeads.values()) {
                check.accept(new LeadRow(written));
            }
        }

        /**
         * The candidate ids of the narrowest index a selection's top-level conditions allow: the
         * leads in the named statuses, of the named owners, or of the visible owners. Null for a
         * full scan. Candidates are only a superset: every row is checked completely.
         */
        private List<Iterable<LeadId>> candidates(LeadSelection selection) {
            List<Iterable<LeadId>> best = null;
            long bestSize = rows.size();
            List<Criterion> conjuncts = new ArrayList<>();
            flatten(selection.filter(), conjuncts);
            for (Criterion c : conjuncts) {
                if (!(c instanceof Criterion.Match)) {
                    continue;
                }
                Criterion.Match m = (Criterion.Match) c;
                if (m.field().origin() != QueryField.Origin.STANDARD) {
                    continue;
                }
                Map<String, Set<LeadId>> index = m.field().key().equals(LeadField.STATUS.key()) ? byStatus
                        : m.field().key().equals(LeadField.OWNER.key()) ? byOwner : null;
                if (index == null) {
                    continue;
                }
                List<Iterable<LeadId>> sets = new ArrayList<>();
                long size = 0;
                if (m.operator() == Criterion.Operator.IN) {
                    for (Object value : m.values()) {
                        Set<LeadId> ids = index.getOrDefault((String) value, Set.of());
                        sets.add(ids);
                        size += ids.size();
                    }
                } else if (m.operator() == Criterion.Operator.EMPTY && index == byOwner) {
                    Set<LeadId> ids = byOwner.getOrDefault("", Set.of());
                    sets.add(ids);
                    size = ids.size();
                } else {
                    continue;
                }
                if (size < bestSize) {
                    best = sets;
                    bestSize = size;
                }
            }
            Visibility visibility = selection.visibility();
            if (!visibility.all()) {
                List<Iterable<LeadId>> sets = new ArrayList<>();
                long size = 0;
                for (String owner : visibility.owners()) {
                    Set<LeadId> ids = byOwner.getOrDefault(owner, Set.of());
                    sets.add(ids);
                    size += ids.size();
                }
                if (visibility.unassigned()) {
                    Set<LeadId> ids = byOwner.getOrDefault("", Set.of());
                    sets.add(ids);
                    size += ids.size();
                }
                if (visibility.grantee().isPresent()) {
                    List<LeadId> granted = grantedView(visibility);
                    sets.add(granted);
                    size += granted.size();
                }
                if (size < bestSize) {
                    best = sets;
                }
            }
            return best;
        }

        /** The committed leads the grantee may view by grant alone (not through a visible owner). */
        private List<LeadId> grantedView(Visibility visibility) {
            String grantee = visibility.grantee().orElseThrow();
            List<LeadId> granted = new ArrayList<>();
            // The committed grants to this user, and every lead whose access this transaction changed.
            Set<String> leadIds = new HashSet<>(viewGrants.getOrDefault(grantee, Set.of()));
            leadIds.addAll(writtenAccess.keySet());
            for (String leadId : leadIds) {
                LeadRow row = rows.get(LeadId.of(leadId));
                if (row != null && !visibility.admits(row.lead.owner(), false)
                        && find(leadId).grantedTo(grantee).contains(Right.VIEW)) {
                    granted.add(row.lead.id());
                }
            }
            return granted;
        }

        @Override
        public List<Lead> inStatusSince(String status, Instant since, Optional<LeadId> afterId, int limit) {
            checkOpen();
            return all(false).filter(l -> l.status().equals(status) && !l.statusSince().isAfter(since))
                    .filter(l -> afterId.map(a -> l.id().compareTo(a) > 0).orElse(true))
                    .sorted(Comparator.comparing(Lead::id)).limit(limit).toList();
        }

        @Override
        public long countWithCloseReason(String code) {
            checkOpen();
            return all(true).filter(l -> l.closeReason().filter(code::equals).isPresent()).count();
        }

        @Override
        public long countWithValue(LeadField field, String code) {
            checkOpen();
            return all(true).filter(l -> l.get(field).filter(code::equals).isPresent()).count();
        }

        @Override
        public List<LeadId> withCustomOption(String fieldKey, String optionCode) {
            checkOpen();
            return all(true).filter(l -> l.custom(fieldKey).filter(v -> holdsOption(v, optionCode)).isPresent())
                    .map(Lead::id).sorted().toList();
        }

        // ---- access

        @Override
        public LeadAccess find(String leadId) {
            checkOpen();
            LeadAccess written = writtenAccess.get(leadId);
            if (written != null) {
                return written;
            }
            LeadAccess committed = access.get(leadId);
            return committed != null ? committed : LeadAccess.none(leadId);
        }

        @Override
        public void save(LeadAccess next) {
            checkOpen();
            long current = find(next.leadId()).version();
            if (current != next.version() - 1) {
                throw ConflictException.staleVersion("lead_access", next.leadId(), next.version() - 1, current);
            }
            accessBase.putIfAbsent(next.leadId(), current);
            writtenAccess.put(next.leadId(), next);
            writes++;
        }

        // ---- access requests

        @Override
        public Optional<AccessRequest> findRequest(String id) {
            checkOpen();
            AccessRequest written = writtenRequests.get(id);
            return Optional.ofNullable(written != null ? written : requests.get(id));
        }

        @Override
        public List<AccessRequest> pendingForLead(String leadId) {
            checkOpen();
            Map<String, AccessRequest> merged = new LinkedHashMap<>(requests);
            merged.putAll(writtenRequests);
            return merged.values().stream()
                    .filter(r -> r.leadId().equals(leadId) && r.state() == AccessRequest.State.PENDING)
                    .sorted(Comparator.comparing(AccessRequest::requestedAt).thenComparing(AccessRequest::id))
                    .toList();
        }

        @Override
        public void insert(AccessRequest request) {
            checkOpen();
            if (request.version() != 1) {
                throw new IllegalArgumentException("a new access request is inserted at version 1");
            }
            if (findRequest(request.id()).isPresent()) {
                throw new ConflictException("access_request.id.taken", "An access request with id '" + request.id()
                        + "' is already stored.");
            }
            requestBase.put(request.id(), ABSENT);
            writtenRequests.put(request.id(), request);
        }

        @Override
        public void update(AccessRequest request) {
            checkOpen();
            AccessRequest current = findRequest(request.id())
                    .orElseThrow(() -> new NotFoundException("access_request", request.id()));
            if (current.version() != request.version() - 1) {
                throw ConflictException.staleVersion("access_request", request.id(), request.version() - 1, current.version());
            }
            requestBase.putIfAbsent(request.id(), current.version());
            writtenRequests.put(request.id(), request);
        }

        // ---- history

        @Override
        public HistoryEntry append(HistoryEntry entry) {
            checkOpen();
            if (entry.sequence() != 0) {
                throw new IllegalArgumentException("the store assigns the sequence: append entries with sequence 0");
            }
            HistoryEntry stored = entry.withSequence(historySequence.incrementAndGet());
            appended.add(stored);
            return stored;
        }

        @Override
        public List<HistoryEntry> forLead(String leadId) {
            checkOpen();
            List<HistoryEntry> result = new ArrayList<>();
            for (StoredHistory stored : history.getOrDefault(leadId, NO_HISTORY)) {
                result.add(stored.entry(leadId));
            }
            appended.stream().filter(e -> e.leadId().equals(leadId)).forEach(result::add);
            return List.copyOf(result);
        }

        // ---- catalogues

        @Override
        public Optional<Catalogue> find(CatalogueKind kind) {
            checkOpen();
            Catalogue written = writtenCatalogues.get(kind);
            return Optional.ofNullable(written != null ? written : catalogues.get(kind));
        }

        @Override
        public void save(Catalogue catalogue) {
            checkOpen();
            long current = find(catalogue.kind()).map(Catalogue::version).orElse(ABSENT);
            if (current != catalogue.version() - 1) {
                throw ConflictException.staleVersion("catalogue", catalogue.kind().name().toLowerCase(java.util.Locale.ROOT),
                        catalogue.version() - 1, current);
            }
            catalogueBase.putIfAbsent(catalogue.kind(), current);
            writtenCatalogues.put(catalogue.kind(), catalogue);
        }

        // ---- settings

        @Override
        public Settings load() {
            checkOpen();
            return writtenSettings != null ? writtenSettings : settings;
        }

        @Override
        public void save(Settings next) {
            checkOpen();
            long current = load().version();
            if (current != next.version() - 1) {
                throw ConflictException.staleVersion("settings", "settings", next.version() - 1, current);
            }
            if (settingsBase < 0) {
                settingsBase = current;
            }
            writtenSettings = next;
        }

        // ---- activities

        private final class MemoryActivities implements ActivityRepository {

            @Override
            public Optional<Activity> find(String id) {
                checkOpen();
                Activity written = writtenActivities.get(id);
                return Optional.ofNullable(written != null ? written : activities.get(id));
            }

            @Override
            public void insert(Activity activity) {
                checkOpen();
                if (activity.version() != 1) {
                    throw new IllegalArgumentException("a new activity is inserted at version 1");
                }
                if (find(activity.id()).isPresent()) {
                    throw new ConflictException("activity.id.taken", "An activity with id '" + activity.id()
                            + "' is already stored.");
                }
                activityBase.put(activity.id(), ABSENT);
                writtenActivities.put(activity.id(), activity);
            }

            @Override
            public void update(Activity activity) {
                checkOpen();
                Activity current = find(activity.id()).orElseThrow(() -> new NotFoundException("activity", activity.id()));
                if (current.version() != activity.version() - 1) {
                    throw ConflictException.staleVersion("activity", activity.id(), activity.version() - 1, current.version());
                }
                activityBase.putIfAbsent(activity.id(), current.version());
                writtenActivities.put(activity.id(), activity);
            }

            private Stream<Activity> all() {
                Stream<Activity> committed = activities.values().stream().filter(a -> !writtenActivities.containsKey(a.id()));
                return Stream.concat(committed, writtenActivities.values().stream());
            }

            @Override
            public List<Activity> forLead(String leadId) {
                checkOpen();
                return all().filter(a -> a.leadId().equals(leadId)).sorted(BY_SCHEDULE).toList();
            }

            /** The lead join and the visibility are evaluated while scanning, as a database's WHERE clause. */
            @Override
            public List<Activity> reminderCandidates(Visibility visibility, Instant from, Instant to) {
                checkOpen();
                Objects.requireNonNull(visibility, "visibility");
                if (to.isBefore(from)) {
                    throw new IllegalArgumentException("a window ends no earlier than it starts");
                }
                Instant dueBefore = ActivityRepository.dueBefore(to);
                String grantee = visibility.grantee().orElse(null);
                return all()
                        .filter(a -> !a.done() && a.due().isPresent())
                        .filter(a -> !a.due().get().isBefore(from) && a.due().get().isBefore(dueBefore))
                        .filter(a -> MemoryTransaction.this.find(LeadId.of(a.leadId()))
                                .filter(lead -> !lead.isDeleted())
                                .filter(lead -> visibility.all() || visibility.admits(lead.owner(), grantee != null
                                        && MemoryTransaction.this.find(a.leadId()).grantedTo(grantee).contains(Right.VIEW)))
                                .isPresent())
                        .sorted(Comparator.comparing((Activity a) -> a.due().get()).thenComparing(Activity::id))
                        .toList();
            }
        }

        // ---- stream

        private final class MemoryStream implements StreamRepository {

            @Override
            public Optional<StreamPost> find(String id) {
                checkOpen();
                StreamPost written = writtenPosts.get(id);
                return Optional.ofNullable(written != null ? written : posts.get(id));
            }

            @Override
            public void insert(StreamPost post) {
                checkOpen();
                if (post.version() != 1) {
                    throw new IllegalArgumentException("a new stream post is inserted at version 1");
                }
                if (find(post.id()).isPresent()) {
                    throw new ConflictException("stream_post.id.taken", "A stream post with id '" + post.id()
                            + "' is already stored.");
                }
                postBase.put(post.id(), ABSENT);
                writtenPosts.put(post.id(), post);
            }

            @Override
            public void update(StreamPost post) {
                checkOpen();
                StreamPost current = find(post.id()).orElseThrow(() -> new NotFoundException("stream_post", post.id()));
                if (current.version() != post.version() - 1) {
                    throw ConflictException.staleVersion("stream_post", post.id(), post.version() - 1, current.version());
                }
                postBase.putIfAbsent(post.id(), current.version());
                writtenPosts.put(post.id(), post);
            }

            @Override
            public List<StreamPost> forLead(String leadId) {
                checkOpen();
                Stream<StreamPost> committed = posts.values().stream().filter(p -> !writtenPosts.containsKey(p.id()));
                return Stream.concat(committed, writtenPosts.values().stream())
                        .filter(p -> p.leadId().equals(leadId)).sorted(OLDEST_POST_FIRST).toList();
            }
        }

        // ---- attachments

        private final class MemoryAttachments implements AttachmentRepository {

            @Override
            public Optional<Attachment> find(String id) {
                checkOpen();
                if (removedAttachments.contains(id)) {
                    return Optional.empty();
                }
                Attachment written = writtenAttachments.get(id);
                return Optional.ofNullable(written != null ? written : attachments.get(id));
            }

            @Override
            public void insert(Attachment attachment) {
                checkOpen();
                String id = attachment.id();
                // Attachment ids are never reused, not even after removal in this transaction.
                if (find(id).isPresent() || removedAttachments.contains(id)) {
                    throw new ConflictException("attachment.id.taken", "An attachment with id '" + id + "' is already stored.");
                }
                attachmentBase.put(id, ABSENT);
                writtenAttachments.put(id, attachment);
            }

            @Override
            public void delete(String id) {
                checkOpen();
                if (find(id).isEmpty()) {
                    throw new NotFoundException("attachment", id);
                }
                attachmentBase.putIfAbsent(id, PRESENT);
                writtenAttachments.remove(id);
                removedAttachments.add(id);
            }

            @Override
            public void move(String id, String leadId) {
                checkOpen();
                Objects.requireNonNull(leadId, "leadId");
                Attachment current = find(id).orElseThrow(() -> new NotFoundException("attachment", id));
                attachmentBase.putIfAbsent(id, PRESENT);
                writtenAttachments.put(id, current.movedTo(leadId));
            }

            @Override
            public List<Attachment> forLead(String leadId) {
                checkOpen();
                Stream<Attachment> committed = attachments.values().stream()
                        .filter(a -> !writtenAttachments.containsKey(a.id()) && !removedAttachments.contains(a.id()));
                return Stream.concat(committed, writtenAttachments.values().stream())
                        .filter(a -> a.leadId().equals(leadId)).sorted(OLDEST_UPLOAD_FIRST).toList();
            }
        }

        // ---- saved views

        private final class MemoryViews implements ViewRepository {

            @Override
            public Optional<SavedView> find(String id) {
                checkOpen();
                if (removedViews.contains(id)) {
                    return Optional.empty();
                }
                SavedView written = writtenViews.get(id);
                return Optional.ofNullable(written != null ? written : views.get(id));
            }

            @Override
            public List<SavedView> visibleTo(String ownerId, Optional<String> teamId) {
                checkOpen();
                Map<String, SavedView> merged = new HashMap<>(views);
                merged.keySet().removeAll(removedViews);
                merged.putAll(writtenViews);
                return merged.values().stream()
                        .filter(v -> v.ownerId().equals(ownerId) || v.team().isPresent() && v.team().equals(teamId))
                        .sorted(Comparator.comparing((SavedView v) -> TextFold.fold(v.name()), SortKey.TEXT_ORDER)
                                .thenComparing(SavedView::id, SortKey.TEXT_ORDER))
                        .toList();
            }

            @Override
            public void insert(SavedView view) {
                checkOpen();
                if (view.version() != 1) {
                    throw new IllegalArgumentException("a new view is inserted at version 1");
                }
                if (find(view.id()).isPresent() || removedViews.contains(view.id())) {
                    throw new ConflictException("view.id.taken", "A view with id '" + view.id() + "' is already stored.");
                }
                viewBase.put(view.id(), ABSENT);
                writtenViews.put(view.id(), view);
            }

            @Override
            public void update(SavedView view) {
                checkOpen();
                SavedView current = find(view.id()).orElseThrow(() -> new NotFoundException("view", view.id()));
                if (current.version() != view.version() - 1) {
                    throw ConflictException.staleVersion("view", view.id(), view.version() - 1, current.version());
                }
                viewBase.putIfAbsent(view.id(), current.version());
                writtenViews.put(view.id(), view);
            }

            @Override
            public void delete(String id, long version) {
                checkOpen();
                SavedView current = find(id).orElseThrow(() -> new NotFoundException("view", id));
                if (current.version() != version) {
                    throw ConflictException.staleVersion("view", id, version, current.version());
                }
                viewBase.putIfAbsent(id, current.version());
                writtenViews.remove(id);
                removedViews.add(id);
            }
        }

        // ---- match keys

        private final class MemoryMatchKeys implements MatchKeyRepository {

            @Override
            public void replace(LeadId id, Set<String> keys) {
                checkOpen();
                Objects.requireNonNull(id, "id");
                for (String key : keys) {
                    if (key.isEmpty() || key.codePointCount(0, key.length()) > MAX_KEY_LENGTH) {
                        throw new IllegalArgumentException("a match key is 1 to " + MAX_KEY_LENGTH + " code points");
                    }
                }
                writtenKeys.put(id, Set.copyOf(keys));
            }

            @Override
            public void remove(LeadId id) {
                checkOpen();
                writtenKeys.put(Objects.requireNonNull(id, "id"), Set.of());
            }

            @Override
            public Set<String> keys(LeadId id) {
                checkOpen();
                Set<String> written = writtenKeys.get(id);
                return written != null ? written : keysByLead.getOrDefault(id, Set.of());
            }

            @Override
            public List<Lead> candidates(Set<String> keys, Visibility visibility, int limit) {
                checkOpen();
                Objects.requireNonNull(visibility, "visibility");
                if (limit < 1 || limit > MAX_CANDIDATES) {
                    throw new IllegalArgumentException("limit must be between 1 and " + MAX_CANDIDATES);
                }
                Map<String, List<LeadId>> written = writtenByKey(keys);
                Map<LeadId, Integer> shared = new HashMap<>();
                for (String key : keys) {
                    for (LeadId id : holders(key, MAX_PER_KEY, written)) {
                        shared.merge(id, 1, Integer::sum);
                    }
                }
                return shared.entrySet().stream()
                        .sorted(Map.Entry.<LeadId, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                        .limit(limit).map(e -> MemoryTransaction.this.find(e.getKey())).flatMap(Optional::stream)
                        .filter(l -> admitted(visibility, l)).toList();
            }

            /** {@link #holdersByKey}, each id read as its lead. */
            @Override
            public Map<String, List<Lead>> candidatesByKey(Set<String> keys, Visibility visibility, int perKey) {
                Map<String, List<Lead>> found = new HashMap<>();
                holdersByKey(keys, visibility, perKey).forEach((key, ids) -> {
                    List<Lead> leads = new ArrayList<>(ids.size());
                    ids.forEach(id -> MemoryTransaction.this.find(id).ifPresent(leads::add));
                    found.put(key, leads);
                });
                return found;
            }

            /** One pass over the committed holders of each key, with this transaction's own key writes laid over them. */
            @Override
            public Map<String, List<LeadId>> holdersByKey(Set<String> keys, Visibility visibility, int perKey) {
                checkOpen();
                Objects.requireNonNull(keys, "keys");
                Objects.requireNonNull(visibility, "visibility");
                if (perKey < 1 || perKey > MAX_PER_KEY) {
                    throw new IllegalArgumentException("perKey must be 1 to " + MAX_PER_KEY + ": " + perKey);
                }
                Map<String, List<LeadId>> written = writtenByKey(keys);
                Map<String, List<LeadId>> found = new HashMap<>();
                for (String key : keys) {
                    List<LeadId> ids = holders(key, perKey, written);
                    if (!visibility.all()) {
                        // Everything-visibility needs no lead read, as on the JPA store: a key names a stored
                        // lead (leads are never removed; a deleted or merged lead's keys go in its transaction).
                        ids.removeIf(id -> MemoryTransaction.this.find(id).filter(l -> admitted(visibility, l)).isEmpty());
                    }
                    if (!ids.isEmpty()) {
                        found.put(key, ids);
                    }
                }
                return found;
            }

            /** The keys among {@code keys} that leads written in this transaction hold now, with those leads; empty when none. */
            private Map<String, List<LeadId>> writtenByKey(Set<String> keys) {
                if (writtenKeys.isEmpty()) {
                    return Map.of();
                }
                Map<String, List<LeadId>> byKey = new HashMap<>();
                writtenKeys.forEach((id, own) -> {
                    for (String key : own) {
                        if (keys.contains(key)) {
                            byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(id);
                        }
                    }
                });
                return byKey;
            }

            /** The first {@code n} holders of a key by id: committed ones whose keys this transaction did not replace, and its own. */
            private List<LeadId> holders(String key, int n, Map<String, List<LeadId>> written) {
                List<LeadId> out = new ArrayList<>();
                for (java.util.Iterator<LeadId> it = leadsByKey.holders(key); it.hasNext() && out.size() < n; ) {
                    LeadId id = it.next();
                    if (!writtenKeys.containsKey(id)) {
                        out.add(id);
                    }
                }
                List<LeadId> own = written.get(key);
                if (own != null) {
                    out.addAll(own);
                    out.sort(null);
                    if (out.size() > n) {
                        out = new ArrayList<>(out.subList(0, n));
                    }
                }
                return out;
            }

            @Override
            public List<Lead> page(Visibility visibility, Optional<LeadId> afterId, int limit) {
                checkOpen();
                Objects.requireNonNull(afterId, "afterId");
                if (limit < 1 || limit > LeadListing.MAX_LIMIT) {
                    throw new IllegalArgumentException("limit must be between 1 and " + LeadListing.MAX_LIMIT);
                }
                return visible(new LeadListing(visibility, false, 0, 1))
                        .filter(l -> afterId.map(a -> l.id().compareTo(a) > 0).orElse(true))
                        .sorted(Comparator.comparing(Lead::id)).limit(limit).toList();
            }
        }

        // ---- "not a duplicate" decisions

        private final class MemoryDecisions implements DuplicateDecisionRepository {

            @Override
            public void insert(DuplicateDecision decision) {
                checkOpen();
                if (find(decision.first(), decision.second()).isPresent()) {
                    throw decisionExists();
                }
                String key = pair(decision.first(), decision.second());
                decisionBase.putIfAbsent(key, ABSENT);
                removedDecisions.remove(key);
                writtenDecisions.put(key, decision);
            }

            @Override
            public Optional<DuplicateDecision> find(LeadId a, LeadId b) {
                checkOpen();
                String key = pair(a, b);
                if (removedDecisions.contains(key)) {
                    return Optional.empty();
                }
                DuplicateDecision written = writtenDecisions.get(key);
                return Optional.ofNullable(written != null ? written : decisions.get(key));
            }

            @Override
            public boolean remove(LeadId a, LeadId b) {
                checkOpen();
                if (find(a, b).isEmpty()) {
                    return false;
                }
                String key = pair(a, b);
                decisionBase.putIfAbsent(key, PRESENT);
                writtenDecisions.remove(key);
                removedDecisions.add(key);
                return true;
            }

            @Override
            public List<DuplicateDecision> involving(java.util.Collection<LeadId> ids) {
                checkOpen();
                Set<LeadId> wanted = Set.copyOf(ids);
                Map<String, DuplicateDecision> all = new java.util.TreeMap<>(decisions);
                all.keySet().removeAll(removedDecisions);
                all.putAll(writtenDecisions);
                return all.values().stream().filter(d -> wanted.contains(d.first()) || wanted.contains(d.second()))
                        .toList();
            }
        }

        // ---- commit

        void commit() {
            checkOpen();
            // The query rows of a big batch (folding every text) are built before the lock, on several threads.
            Map<LeadId, LeadRow> built = writtenLeads.size() < PARALLEL_ROWS ? Map.of()
                    : writtenLeads.values().parallelStream().collect(java.util.stream.Collectors.toConcurrentMap(
                    Lead::id, LeadRow::new));
            commitLock.lock();
            try {
                validateAgainstCommitted();
                importJobView.validate();
                for (Lead lead : writtenLeads.values()) {
                    Lead previous = leads.put(lead.id(), lead);
                    if (previous != null) {
                        previous.externalId().ifPresent(ext -> externalIds.remove(ext, lead.id()));
                    }
                    lead.externalId().ifPresent(ext -> externalIds.put(ext, lead.id()));
                    LeadRow row = built.get(lead.id());
                    index(previous, lead, row != null ? row : new LeadRow(lead));
                }
                for (String id : removedViews) {
                    views.remove(id);
                }
                views.putAll(writtenViews);
                for (HistoryEntry entry : appended) {
                    history.merge(entry.leadId(), new StoredHistory[] {StoredHistory.of(entry)}, (a, b) -> {
                        StoredHistory[] joined = java.util.Arrays.copyOf(a, a.length + b.length);
                        System.arraycopy(b, 0, joined, a.length, b.length);
                        return joined;
                    });
                }
                catalogues.putAll(writtenCatalogues);
                for (LeadAccess next : writtenAccess.values()) {
                    LeadAccess previous = access.put(next.leadId(), next);
                    indexViewGrants(previous, next);
                }
                if (writtenFields != null) {
                    customFields = writtenFields;
                }
                reminderLog.putAll(writtenReminders);
                requests.putAll(writtenRequests);
                activities.putAll(writtenActivities);
                posts.putAll(writtenPosts);
                attachments.keySet().removeAll(removedAttachments);
                attachments.putAll(writtenAttachments);
                writtenKeys.forEach(InMemoryStore.this::storeKeys);
                decisions.keySet().removeAll(removedDecisions);
                decisions.putAll(writtenDecisions);
                if (writtenSettings != null) {
                    settings = writtenSettings;
                }
                importJobView.apply();
                if (!writtenLeads.isEmpty() || !writtenAccess.isEmpty() || writtenFields != null) {
                    queryVersion.incrementAndGet();
                }
            } finally {
                commitLock.unlock();
            }
        }

        private void validateAgainstCommitted() {
            for (Map.Entry<LeadId, Long> base : leadBase.entrySet()) {
                Lead committed = leads.get(base.getKey());
                long committedVersion = committed == null ? ABSENT : committed.version();
                if (committedVersion != base.getValue()) {
                    throw base.getValue() == ABSENT
                            ? new ConflictException("lead.id.taken", "A lead with id '" + base.getKey() + "' was stored concurrently.")
                            : ConflictException.staleVersion("lead", base.getKey().value(), base.getValue(), committedVersion);
                }
            }
            for (Lead lead : writtenLeads.values()) {
                Optional<String> ext = lead.externalId();
                if (ext.isPresent()) {
                    LeadId holder = externalIds.get(ext.get());
                    if (holder != null && !holder.equals(lead.id())) {
                        Lead other = writtenLeads.get(holder);
                        boolean movedAway = other != null && !other.externalId().equals(ext);
                        if (!movedAway) {
                            throw externalIdTaken();
                        }
                    }
                }
            }
            for (Map.Entry<CatalogueKind, Long> base : catalogueBase.entrySet()) {
                long committed = Optional.ofNullable(catalogues.get(base.getKey())).map(Catalogue::version).orElse(ABSENT);
                if (committed != base.getValue()) {
                    throw ConflictException.staleVersion("catalogue", base.getKey().name().toLowerCase(java.util.Locale.ROOT),
                            base.getValue(), committed);
                }
            }
            for (Map.Entry<String, Long> base : accessBase.entrySet()) {
                long committed = Optional.ofNullable(access.get(base.getKey())).map(LeadAccess::version).orElse(ABSENT);
                if (committed != base.getValue()) {
                    throw ConflictException.staleVersion("lead_access", base.getKey(), base.getValue(), committed);
                }
            }
            for (Map.Entry<String, Long> base : requestBase.entrySet()) {
                long committed = Optional.ofNullable(requests.get(base.getKey())).map(AccessRequest::version).orElse(ABSENT);
                if (committed != base.getValue()) {
                    throw base.getValue() == ABSENT
                            ? new ConflictException("access_request.id.taken", "An access request with id '"
                            + base.getKey() + "' was stored concurrently.")
                            : ConflictException.staleVersion("access_request", base.getKey(), base.getValue(), committed);
                }
            }
            for (Map.Entry<String, Instant> reminded : writtenReminders.entrySet()) {
                Instant committed = reminderLog.get(reminded.getKey());
                if (committed != null && !committed.isBefore(reminded.getValue())) {
                    throw alreadyReminded();
                }
            }
            if (writtenFields != null && customFields.version() != fieldsBase) {
                throw ConflictException.staleVersion("custom_fields", "custom_fields", fieldsBase, customFields.version());
            }
            for (Map.Entry<String, Long> base : activityBase.entrySet()) {
                long committed = Optional.ofNullable(activities.get(base.getKey())).map(Activity::version).orElse(ABSENT);
                if (committed != base.getValue()) {
                    throw base.getValue() == ABSENT
                            ? new ConflictException("activity.id.taken", "An activity with id '" + base.getKey()
                            + "' was stored concurrently.")
                            : ConflictException.staleVersion("activity", base.getKey(), base.getValue(), committed);
                }
            }
            for (Map.Entry<String, Long> base : postBase.entrySet()) {
                long committed = Optional.ofNullable(posts.get(base.getKey())).map(StreamPost::version).orElse(ABSENT);
                if (committed != base.getValue()) {
                    throw base.getValue() == ABSENT
                            ? new ConflictException("stream_post.id.taken", "A stream post with id '" + base.getKey()
                            + "' was stored concurrently.")
                            : ConflictException.staleVersion("stream_post", base.getKey(), base.getValue(), committed);
                }
            }
            for (Map.Entry<String, Long> base : attachmentBase.entrySet()) {
                long committed = attachments.containsKey(base.getKey()) ? PRESENT : ABSENT;
                if (committed != base.getValue()) {
                    throw base.getValue() == ABSENT
                            ? new ConflictException("attachment.id.taken", "An attachment with id '" + base.getKey()
                            + "' was stored concurrently.")
                            : new ConflictException("attachment.removed", "The attachment '" + base.getKey()
                            + "' was removed by someone else meanwhile.");
                }
            }
            for (Map.Entry<String, Long> base : viewBase.entrySet()) {
                long committed = Optional.ofNullable(views.get(base.getKey())).map(SavedView::version).orElse(ABSENT);
                if (committed != base.getValue()) {
                    throw base.getValue() == ABSENT
                            ? new ConflictException("view.id.taken", "A view with id '" + base.getKey()
                            + "' was stored concurrently.")
                            : ConflictException.staleVersion("view", base.getKey(), base.getValue(), committed);
                }
            }
            for (Map.Entry<String, Long> base : decisionBase.entrySet()) {
                long committed = decisions.containsKey(base.getKey()) ? PRESENT : ABSENT;
                if (committed != base.getValue()) {
                    throw base.getValue() == ABSENT ? decisionExists()
                            : new ConflictException("duplicate_decision.removed",
                            "The decision was undone by someone else meanwhile.");
                }
            }
            if (writtenSettings != null && settings.version() != settingsBase) {
                throw ConflictException.staleVersion("settings", "settings", settingsBase, settings.version());
            }
        }
    }

    /** Called under the commit lock: the row and the index entries follow the committed lead. */
    private void index(Lead previous, Lead lead, LeadRow row) {
        rows.put(lead.id(), row);
        if (previous != null) {
            if (!previous.status().equals(lead.status())) {
                remove(byStatus, previous.status(), lead.id());
            }
            if (!previous.owner().equals(lead.owner())) {
                remove(byOwner, previous.owner().orElse(""), lead.id());
            }
        }
        byStatus.computeIfAbsent(lead.status(), k -> ConcurrentHashMap.newKeySet()).add(lead.id());
        byOwner.computeIfAbsent(lead.owner().orElse(""), k -> ConcurrentHashMap.newKeySet()).add(lead.id());
    }

    private static void remove(Map<String, Set<LeadId>> index, String key, LeadId id) {
        Set<LeadId> ids = index.get(key);
        if (ids != null) {
            ids.remove(id);
        }
    }

    private static void flatten(Criterion criterion, List<Criterion> into) {
        if (criterion instanceof Criterion.And) {
            for (Criterion part : ((Criterion.And) criterion).parts()) {
                flatten(part, into);
            }
        } else {
            into.add(criterion);
        }
    }

    private static boolean holdsOption(FieldValue value, String code) {
        if (value instanceof FieldValue.Choices) {
            return ((FieldValue.Choices) value).codes().contains(code);
        }
        return value instanceof FieldValue.Text && ((FieldValue.Text) value).value().equals(code);
    }

    private static Comparator<Lead> order(LeadSort sort) {
        switch (sort) {
            case OLDEST_FIRST:
                return OLDEST_FIRST;
            case RECENTLY_UPDATED:
                return RECENTLY_UPDATED;
            case LONGEST_IN_STATUS:
                return LONGEST_IN_STATUS;
            case NEWEST_FIRST:
            default:
                return NEWEST_FIRST;
        }
    }

    /** Called under the commit lock. */
    private void indexViewGrants(LeadAccess previous, LeadAccess next) {
        if (previous != null) {
            previous.grants().forEach((user, rights) -> {
                if (rights.contains(Right.VIEW)) {
                    Set<String> ids = viewGrants.get(user);
                    if (ids != null) {
                        ids.remove(previous.leadId());
                    }
                }
            });
        }
        next.grants().forEach((user, rights) -> {
            if (rights.contains(Right.VIEW)) {
                viewGrants.computeIfAbsent(user, k -> ConcurrentHashMap.newKeySet()).add(next.leadId());
            }
        });
    }

    private void storeKeys(LeadId id, Set<String> keys) {
        Set<String> old = keysByLead.getOrDefault(id, Set.of());
        for (String key : old) {
            if (!keys.contains(key)) {
                leadsByKey.remove(key, id);
            }
        }
        for (String key : keys) {
            if (!old.contains(key)) {
                leadsByKey.add(key, id);
            }
        }
        if (keys.isEmpty()) {
            keysByLead.remove(id);
        } else {
            keysByLead.put(id, keys);
        }
    }

    private static String pair(LeadId a, LeadId b) {
        return a.compareTo(b) < 0 ? a.value() + "\n" + b.value() : b.value() + "\n" + a.value();
    }

    private static ConflictException decisionExists() {
        return new ConflictException("duplicate_decision.exists",
                "These two leads are already marked as not duplicates of each other.");
    }

    private static ConflictException alreadyReminded() {
        return new ConflictException("reminder.already_sent", "This stale period was already reminded.");
    }

    private static ConflictException externalIdTaken() {
        return new ConflictException("lead.external_id.taken",
                "Another lead already has this external id; external ids are unique.");
    }
}
