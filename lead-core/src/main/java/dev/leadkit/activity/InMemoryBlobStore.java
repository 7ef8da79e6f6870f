package dev.leadkit.activity;

import dev.leadkit.NotFoundException;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.Collections;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The default {@link BlobStore}: bytes in memory, gone when the JVM ends. A blob is only
 * published under its key once the whole stream was read, so a failed {@code put} leaves nothing.
 * Thread-safe.
 *
 * <pre>{@code
 * InMemoryBlobStore blobs = BlobStore.inMemory();
 * LeadKit kit = LeadKit.builder().blobs(blobs).build();
 * // … attach …
 * assertThat(blobs.keys()).hasSize(1);
 * }</pre>
 *
 * @since 0.1
 */
public final class InMemoryBlobStore implements BlobStore {

    private final Map<String, byte[]> blobs = new ConcurrentHashMap<>();

    InMemoryBlobStore() {
    }

    @Override
    public Stored put(String key, InputStream content) {
        requireKey(key);
        Objects.requireNonNull(content, "content");
        MessageDigest digest = Digests.sha256();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            new DigestInputStream(content, digest).transferTo(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("the content could not be read", e);
        }
        byte[] stored = bytes.toByteArray();
        blobs.put(key, stored);
        return new Stored(stored.length, HexFormat.of().formatHex(digest.digest()));
    }

    @Override
    public InputStream open(String key) {
        requireKey(key);
        byte[] bytes = blobs.get(key);
        if (bytes == null) {
            throw new NotFoundException("blob", key);
        }
        return new ByteArrayInputStream(bytes);
    }

    @Override
    public boolean delete(String key) {
        requireKey(key);
        return blobs.remove(key) != null;
    }

    /** @return the keys of every blob held, sorted */
    public Set<String> keys() {
        return Collections.unmodifiableSortedSet(new TreeSet<>(blobs.keySet()));
    }

    private static void requireKey(String key) {
        Objects.requireNonNull(key, "key");
        if (!KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("a blob key is 1 to 200 characters of letters, digits, '-', '_' and '/'");
        }
    }
}
