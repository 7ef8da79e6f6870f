package dev.leadkit.csv;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;

/**
 * Streams the rows of a CSV input with a header line, mapping columns to lead fields by
 * {@link HeaderMapping}. Parsing is Apache Commons CSV's (RFC 4180 quoting: delimiters, quotes and
 * line breaks inside quoted cells; CR, LF and CRLF line ends, mixed too); around it the reader
 * <ul>
 * <li>detects the delimiter (comma, semicolon or tab) from the header line unless one is declared,</li>
 * <li>decodes the declared charset and reports bytes invalid in it per cell (never silently replaced),</li>
 * <li>skips a UTF-8 byte order mark and empty lines,</li>
 * <li>reports ragged rows, cells over the cell limit and rows over the record limit by line,</li>
 * <li>after a quote that does not close where a cell may end, reports the row where it opened and
 *     goes on at the next line, so no later row is silently swallowed.</li>
 * </ul>
 * Memory stays bounded by the record limit whatever the file's size. Not thread-safe.
 *
 * <pre>{@code
 * try (LeadCsvReader reader = LeadCsvReader.open(Path.of("leads.csv"), CsvOptions.defaults())) {
 *     reader.mapping().problems().forEach(System.err::println);   // unknown columns …
 *     for (CsvRow row : reader) {
 *         if (!row.usable()) { row.problems().forEach(System.err::println); continue; }
 *         String email = row.value(CsvTarget.of(LeadField.EMAIL)).orElse("");
 *     }
 * }
 * }</pre>
 *
 * @since 0.1
 */
public final class LeadCsvReader implements Closeable, Iterable<CsvRow> {

    /** Room over the record limit for the parser's read-ahead buffer. */
    private static final int READ_AHEAD = 64 * 1024;

    private final RewindableSource source;
    private final CSVFormat format;
    private final CsvOptions options;
    private final String charsetName;
    private final HeaderMapping mapping;
    private final long headerLine;
    private final char delimiter;

    private CSVParser parser;
    private Iterator<CSVRecord> records;
    /** The physical line where the current parser started. */
    private long sessionLine;
    private long rowNumber;
    private boolean finished;
    private boolean iterated;

    private LeadCsvReader(Reader reader, CsvOptions options, String charsetName) throws IOException {
        this.options = options;
        this.charsetName = charsetName;
        this.source = new RewindableSource(reader, options.maxRecordChars() + READ_AHEAD);
        source.skipByteOrderMark();
        long line = source.firstNonEmptyLine(1);
        source.rewindTo(line);
        String firstLine;
        try {
            firstLine = source.peekLine();
        } catch (RewindableSource.RecordTooLarge e) {
            throw new CsvFormatException("csv.header.malformed", "The header line is longer than "
                    + options.maxRecordChars() + " characters: is this a CSV file?");
        }
        this.delimiter = options.delimiter().orElseGet(() -> detectDelimiter(firstLine));
        this.format = CSVFormat.DEFAULT.builder()
                .setDelimiter(delimiter)
                .setQuote('"')
                .setIgnoreEmptyLines(false)
                .setIgnoreSurroundingSpaces(false)
                .setTrim(false)
                .setNullString(null)
                .setCommentMarker(null)
                .setEscape(null)
                .get();
        startParser(line);
        this.headerLine = line;
        List<String> header = readHeader();
        this.mapping = HeaderMapping.resolve(header, options.overrides(), headerLine);
    }

    /**
     * Opens a file, decoding it with the options' charset.
     *
     * @param file    the CSV file
     * @param options how to read it
     * @return a reader positioned after the header line
     * @throws CsvFormatException when the file cannot be read or has no usable header
     */
    public static LeadCsvReader open(Path file, CsvOptions options) {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(options, "options");
        InputStream in;
        try {
            if (Files.isDirectory(file)) {
                throw new CsvFormatException("csv.unreadable", "Cannot read " + file + ": it is a directory.");
            }
            in = Files.newInputStream(file);
        } catch (NoSuchFileException e) {
            throw new CsvFormatException("csv.unreadable", "Cannot read " + file + ": no such file.", e);
        } catch (AccessDeniedException e) {
            throw new CsvFormatException("csv.unreadable", "Cannot read " + file + ": permission denied.", e);
        } catch (IOException e) {
            throw new CsvFormatException("csv.unreadable", "Cannot read " + file + ": " + e.getMessage(), e);
        }
        return open(in, options);
    }

