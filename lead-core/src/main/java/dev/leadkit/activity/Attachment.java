package dev.leadkit.activity;

import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The description of a file attached to a lead (requirement A3). The bytes live in the
 * {@link BlobStore} under {@link #blobKey()}; the store keeps this metadata. Immutable: an
 * attachment is added and removed, never changed.
 *
 * <pre>{@code
 * try (InputStream in = Files.newInputStream(path)) {
 *     Attachment offer = kit.attachments().attach(ayse, leadId, "Tilbud 2026.pdf", "application/pdf", in);
 *     System.out.println(offer.size() + " bytes, SHA-256 " + offer.sha256());
 * }
 * }</pre>
 *
 * @param id         the library-generated id
 * @param leadId     the lead it is attached to
 * @param name       the file name: NFC, 1 to 255 characters, no path separators or control characters
 * @param mediaType  {@code type/subtype} in lower case, at most 127 characters
 * @param size       the number of bytes
 * @param sha256     the SHA-256 of the bytes, 64 lower-case hex digits
 * @param uploadedBy who attached it
 * @param uploadedAt when
 * @param blobKey    where the bytes are kept in the {@link BlobStore}: {@code leads/<leadId>/attachments/<id>}
 *                   of the lead it was uploaded to — an attachment moved by a merge keeps its bytes where they are
 * @since 0.1
 */
public record Attachment(String id, String leadId, String name, String mediaType, long size, String sha256,
                         String uploadedBy, Instant uploadedAt, String blobKey) {

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    /** Checks the invariants a stored attachment always satisfies. */
    public Attachment {
        Inputs.requireId(id, "id");
        Inputs.requireId(leadId, "leadId");
        Inputs.requireCleanLine(name, "name", Inputs.NAME_MAX);
        if (!Inputs.isSafeName(name)) {
            throw new IllegalArgumentException("a file name holds no path separators and is not '.' or '..'");
        }
        Objects.requireNonNull(mediaType, "mediaType");
        if (!Inputs.isMediaType(mediaType)) {
            throw new IllegalArgumentException("a media type is a lower-case type/subtype of at most 127 characters");
        }
        if (size < 0) {
            throw new IllegalArgumentException("a size is never negative");
        }
        Objects.requireNonNull(sha256, "sha256");
        if (!SHA256.matcher(sha256).matches()) {
            throw new IllegalArgumentException("a SHA-256 is 64 lower-case hex digits");
        }
        Inputs.requireId(uploadedBy, "uploadedBy");
        Objects.requireNonNull(uploadedAt, "uploadedAt");
        Objects.requireNonNull(blobKey, "blobKey");
    }

    /**
     * An attachment whose bytes are kept under its own lead's key, {@link #blobKey(String, String)}.
     *
     * @param id         the library-generated id
     * @param leadId     the lead it is attached to
     * @param name       the file name
     * @param mediaType  the media type
     * @param size       the number of bytes
     * @param sha256     the SHA-256 of the bytes
     * @param uploadedBy who attached it
     * @param uploadedAt when
     */
    public Attachment(String id, String leadId, String name, String mediaType, long size, String sha256,
                      String uploadedBy, Instant uploadedAt) {
        this(id, leadId, name, mediaType, size, sha256, uploadedBy, uploadedAt, blobKey(leadId, id));
    }

    /**
     * The same attachment on another lead — what a merge stores (requirement D5). The bytes stay
     * where they are: the blob key does not change.
     *
     * @param otherLeadId the lead it moves to
     * @return the moved attachment
     */
    public Attachment movedTo(String otherLeadId) {
        return new Attachment(id, otherLeadId, name, mediaType, size, sha256, uploadedBy, uploadedAt, blobKey);
    }

    /**
     * The key of an attachment's bytes in the {@link BlobStore}: {@code leads/<leadId>/attachments/<id>}.
     * Ids hold only letters, digits, '-' and '_', so the key is safe as a file path or object key.
     *
     * @param leadId the lead it was uploaded to
     * @param id     the attachment's id
     * @return the blob key
     */
    public static String blobKey(String leadId, String id) {
        return "leads/" + leadId + "/attachments/" + id;
    }

    /** Names ids only: the file name is personal data and stays out of logs. */
    @Override
    public String toString() {
        return "Attachment[" + id + ", lead " + leadId + ", " + mediaType + ", " + size + " bytes]";
    }
}
