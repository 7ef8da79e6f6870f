package dev.leadkit.examples.cli;

import dev.leadkit.Actor;
import dev.leadkit.LeadKit;
import dev.leadkit.access.InMemoryDirectory;
import dev.leadkit.csv.ExportJob;
import dev.leadkit.csv.ExportOptions;
import dev.leadkit.csv.LeadExport;
import dev.leadkit.query.Filter;
import me.tongfei.progressbar.DelegatingProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * {@code leadkit export --out FILE.csv}: writes the leads the acting user may view — all, those a
 * filter selects (--query, a K6 filter in JSON) or a saved view (--view) — as CSV, formula cells
 * neutralised; --excel adds the UTF-8 byte order mark Excel needs. The export runs as a job with a
 * progress bar on a terminal; Ctrl-C cancels it and leaves no half-written file.
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

    @Option(names = "--progress", description = "Show the progress bar even when not on a terminal.")
    private boolean progress;

    @Override
    public Integer call() throws InterruptedException {
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
        PrintWriter err = spec.commandLine().getErr();
        boolean bar = progress || System.console() != null;
        ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "leadkit-export");
            t.setDaemon(true);
            return t;
        });
        try (Stores.OpenStore opened = data.open()) {
            LeadKit kit = LeadKit.builder().store(opened.store()).directory(directory).build();
            // The export runs as a job (seed 003); Ctrl-C cancels it, so no half-written file is left.
            ExportJob job = LeadExport.of(kit).start(actor, out, options.build(), executor);
            Thread cancel = new Thread(() -> {
                job.cancel();
                try {
                    job.await(Duration.ofSeconds(10));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "leadkit-export-cancel");
            Runtime.getRuntime().addShutdownHook(cancel);
            try (ProgressBar display = bar ? bar(err) : null) {
                while (job.await(Duration.ofMillis(200)) == ExportJob.State.RUNNING) {
                    if (display != null) {
                        display.stepTo(job.rows());
                    }
                }
                if (display != null) {
                    display.maxHint(job.rows());
                    display.stepTo(job.rows());
                }
            } finally {
                if (bar) {
                    err.println();
                    err.flush();
                }
                try {
                    Runtime.getRuntime().removeShutdownHook(cancel);
                } catch (IllegalStateException shuttingDown) {
                    // the hook is running: it cancels the job
                }
            }
            if (job.state() == ExportJob.State.FAILED) {
                throw job.failure().orElseThrow();
            }
            if (job.state() == ExportJob.State.CANCELLED) {
                err.println("Export cancelled; " + out + " was not written.");
                return 1;
            }
            stdout.println("Exported " + job.rows() + " lead(s) from " + opened.description() + " to " + out + ".");
            stdout.flush();
            return 0;
        } finally {
            executor.shutdownNow();
        }
    }

    private static ProgressBar bar(PrintWriter err) {
        return new ProgressBarBuilder().setTaskName("Exporting").setInitialMax(-1).setStyle(ProgressBarStyle.ASCII)
                .setUpdateIntervalMillis(500).setUnit(" rows", 1)
                .setConsumer(new DelegatingProgressBarConsumer(rendered -> {
                    synchronized (err) {
                        err.print('\r');
                        err.print(rendered);
                        err.flush();
                    }
                }, 100)).build();
    }
}
