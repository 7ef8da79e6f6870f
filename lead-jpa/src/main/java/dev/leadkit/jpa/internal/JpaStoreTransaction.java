package dev.leadkit.jpa.internal;

import dev.leadkit.store.AccessRequestRepository;
import dev.leadkit.store.ActivityRepository;
import dev.leadkit.store.AttachmentRepository;
import dev.leadkit.store.CatalogueRepository;
import dev.leadkit.store.CustomFieldRepository;
import dev.leadkit.store.DuplicateDecisionRepository;
import dev.leadkit.store.MatchKeyRepository;
import dev.leadkit.store.LeadAccessRepository;
import dev.leadkit.store.ImportJobRepository;
import dev.leadkit.store.ReminderLogRepository;
import dev.leadkit.store.StreamRepository;
import dev.leadkit.store.HistoryRepository;
import dev.leadkit.store.LeadRepository;
import dev.leadkit.store.SettingsRepository;
import dev.leadkit.store.StoreTransaction;
import dev.leadkit.store.ViewRepository;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

import org.hibernate.Session;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.function.ToLongFunction;

/**
 * One open store transaction over one {@link EntityManager}: every repository shares its
 * persistence context (and its connection, for the native queries of the reminder log and the
 * reminder candidates), so a read sees the transaction's own writes.
 *
 * <p>Versions: Hibernate bumps an entity's {@code @Version} once per flush in which it is dirty,
 * while the core counts one version per {@code update}. So the version the core sees is tracked
 * here ({@link #currentVersion}), and a second change to a row that has an unflushed change
 * flushes first — each core version then is one row version.
 *
 * <pre>{@code
 * JpaStoreTransaction tx = new JpaStoreTransaction(em);
 * T result = work.run(tx);
 * tx.flush();
 * tx.close();
 * }</pre>
 */
public final class JpaStoreTransaction implements StoreTransaction {

    private final EntityManager em;
    private final JpaLeadRepository leads;
    private final JpaHistoryRepository history;
    private final JpaCatalogueRepository catalogues;
    private final JpaSettingsRepository settings;
    private final JpaAccessRequestRepository accessRequests;
    private final JpaCustomFieldRepository customFields;
    private final JpaReminderLogRepository reminderLog;
    private final JpaActivityRepository activities;
    private final JpaStreamRepository stream;
    private final JpaAttachmentRepository attachments;
    private final JpaLeadAccessRepository access;
    private final JpaImportJobRepository importJobs;
    private final JpaViewRepository views;
    private final JpaMatchKeyRepository matchKeys;
    private final JpaDuplicateDecisionRepository decisions;
    /** The version the core sees for rows changed since the last flush. */
    private final Map<Object, Long> unflushed = new IdentityHashMap<>();
    private boolean open = true;
    /** Both catalogues and the settings as read at first use; see {@link #configuration()}. */
    private Map<String, StoredConfiguration> configuration;

    /** @param em the entity manager, inside its transaction */
    public JpaStoreTransaction(EntityManager em) {
        this.em = em;
        this.leads = new JpaLeadRepository(this);
        this.history = new JpaHistoryRepository(this);
        this.catalogues = new JpaCatalogueRepository(this);
        this.settings = new JpaSettingsRepository(this);
        this.accessRequests = new JpaAccessRequestRepository(this);
        this.customFields = new JpaCustomFieldRepository(this);
        this.reminderLog = new JpaReminderLogRepository(this);
        this.activities = new JpaActivityRepository(this);
        this.stream = new JpaStreamRepository(this);
        this.attachments = new JpaAttachmentRepository(this);
        this.access = new JpaLeadAccessRepository(this);
        this.importJobs = new JpaImportJobRepository(this);
        this.views = new JpaViewRepository(this);
        this.matchKeys = new JpaMatchKeyRepository(this);
        this.decisions = new JpaDuplicateDecisionRepository(this);
    }

    @Override
    public LeadRepository leads() {
        checkOpen();
        return leads;
    }

    @Override
    public HistoryRepository history() {
        checkOpen();
        return history;
    }

    @Override
    public CatalogueRepository catalogues() {
        checkOpen();
        return catalogues;
    }

