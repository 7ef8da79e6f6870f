package dev.leadkit.csv;

import dev.leadkit.query.TextFold;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Which target each column of a CSV header means. Each header is looked up in an alias table
 * (English with the export headers of Salesforce, HubSpot, Zoho and Pipedrive, Turkish,
 * Lithuanian, Danish, and the columns of record-linkage data sets such as FEBRL and the North
 * Carolina voter register), compared after {@link TextFold} with everything but letters and digits
 * dropped: {@code "E-posta"}, {@code "e_posta"} and {@code "EPosta"} are one header. An explicit
 * override {@code column=field} wins over the table; {@code column=-} leaves a column unmapped.
 *
 * <p>Unknown columns, repeated headers and two columns meaning one target are reported as
 * {@link #problems()}, not thrown: the first column keeps a target.
 *
 * <pre>{@code
 * HeaderMapping mapping = HeaderMapping.resolve(List.of("Ad", "Soyad", "E-posta", "Kundenr"),
 *         Map.of("Kundenr", "externalId"));
 * mapping.target(2);                       // Optional[email]
 * mapping.column(CsvTarget.of(LeadField.LAST_NAME));   // OptionalInt[1]
 * }</pre>
 *
 * @since 0.1
 */
public final class HeaderMapping {

    /** The written targets of an override that leave a column unmapped. */
    private static final Set<String> IGNORE = Set.of("-", "ignore", "none");

    private final List<String> header;
    private final List<Optional<CsvTarget>> targets;
    private final Map<CsvTarget, Integer> columns;
    private final List<CsvProblem> problems;

    private HeaderMapping(List<String> header, List<Optional<CsvTarget>> targets, Map<CsvTarget, Integer> columns,
                          List<CsvProblem> problems) {
        this.header = header;
        this.targets = targets;
        this.columns = columns;
        this.problems = problems;
    }

    /**
     * Maps a header found on line 1.
     *
     * @param header    the header cells in file order
     * @param overrides explicit {@code column → field} mappings (see {@link CsvTarget#parse(String)});
     *                  a field of {@code -} leaves the column unmapped
     * @return the mapping
     * @throws CsvFormatException {@code csv.map.column.unknown} or {@code csv.map.field.unknown} when an
     *                            override names a column the header lacks or a field that does not exist
     */
    public static HeaderMapping resolve(List<String> header, Map<String, String> overrides) {
        return resolve(header, overrides, 1);
    }

    static HeaderMapping resolve(List<String> header, Map<String, String> overrides, long headerLine) {
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(overrides, "overrides");
        List<String> names = List.copyOf(header);
        List<CsvProblem> problems = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            String lower = names.get(i).strip().toLowerCase(Locale.ROOT);
            Integer first = seen.putIfAbsent(lower, i);
            if (first != null && !lower.isEmpty()) {
                problems.add(CsvProblem.of(headerLine, CsvProblem.Kind.DUPLICATE_HEADER, names.get(i),
                        "columns " + (first + 1) + " and " + (i + 1) + " have the same header '" + names.get(i)
                                + "'; columns are told apart by position"));
            }
        }
        Map<Integer, Optional<CsvTarget>> explicit = new HashMap<>();
        overrides.forEach((column, field) -> explicit.put(columnOf(names, column), overrideTarget(column, field)));

        List<Optional<CsvTarget>> targets = new ArrayList<>(names.size());
        Map<CsvTarget, Integer> columns = new LinkedHashMap<>();
        // Explicit targets are placed first so that an alias elsewhere cannot take them.
        for (Map.Entry<Integer, Optional<CsvTarget>> e : explicit.entrySet()) {
            e.getValue().ifPresent(t -> {
                Integer other = columns.putIfAbsent(t, e.getKey());
                if (other != null) {
                    throw new CsvFormatException("csv.map.field.twice", "The mapping gives field " + t
                            + " to two columns, '" + names.get(other) + "' and '" + names.get(e.getKey())
                            + "'; give each field one column.");
                }
            });
        }
        for (int i = 0; i < names.size(); i++) {
            Optional<CsvTarget> target = explicit.containsKey(i) ? explicit.get(i) : targetOf(names.get(i));
            boolean lost = false;
            if (!explicit.containsKey(i) && target.isPresent()) {
                Integer other = columns.putIfAbsent(target.get(), i);
                if (other != null) {
                    lost = true;
                    problems.add(CsvProblem.of(headerLine, CsvProblem.Kind.DUPLICATE_TARGET, names.get(i),
                            "column " + (i + 1) + " '" + names.get(i) + "' means " + target.get() + " like column "
                                    + (other + 1) + " '" + names.get(other) + "'; the first is used"));
                    target = Optional.empty();
                }
            }
            if (target.isEmpty() && !explicit.containsKey(i) && !lost) {
                problems.add(CsvProblem.of(headerLine, CsvProblem.Kind.UNKNOWN_COLUMN, names.get(i),
                        "column " + (i + 1) + " '" + names.get(i) + "' matches no known field; map it with "
                                + "column=field or leave it"));
            }
            targets.add(target);
        }
        return new HeaderMapping(names, Collections.unmodifiableList(targets), Collections.unmodifiableMap(columns),
                List.copyOf(problems));
    }

    /**
     * The target the alias table gives a header.
     *
     * @param header a header cell as written
     * @return its target, or empty when the table does not know it
     */
    public static Optional<CsvTarget> targetOf(String header) {
        return Optional.ofNullable(AliasTable.INSTANCE.aliases.get(normalise(header)));
    }

    /**
     * The form in which headers and aliases are compared: folded by {@link TextFold}, with
     * everything but letters and digits dropped.
     *
     * @param header a header cell
     * @return its comparison form, e.g. {@code "elpastas"} for {@code "El. paštas"}
     */
    public static String normalise(String header) {
        String folded = TextFold.fold(header);
        StringBuilder out = new StringBuilder(folded.length());
        for (int i = 0; i < folded.length(); ) {
            int cp = folded.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isLetterOrDigit(cp)) {
                out.appendCodePoint(cp);
            }
        }
        return out.toString();
    }

    private static int columnOf(List<String> names, String column) {
        String wanted = column.strip();
        for (int i = 0; i < names.size(); i++) {
            if (names.get(i).strip().equalsIgnoreCase(wanted)) {
                return i;
            }
        }
        String normalised = normalise(wanted);
        for (int i = 0; i < names.size(); i++) {
            if (!normalised.isEmpty() && normalise(names.get(i)).equals(normalised)) {
                return i;
            }
        }
        throw new CsvFormatException("csv.map.column.unknown", "The mapping names column '" + column
                + "', which the header does not have; the header is: " + String.join(", ", names) + ".");
    }

    private static Optional<CsvTarget> overrideTarget(String column, String field) {
        String written = field.strip();
        if (IGNORE.contains(written.toLowerCase(Locale.ROOT))) {
            return Optional.empty();
        }
        Optional<CsvTarget> target = CsvTarget.parse(written);
        if (target.isEmpty()) {
            target = targetOf(written);
        }
        return Optional.of(target.orElseThrow(() -> new CsvFormatException("csv.map.field.unknown",
                "The mapping of column '" + column + "' names field '" + field + "', which does not exist; use one of "
                        + String.join(", ", CsvTarget.knownKeys()) + ", custom.KEY for a custom field, or - to leave "
                        + "the column out.")));
    }

    /** @return the header cells in file order */
    public List<String> header() {
        return header;
    }

    /**
     * @param column a 0-based column index
     * @return the column's target, or empty for a column left unmapped
     */
    public Optional<CsvTarget> target(int column) {
        return targets.get(Objects.checkIndex(column, targets.size()));
    }

    /**
     * @param target a target
     * @return the 0-based column mapped to it, or empty when no column is
     */
    public OptionalInt column(CsvTarget target) {
        Integer column = columns.get(Objects.requireNonNull(target, "target"));
        return column == null ? OptionalInt.empty() : OptionalInt.of(column);
    }

    /** @return every mapped target with its 0-based column, in the order the targets were assigned */
    public Map<CsvTarget, Integer> columns() {
        return columns;
    }

    /**
     * @param name a header as written (compared without regard to case and surrounding spaces)
     * @return its 0-based column: the first, if the name repeats
     */
    public OptionalInt columnNamed(String name) {
        String wanted = Objects.requireNonNull(name, "name").strip();
        for (int i = 0; i < header.size(); i++) {
            if (header.get(i).strip().equalsIgnoreCase(wanted)) {
                return OptionalInt.of(i);
            }
        }
        return OptionalInt.empty();
    }

    /** @return the headers no alias or override maps, in file order */
    public List<String> unknownColumns() {
        List<String> unknown = new ArrayList<>();
        for (CsvProblem p : problems) {
            if (p.kind() == CsvProblem.Kind.UNKNOWN_COLUMN) {
                unknown.add(p.column().orElseThrow());
            }
        }
        return unknown;
    }

    /** @return repeated headers, columns that lost a target to an earlier one, unknown columns */
    public List<CsvProblem> problems() {
        return problems;
    }

    /** The alias table resource, loaded once. */
    static final class AliasTable {
        static final AliasTable INSTANCE = load();

        /** Normalised alias → target. */
        final Map<String, CsvTarget> aliases;
        /** Normalised aliases named for two targets; empty for a sound table. */
        final List<String> conflicts;

        private AliasTable(Map<String, CsvTarget> aliases, List<String> conflicts) {
            this.aliases = aliases;
            this.conflicts = conflicts;
        }

        private static AliasTable load() {
            try (InputStream in = HeaderMapping.class.getResourceAsStream("header-aliases.txt")) {
                if (in == null) {
                    throw new IllegalStateException("header-aliases.txt is missing from lead-csv");
                }
                return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        static AliasTable parse(List<String> lines) {
            Map<String, CsvTarget> aliases = new HashMap<>();
            List<String> conflicts = new ArrayList<>();
            for (String raw : lines) {
                String line = raw.strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                int eq = line.indexOf('=');
                if (eq < 0) {
                    throw new IllegalStateException("header-aliases.txt: not 'target = aliases': " + line);
                }
                String key = line.substring(0, eq).strip();
                CsvTarget target = CsvTarget.parse(key).orElseThrow(
                        () -> new IllegalStateException("header-aliases.txt: unknown target " + key));
                List<String> names = new ArrayList<>(List.of(line.substring(eq + 1).split("\\|")));
                names.add(key);
                for (String name : names) {
                    String alias = normalise(name);
                    if (alias.isEmpty()) {
                        continue;
                    }
                    CsvTarget before = aliases.putIfAbsent(alias, target);
                    if (before != null && !before.equals(target)) {
                        conflicts.add(alias + ": " + before + " and " + target);
                    }
                }
            }
            return new AliasTable(Map.copyOf(aliases), List.copyOf(conflicts));
        }
    }
}
