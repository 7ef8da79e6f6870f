package dev.leadkit.csv;

/**
 * Spreadsheet formula injection (OWASP "CSV Injection"): a cell that starts with {@code =},
 * {@code +}, {@code -}, {@code @}, a tab or a carriage return is run as a formula by Excel and
 * LibreOffice. Export neutralises such a cell with a leading apostrophe; import removes exactly that
 * mark, so {@code +45 12 34 56 78} survives a round trip. A value that itself starts with
 * apostrophes before such a character gets one more on export, so every value round-trips exactly.
 *
 * <pre>{@code
 * CsvInjection.neutralise("=SUM(A1)");    // "'=SUM(A1)"
 * CsvInjection.restore("'+4512345678");   // "+4512345678"
 * CsvInjection.restore("'plain");         // "'plain" (no formula character follows: kept)
 * }</pre>
 *
 * @since 0.4
 */
public final class CsvInjection {

    /** The mark export puts in front of a formula-leading cell. */
    public static final char MARK = '\'';

    private CsvInjection() {
    }

    /**
     * @param c a character
     * @return whether a spreadsheet reads a cell starting with it as a formula
     */
    public static boolean isFormulaStart(char c) {
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
    }

    /** @return the index of the first character after the leading marks when a formula start follows them, else -1 */
    private static int formulaAfterMarks(String value) {
        int i = 0;
        while (i < value.length() && value.charAt(i) == MARK) {
            i++;
        }
        return i < value.length() && isFormulaStart(value.charAt(i)) ? i : -1;
    }

    /**
     * @param value a cell's value
     * @return the value with the mark in front when a spreadsheet would run it (or when it already
     *         starts with marks before a formula character), else unchanged
     */
    public static String neutralise(String value) {
        return formulaAfterMarks(value) >= 0 ? MARK + value : value;
    }

    /**
     * @param value a cell's value as read
     * @return the value without one leading mark when marks are followed by a formula character,
     *         else unchanged: the inverse of {@link #neutralise(String)}
     */
    public static String restore(String value) {
        return formulaAfterMarks(value) > 0 ? value.substring(1) : value;
    }
}
