package dev.leadkit.activity;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Port: keeps the bytes of attachments (requirement A3), by key, while the store keeps their
 * metadata. The host plugs in its own file storage (a directory, S3, a database table); the
 * default keeps the bytes in memory.
 *
 * <p>Contract:
 * <ul>
 *   <li>{@link #put} reads the stream to its end and keeps exactly the bytes read, replacing any
 *       blob under the key. If reading the stream fails (it may throw any exception, including
 *       LeadKit's own when a size limit is exceeded), put lets the exception through and keeps
 *       nothing under the key. It does not close the stream.</li>
 *   <li>{@link #put} returns the size and SHA-256 of what it stored; {@link AttachmentService}
 *       compares them with what it streamed and refuses the attachment when they differ.</li>
 *   <li>{@link #delete} is idempotent.</li>
 *   <li>Failures of the underlying storage are thrown as {@link UncheckedIOException} (or a
 *       {@link dev.leadkit.LeadKitException}); a missing key on {@link #open} is a
 *       {@link dev.leadkit.NotFoundException} of kind {@code blob}.</li>
 *   <li>Implementations are thread-safe. A blob store takes no part in store transactions: the
 *       attachment service writes the blob first and deletes it again when the metadata's
 *       transaction fails.</li>
 * </ul>
 * Keys are at most 200 characters of letters, digits, '-', '_' and '/'.
 *
 * <pre>{@code
 * BlobStore files = new BlobStore() {      // a host's directory-backed store, in outline
 *     public Stored put(String key, InputStream content) {
 *         try (DigestInputStream in = new DigestInputStream(content, MessageDigest.getInstance("SHA-256"))) {
 *             long size = Files.copy(in, root.resolve(key), REPLACE_EXISTING);
 *             return new Stored(size, HexFormat.of().formatHex(in.getMessageDigest().digest()));
 *         } catch (IOException | NoSuchAlgorithmException e) { … }
 *     }
 *     …
 * };
 * LeadKit kit = LeadKit.builder().blobs(files).maxAttachmentSize(10 * 1024 * 1024).build();
 * }</pre>
 *
 * @since 0.1
 */
public interface BlobStore {

    /** The shape of a key. */
    Pattern KEY = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9_/-]{0,199}");

    /**
     * Stores the bytes of a stream under a key.
     *
     * @param key     the key
     * @param content the bytes; read to its end, not closed
     * @return the size and SHA-256 of what was stored
     */
    Stored put(String key, InputStream content);

    /**
     * Stores bytes under a key.
     *
     * @param key   the key
     * @param bytes the bytes
     * @return the size and SHA-256 of what was stored
     */
    default Stored put(String key, byte[] bytes) {
        return put(key, new ByteArrayInputStream(Objects.requireNonNull(bytes, "bytes")));
    }

    /**
     * Opens a blob for reading. The caller closes the stream.
     *
     * @param key the key
     * @return the bytes
     * @throws dev.leadkit.NotFoundException when no blob has the key
     */
    InputStream open(String key);

    /**
     * Reads a whole blob.
     *
     * @param key the key
     * @return the bytes
     * @throws dev.leadkit.NotFoundException when no blob has the key
     */
    default byte[] read(String key) {
        try (InputStream in = open(key)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("the blob could not be read", e);
        }
    }

    /**
     * Deletes a blob; deleting a missing key changes nothing.
     *
     * @param key the key
     * @return whether a blob was deleted
     */
    boolean delete(String key);

    /** @return a new, empty blob store in memory (the default) */
    static InMemoryBlobStore inMemory() {
        return new InMemoryBlobStore();
    }

    /**
     * What {@link #put} stored.
     *
     * @param size   the number of bytes
     * @param sha256 their SHA-256, 64 lower-case hex digits
     */
    record Stored(long size, String sha256) {
        /** Checks the components. */
        public Stored {
            Objects.requireNonNull(sha256, "sha256");
            if (size < 0) {
                throw new IllegalArgumentException("a size is never negative");
            }
        }
    }
}
