package dev.leadkit.activity;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * Hands out a blob's bytes and, when the end is reached, checks that they are the bytes the
 * attachment describes (size and SHA-256): a blob store that lost or changed bytes makes the
 * download fail instead of delivering a corrupt file silently.
 */
final class VerifyingInputStream extends FilterInputStream {

    private final long size;
    private final String sha256;
    private final MessageDigest digest = Digests.sha256();
    private long count;
    private boolean verified;

    VerifyingInputStream(InputStream in, long size, String sha256) {
        super(in);
        this.size = size;
        this.sha256 = sha256;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = in.read(b, off, len);
        if (n > 0) {
            digest.update(b, off, n);
            count += n;
            if (count > size) {
                throw new IOException("the stored attachment is longer than recorded; the blob store changed it");
            }
        } else if (n < 0 && !verified) {
            verified = true;
            if (count != size || !HexFormat.of().formatHex(digest.digest()).equals(sha256)) {
                throw new IOException("the stored attachment does not match its SHA-256; the blob store changed it");
            }
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        // Skipping would leave bytes out of the checksum; read and drop them instead.
        long skipped = 0;
        byte[] buffer = new byte[8192];
        while (skipped < n) {
            int r = read(buffer, 0, (int) Math.min(buffer.length, n - skipped));
            if (r < 0) {
                break;
            }
            skipped += r;
        }
        return skipped;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    @Override
    public void mark(int readlimit) {
        // Not supported: re-reading would digest bytes twice.
    }

    @Override
    public void reset() throws IOException {
        throw new IOException("an attachment download cannot be reset");
    }
}
