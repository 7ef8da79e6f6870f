package dev.leadkit.examples.cli;

import dev.leadkit.Actor;
import dev.leadkit.LeadKit;
import dev.leadkit.access.InMemoryDirectory;
import dev.leadkit.csv.ExportOptions;
import dev.leadkit.csv.LeadExport;
import dev.leadkit.query.Filter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code leadkit export --out FILE.csv}: writes the leads the acting user may view — all, those a
 * filter selects (--query, a K6 filter in JSON) or a saved view (--view) — as CSV, formula cells
 * neutralised; --excel adds the UTF-8 byte order mark Excel needs.
 */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Export leads to a CSV file (UTF-8, CRLF; formula-like cells neutralised with an apostrophe)."})
final class ExportCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--out", required = true, paramLabel = "FILE.csv", description = "Where to write.")
    private Path out;

    @Mixin
    private DataStoreOptions data;

    @Mixin
    private ActorOption actorOption;

    @Option(names = "--query", paramLabel = "FILTER",
            description = "A filter as JSON, e.g. {\"field\":\"city\",\"op\":\"eq\",\"values\":[\"Aarhus\"]}.")
    private String query;

    @Option(names = "--search", paramLabel = "TEXT", description = "Only leads matching this search text.")
    private String search;

    @Option(names = "--view", paramLabel = "NAME", description = "A saved view (its filter, sort and columns).")
    private String view;

    @Option(names = "--columns", paramLabel = "COLUMNS", split = ",",
            description = "Columns: field keys (firstName, email …), tags, custom.KEY (default: all, or the view's).")
    private List<String> columns;

    @Option(names = "--excel", description = "Start with a UTF-8 byte order mark so Excel reads the letters right.")
    private boolean excel;

    @Option(names = "--delimiter", paramLabel = "CHAR", defaultValue = ",", description = "',', ';' or 'tab' (default: ${DEFAULT-VALUE}).")
    private String delimiter;

    @Override
    public Integer call() {
        if (query != null && view != null) {
            throw new ParameterException(spec.commandLine(), "Give --query or --view, not both.");
        }
        ExportOptions.Builder options = ExportOptions.builder().excel(excel);
        try {
            options.delimiter(ImportCommand.delimiterChar(delimiter));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--delimiter takes ',', ';' or 'tab'.");
        }
        if (query != null) {
            options.filter(Filter.parse(query));
        }
        if (view != null) {
            options.view(view);
        }
        if (search != null) {
            options.search(search);
        }
        if (columns != null && !columns.isEmpty()) {
            options.columns(columns);
        }
        InMemoryDirectory directory = BuiltInUsers.directory();
        Actor actor = actorOption.actor(directory, spec);
        PrintWriter stdout = spec.commandLine().getOut();
        try (Stores.OpenStore opened = data.open()) {
            LeadKit kit = LeadKit.builder().store(opened.store()).directory(directory).build();
            long rows = LeadExport.of(kit).write(actor, out, options.build());
            stdout.println("Exported " + rows + " lead(s) from " + opened.description() + " to " + out + ".");
            stdout.flush();
            return 0;
        }
    }
}
