package dev.leadkit.activity;

import dev.leadkit.internal.AfterCommit;

import dev.leadkit.AccessDeniedException;
import dev.leadkit.Actor;
import dev.leadkit.FieldError;
import dev.leadkit.IdGenerator;
import dev.leadkit.LeadKitException;
import dev.leadkit.NotFoundException;
import dev.leadkit.ValidationException;
import dev.leadkit.access.AccessPolicy;
import dev.leadkit.access.LeadGate;
import dev.leadkit.access.Right;
import dev.leadkit.event.EventPublisher;
import dev.leadkit.event.LeadEvent;
import dev.leadkit.event.NotificationSink;
import dev.leadkit.lead.Lead;
import dev.leadkit.lead.LeadId;
import dev.leadkit.store.Store;
import dev.leadkit.store.StoreTransaction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Files attached to a lead (requirement A3): the bytes go to the {@link BlobStore}, the metadata
 * (name, media type, size, SHA-256) to the store, and every download is permission-checked.
 *
 * <p>Rights: attaching and removing need {@link Right#EDIT} on the lead; listing and downloading
 * need {@link Right#VIEW}. An upload is streamed: its size and SHA-256 are computed on the way
 * to the blob store, and it is refused ({@code attachment.too_large}) as soon as it exceeds the
 * configured limit ({@code LeadKit.builder().maxAttachmentSize(…)}, 25 MiB by default), without
 * reading the rest. The blob is written first and the metadata then, with its history entry, in
 * one store transaction; when anything after the blob fails, the blob is deleted again, so no
 * orphan is left behind.
 *
 * <pre>{@code
 * AttachmentService files = kit.attachments();
 * Attachment offer;
 * try (InputStream in = Files.newInputStream(Path.of("Tilbud.pdf"))) {
 *     offer = files.attach(ayse, leadId, "Tilbud.pdf", "application/pdf", in);
 * }
 * try (AttachmentDownload download = files.open(jonas, offer.id())) {
 *     download.content().transferTo(out);
 * }
 * files.remove(ayse, offer.id());
 * }</pre>
 *
 * <p>Thread-safe and stateless.
 *
 * @since 0.1
 */
public final class AttachmentService {

    /** The default size limit: 25 MiB. */
    public static final long DEFAULT_MAX_SIZE = 25L * 1024 * 1024;

    private static final Logger LOG = LoggerFactory.getLogger(AttachmentService.class);

    private final Store store;
    private final BlobStore blobs;
    private final long maxSize;
    private final LeadGate gate;
    private final AccessPolicy policy;
    private final Clock clock;
    private final IdGenerator ids;
    private final EventPublisher events;
    private final NotificationSink notifications;

    /**
     * Usually obtained from {@code LeadKit.attachments()}.
     *
     * @param store         where the metadata lives
     * @param blobs         where the bytes live
     * @param maxSize       the largest attachment accepted, in bytes; positive
     * @param gate          the policy, with what it needs loaded per lead
     * @param clock         the time source
     * @param ids           makes attachment ids
     * @param events        receives events after commit
     * @param notifications delivers notifications after commit
     */
    public AttachmentService(Store store, BlobStore blobs, long maxSize, LeadGate gate, Clock clock, IdGenerator ids,
                             EventPublisher events, NotificationSink notifications) {
        this.store = Objects.requireNonNull(store, "store");
        this.blobs = Objects.requireNonNull(blobs, "blobs");
        if (maxSize <= 0) {
            throw new IllegalArgumentException("the attachment size limit must be positive");
        }
        this.maxSize = maxSize;
        this.gate = Objects.requireNonNull(gate, "gate");
        this.policy = gate.policy();
        this.clock = Objects.requireNonNull(clock, "clock");
        this.ids = Objects.requireNonNull(ids, "ids");
        this.events = Objects.requireNonNull(events, "events");
        this.notifications = Objects.requireNonNull(notifications, "notifications");
    }

    /** @return the largest attachment accepted, in bytes */
    public long maxSize() {
        return maxSize;
    }

    /**
     * Attaches a file. The stream is read to its end (or until the limit is exceeded) and not
     * closed: the caller opened it and closes it.
     *
     * @param actor     who attaches it; needs {@link Right#EDIT} on the lead
     * @param leadId    the lead
     * @param name      the file name: 1 to 255 characters, no path separators or control characters
     * @param mediaType {@code type/subtype}, e.g. {@code application/pdf}
     * @param content   the bytes
     * @return the stored attachment, with its size and SHA-256
     * @throws ValidationException   name or media type invalid, or {@code attachment.too_large}
     * @throws AccessDeniedException naming EDIT
     * @throws LeadKitException      {@code attachment.content.unreadable} when the stream failed,
     *                               {@code attachment.storage_failed} when the blob store did
     */
    public Attachment attach(Actor actor, LeadId leadId, String name, String mediaType, InputStream content) {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(leadId, "leadId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(mediaType, "mediaType");
        Objects.requireNonNull(content, "content");
        policy.activeUser(actor, Right.EDIT, leadId.value());
        // Check the right before reading a byte: a refused upload should cost nothing.
        store.inTransaction(tx -> {
            gate.check(tx, actor, Right.EDIT, AfterCommit.lead(tx, leadId.value()));
            return null;
        });
        List<FieldError> errors = new ArrayList<>();
        String cleanName = Inputs.fileName(name, errors);
        String cleanType = Inputs.mediaType(mediaType, errors);
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        String id = ids.next();
        String key = Attachment.blobKey(leadId.value(), id);
        MeteredInputStream metered = new MeteredInputStream(content, maxSize);
        BlobStore.Stored stored = putBlob(key, metered);
        Instant now = now();
        AfterCommit after = new AfterCommit();
        Attachment attached;
        try {
            attached = store.inTransaction(tx -> {
                // Rights may have changed while the bytes were uploading.
                Lead lead = AfterCommit.lead(tx, leadId.value());
                gate.check(tx, actor, Right.EDIT, lead);
                Attachment attachment = new Attachment(id, leadId.value(), cleanName, cleanType, stored.size(),
                        stored.sha256(), actor.userId(), now);
                tx.attachments().insert(attachment);
                history(tx, attachment, actor, now, HistoryAction.ATTACHMENT_ADDED, false);
                after.raise(new LeadEvent.AttachmentAdded(leadId.value(), actor.userId(), now, id));
                return attachment;
            });
        } catch (RuntimeException e) {
            deleteQuietly(key);
            throw e;
        }
        LOG.debug("Attachment {} ({} bytes) added to lead {} by {}", id, stored.size(), leadId, actor.userId());
        after.send(events, notifications);
        return attached;
    }

    /** Streams the bytes into the blob store; on any failure no blob is left under the key. */
    private BlobStore.Stored putBlob(String key, MeteredInputStream metered) {
        BlobStore.Stored stored;
        try {
            stored = blobs.put(key, metered);
        } catch (RuntimeException e) {
            deleteQuietly(key);
            if (metered.exceeded()) {
                throw tooLarge();
            }
            if (metered.sourceFailed()) {
                throw new LeadKitException("attachment.content.unreadable",
                        "The attachment's content could not be read to its end; nothing was attached.", e);
            }
            if (e instanceof LeadKitException) {
                throw e;
            }
            throw new LeadKitException("attachment.storage_failed",
                    "The blob store failed to store the attachment; nothing was attached.", e);
        }
        if (metered.exceeded()) {
            // The blob store swallowed the failure of the read; the limit still holds.
            deleteQuietly(key);
            throw tooLarge();
        }
        String sha256 = metered.sha256();
        if (stored.size() != metered.count() || !stored.sha256().equals(sha256)) {
            deleteQuietly(key);
            throw new LeadKitException("attachment.storage_failed", "The blob store stored other bytes than it was given ("
                    + stored.size() + " instead of " + metered.count() + " bytes, or another SHA-256); nothing was attached.");
        }
        return stored;
    }

    private ValidationException tooLarge() {
        return ValidationException.of("content", "attachment.too_large",
                "an attachment is at most " + maxSize + " bytes (" + humanSize(maxSize) + ")");
    }

    /**
     * @param actor  who asks; needs {@link Right#VIEW} on the lead
     * @param leadId the lead
     * @return its attachments, oldest first (ties by id)
     */
    public List<Attachment> list(Actor actor, LeadId leadId) {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(leadId, "leadId");
        policy.activeUser(actor, Right.VIEW, leadId.value());
        return store.inTransaction(tx -> {
            gate.check(tx, actor, Right.VIEW, AfterCommit.lead(tx, leadId.value()));
            return tx.attachments().forLead(leadId.value());
        });
    }

    /**
     * Opens an attachment for download.
     *
     * @param actor        who downloads; needs {@link Right#VIEW} on the lead
     * @param attachmentId the attachment
     * @return its metadata and a verifying stream of its bytes; close it
     * @throws AccessDeniedException naming {@link Right#VIEW} when the actor cannot view the lead
     * @throws NotFoundException     when no attachment has that id ({@code attachment}), or its
     *                               bytes are missing from the blob store ({@code blob})
     */
    public AttachmentDownload open(Actor actor, String attachmentId) {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(attachmentId, "attachmentId");
        policy.activeUser(actor, Right.VIEW, null);
        Attachment attachment = store.inTransaction(tx -> {
            Attachment found = load(tx, attachmentId);
            gate.check(tx, actor, Right.VIEW, AfterCommit.lead(tx, found.leadId()));
            return found;
        });
        InputStream bytes = blobs.open(attachment.blobKey());
        return new AttachmentDownload(attachment, new VerifyingInputStream(bytes, attachment.size(), attachment.sha256()));
    }

    /**
     * Removes an attachment: its metadata at once, its bytes after commit.
     *
     * @param actor        who removes it; needs {@link Right#EDIT} on the lead
     * @param attachmentId the attachment
     * @return the removed attachment
     * @throws NotFoundException when no attachment has that id
     */
    public Attachment remove(Actor actor, String attachmentId) {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(attachmentId, "attachmentId");
        policy.activeUser(actor, Right.EDIT, null);
        Instant now = now();
        AfterCommit after = new AfterCommit();
        Attachment removed = store.inTransaction(tx -> {
            Attachment found = load(tx, attachmentId);
            gate.check(tx, actor, Right.EDIT, AfterCommit.lead(tx, found.leadId()));
            tx.attachments().delete(attachmentId);
            history(tx, found, actor, now, HistoryAction.ATTACHMENT_REMOVED, true);
            after.raise(new LeadEvent.AttachmentRemoved(found.leadId(), actor.userId(), now, attachmentId));
            return found;
        });
        // After commit: a failed transaction must not lose bytes that its metadata still describes.
        deleteQuietly(removed.blobKey());
        after.send(events, notifications);
        return removed;
    }

    private void deleteQuietly(String key) {
        try {
            blobs.delete(key);
        } catch (RuntimeException e) {
            LOG.warn("The blob store failed to delete blob {}; it is left orphaned", key, e);
        }
    }

    private static void history(StoreTransaction tx, Attachment a, Actor actor, Instant now, HistoryAction action,
                                boolean removal) {
        String prefix = "attachment:" + a.id() + ".";
        String[][] values = {
                {"name", a.name()}, {"mediaType", a.mediaType()}, {"size", Long.toString(a.size())}, {"sha256", a.sha256()}};
        List<FieldChange> changes = new ArrayList<>();
        for (String[] v : values) {
            changes.add(removal ? FieldChange.of(prefix + v[0], v[1], null) : FieldChange.of(prefix + v[0], null, v[1]));
        }
        tx.history().append(new HistoryEntry(0, a.leadId(), now, actor.userId(), action, changes));
    }

    private static Attachment load(StoreTransaction tx, String attachmentId) {
        return tx.attachments().find(attachmentId).orElseThrow(() -> new NotFoundException("attachment", attachmentId));
    }

    static String humanSize(long bytes) {
        if (bytes % (1024L * 1024) == 0) {
            return bytes / (1024L * 1024) + " MiB";
        }
        if (bytes % 1024 == 0) {
            return bytes / 1024 + " KiB";
        }
        return bytes + " bytes";
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
