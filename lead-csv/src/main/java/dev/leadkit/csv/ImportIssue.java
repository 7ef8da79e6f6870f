package dev.leadkit.csv;

import java.util.Objects;

/**
 * One line of an import report: a rejected row, a row imported with a warning, a row flagged or
 * skipped as a duplicate. The value is shown safely: at most {@link #MAX_VALUE} characters, control
 * characters escaped, and neutralised against spreadsheet formulas when written as CSV.
 *
 * <pre>{@code
 * for (ImportIssue i : result.issues()) {
 *     System.out.println("row " + i.row() + " (" + i.column() + "): " + i.reason());
 * }
 * }</pre>
 *
 * @param row      the 1-based data row (0 for the header)
 * @param line     the 1-based physical line where the row starts
 * @param severity how bad it is
 * @param column   the column's header, or "" when the whole row is concerned
 * @param value    the offending value shown safely, or ""
 * @param code     a stable code, e.g. {@code lead.email.invalid}, {@code csv.row.ragged}
 * @param reason   what is wrong and what is allowed
 * @since 0.4
 */
public record ImportIssue(long row, long line, Severity severity, String column, String value, String code,
                          String reason) {

    /** The most characters of a value a report shows. */
    public static final int MAX_VALUE = 60;

    /** How bad an issue is. */
    public enum Severity {
        /** The row was not imported. */
        ERROR,
        /** The row was imported, with a change the caller should know about. */
        WARNING,
        /** The row matched a stored lead: flagged, skipped, updated or merged by the duplicate policy. */
        DUPLICATE
    }

    /** Checks the components. */
    public ImportIssue {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(column, "column");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(reason, "reason");
    }

    /**
     * @param raw a cell value
     * @return the value cut to {@link #MAX_VALUE} characters with control characters shown as
     *         {@code \n}, {@code \t} or {@code \\uXXXX}
     */
    public static String safe(String raw) {
        StringBuilder b = new StringBuilder();
        int n = 0;
        for (int i = 0; i < raw.length() && n < MAX_VALUE; i++, n++) {
            char c = raw.charAt(i);
            if (c == '\n') {
                b.append("\\n");
            } else if (c == '\r') {
                b.append("\\r");
            } else if (c == '\t') {
                b.append("\\t");
            } else if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        if (raw.length() > MAX_VALUE) {
            b.append("… (").append(raw.length()).append(" characters)");
        }
        return b.toString();
    }
}