    @Override
    public SettingsRepository settings() {
        checkOpen();
        return settings;
    }

    @Override
    public ViewRepository views() {
        checkOpen();
        return views;
    }

    @Override
    public LeadAccessRepository access() {
        checkOpen();
        return access;
    }

    @Override
    public AccessRequestRepository accessRequests() {
        checkOpen();
        return accessRequests;
    }

    @Override
    public CustomFieldRepository customFields() {
        checkOpen();
        return customFields;
    }

    @Override
    public ImportJobRepository importJobs() {
        checkOpen();
        return importJobs;
    }

    @Override
    public ReminderLogRepository reminderLog() {
        checkOpen();
        return reminderLog;
    }

    @Override
    public ActivityRepository activities() {
        checkOpen();
        return activities;
    }

    @Override
    public StreamRepository stream() {
        checkOpen();
        return stream;
    }

    @Override
    public AttachmentRepository attachments() {
        checkOpen();
        return attachments;
    }

    @Override
    public MatchKeyRepository matchKeys() {
        checkOpen();
        return matchKeys;
    }

    @Override
    public DuplicateDecisionRepository duplicateDecisions() {
        checkOpen();
        return decisions;
    }

    /** @param id a lead just inserted in this transaction (its keys need no delete before their first write) */
    void leadInserted(dev.leadkit.lead.LeadId id) {
        matchKeys.inserted(id);
    }

    /** Writes pending changes now, so their failures surface inside the store's call. */
    public void flush() {
        checkOpen();
        matchKeys.write();
        em.flush();
        unflushed.clear();
    }

    /** Ends the transaction's validity: repositories handed out refuse further calls. */
    public void close() {
        open = false;
    }

    /**
     * Both catalogues and the settings, read in one round trip the first time any of them is
     * asked for: every lead create and update reads all three, and a round trip per read would
     * cost more than the rest of such a call. Keyed by catalogue kind, and {@code ""} for the
     * settings. A repository that changes one of them reads and writes the managed entity from
     * then on.
     */
    Map<String, StoredConfiguration> configuration() {
        if (configuration == null) {
            configuration = em().unwrap(Session.class).doReturningWork(connection -> {
                Map<String, StoredConfiguration> read = new HashMap<>();
                try (PreparedStatement s = connection.prepareStatement(
                        "select kind, version, default_code, entries from lk_catalogue"
                                + " union all select '', version, '', entries from lk_settings");
                     ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        read.put(rs.getString(1), new StoredConfiguration(rs.getLong(2), rs.getString(3), rs.getString(4)));
                    }
                }
                return read;
            });
        }
        return configuration;
    }

    /** One row of {@code lk_catalogue} or {@code lk_settings}, as read. */
    record StoredConfiguration(long version, String defaultCode, String entries) {
    }

    EntityManager em() {
        checkOpen();
        return em;
    }

    void checkOpen() {
        if (!open) {
            throw new IllegalStateException("this transaction has ended; repositories are valid only inside inTransaction");
        }
    }

    /**
     * @param row     a managed versioned row
     * @param version reads its {@code @Version}
     * @param <E>     its type
     * @return the version the core sees: the row's, or the one an unflushed change gave it
     */
    <E> long currentVersion(E row, ToLongFunction<E> version) {
        Long pending = unflushed.get(row);
        return pending != null ? pending : version.applyAsLong(row);
    }

    /**
     * Prepares a managed row for a change: flushes first when it already holds an unflushed one.
     */
    <E> void beforeChange(E row, ToLongFunction<E> version) {
        Long pending = unflushed.get(row);
        if (pending != null && pending > version.applyAsLong(row)) {
            em.flush();
        }
        unflushed.remove(row);
    }

    /**
     * Records a change of a managed row to {@code next}. A change that touched no column still
     * has to move the row's version, so that the core's count and the row's stay equal.
     */
    <E> void changed(E row, boolean anyColumnChanged, long next) {
        if (anyColumnChanged) {
            unflushed.put(row, next);
        } else {
            em.flush();
            em.lock(row, LockModeType.PESSIMISTIC_FORCE_INCREMENT);
        }
    }
}
