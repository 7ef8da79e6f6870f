package dev.leadkit.examples.cli;

import dev.leadkit.csv.CsvFormatException;
import dev.leadkit.csv.CsvOptions;
import dev.leadkit.csv.CsvProblem;
import dev.leadkit.csv.CsvRow;
import dev.leadkit.csv.CsvTarget;
import dev.leadkit.csv.HeaderMapping;
import dev.leadkit.csv.LeadCsvReader;
import dev.leadkit.dedupe.Cluster;
import dev.leadkit.dedupe.Decision;
import dev.leadkit.dedupe.DuplicateScan;
import dev.leadkit.dedupe.Match;
import dev.leadkit.dedupe.MatchField;
import dev.leadkit.dedupe.MatchRecord;
import dev.leadkit.dedupe.MatchRules;
import dev.leadkit.dedupe.Matcher;
import dev.leadkit.dedupe.ScanSummary;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.OptionalInt;
import java.util.concurrent.Callable;

/**
 * {@code leadkit dedupe INPUT.csv --id-column COLUMN}: finds the duplicate pairs in a CSV file
 * with LeadKit's matching engine (requirement D4) and writes them as
 * {@code left_id,right_id,score,decision}. Nothing is stored. Rows are matched as they are: no
 * field is required. Bad input (no such id column, a repeated id, an empty or header-only file,
 * a wrong charset) is one line on stderr and exit code 2; ragged rows are skipped and reported.
 */
