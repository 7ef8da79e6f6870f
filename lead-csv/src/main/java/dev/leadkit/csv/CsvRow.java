package dev.leadkit.csv;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One data row of a CSV input: where it starts, its raw cells, the values of its mapped columns,
 * and what is wrong with it. A row whose problems include one that is
 * {@link CsvProblem.Kind#rowUnusable()} has no trustworthy cells (an unbalanced quote, a ragged
 * row); a caller skips it and reports the problems.
 *
 * <pre>{@code
 * CsvRow row = …;
 * if (row.usable()) {
 *     row.value(CsvTarget.of(LeadField.EMAIL)).ifPresent(draft::email);
 * } else {
 *     row.problems().forEach(report::add);
 * }
 * }</pre>
 *
 * @param line     the 1-based physical line where the row starts (the header is line 1 or later)
 * @param number   the 1-based number of the row among the data rows (the header not counted)
 * @param cells    the raw cells as parsed, empty for a row that could not be parsed
 * @param values   the non-blank values of mapped columns, by target, stripped of surrounding spaces
 * @param problems what is wrong with the row, empty for a clean row
 * @since 0.1
 */
public record CsvRow(long line, long number, List<String> cells, Map<CsvTarget, String> values,
                     List<CsvProblem> problems) {

    /**
     * @param line     the physical line
     * @param number   the data row number
     * @param cells    the raw cells
     * @param values   the mapped values
     * @param problems the problems
     */
    public CsvRow {
        cells = List.copyOf(cells);
        values = Map.copyOf(values);
        problems = List.copyOf(problems);
    }

    /**
     * @param target a target
     * @return the row's non-blank value for it, if its column is mapped and filled
     */
    public Optional<String> value(CsvTarget target) {
        return Optional.ofNullable(values.get(Objects.requireNonNull(target, "target")));
    }

    /**
     * @param column a 0-based column index
     * @return the raw cell, or empty when the row has no such cell
     */
    public Optional<String> cell(int column) {
        return column >= 0 && column < cells.size() ? Optional.of(cells.get(column)) : Optional.empty();
    }

    /** @return whether the row has no problem at all */
    public boolean clean() {
        return problems.isEmpty();
    }

    /** @return whether the row's cells can be used: no problem that makes the whole row untrustworthy */
    public boolean usable() {
        return problems.stream().noneMatch(p -> p.kind().rowUnusable());
    }
}
