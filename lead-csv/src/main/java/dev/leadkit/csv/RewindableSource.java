package dev.leadkit.csv;

import java.io.IOException;
import java.io.Reader;

/**
 * The characters under the CSV parser, kept from the start of the record being parsed so that the
 * reader can start a new parser at any later line of that record: that is how it re-synchronises
 * after an unbalanced quote. Lines end at CR, LF or CRLF, as Commons CSV counts them. The kept
 * text is bounded: past {@code limit} chars a read fails with {@link RecordTooLarge}, so a quote
 * that never closes costs at most the limit in memory, never the rest of the file.
 */
final class RewindableSource extends Reader {

    /** A read past the record limit. */
    static final class RecordTooLarge extends IOException {
        private static final long serialVersionUID = 1L;

        RecordTooLarge() {
            super("record longer than the limit");
        }
    }

    /** A failure of the input itself, not of its content. */
    static final class SourceFailure extends IOException {
        private static final long serialVersionUID = 1L;

        SourceFailure(IOException cause) {
            super(cause.getMessage(), cause);
        }
    }

    private static final int CHUNK = 16 * 1024;

    private final Reader in;
    private final int limit;
    private char[] data = new char[2 * CHUNK];
    /** First kept char. */
    private int start;
    /** Next char to hand to the parser. */
    private int cursor;
    /** End of the chars read from {@link #in}. */
    private int end;
    /** The physical line of {@code data[start]}. */
    private long startLine = 1;
    private boolean eof;

    RewindableSource(Reader in, int limit) {
        this.in = in;
        this.limit = limit;
    }

    @Override
    public int read(char[] cbuf, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (cursor == end && !fill()) {
            return -1;
        }
        int n = Math.min(len, end - cursor);
        System.arraycopy(data, cursor, cbuf, off, n);
        cursor += n;
        return n;
    }

    /** Drops a byte order mark at the very start, as decoders of UTF-8 leave it in. */
    void skipByteOrderMark() throws IOException {
        if (cursor == end) {
            fill();
        }
        if (cursor < end && data[cursor] == '\uFEFF') {
            cursor++;
            start = cursor;
        }
    }

    /**
     * @return the text of the line at the cursor, up to its line break (or the limit), without
     *         moving the cursor
     */
    String peekLine() throws IOException {
        int i = cursor;
        while (true) {
            while (i < end) {
                char c = data[i];
                if (c == '\n' || c == '\r') {
                    return new String(data, cursor, i - cursor);
                }
                i++;
            }
            int before = cursor;
            if (!fill()) {
                return new String(data, cursor, end - cursor);
            }
            i -= before - cursor;
        }
    }

    /**
     * Forgets the text before {@code line}: the parser has consumed it. Does nothing when the
     * kept text starts at or after that line.
     */
    void release(long line) throws IOException {
        while (startLine < line && start < cursor) {
            char c = data[start++];
            if (c == '\n') {
                startLine++;
            } else if (c == '\r') {
                startLine++;
                if (start == end) {
                    fillKeeping();
                }
                if (start < end && data[start] == '\n') {
                    start++;
                }
            }
        }
    }

    /**
     * @param line a line at or after the kept text's first
     * @return the first line from {@code line} on that holds more than a line break, as far as the kept
     *         text shows
     */
    long firstNonEmptyLine(long line) throws IOException {
        release(line);
        long l = startLine;
        int i = start;
        while (i < end && (data[i] == '\n' || data[i] == '\r')) {
            if (data[i] == '\r' && i + 1 < end && data[i + 1] == '\n') {
                i++;
            }
            i++;
            l++;
        }
        return l;
    }

    /**
     * Moves the cursor back (or on) to the start of {@code line}, which must not be before the
     * kept text: the next parser reads from there. Chars before it are forgotten, unread ones
     * are read and skipped.
     */
    void rewindTo(long line) throws IOException {
        cursor = end;
        while (startLine < line) {
            if (start == end) {
                start = 0;
                cursor = 0;
                end = 0;
                if (!fill()) {
                    return;
                }
            }
            char c = data[start++];
            if (c == '\n') {
                startLine++;
            } else if (c == '\r') {
                startLine++;
                if (start == end) {
                    cursor = end;
                    fillKeeping();
                }
                if (start < end && data[start] == '\n') {
                    start++;
                }
            }
            cursor = Math.max(cursor, start);
        }
        cursor = start;
    }

    /** @return the physical line of the first kept char */
    long startLine() {
        return startLine;
    }

    /** Reads more after {@link #end}; false at the end of input. Enforces the limit. */
    private boolean fill() throws IOException {
        if (end - start >= limit) {
            throw new RecordTooLarge();
        }
        return fillKeeping();
    }

    private boolean fillKeeping() throws IOException {
        if (eof) {
            return false;
        }
        if (end == data.length) {
            int kept = end - start;
            if (start > 0 && kept <= data.length / 2) {
                System.arraycopy(data, start, data, 0, kept);
            } else {
                char[] bigger = new char[data.length * 2];
                System.arraycopy(data, start, bigger, 0, kept);
                data = bigger;
            }
            cursor -= start;
            end = kept;
            start = 0;
        }
        int n;
        try {
            n = in.read(data, end, Math.min(CHUNK, data.length - end));
        } catch (IOException e) {
            throw new SourceFailure(e);
        }
        if (n < 0) {
            eof = true;
            return false;
        }
        end += n;
        return true;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