    /**
     * Opens a byte stream, decoding it with the options' charset. The reader closes the stream.
     *
     * @param in      the bytes
     * @param options how to read them
     * @return a reader positioned after the header line
     * @throws CsvFormatException when the input cannot be read or has no usable header
     */
    public static LeadCsvReader open(InputStream in, CsvOptions options) {
        Objects.requireNonNull(in, "in");
        Charset charset = options.charset();
        // InputStreamReader replaces malformed input with U+FFFD; the reader reports each such cell.
        return open(new InputStreamReader(in, charset.newDecoder()
                .onMalformedInput(java.nio.charset.CodingErrorAction.REPLACE)
                .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPLACE)), options, charset.name());
    }

    /**
     * Opens text that is already decoded; the options' charset is not used. The reader closes it.
     *
     * @param reader  the text
     * @param options how to read it
     * @return a reader positioned after the header line
     * @throws CsvFormatException when the input has no usable header
     */
    public static LeadCsvReader open(Reader reader, CsvOptions options) {
        return open(reader, options, "the input's charset");
    }

    private static LeadCsvReader open(Reader reader, CsvOptions options, String charsetName) {
        Objects.requireNonNull(reader, "reader");
        Objects.requireNonNull(options, "options");
        try {
            return new LeadCsvReader(reader, options, charsetName);
        } catch (IOException e) {
            closeQuietly(reader);
            throw unreadable(e);
        } catch (RuntimeException e) {
            closeQuietly(reader);
            throw e;
        }
    }

    /** @return the header's mapping to targets, with its problems */
    public HeaderMapping mapping() {
        return mapping;
    }

    /** @return the delimiter in use, declared or detected */
    public char delimiter() {
        return delimiter;
    }

    /** @return the physical line of the header: 1 unless empty lines come first */
    public long headerLine() {
        return headerLine;
    }

    /**
     * Reads the next data row. Empty lines are skipped; a row that could not be parsed comes back
     * with no cells and its problem.
     *
     * @return the next row, or empty at the end of input
     * @throws CsvFormatException {@code csv.unreadable} when reading the input fails
     */
    public Optional<CsvRow> next() {
        try {
            return Optional.ofNullable(nextRow());
        } catch (IOException e) {
            throw unreadable(e);
        }
    }

    /**
     * Iterates over the rows left, once.
     *
     * @return an iterator calling {@link #next()}
     */
    @Override
    public Iterator<CsvRow> iterator() {
        if (iterated) {
            throw new IllegalStateException("a LeadCsvReader iterates once");
        }
        iterated = true;
        return new Iterator<>() {
            private CsvRow ahead;

            @Override
            public boolean hasNext() {
                if (ahead == null) {
                    ahead = LeadCsvReader.this.next().orElse(null);
                }
                return ahead != null;
            }

            @Override
            public CsvRow next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                CsvRow row = ahead;
                ahead = null;
                return row;
            }
        };
    }

    private CsvRow nextRow() throws IOException {
        while (!finished) {
            long line = sessionLine + parser.getCurrentLineNumber();
            source.release(line);
            CSVRecord record;
            try {
                record = records.hasNext() ? records.next() : null;
            } catch (UncheckedIOException | IllegalStateException e) {
                Throwable cause = e.getCause();
                if (cause instanceof RewindableSource.SourceFailure) {
                    throw (IOException) cause;
                }
                boolean tooLarge = cause instanceof RewindableSource.RecordTooLarge;
                long start = source.firstNonEmptyLine(line);
                resynchronise(start + 1);
                return unparsable(start, tooLarge);
            }
            if (record == null) {
                finished = true;
                return null;
            }
            if (record.size() == 1 && record.get(0).isEmpty()) {
                continue;
            }
            long spanned = sessionLine + parser.getCurrentLineNumber() - line;
            int width = mapping.header().size();
            if (record.size() != width && spanned > 1) {
                // A quoted cell ran over line ends and the row came out the wrong width: most likely
                // a quote that never closed swallowed the lines after it. Those lines get their own chance.
                resynchronise(line + 1);
                return unparsable(line, false);
            }
            return row(line, record, width);
        }
        return null;
    }

    private CsvRow row(long line, CSVRecord record, int width) {
        rowNumber++;
        List<String> cells = record.toList();
        List<CsvProblem> problems = new ArrayList<>(0);
        Map<CsvTarget, String> values = new HashMap<>();
        if (cells.size() != width) {
            problems.add(CsvProblem.of(line, CsvProblem.Kind.RAGGED_ROW, null, "the row has " + cells.size()
                    + (cells.size() == 1 ? " cell" : " cells") + ", the header has " + width))
            ;
            return new CsvRow(line, rowNumber, cells, Map.of(), problems);
        }
        for (int i = 0; i < width; i++) {
            String cell = cells.get(i);
            String column = mapping.header().get(i);
            if (cell.length() > options.maxCellChars()) {
                problems.add(CsvProblem.of(line, CsvProblem.Kind.CELL_TOO_LARGE, column, "column " + (i + 1) + " '"
                        + column + "' has " + cell.length() + " characters, more than the limit of "
                        + options.maxCellChars()));
                continue;
            }
            if (cell.indexOf('\uFFFD') >= 0) {
                problems.add(CsvProblem.of(line, CsvProblem.Kind.INVALID_BYTES, column, "column " + (i + 1) + " '"
                        + column + "' holds bytes that are not valid in " + charsetName
                        + "; declare the file's charset"));
            }
            Optional<CsvTarget> target = mapping.target(i);
            if (target.isPresent() && !cell.isBlank()) {
                values.put(target.get(), cell.strip());
            }
        }
        return new CsvRow(line, rowNumber, cells, values, problems);
    }

    private CsvRow unparsable(long line, boolean tooLarge) {
        rowNumber++;
        CsvProblem problem = tooLarge
                ? CsvProblem.of(line, CsvProblem.Kind.RECORD_TOO_LARGE, null, "the row starting here is longer than "
                        + options.maxRecordChars() + " characters (an unclosed quote?); reading goes on at line "
                        + (line + 1))
                : CsvProblem.of(line, CsvProblem.Kind.UNBALANCED_QUOTE, null, "a quote opened in the row starting "
                        + "here does not close where a cell may end; reading goes on at line " + (line + 1));
        return new CsvRow(line, rowNumber, List.of(), Map.of(), List.of(problem));
    }

    private List<String> readHeader() throws IOException {
        CSVRecord header;
        try {
            header = records.hasNext() ? records.next() : null;
        } catch (UncheckedIOException | IllegalStateException e) {
            if (e.getCause() instanceof RewindableSource.SourceFailure) {
                throw (IOException) e.getCause();
            }
            throw new CsvFormatException("csv.header.malformed", "The header on line " + sessionLine
                    + " is not a CSV record: a quote in it does not close.");
        }
        if (header == null || header.size() == 1 && header.get(0).isBlank()) {
            throw new CsvFormatException("csv.empty", "The input is empty: a CSV file starts with a header line.");
        }
        List<String> cells = header.toList();
        for (int i = 0; i < cells.size(); i++) {
            if (cells.get(i).indexOf('\uFFFD') >= 0) {
                throw new CsvFormatException("csv.header.invalidBytes", "Column " + (i + 1) + " of the header holds "
                        + "bytes that are not valid in " + charsetName + "; declare the file's charset.");
            }
        }
        return cells;
    }

    private void resynchronise(long line) throws IOException {
        source.rewindTo(line);
        startParser(line);
    }

    private void startParser(long line) throws IOException {
        // The old parser is dropped, not closed: closing it would close the shared source.
        this.parser = CSVParser.builder().setReader(source).setFormat(format).get();
        this.records = parser.iterator();
        this.sessionLine = line;
    }

    /**
     * The delimiter that occurs most often outside quotes in the header line: comma, semicolon or
     * tab; comma when none occurs (a single column) or on a tie.
     */
    static char detectDelimiter(String headerLine) {
        int commas = 0;
        int semicolons = 0;
        int tabs = 0;
        boolean quoted = false;
        for (int i = 0; i < headerLine.length(); i++) {
            char c = headerLine.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted) {
                if (c == ',') {
                    commas++;
                } else if (c == ';') {
                    semicolons++;
                } else if (c == '\t') {
                    tabs++;
                }
            }
        }
        if (semicolons > commas && semicolons >= tabs) {
            return ';';
        }
        if (tabs > commas && tabs > semicolons) {
            return '\t';
        }
        return ',';
    }

    private static CsvFormatException unreadable(IOException e) {
        IOException cause = e instanceof RewindableSource.SourceFailure && e.getCause() instanceof IOException
                ? (IOException) e.getCause() : e;
        return new CsvFormatException("csv.unreadable", "Cannot read the input: " + cause.getMessage(), cause);
    }

    private static void closeQuietly(Reader reader) {
        try {
            reader.close();
        } catch (IOException ignored) {
            // The input failed already; that failure is the one reported.
        }
    }

    /** Closes the input. */
    @Override
    public void close() {
        try {
            source.close();
        } catch (IOException e) {
            throw unreadable(e);
        }
    }
}
