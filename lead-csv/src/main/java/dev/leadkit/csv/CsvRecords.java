package dev.leadkit.csv;

/**
 * Writes export rows as {@code CSVFormat.RFC4180} with {@code QuoteMode.MINIMAL}, a chosen
 * delimiter and CRLF prints them, character for character — without going through a printer per
 * value, which costs more than the rest of an export's row. {@code CsvRecordsProperties} holds it
 * to Apache Commons CSV as its oracle: a value is quoted when it is empty and first in its record,
 * starts with a character up to {@code '#'}, ends with one up to a space, or holds a line break, a
 * quote or the delimiter; quotes inside are doubled.
 */
final class CsvRecords {

    private CsvRecords() {
    }

    /**
     * @param out       where the record goes
     * @param values    the values, none null
     * @param delimiter the delimiter, not a quote, CR or LF
     */
    static void append(StringBuilder out, String[] values, char delimiter) {
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                out.append(delimiter);
            }
            String v = values[i];
            int len = v.length();
            if (len == 0) {
                if (i == 0) {
                    out.append("\"\""); // an empty first value alone would be an empty line
                }
                continue;
            }
            if (!needsQuotes(v, len, delimiter)) {
                out.append(v);
                continue;
            }
            out.append('"');
            int start = 0;
            for (int pos = 0; pos < len; pos++) {
                if (v.charAt(pos) == '"') {
                    out.append(v, start, pos + 1).append('"');
                    start = pos + 1;
                }
            }
            out.append(v, start, len).append('"');
        }
        out.append("\r\n");
    }

    private static boolean needsQuotes(String v, int len, char delimiter) {
        if (v.charAt(0) <= '#' || v.charAt(len - 1) <= ' ') {
            return true;
        }
        for (int pos = 0; pos < len; pos++) {
            char c = v.charAt(pos);
            if (c == '\n' || c == '\r' || c == '"' || c == delimiter) {
                return true;
            }
        }
        return false;
    }
}
