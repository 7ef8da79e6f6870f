package dev.leadkit.csv;

import java.util.Objects;
import java.util.Optional;

/**
 * One thing wrong with a CSV file's header or with one of its rows. The message names the line,
 * the column and the rule; it never repeats a cell's value, since values are personal data.
 *
 * <pre>{@code
 * for (CsvProblem p : row.problems()) {
 *     report.add(p.line() + ": " + p.message());   // "line 7: the row has 5 cells, the header has 6"
 * }
 * }</pre>
 *
 * @param line    the 1-based physical line where the header or the row starts
 * @param kind    what is wrong
 * @param column  the column's header, when one column is concerned
 * @param message what is wrong and what is allowed, without any cell value
 * @since 0.1
 */
public record CsvProblem(long line, Kind kind, Optional<String> column, String message) {

    /** What is wrong. */
    public enum Kind {
        /** Two header cells have the same name; the first is used when looking a column up by name. */
        DUPLICATE_HEADER(false),
        /** Two columns map to the same target; the first keeps it, the later one is left unmapped. */
        DUPLICATE_TARGET(false),
        /** A header the alias table does not know; its cells stay in the raw row only. */
        UNKNOWN_COLUMN(false),
        /** The row has more or fewer cells than the header. */
        RAGGED_ROW(true),
        /** A quote opened in the row and did not close where a cell may end; the reader went on at the next line. */
        UNBALANCED_QUOTE(true),
        /** The row is longer than the reader's record limit; the reader went on at the next line. */
        RECORD_TOO_LARGE(true),
        /** One cell is longer than the cell limit; the cell is left out of the mapped values. */
        CELL_TOO_LARGE(false),
        /** A cell holds bytes that are not valid in the declared charset. */
        INVALID_BYTES(false);

        private final boolean rowUnusable;

        Kind(boolean rowUnusable) {
            this.rowUnusable = rowUnusable;
        }

        /** @return whether a row with this problem has no trustworthy cells at all */
        public boolean rowUnusable() {
            return rowUnusable;
        }
    }

    /**
     * @param line    the 1-based physical line
     * @param kind    what is wrong
     * @param column  the column concerned, if one is
     * @param message the description
     */
    public CsvProblem {
        if (line < 1) {
            throw new IllegalArgumentException("line must be 1 or more");
        }
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(column, "column");
        Objects.requireNonNull(message, "message");
    }

    static CsvProblem of(long line, Kind kind, String column, String message) {
        return new CsvProblem(line, kind, Optional.ofNullable(column), message);
    }

    /** @return {@code line N: message} */
    @Override
    public String toString() {
        return "line " + line + ": " + message;
    }
}
