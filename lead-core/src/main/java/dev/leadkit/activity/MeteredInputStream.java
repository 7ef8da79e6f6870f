package dev.leadkit.activity;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * Counts and digests the bytes of an upload as the blob store reads them, and fails the read as
 * soon as more than the limit arrives — never reading more than one byte past it, so an oversized
 * upload is neither buffered nor read to its end.
 */
final class MeteredInputStream extends FilterInputStream {

    /** Thrown into the blob store's read loop; the service turns it into a validation error. */
    static final class LimitExceeded extends IOException {
        private static final long serialVersionUID = 1L;

        LimitExceeded() {
            super("the attachment exceeds the size limit");
        }
    }

    private final long limit;
    private final MessageDigest digest = Digests.sha256();
    private long count;
    private boolean exceeded;
    private boolean sourceFailed;

    MeteredInputStream(InputStream in, long limit) {
        super(in);
        this.limit = limit;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (exceeded) {
            throw new LimitExceeded();
        }
        if (len == 0) {
            return 0;
        }
        // Ask for at most one byte beyond the limit: enough to know it was exceeded.
        int wanted = (int) Math.min(len, limit - count + 1);
        int n;
        try {
            n = in.read(b, off, wanted);
        } catch (IOException | RuntimeException e) {
            sourceFailed = true;
            throw e;
        }
        if (n > 0) {
            count += n;
            if (count > limit) {
                exceeded = true;
                throw new LimitExceeded();
            }
            digest.update(b, off, n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        // Skipped bytes would be neither stored nor digested: a blob store must read every byte.
        throw new IOException("an upload is read, not skipped");
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    @Override
    public void mark(int readlimit) {
        // Not supported: re-reading would count bytes twice.
    }

    @Override
    public void reset() throws IOException {
        throw new IOException("an upload cannot be reset");
    }

    /** The caller closes its own stream; the blob store must not close it for them. */
    @Override
    public void close() {
    }

    long count() {
        return count;
    }

    boolean exceeded() {
        return exceeded;
    }

    boolean sourceFailed() {
        return sourceFailed;
    }

    String sha256() {
        return HexFormat.of().formatHex(digest.digest());
    }
}