@Command(name = "dedupe", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        sortOptions = false,
        description = {
                "Find duplicate records in a CSV file and write the pairs as CSV: left_id,right_id,score,decision.",
                "Columns are mapped to fields by their headers (English, CRM exports, Turkish, Lithuanian, Danish,"
                        + " FEBRL and voter-register names); nothing is stored."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:done", "2:bad arguments or unusable input (one line on stderr)"})
final class DedupeCommand implements Callable<Integer> {

    /** The exit code for unusable input. */
    static final int EXIT_BAD_INPUT = 2;

    /** Row problems printed one by one before only counting them. */
    private static final int PROBLEMS_SHOWN = 20;

    /** Which pairs to write. */
    enum Threshold {
        /** Pairs whose own decision is duplicate. */
        duplicate,
        /** Pairs whose own decision is duplicate or possible duplicate. */
        possible
    }

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "INPUT.csv", description = "The CSV file, with a header line.")
    private Path input;

    @Option(names = "--id-column", required = true, paramLabel = "COLUMN",
            description = "The column holding each row's id (unique); the pairs name rows by it.")
    private String idColumn;

    @Option(names = "--out", paramLabel = "PAIRS.csv", description = "Where to write the pairs (default: stdout).")
    private Path out;

    @Option(names = "--threshold", paramLabel = "duplicate|possible", defaultValue = "possible",
            description = "The lowest decision written (default: ${DEFAULT-VALUE}).")
    private Threshold threshold;

    @Option(names = "--map", paramLabel = "COLUMN=FIELD",
            description = "Map a column to a field (firstName, lastName, fullName, email, phone, company, street,"
                    + " houseNumber, addressLine2, city, postcode, region, country, website, registrationNumber,"
                    + " birthDate, nationalId, middleName) or to - to leave it out. Repeatable.")
    private Map<String, String> map = new LinkedHashMap<>();

    @Option(names = "--delimiter", paramLabel = "CHAR",
            description = "The delimiter: a character, or comma, semicolon, tab (default: detected from the header).")
    private String delimiter;

    @Option(names = "--charset", paramLabel = "NAME", defaultValue = "UTF-8",
            description = "The file's charset, e.g. windows-1252, ISO-8859-9, windows-1257 (default: ${DEFAULT-VALUE}).")
    private String charset;

    @Option(names = "--progress", description = "Show progress on stderr even when not on a terminal.")
    private boolean progress;

    @Option(names = "--quiet", description = "No progress and no summary; errors and skipped rows only.")
    private boolean quiet;

    /** Unusable input found while the scan reads: stops the command with exit code 2. */
    static final class BadInput extends RuntimeException {
        private static final long serialVersionUID = 1L;

        BadInput(String message) {
            super(message, null, false, false);
        }
    }

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        try {
            return dedupe(err);
        } catch (BadInput | CsvFormatException e) {
            spec.commandLine().getOut().flush();
            err.println("leadkit dedupe: " + oneLine(e.getMessage()));
            err.flush();
            return EXIT_BAD_INPUT;
        }
    }

    private int dedupe(PrintWriter err) {
        long started = System.nanoTime();
        CsvOptions options = options();
        Matcher matcher = Matcher.of(MatchRules.defaults());
        boolean showProgress = !quiet && (progress || System.console() != null);
        Rows rows;
        ScanSummary summary;
        List<Cluster> found = new ArrayList<>();
        try (LeadCsvReader reader = LeadCsvReader.open(input, options);
             ProgressDisplay display = showProgress ? new ProgressDisplay(err) : null) {
            rows = new Rows(reader, err);
            DuplicateScan.Builder scan = DuplicateScan.builder(matcher);
            if (display != null) {
                scan.listener(display);
            }
            summary = scan.build().run(rows, found::add);
        }
        if (rows.count == 0 && rows.skipped == 0) {
            throw new BadInput(input + " has a header but no rows: nothing to compare.");
        }
        if (rows.count == 0) {
            rows.reportSkipped();
            throw new BadInput("All " + rows.skipped + " rows of " + input + " were skipped (see above): nothing to compare.");
        }
        List<Pair> pairs = pairs(found, matcher, rows);
        write(pairs);
        rows.reportSkipped();
        if (!quiet) {
            double seconds = (System.nanoTime() - started) / 1e9;
            err.printf(Locale.ROOT, "leadkit dedupe: %d rows (%d skipped), %d pairs, %d clusters, %.1f s%n",
                    rows.count + rows.skipped, rows.skipped, pairs.size(), summary.clusters(), seconds);
        }
        err.flush();
        return 0;
    }

    private CsvOptions options() {
        CsvOptions.Builder b = CsvOptions.builder().charset(charsetOf(charset));
        if (delimiter != null) {
            b.delimiter(delimiterOf(delimiter));
        }
        map.forEach(b::map);
        return b.build();
    }

    private static Charset charsetOf(String name) {
        try {
            return Charset.forName(name.strip());
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw new BadInput("Unknown charset '" + name + "'; use a name such as UTF-8, windows-1252, ISO-8859-9 "
                    + "or windows-1257.");
        }
    }

    private static char delimiterOf(String text) {
        switch (text.toLowerCase(Locale.ROOT)) {
            case "comma":
                return ',';
            case "semicolon":
                return ';';
            case "tab":
            case "\\t":
                return '\t';
            default:
                if (text.length() == 1 && text.charAt(0) != '"' && text.charAt(0) != '\r' && text.charAt(0) != '\n') {
                    return text.charAt(0);
                }
                throw new BadInput("The delimiter must be one character (not a quote or a line break), or comma, "
                        + "semicolon or tab; got '" + text + "'.");
        }
    }

    /**
     * The rows of the file as match records, checked as they are read: unique ids, ragged rows
     * skipped and counted, a wrong charset stopped.
     */
    private final class Rows implements Iterator<MatchRecord> {
        private final LeadCsvReader reader;
        private final PrintWriter err;
        private final int idIndex;
        private final List<Map.Entry<Integer, MatchField>> fields = new ArrayList<>();
        private final Map<String, Long> lineOfId = new HashMap<>();
        /** Each row's match values, kept compactly so that the pairs need not read the file again. */
        private final KeptValues kept = new KeptValues();
        private MatchRecord ahead;
        long count;
        long skipped;
        private int shown;

        Rows(LeadCsvReader reader, PrintWriter err) {
            this.reader = reader;
            this.err = err;
            HeaderMapping mapping = reader.mapping();
            OptionalInt id = mapping.columnNamed(idColumn);
            if (id.isEmpty()) {
                throw new BadInput("The id column '" + idColumn + "' is not in the header of " + input
                        + "; the header is: " + String.join(", ", mapping.header()) + ".");
            }
            this.idIndex = id.getAsInt();
            mapping.columns().forEach((target, column) -> {
                MatchField field = matchField(target);
                if (field != null && column != idIndex) {
                    fields.add(Map.entry(column, field));
                }
            });
            for (CsvProblem p : mapping.problems()) {
                if (p.kind() == CsvProblem.Kind.DUPLICATE_HEADER && p.column().map(c -> c.strip()
                        .equalsIgnoreCase(idColumn.strip())).orElse(false)) {
                    throw new BadInput("The header of " + input + " has the id column '" + idColumn
                            + "' twice; name the id column once.");
                }
            }
        }

        @Override
        public boolean hasNext() {
            while (ahead == null) {
                CsvRow row = reader.next().orElse(null);
                if (row == null) {
                    return false;
                }
                ahead = record(row);
            }
            return true;
        }

        @Override
        public MatchRecord next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            MatchRecord r = ahead;
            ahead = null;
            return r;
        }

        private MatchRecord record(CsvRow row) {
            for (CsvProblem p : row.problems()) {
                if (p.kind() == CsvProblem.Kind.INVALID_BYTES) {
                    throw new BadInput(input + " line " + p.line() + ": " + p.message().replace("declare the file's "
                            + "charset", "give the file's charset with --charset (e.g. windows-1252)") + ".");
                }
            }
            if (!row.usable()) {
                skip(row.problems().get(0).toString());
                return null;
            }
            String id = row.cells().get(idIndex).strip();
            if (id.isEmpty()) {
                skip("line " + row.line() + ": the id column '" + idColumn + "' is empty");
                return null;
            }
            Long before = lineOfId.putIfAbsent(id, row.line());
            if (before != null) {
                throw new BadInput("The id '" + id + "' appears twice in column '" + idColumn + "': lines " + before
                        + " and " + row.line() + "; ids must be unique.");
            }
            count++;
            MatchRecord.Builder b = MatchRecord.builder(id);
            kept.startRow(row.line());
            for (Map.Entry<Integer, MatchField> f : fields) {
                String cell = row.cells().get(f.getKey());
                if (!cell.isBlank() && cell.length() <= CsvOptions.DEFAULT_MAX_CELL_CHARS) {
                    String value = cell.strip();
                    b.set(f.getValue(), value);
                    kept.add(value);
                } else {
                    kept.add(null);
                }
            }
            return b.build();
        }

        /** @return the record of a row read, by id, as it was handed to the scan */
        MatchRecord recordOf(String id) {
            Long line = lineOfId.get(id);
            if (line == null) {
                throw new IllegalArgumentException("no row with id " + id);
            }
            String[] values = kept.row(line, fields.size());
            MatchRecord.Builder b = MatchRecord.builder(id);
            for (int i = 0; i < values.length; i++) {
                if (values[i] != null) {
                    b.set(fields.get(i).getValue(), values[i]);
                }
            }
            return b.build();
        }

        private void skip(String problem) {
            skipped++;
            if (shown++ < PROBLEMS_SHOWN) {
                err.println("leadkit dedupe: skipped " + problem);
            }
        }

        void reportSkipped() {
            if (shown > PROBLEMS_SHOWN) {
                err.println("leadkit dedupe: skipped " + (shown - PROBLEMS_SHOWN) + " more rows with problems ("
                        + skipped + " in all)");
            }
        }
    }

    /** The match attribute a column target feeds, or null for one matching does not use. */
    static MatchField matchField(CsvTarget target) {
        switch (target.kind()) {
            case FULL_NAME:
                return MatchField.FULL_NAME;
            case CUSTOM_FIELD:
                return null;
            case PERSON:
                switch (target.key()) {
                    case "middleName":
                        return MatchField.MIDDLE_NAME;
                    case "houseNumber":
                        return MatchField.HOUSE_NUMBER;
                    case "addressLine2":
                        return MatchField.ADDRESS_LINE_2;
                    case "birthDate":
                        return MatchField.BIRTH_DATE;
                    case "nationalId":
                        return MatchField.NATIONAL_ID;
                    default:
                        return null;
                }
            case LEAD_FIELD:
                switch (target.key()) {
                    case "firstName":
                        return MatchField.FIRST_NAME;
                    case "lastName":
                        return MatchField.LAST_NAME;
                    case "email":
                        return MatchField.EMAIL;
                    case "phone":
                        return MatchField.PHONE;
                    case "company":
                        return MatchField.COMPANY;
                    case "street":
                        return MatchField.STREET;
                    case "city":
                        return MatchField.CITY;
                    case "postcode":
                        return MatchField.POSTCODE;
                    case "region":
                        return MatchField.REGION;
                    case "country":
                        return MatchField.COUNTRY;
                    case "website":
                        return MatchField.WEBSITE;
                    case "registrationNumber":
                        return MatchField.REGISTRATION_NUMBER;
                    default:
                        return null;
                }
            default:
                throw new AssertionError(target.kind());
        }
    }

    /** One output row. */
    record Pair(String left, String right, double score, Decision decision) {
    }

    /**
     * Every unordered pair of members of each cluster whose own decision reaches the threshold. A
     * pair the scan compared keeps the scan's score; one it never compared (linked through a third
     * record) is compared now, from the values kept as the rows were read.
     */
    private List<Pair> pairs(List<Cluster> clusters, Matcher matcher, Rows rows) {
        List<Pair> pairs = new ArrayList<>();
        for (Cluster c : clusters) {
            Map<String, Match> compared = new HashMap<>();
            for (Match m : c.pairs()) {
                compared.put(key(m.id(), m.otherId()), m);
            }
            List<String> ids = c.ids();
            for (int i = 0; i < ids.size(); i++) {
                for (int j = i + 1; j < ids.size(); j++) {
                    Match m = compared.get(key(ids.get(i), ids.get(j)));
                    if (m == null) {
                        m = matcher.compare(rows.recordOf(ids.get(i)), rows.recordOf(ids.get(j)));
                    }
                    if (reaches(m.decision())) {
                        boolean inOrder = ID_ORDER.compare(ids.get(i), ids.get(j)) < 0;
                        pairs.add(new Pair(inOrder ? ids.get(i) : ids.get(j), inOrder ? ids.get(j) : ids.get(i),
                                m.score(), m.decision()));
                    }
                }
            }
        }
        pairs.sort((x, y) -> {
            int byLeft = ID_ORDER.compare(x.left(), y.left());
            return byLeft != 0 ? byLeft : ID_ORDER.compare(x.right(), y.right());
        });
        return pairs;
    }

    private boolean reaches(Decision decision) {
        switch (decision) {
            case DUPLICATE:
                return true;
            case POSSIBLE_DUPLICATE:
                return threshold == Threshold.possible;
            case DISTINCT:
                return false;
            default:
                throw new AssertionError(decision);
        }
    }

    private static String key(String a, String b) {
        return a.compareTo(b) < 0 ? a + '\u0000' + b : b + '\u0000' + a;
    }

    /** Ids that are whole numbers in numeric order, before other ids in string order. */
    static final Comparator<String> ID_ORDER = (a, b) -> {
        boolean na = isNumber(a);
        boolean nb = isNumber(b);
        if (na != nb) {
            return na ? -1 : 1;
        }
        if (na) {
            int byValue = Long.compare(Long.parseLong(a), Long.parseLong(b));
            if (byValue != 0) {
                return byValue;
            }
        }
        return a.compareTo(b);
    };

    private static boolean isNumber(String s) {
        if (s.isEmpty() || s.length() > 18) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private void write(List<Pair> pairs) {
        try {
            Writer writer = out == null ? spec.commandLine().getOut()
                    : new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(out), StandardCharsets.UTF_8),
                            1 << 16);
            CSVPrinter printer = new CSVPrinter(writer, CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get());
            printer.printRecord("left_id", "right_id", "score", "decision");
            StringBuilder score = new StringBuilder();
            for (Pair p : pairs) {
                score.setLength(0);
                printer.printRecord(p.left(), p.right(), fourDecimals(p.score(), score),
                        p.decision() == Decision.DUPLICATE ? "duplicate" : "possible");
            }
            printer.flush();
            if (out != null) {
                printer.close();
            }
        } catch (IOException e) {
            throw new BadInput("Cannot write " + (out == null ? "the pairs" : out) + ": " + e.getMessage());
        }
    }

    /** {@code 0.8125}: four decimals, rounded half up, a dot whatever the locale. */
    static String fourDecimals(double score, StringBuilder into) {
        long tenThousandths = Math.round(score * 10_000);
        into.append(tenThousandths / 10_000).append('.');
        String frac = Long.toString(tenThousandths % 10_000);
        for (int i = frac.length(); i < 4; i++) {
            into.append('0');
        }
        return into.append(frac).toString();
    }

    private static String oneLine(String text) {
        return text == null ? "" : text.replaceAll("\\s*\\R\\s*", " ");
    }
}
