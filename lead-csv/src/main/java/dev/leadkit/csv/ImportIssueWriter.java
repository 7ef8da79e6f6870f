package dev.leadkit.csv;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes an import's issues as a CSV report (UTF-8, comma, CRLF): row, line, severity, column,
 * value, code, reason. Values are already shown safely ({@link ImportIssue#safe(String)}) and
 * every cell is neutralised against spreadsheet formulas.
 *
 * <pre>{@code
 * try (ImportIssueWriter errors = ImportIssueWriter.open(Path.of("errors.csv"))) {
 *     LeadImport.of(kit).run(admin, file, ImportOptions.builder().issues(errors).build());
 * }
 * }</pre>
 *
 * @since 0.4
 */
public final class ImportIssueWriter implements ImportIssueSink, Closeable {

    /** The report's header. */
    public static final String[] HEADER = {"row", "line", "severity", "column", "value", "code", "reason"};

    private final CSVPrinter printer;

    private ImportIssueWriter(Writer out) throws IOException {
        this.printer = CSVFormat.RFC4180.builder().setHeader(HEADER).get().print(out);
    }

    /**
     * @param file where the report goes (replaced when it exists)
     * @return the writer
     * @throws CsvFormatException {@code csv.unwritable} when the file cannot be written
     */
    public static ImportIssueWriter open(Path file) {
        try {
            BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
            return new ImportIssueWriter(out);
        } catch (IOException e) {
            throw new CsvFormatException("csv.unwritable", "Cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * @param out where the report goes; closed with this writer
     * @return the writer
     */
    public static ImportIssueWriter to(Writer out) {
        try {
            return new ImportIssueWriter(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void accept(ImportIssue i) {
        try {
            printer.printRecord(i.row(), i.line(), i.severity().name(), CsvInjection.neutralise(i.column()),
                    CsvInjection.neutralise(i.value()), i.code(), CsvInjection.neutralise(i.reason()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            printer.close(true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
