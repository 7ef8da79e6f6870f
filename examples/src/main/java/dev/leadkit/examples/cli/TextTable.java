package dev.leadkit.examples.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A plain-text table for people to read: a header, a rule, and rows in aligned columns. Widths
 * count code points, so "Ayşe Yılmaz" and "Šarūnas" line up like ASCII names (lead-core stores
 * text in NFC, where these letters are single code points). The last column can be wrapped at a
 * width, for long messages.
 *
 * <pre>{@code
 * new TextTable("field", "code")
 *         .row("email", "lead.email.invalid")
 *         .print(out, "  ");
 * }</pre>
 */
final class TextTable {

    private static final String GAP = "  ";

    private final List<String> headers;
    private final List<List<String>> rows = new ArrayList<>();
    private int lastColumnWidth = Integer.MAX_VALUE;

    /**
     * @param headers the column headings; empty headings and no rule when all are empty
     */
    TextTable(String... headers) {
        this.headers = List.of(headers);
    }

    /**
     * @param cells one value per column; {@code null} prints as "-"
     * @return this table
     */
    TextTable row(Object... cells) {
        if (cells.length != headers.size()) {
            throw new IllegalArgumentException("a row needs " + headers.size() + " cells, not " + cells.length);
        }
        rows.add(Arrays.stream(cells).map(c -> c == null ? "-" : String.valueOf(c)).toList());
        return this;
    }

    /**
     * @param width wrap the last column's text at spaces to lines of at most this many code points
     * @return this table
     */
    TextTable wrapLastColumn(int width) {
        if (width < 10) {
            throw new IllegalArgumentException("wrap the last column at 10 code points or more");
        }
        this.lastColumnWidth = width;
        return this;
    }

    /**
     * @param out    where to print
     * @param indent printed before every line
     */
    void print(PrintWriter out, String indent) {
        Objects.requireNonNull(out, "out");
        int columns = headers.size();
        int[] widths = new int[columns];
        boolean hasHeader = headers.stream().anyMatch(h -> !h.isEmpty());
        for (int c = 0; c < columns; c++) {
            widths[c] = hasHeader ? length(headers.get(c)) : 0;
        }
        List<List<List<String>>> wrapped = new ArrayList<>();
        for (List<String> row : rows) {
            List<List<String>> cells = new ArrayList<>();
            for (int c = 0; c < columns; c++) {
                List<String> lines = c == columns - 1 ? wrap(row.get(c), lastColumnWidth) : List.of(row.get(c));
                for (String line : lines) {
                    widths[c] = Math.max(widths[c], length(line));
                }
                cells.add(lines);
            }
            wrapped.add(cells);
        }
        if (hasHeader) {
            line(out, indent, headers, widths);
            List<String> rule = new ArrayList<>();
            for (int width : widths) {
                rule.add("-".repeat(width));
            }
            line(out, indent, rule, widths);
        }
        for (List<List<String>> cells : wrapped) {
            int height = cells.stream().mapToInt(List::size).max().orElse(1);
            for (int i = 0; i < height; i++) {
                List<String> line = new ArrayList<>();
                for (List<String> cell : cells) {
                    line.add(i < cell.size() ? cell.get(i) : "");
                }
                line(out, indent, line, widths);
            }
        }
    }

    private static void line(PrintWriter out, String indent, List<String> cells, int[] widths) {
        StringBuilder sb = new StringBuilder(indent);
        for (int c = 0; c < cells.size(); c++) {
            String cell = cells.get(c);
            sb.append(cell);
            if (c < cells.size() - 1) {
                sb.append(" ".repeat(widths[c] - length(cell))).append(GAP);
            }
        }
        out.println(sb.toString().stripTrailing());
    }

    /**
     * Breaks text at spaces into lines of at most {@code width} code points; longer words stand alone.
     *
     * @param text  the text
     * @param width the longest line, in code points
     * @return the lines
     */
    static List<String> wrap(String text, int width) {
        if (length(text) <= width) {
            return List.of(text);
        }
        List<String> lines = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String word : text.split(" ")) {
            if (current.length() > 0 && length(current.toString()) + 1 + length(word) > width) {
                lines.add(current.toString());
                current.setLength(0);
            }
            if (current.length() > 0) {
                current.append(' ');
            }
            current.append(word);
        }
        if (current.length() > 0) {
            lines.add(current.toString());
        }
        return lines;
    }

    /**
     * @param text a cell's text
     * @return its width as a terminal shows NFC text of European scripts: its code points
     */
    static int length(String text) {
        return text.codePointCount(0, text.length());
    }
}
