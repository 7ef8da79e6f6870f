package dev.leadkit.csv;

import dev.leadkit.Actor;
import dev.leadkit.LeadKit;
import dev.leadkit.NotFoundException;
import dev.leadkit.ValidationException;
import dev.leadkit.event.Notification;
import dev.leadkit.field.CustomField;
import dev.leadkit.field.CustomFields;
import dev.leadkit.field.FieldValue;
import dev.leadkit.lead.Lead;
import dev.leadkit.lead.LeadField;
import dev.leadkit.query.LeadQuery;
import dev.leadkit.query.SavedView;
import dev.leadkit.query.Sort;
import dev.leadkit.query.ViewDefinition;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.QuoteMode;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

/**
 * Export of leads to CSV (requirement I5): the leads a filter or saved view selects among those the
 * actor may view (K6's query, paged by keyset cursor, so memory stays bounded), in chosen columns,
 * UTF-8 with an optional byte order mark for Excel, comma, semicolon or tab. Every cell that a
 * spreadsheet would run as a formula is neutralised ({@link CsvInjection}); {@link LeadImport}
 * removes the mark again, so an export imports back to the same leads. A finished export sends
 * the notification {@code export.finished} to the actor (seed 003).
 *
 * <pre>{@code
 * long rows = LeadExport.of(kit).write(admin, Path.of("leads.csv"),
 *         ExportOptions.builder().excel(true).delimiter(';').build());
 * }</pre>
 *
 * @since 0.4
 */
public final class LeadExport {

    /** The kind of the notification sent when an export ends. */
    public static final String FINISHED_NOTIFICATION = "export.finished";

    /** The kind of the notification sent when an export started with {@link #start} fails. */
    public static final String FAILED_NOTIFICATION = "export.failed";

    /** The name of the tags column: a lead's tags joined by commas (tags hold no commas). */
    public static final String TAGS = "tags";

    private static final int PAGE = 1_000;

    private final LeadKit kit;

    private LeadExport(LeadKit kit) {
        this.kit = kit;
    }

    /**
     * @param kit the LeadKit to export from
     * @return an exporter
     */
    public static LeadExport of(LeadKit kit) {
        return new LeadExport(Objects.requireNonNull(kit, "kit"));
    }

    /**
     * Writes the export to a file. The rows go to a hidden temporary file beside it, which replaces
     * the file only when every lead is written: a failed export leaves an earlier file untouched
     * and no half-written one.
     *
     * @param actor   who exports; sees only the leads they may view
     * @param file    where to write (replaced)
     * @param options what and how
     * @return the number of leads written
     * @throws CsvFormatException   {@code csv.unwritable} when the file cannot be written
     * @throws ValidationException  {@code export.column.unknown} for a column that is no field
     * @throws NotFoundException    when the named view does not exist or is not visible to the actor
     */
    public long write(Actor actor, Path file, ExportOptions options) {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(options, "options");
        long rows = writeFile(actor, file, options, () -> false);
        notify(actor, FINISHED_NOTIFICATION, file, rows, Optional.empty());
        return rows;
    }

    /**
     * Starts an export to a file on the executor and returns at once (seed 003: a large export
     * runs as a job and ends with an "export finished" notification). The options' progress
     * listener is called from the executor's thread.
     *
     * @param actor    who exports; sees only the leads they may view
     * @param file     where to write (replaced when the job finishes)
     * @param options  what and how
     * @param executor runs the job
     * @return the job
     * @throws java.util.concurrent.RejectedExecutionException when the executor refuses the job
     */
    public ExportJob start(Actor actor, Path file, ExportOptions options, Executor executor) {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(executor, "executor");
        ExportJob job = new ExportJob(file);
        ExportOptions tracked = options.toBuilder().progress(n -> {
            job.progress(n);
            options.progress().accept(n);
        }).build();
        executor.execute(() -> {
            try {
                long rows = writeFile(actor, file, tracked, job::cancelRequested);
                job.progress(rows);
                job.end(ExportJob.State.FINISHED, null);
                notify(actor, FINISHED_NOTIFICATION, file, rows, Optional.empty());
            } catch (Cancelled e) {
                job.end(ExportJob.State.CANCELLED, null);
            } catch (RuntimeException e) {
                job.end(ExportJob.State.FAILED, e);
                notify(actor, FAILED_NOTIFICATION, file, job.rows(), Optional.of(e));
            }
        });
        return job;
    }

    private void notify(Actor actor, String kind, Path file, long rows, Optional<RuntimeException> error) {
        Map<String, String> params = new java.util.LinkedHashMap<>();
        params.put("file", String.valueOf(file.getFileName()));
        params.put("rows", String.valueOf(rows));
        error.ifPresent(e -> params.put("error", e instanceof dev.leadkit.LeadKitException k ? k.code()
                : e.getClass().getSimpleName()));
        kit.notifications().deliver(new Notification(actor.userId(), kind, Optional.empty(), params,
                kit.clock().instant()));
    }

    /** Thrown inside a page to stop a cancelled job. */
    private static final class Cancelled extends RuntimeException {
        Cancelled() {
            super("export cancelled", null, false, false);
        }
    }

