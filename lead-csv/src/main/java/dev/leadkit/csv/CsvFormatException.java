package dev.leadkit.csv;

import dev.leadkit.LeadKitException;

/**
 * A CSV input that cannot be read at all: no header, an unknown charset, a mapping that names a
 * column the header lacks, an I/O failure. Row-level trouble is not an exception but a
 * {@link CsvProblem} on the row. Codes:
 * <ul>
 * <li>{@code csv.empty} — the input has no header line;</li>
 * <li>{@code csv.header.malformed} — the header line is not a CSV record;</li>
 * <li>{@code csv.header.invalidBytes} — the header holds bytes invalid in the declared charset;</li>
 * <li>{@code csv.map.column.unknown}, {@code csv.map.field.unknown} — an explicit mapping names a
 * column that is not in the header, or a field that does not exist;</li>
 * <li>{@code csv.column.unknown} — a column asked for by name is not in the header;</li>
 * <li>{@code csv.unreadable} — the input could not be read.</li>
 * </ul>
 *
 * <pre>{@code
 * try (LeadCsvReader reader = LeadCsvReader.open(path, CsvOptions.defaults())) { … }
 * catch (CsvFormatException e) { System.err.println(e.getMessage() + " (" + e.code() + ")"); }
 * }</pre>
 *
 * @since 0.1
 */
public final class CsvFormatException extends LeadKitException {

    private static final long serialVersionUID = 1L;

    /**
     * @param code    the stable code, e.g. {@code csv.empty}
     * @param message what is wrong and what would be right, without cell values
     */
    public CsvFormatException(String code, String message) {
        super(code, message);
    }

    /**
     * @param code    the stable code
     * @param message the description
     * @param cause   the underlying failure
     */
    public CsvFormatException(String code, String message, Throwable cause) {
        super(code, message, cause);
    }
}
