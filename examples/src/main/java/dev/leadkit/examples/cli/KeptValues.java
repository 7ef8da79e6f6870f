package dev.leadkit.examples.cli;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The matched values of every row read, kept compactly (UTF-8, length-prefixed, in pages of
 * 1 MiB) so that {@code dedupe} can compare two members of a cluster without reading the file a
 * second time. A row is found by its line number; rows are added in line order. About the size of
 * the mapped columns of the file, plus 16 bytes a row.
 */
final class KeptValues {

    private static final int PAGE_BITS = 20;
    private static final int PAGE = 1 << PAGE_BITS;
    private static final int MASK = PAGE - 1;

    private byte[][] pages = new byte[16][];
    private long size;
    private long[] lines = new long[1024];
    private long[] starts = new long[1024];
    private int rows;

    /** Starts the next row; its values follow with {@link #add}. */
    void startRow(long line) {
        if (rows > 0 && line <= lines[rows - 1]) {
            throw new IllegalArgumentException("rows are kept in line order");
        }
        if (rows == lines.length) {
            lines = Arrays.copyOf(lines, rows * 2);
            starts = Arrays.copyOf(starts, rows * 2);
        }
        lines[rows] = line;
        starts[rows] = size;
        rows++;
    }

    /** Adds the current row's next value, null when absent. */
    void add(String value) {
        if (value == null) {
            put((byte) 0);
            return;
        }
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        long n = bytes.length + 1L;
        while (n >= 0x80) {
            put((byte) (n | 0x80));
            n >>>= 7;
        }
        put((byte) n);
        int at = 0;
        while (at < bytes.length) {
            int page = page(size);
            int offset = (int) (size & MASK);
            int len = Math.min(bytes.length - at, PAGE - offset);
            System.arraycopy(bytes, at, pages[page], offset, len);
            at += len;
            size += len;
        }
    }

    /**
     * @param line   the line the row started on
     * @param values how many values the row has
     * @return its values in the order added, null where absent
     */
    String[] row(long line, int values) {
        int r = Arrays.binarySearch(lines, 0, rows, line);
        if (r < 0) {
            throw new IllegalArgumentException("no row kept at line " + line);
        }
        long at = starts[r];
        String[] out = new String[values];
        for (int i = 0; i < values; i++) {
            long n = 0;
            int shift = 0;
            byte b;
            do {
                b = pages[(int) (at >>> PAGE_BITS)][(int) (at & MASK)];
                at++;
                n |= (long) (b & 0x7F) << shift;
                shift += 7;
            } while ((b & 0x80) != 0);
            if (n == 0) {
                continue;
            }
            byte[] bytes = new byte[(int) (n - 1)];
            int got = 0;
            while (got < bytes.length) {
                int offset = (int) (at & MASK);
                int len = Math.min(bytes.length - got, PAGE - offset);
                System.arraycopy(pages[(int) (at >>> PAGE_BITS)], offset, bytes, got, len);
                got += len;
                at += len;
            }
            out[i] = new String(bytes, StandardCharsets.UTF_8);
        }
        return out;
    }

    private void put(byte b) {
        pages[page(size)][(int) (size & MASK)] = b;
        size++;
    }

    /** @return the page holding {@code position}, allocated when new */
    private int page(long position) {
        int p = (int) (position >>> PAGE_BITS);
        if (p == pages.length) {
            pages = Arrays.copyOf(pages, p * 2);
        }
        if (pages[p] == null) {
            pages[p] = new byte[PAGE];
        }
        return p;
    }
}