    private long writeFile(Actor actor, Path file, ExportOptions options, BooleanSupplier cancelled) {
        Path target = file.toAbsolutePath();
        Path temp = target.resolveSibling("." + target.getFileName() + "." + Long.toHexString(System.nanoTime()) + ".part");
        boolean moved = false;
        try {
            long rows;
            try (Writer out = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(temp,
                    StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), StandardCharsets.UTF_8), 1 << 16)) {
                rows = write(actor, out, options, cancelled);
            }
            try {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            moved = true;
            return rows;
        } catch (IOException e) {
            throw new CsvFormatException("csv.unwritable", "Cannot write " + file + ": " + e.getMessage(), e);
        } catch (UncheckedIOException e) {
            throw new CsvFormatException("csv.unwritable", "Cannot write " + file + ": " + e.getCause().getMessage(), e);
        } finally {
            if (!moved) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // best effort: the temporary file is hidden and named as such
                }
            }
        }
    }

    /**
     * Writes the export to a writer (not closed; flushed). Sends no notification.
     *
     * @param actor   who exports
     * @param out     where to write
     * @param options what and how
     * @return the number of leads written
     */
    public long write(Actor actor, Writer out, ExportOptions options) {
        return write(actor, out, options, () -> false);
    }

    private long write(Actor actor, Writer out, ExportOptions options, BooleanSupplier cancelled) {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(options, "options");
        LeadQuery.Builder query = LeadQuery.builder().pageSize(PAGE);
        List<String> columns;
        CustomFields fields = kit.store().inTransaction(tx -> tx.customFields().load());
        if (options.view().isPresent()) {
            SavedView view = findView(actor, options.view().get());
            ViewDefinition def = view.definition();
            query.where(def.filter());
            if (!def.sort().isEmpty()) {
                query.sort(def.sort().toArray(new Sort[0]));
            }
            columns = options.columns().orElse(def.columns());
        } else {
            query.where(options.filter());
            if (!options.sort().isEmpty()) {
                query.sort(options.sort().toArray(new Sort[0]));
            }
            columns = options.columns().orElseGet(() -> allColumns(fields));
        }
        options.search().ifPresent(query::search);
        List<Function<Lead, String>> cells = new ArrayList<>(columns.size());
        for (String column : columns) {
            cells.add(cell(column, fields));
        }
        CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(options.delimiter()).setRecordSeparator("\r\n")
                .setQuoteMode(QuoteMode.MINIMAL).get();
        try {
            if (options.excel()) {
                out.write('\uFEFF');
            }
            CSVPrinter printer = new CSVPrinter(out, format);
            printer.printRecord(columns);
            LeadQuery walk = query.build();
            long[] written = new long[1];
            char[] chunk = new char[8192];
            if (cancelled.getAsBoolean()) {
                throw new Cancelled();
            }
            kit.queries().forEachPage(actor, walk, leads -> {
                // Rendering a row reads a lead spread over the heap: the first half of a big page
                // is rendered on the common pool while this thread renders the second; the rows
                // are written in order. The task goes to the pool itself: CompletableFuture would
                // start a new thread for every page where the pool has one worker (two cores).
                int half = leads.size() >= 256 ? leads.size() / 2 : 0;
                ForkJoinTask<StringBuilder> first = half == 0 ? null
                        : ForkJoinPool.commonPool().submit(() -> render(leads.subList(0, half), cells, options.delimiter()));
                StringBuilder second = render(leads.subList(half, leads.size()), cells, options.delimiter());
                try {
                    if (first != null) {
                        write(out, first.join(), chunk); // an exception of render comes back with its type
                    }
                    write(out, second, chunk);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                written[0] += leads.size();
                options.progress().accept(written[0]);
                if (cancelled.getAsBoolean()) {
                    throw new Cancelled();
                }
            });
            long rows = written[0];
            printer.flush();
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static StringBuilder render(List<Lead> leads, List<Function<Lead, String>> cells, char delimiter) {
        StringBuilder rows = new StringBuilder(leads.size() * 160);
        String[] record = new String[cells.size()];
        for (Lead lead : leads) {
            for (int i = 0; i < record.length; i++) {
                record[i] = CsvInjection.neutralise(cells.get(i).apply(lead));
            }
            CsvRecords.append(rows, record, delimiter);
        }
        return rows;
    }

    /** Writes rendered rows without first copying them into a String, as Writer.append would. */
    private static void write(Writer out, StringBuilder rows, char[] chunk) throws IOException {
        for (int at = 0; at < rows.length(); at += chunk.length) {
            int n = Math.min(chunk.length, rows.length() - at);
            rows.getChars(at, at + n, chunk, 0);
            out.write(chunk, 0, n);
        }
    }

    private SavedView findView(Actor actor, String nameOrId) {
        for (SavedView v : kit.queries().views(actor)) {
            if (v.id().equals(nameOrId) || v.name().equals(nameOrId)) {
                return v;
            }
        }
        throw new NotFoundException("view", nameOrId);
    }

    /** @return every standard field, tags, and every active custom field, in that order */
    static List<String> allColumns(CustomFields fields) {
        List<String> all = new ArrayList<>();
        for (LeadField f : LeadField.values()) {
            all.add(f.key());
        }
        all.add(TAGS);
        for (CustomField f : fields.fields()) {
            all.add("custom." + f.key());
        }
        return all;
    }

    private static Function<Lead, String> cell(String column, CustomFields fields) {
        Optional<LeadField> field = LeadField.byKey(column);
        if (field.isPresent()) {
            LeadField f = field.get();
            return lead -> lead.get(f).orElse("");
        }
        if (column.equals(TAGS)) {
            return lead -> String.join(",", lead.tags());
        }
        String key = column.startsWith("custom.") ? column.substring(7) : column;
        if (fields.field(key).isPresent()) {
            return lead -> lead.custom(key).map(FieldValue::canonical).orElse("");
        }
        throw ValidationException.of("columns", "export.column.unknown", "unknown column '" + column
                + "': a column is a lead field key ("
                + java.util.Arrays.stream(LeadField.values()).map(LeadField::key)
                .collect(java.util.stream.Collectors.joining(", ")) + "), tags, or custom.KEY of a defined custom field");
    }
}
