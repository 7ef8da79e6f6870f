package dev.leadkit.examples.cli;

import dev.leadkit.Actor;
import dev.leadkit.LeadKit;
import dev.leadkit.access.InMemoryDirectory;
import dev.leadkit.csv.CsvOptions;
import dev.leadkit.csv.ImportIssue;
import dev.leadkit.csv.ImportIssueSink;
import dev.leadkit.csv.ImportIssueWriter;
import dev.leadkit.csv.ImportListener;
import dev.leadkit.csv.ImportOptions;
import dev.leadkit.csv.ImportResult;
import dev.leadkit.csv.LeadImport;
import dev.leadkit.csv.OnDuplicate;
import dev.leadkit.intake.ImportCounts;
import dev.leadkit.intake.ImportJob;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code leadkit import FILE.csv}: imports leads from a CSV file into the embedded H2 database in
 * ./leadkit-data (or a database given by --jdbc-url), with a progress bar on a terminal and a
 * summary; rejected rows, warnings and duplicates go to --errors as CSV. An import interrupted
 * for any reason is continued with --resume JOB.
 */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Import leads from a CSV file (comma, semicolon or tab; UTF-8 unless --charset).",
                "Headers are mapped by aliases (English, Turkish, Lithuanian, Danish, CRM exports) or --map."})
final class ImportCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE.csv", description = "The CSV file.")
    private Path file;

    @Mixin
    private DataStoreOptions data;

    @Mixin
    private ActorOption actorOption;

    @Option(names = "--map", paramLabel = "COLUMN=FIELD",
            description = "Map a column explicitly (field keys: firstName, email, custom.KEY …; '-' leaves it out).")
    private Map<String, String> map = new LinkedHashMap<>();

    @Option(names = "--on-duplicate", paramLabel = "POLICY", defaultValue = "flag",
            description = "skip, update, merge, create or flag (default: ${DEFAULT-VALUE}).")
    private OnDuplicate onDuplicate;

    @Option(names = "--dry-run", description = "Report what an import would do; store nothing.")
    private boolean dryRun;

    @Option(names = "--errors", paramLabel = "ERRORS.csv", description = "Write every rejected row, warning and duplicate here.")
    private Path errors;

    @Option(names = "--charset", paramLabel = "CHARSET", description = "The file's charset, e.g. windows-1252, ISO-8859-9, windows-1257.")
    private String charset;

    @Option(names = "--delimiter", paramLabel = "CHAR", description = "',', ';' or 'tab' (default: detected).")
    private String delimiter;

    @Option(names = "--add-unknown", description = "Add unknown sources and statuses to their catalogues.")
    private boolean addUnknown;

    @Option(names = "--resume", paramLabel = "JOB", description = "Continue an interrupted import job on the same file.")
    private String resume;

    @Option(names = "--batch", paramLabel = "ROWS", defaultValue = "1000", description = "Rows per commit (default: ${DEFAULT-VALUE}).")
    private int batch;

    @Option(names = "--progress", description = "Show the progress bar even when not on a terminal.")
    private boolean progress;

    @Override
    public Integer call() throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new ParameterException(spec.commandLine(), "Cannot read '" + file + "': no such file.");
        }
        if (batch < 1 || batch > 10_000) {
            throw new ParameterException(spec.commandLine(), "--batch takes 1 to 10000 rows.");
        }
        CsvOptions.Builder csv = CsvOptions.builder();
        map.forEach(csv::map);
        if (charset != null) {
            try {
                csv.charset(Charset.forName(charset));
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), "Unknown charset '" + charset + "'.");
            }
        }
        if (delimiter != null) {
            try {
                csv.delimiter(delimiterChar(delimiter));
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), "--delimiter takes ',', ';' or 'tab'.");
            }
        }
        InMemoryDirectory directory = BuiltInUsers.directory();
        Actor actor = actorOption.actor(directory, spec);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        boolean bar = progress || System.console() != null;
        try (Stores.OpenStore opened = data.open();
             ImportIssueWriter report = errors == null ? null : ImportIssueWriter.open(errors);
             ImportProgressBar display = bar ? new ImportProgressBar(err, -1) : null) {
            LeadKit kit = LeadKit.builder().store(opened.store()).directory(directory).build();
            ImportIssueSink.Keeping firstIssues = ImportIssueSink.keeping(5);
            ImportIssueSink sink = issue -> {
                firstIssues.accept(issue);
                if (report != null) {
                    report.accept(issue);
                }
            };
            ImportOptions.Builder options = ImportOptions.builder().csv(csv.build()).onDuplicate(onDuplicate)
                    .dryRun(dryRun).batchSize(batch).addUnknownCatalogueValues(addUnknown).issues(sink)
                    .listener(display != null ? display : ImportListener.NONE);
            if (resume != null) {
                options.resume(resume);
            }
            ImportResult result = LeadImport.of(kit).run(actor, file, options.build());
            if (display != null) {
                display.close();
            }
            ImportJob job = result.job();
            ImportCounts c = job.counts();
            out.println((dryRun ? "Dry run of " : "Imported ") + file.getFileName() + " into " + opened.description()
                    + " (job " + job.id() + "):");
            out.println("  " + c.rows() + " rows: " + c.created() + " created, " + c.updated() + " updated, "
                    + c.merged() + " merged, " + c.skipped() + " skipped, " + c.failed() + " rejected; "
                    + c.flagged() + " flagged as possible duplicates, " + c.warnings() + " with warnings.");
            for (ImportIssue i : firstIssues.issues()) {
                out.println("  row " + i.row() + (i.column().isEmpty() ? "" : " (" + i.column() + ")") + ": "
                        + i.severity().name().toLowerCase(java.util.Locale.ROOT) + ": " + i.reason() + " [" + i.code() + "]");
            }
            if (errors != null) {
                out.println("  report: " + errors);
            }
            out.flush();
            return 0;
        }
    }

    static char delimiterChar(String text) {
        switch (text) {
            case ",":
            case "comma":
                return ',';
            case ";":
            case "semicolon":
                return ';';
            case "\t":
            case "tab":
                return '\t';
            default:
                throw new IllegalArgumentException("the delimiter is ',', ';' or 'tab'");
        }
    }
}
