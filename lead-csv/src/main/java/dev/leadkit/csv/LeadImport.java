package dev.leadkit.csv;

import dev.leadkit.AccessDeniedException;
import dev.leadkit.Actor;
import dev.leadkit.ConflictException;
import dev.leadkit.FieldError;
import dev.leadkit.LeadKit;
import dev.leadkit.LeadKitException;
import dev.leadkit.NotFoundException;
import dev.leadkit.ValidationException;
import dev.leadkit.access.Right;
import dev.leadkit.access.Role;
import dev.leadkit.access.User;
import dev.leadkit.dedupe.BatchCheck;
import dev.leadkit.dedupe.Match;
import dev.leadkit.dedupe.MatchField;
import dev.leadkit.dedupe.MatchRecord;
import dev.leadkit.dedupe.MatchRules;
import dev.leadkit.dedupe.Matcher;
import dev.leadkit.event.Notification;
import dev.leadkit.field.FieldValue;
import dev.leadkit.intake.ImportCounts;
import dev.leadkit.intake.ImportJob;
import dev.leadkit.lead.Lead;
import dev.leadkit.lead.LeadDraft;
import dev.leadkit.lead.LeadField;
import dev.leadkit.lead.LeadId;
import dev.leadkit.lead.LeadPatch;
import dev.leadkit.workflow.Catalogue;
import dev.leadkit.workflow.CatalogueEntry;
import dev.leadkit.workflow.CatalogueKind;
import dev.leadkit.workflow.StatusCategory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Bulk import of leads from a CSV file (requirement I4), admin-only. The file streams through
 * {@link LeadCsvReader} (header mapping by aliases or explicit, dialects, charsets, row problems);
 * each row becomes a draft — a single full-name column split into first and last name, sources and
 * statuses of other CRMs mapped onto the catalogues, the export's formula-neutralising mark
 * removed — and rows go to the store in batches through {@code LeadService.createAll}, each batch
 * committed together with the job record's last committed row. Rows that look like a stored lead
 * (K7's matcher) follow the {@link OnDuplicate} policy: each batch is checked with one look-up of
 * the store's candidate index ({@link dev.leadkit.dedupe.BatchCheck}), against the stored leads
 * the importer may view — which include the rows of earlier batches once committed — and against
 * the earlier rows of the same batch; nothing about the stored leads is held on the heap. Every rejected row, warning and duplicate
 * goes to the options' {@link ImportIssueSink} with its row number; a notification
 * {@code import.finished} goes to the importing user at the end.
 *
 * <p>An import interrupted at any point (a crash, a failing store, a listener that throws) leaves
 * its job RUNNING with the last batch that committed; {@code ImportOptions.builder().resume(jobId)}
 * with the same file skips the rows up to it, so no row is imported twice. Rows updated or merged
 * into stored leads are written in their own transaction just before their batch: repeating such
 * a write after an interruption changes nothing, since it sets the same values again.
 *
 * <pre>{@code
 * ImportResult r = LeadImport.of(kit).run(admin, Path.of("leads.csv"),
 *         ImportOptions.builder().onDuplicate(OnDuplicate.SKIP).build());
 * System.out.println(r.job().counts());
 * }</pre>
 *
 * @since 0.4
 */
public final class LeadImport {

    /** The kind of the notification sent when an import ends. */
    public static final String FINISHED_NOTIFICATION = "import.finished";

    private static final Pattern DRAFT_INDEX = Pattern.compile("^drafts\\[(\\d+)]\\.(.*)$");
    private static final String TAGS_COLUMN = "tags";
    private static final String CUSTOM_PREFIX = "custom.";

    private final LeadKit kit;
    private final Matcher matcher;

    private LeadImport(LeadKit kit, Matcher matcher) {
        this.kit = kit;
        this.matcher = matcher;
    }

    /**
     * @param kit the LeadKit to import into
     * @return an importer using the default match rules for duplicates
     */
    public static LeadImport of(LeadKit kit) {
        return of(kit, MatchRules.defaults());
    }

    /**
     * @param kit   the LeadKit to import into
     * @param rules the match rules that judge duplicates
     * @return an importer
     */
    public static LeadImport of(LeadKit kit, MatchRules rules) {
        return new LeadImport(Objects.requireNonNull(kit, "kit"), Matcher.of(Objects.requireNonNull(rules, "rules")));
    }

    /**
     * Imports a file, or resumes an interrupted job on it.
     *
     * @param actor   who imports; must be an Admin
     * @param file    the CSV file
     * @param options how
     * @return the job at its end
     * @throws AccessDeniedException {@code access.denied} when the actor is not an active Admin
     * @throws CsvFormatException    when the file cannot be read at all (no header, unknown mapping …)
     * @throws ConflictException     {@code import.file.changed} when a resumed job was started on another
     *                               file; {@code import.job.ended} when it is not running any more
     * @throws NotFoundException     when the job to resume does not exist
     */
    public ImportResult run(Actor actor, Path file, ImportOptions options) {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(options, "options");
        requireAdmin(actor);
        FileIdentity identity = FileIdentity.of(file);
        try (LeadCsvReader reader = LeadCsvReader.open(file, options.csv())) {
            ImportJob job = startOrResume(actor, file, identity, options);
            return new Run(actor, reader, options, job).execute();
        }
    }

    private void requireAdmin(Actor actor) {
        Optional<User> user = kit.directory().user(actor.userId()).filter(User::active);
        if (user.isEmpty() || !user.get().hasRole(Role.ADMIN)) {
            throw new AccessDeniedException(actor, Right.IMPORT, null, "only an active Admin imports leads");
        }
    }

    private ImportJob startOrResume(Actor actor, Path file, FileIdentity identity, ImportOptions options) {
        if (options.resumeJob().isPresent()) {
            String id = options.resumeJob().get();
            ImportJob job = kit.store().inTransaction(tx -> tx.importJobs().find(id))
                    .orElseThrow(() -> new NotFoundException("import_job", id));
            if (!job.checksum().equals(identity.checksum) || job.size() != identity.size) {
                throw new ConflictException("import.file.changed", "Import job '" + id
                        + "' was started on another file (its size or SHA-256 differ); resume it with the same file, "
                        + "or start a new import.");
            }
            if (!job.state().resumable()) {
                throw new ConflictException("import.job.ended", "Import job '" + id + "' has ended ("
                        + job.state() + "); only a running job resumes.");
            }
            return job;
        }
        String id = "imp-" + identity.checksum.substring(0, 12) + "-" + Long.toString(kit.clock().millis(), 36);
        ImportJob job = ImportJob.start(id, actor.userId(), String.valueOf(file.getFileName()), identity.checksum,
                identity.size, options.dryRun(), kit.clock().instant());
        if (!options.dryRun()) {
            kit.store().inTransaction(tx -> {
                tx.importJobs().insert(job);
                return null;
            });
        }
        return job;
    }

    /** A file's size and SHA-256, which identify it for a resume. */
    private static final class FileIdentity {
        final String checksum;
        final long size;

        private FileIdentity(String checksum, long size) {
            this.checksum = checksum;
            this.size = size;
        }

        static FileIdentity of(Path file) {
            try (InputStream in = Files.newInputStream(file)) {
                MessageDigest sha = MessageDigest.getInstance("SHA-256");
                byte[] buffer = new byte[1 << 16];
                long size = 0;
                for (int n; (n = in.read(buffer)) > 0; ) {
                    sha.update(buffer, 0, n);
                    size += n;
                }
                return new FileIdentity(HexFormat.of().formatHex(sha.digest()), size);
            } catch (IOException e) {
                throw new CsvFormatException("csv.unreadable", "Cannot read " + file + ": " + e.getMessage(), e);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("every Java runtime has SHA-256", e);
            }
        }
    }

    /** A row ready for the store, with what the report says about it. */
    private static final class Prepared {
        final CsvRow row;
        final LeadDraft draft;
        final List<ImportIssue> warnings;
        final MatchRecord record;
        Optional<String> duplicateOf = Optional.empty();

        Prepared(CsvRow row, LeadDraft draft, List<ImportIssue> warnings, MatchRecord record) {
            this.row = row;
            this.draft = draft;
            this.warnings = warnings;
            this.record = record;
        }
    }

    /** Thrown inside a dry run's transaction so that nothing it wrote is committed. */
    private static final class DryRunRollback extends RuntimeException {
        DryRunRollback() {
            super("dry run", null, false, false);
        }
    }

    /** One run of an import over one reader. */
    private final class Run {
        private final Actor actor;
        private final LeadCsvReader reader;
        private final ImportOptions options;
        private final ImportIssueSink issues;
        /** Checks each batch's rows for duplicates with one index lookup; null under CREATE. */
        private final BatchCheck check;
        private final OptionalInt tagsColumn;
        /** Unmapped columns headed {@code custom.KEY} for a defined custom field, as LeadExport writes them. */
        private final Map<String, Integer> customColumns = new LinkedHashMap<>();
        private final Set<String> addedCodes = new HashSet<>();
        /** Values already looked up in the current catalogues: other CRMs repeat a handful of values. */
        private final Map<String, Optional<String>> knownSources = new HashMap<>();
        private final Map<String, Optional<String>> knownStatuses = new HashMap<>();
        private Catalogue sources;
        private Catalogue statuses;
        private ImportJob job;
        private ImportCounts counts;

        Run(Actor actor, LeadCsvReader reader, ImportOptions options, ImportJob job) {
            this.actor = actor;
            this.reader = reader;
            this.options = options;
            this.issues = options.issues();
            this.job = job;
            this.counts = job.counts();
            this.check = options.onDuplicate() == OnDuplicate.CREATE ? null : kit.duplicates().batchCheck(actor, matcher);
            this.tagsColumn = reader.mapping().columnNamed(TAGS_COLUMN);
            List<String> header = reader.mapping().header();
            for (int i = 0; i < header.size(); i++) {
                String name = header.get(i).strip();
                if (reader.mapping().target(i).isEmpty() && name.startsWith(CUSTOM_PREFIX)
                        && kit.customFields().definitions().field(name.substring(CUSTOM_PREFIX.length())).isPresent()) {
                    customColumns.putIfAbsent(name.substring(CUSTOM_PREFIX.length()), i);
                }
            }
            this.sources = kit.catalogues().get(CatalogueKind.SOURCE);
            this.statuses = kit.catalogues().get(CatalogueKind.STATUS);
        }

        ImportResult execute() {
            if (job.lastCommittedRow() == 0) {
                for (CsvProblem p : reader.mapping().problems()) {
                    boolean ours = p.kind() == CsvProblem.Kind.UNKNOWN_COLUMN && p.column()
                            .filter(c -> c.strip().equalsIgnoreCase(TAGS_COLUMN) && tagsColumn.isPresent()
                                    || customColumns.containsKey(c.strip().substring(Math.min(c.strip().length(),
                                    CUSTOM_PREFIX.length())))).isPresent();
                    if (!ours) {
                        issues.accept(new ImportIssue(0, p.line(), ImportIssue.Severity.WARNING, p.column().orElse(""),
                                "", "csv.header." + p.kind().name().toLowerCase(java.util.Locale.ROOT), p.message()));
                    }
                }
            }
            List<Prepared> batch = new ArrayList<>(options.batchSize());
            ImportCounts pending = ImportCounts.ZERO;
            long lastRow = job.lastCommittedRow();
            int rowsInBatch = 0;
            for (CsvRow row : reader) {
                if (row.number() <= job.lastCommittedRow()) {
                    continue;
                }
                options.listener().read(row.number());
                Prepared p = prepare(row);
                if (p == null) {
                    pending = pending.plus(new ImportCounts(0, 0, 0, 0, 1, 0, 0));
                } else {
                    batch.add(p);
                }
                lastRow = row.number();
                if (++rowsInBatch >= options.batchSize()) {
                    flush(batch, pending, lastRow);
                    batch.clear();
                    pending = ImportCounts.ZERO;
                    rowsInBatch = 0;
                }
            }
            if (rowsInBatch > 0) {
                flush(batch, pending, lastRow);
            }
            ImportJob ended = job.finish(ImportJob.State.FINISHED, kit.clock().instant());
            if (!options.dryRun()) {
                kit.store().inTransaction(tx -> {
                    tx.importJobs().update(ended);
                    return null;
                });
            }
            job = ended;
            Map<String, String> params = new LinkedHashMap<>();
            params.put("jobId", job.id());
            params.put("file", job.fileName());
            params.put("dryRun", String.valueOf(job.dryRun()));
            ImportCounts c = job.counts();
            params.put("created", String.valueOf(c.created()));
            params.put("updated", String.valueOf(c.updated()));
            params.put("merged", String.valueOf(c.merged()));
            params.put("skipped", String.valueOf(c.skipped()));
            params.put("failed", String.valueOf(c.failed()));
            params.put("flagged", String.valueOf(c.flagged()));
            params.put("warnings", String.valueOf(c.warnings()));
            kit.notifications().deliver(new Notification(actor.userId(), FINISHED_NOTIFICATION, Optional.empty(), params,
                    kit.clock().instant()));
            return new ImportResult(job);
        }

        // ---- one row

        private void error(CsvRow row, String column, String value, String code, String reason) {
            issues.accept(new ImportIssue(row.number(), row.line(), ImportIssue.Severity.ERROR, column,
                    value == null ? "" : ImportIssue.safe(value), code, reason));
        }

        private String header(int column) {
            List<String> h = reader.mapping().header();
            return column >= 0 && column < h.size() ? h.get(column) : "";
        }

        private String columnOf(CsvTarget target) {
            OptionalInt c = reader.mapping().column(target);
            return c.isPresent() ? header(c.getAsInt()) : target.toString();
        }

        /** @return the row as a draft, or null after reporting why it cannot be imported */
        private Prepared prepare(CsvRow row) {
            boolean bad = false;
            for (CsvProblem p : row.problems()) {
                if (p.kind().rowUnusable() || p.kind() == CsvProblem.Kind.CELL_TOO_LARGE
                        || p.kind() == CsvProblem.Kind.INVALID_BYTES) {
                    error(row, p.column().orElse(""), null, "csv.row." + p.kind().name().toLowerCase(java.util.Locale.ROOT),
                            p.message());
                    bad = true;
                }
            }
            if (bad) {
                return null;
            }
            List<ImportIssue> warnings = new ArrayList<>();
            LeadDraft.Builder draft = LeadDraft.builder();
            Map<LeadField, String> values = new EnumMap<>(LeadField.class);
            String fullName = null;
            for (Map.Entry<CsvTarget, String> e : row.values().entrySet()) {
                CsvTarget target = e.getKey();
                String value = CsvInjection.restore(e.getValue());
                switch (target.kind()) {
                    case LEAD_FIELD:
                        values.put(LeadField.byKey(target.key()).orElseThrow(), value);
                        break;
                    case FULL_NAME:
                        fullName = value;
                        break;
                    case CUSTOM_FIELD:
                        try {
                            FieldValue v = kit.customFields().parse(target.key(), value);
                            draft.custom(target.key(), v);
                        } catch (ValidationException ex) {
                            for (FieldError fe : ex.errors()) {
                                error(row, columnOf(target), value, fe.code(), fe.message());
                            }
                            bad = true;
                        }
                        break;
                    case PERSON:
                    default:
                        break;
                }
            }
            for (Map.Entry<String, Integer> c : customColumns.entrySet()) {
                String raw = row.cell(c.getValue()).map(String::strip).map(CsvInjection::restore).orElse("");
                if (raw.isEmpty()) {
                    continue;
                }
                try {
                    draft.custom(c.getKey(), kit.customFields().parse(c.getKey(), raw));
                } catch (ValidationException ex) {
                    for (FieldError fe : ex.errors()) {
                        error(row, header(c.getValue()), raw, fe.code(), fe.message());
                    }
                    bad = true;
                }
            }
            if (bad) {
                return null;
            }
            if (fullName != null && !values.containsKey(LeadField.FIRST_NAME) && !values.containsKey(LeadField.LAST_NAME)) {
                String[] parts = splitName(fullName);
                if (!parts[0].isEmpty()) {
                    values.put(LeadField.FIRST_NAME, parts[0]);
                }
                values.put(LeadField.LAST_NAME, parts[1]);
            }
            mapCatalogue(row, values, LeadField.SOURCE, warnings);
            mapCatalogue(row, values, LeadField.STATUS, warnings);
            values.forEach(draft::set);
            if (tagsColumn.isPresent()) {
                String cell = row.cell(tagsColumn.getAsInt()).map(CsvInjection::restore).orElse("");
                for (String tag : cell.split(",")) {
                    if (!tag.isBlank()) {
                        draft.tags(tag.strip());
                    }
                }
            }
            MatchRecord record = null;
            if (check != null) {
                MatchRecord.Builder b = MatchRecord.builder("row:" + row.number());
                matchValue(b, values, LeadField.FIRST_NAME, MatchField.FIRST_NAME);
                matchValue(b, values, LeadField.LAST_NAME, MatchField.LAST_NAME);
                matchValue(b, values, LeadField.EMAIL, MatchField.EMAIL);
                matchValue(b, values, LeadField.PHONE, MatchField.PHONE);
                matchValue(b, values, LeadField.COMPANY, MatchField.COMPANY);
                matchValue(b, values, LeadField.STREET, MatchField.STREET);
                matchValue(b, values, LeadField.CITY, MatchField.CITY);
                matchValue(b, values, LeadField.POSTCODE, MatchField.POSTCODE);
                matchValue(b, values, LeadField.REGION, MatchField.REGION);
                matchValue(b, values, LeadField.COUNTRY, MatchField.COUNTRY);
                matchValue(b, values, LeadField.WEBSITE, MatchField.WEBSITE);
                matchValue(b, values, LeadField.REGISTRATION_NUMBER, MatchField.REGISTRATION_NUMBER);
                record = b.build();
            }
            return new Prepared(row, draft.build(), warnings, record);
        }

        private void matchValue(MatchRecord.Builder b, Map<LeadField, String> values, LeadField from, MatchField to) {
            String v = values.get(from);
            if (v != null) {
                b.set(to, v);
            }
        }

        private void mapCatalogue(CsvRow row, Map<LeadField, String> values, LeadField field, List<ImportIssue> warnings) {
            String value = values.get(field);
            if (value == null) {
                return;
            }
            Catalogue catalogue = field == LeadField.SOURCE ? sources : statuses;
            Map<String, Optional<String>> known = field == LeadField.SOURCE ? knownSources : knownStatuses;
            Optional<String> code = known.get(value);
            if (code == null) {
                code = CatalogueMapping.code(catalogue, value);
                if (known.size() < 10_000) {
                    known.put(value, code);
                }
            }
            if (code.isPresent()) {
                values.put(field, code.get());
                return;
            }
            String column = columnOf(CsvTarget.of(field));
            if (options.addUnknownCatalogueValues()) {
                String newCode = CatalogueMapping.newCode(value);
                if (!options.dryRun()) {
                    CatalogueKind kind = field == LeadField.SOURCE ? CatalogueKind.SOURCE : CatalogueKind.STATUS;
                    CatalogueEntry entry = kind == CatalogueKind.SOURCE
                            ? CatalogueEntry.source(newCode, Map.of("en", value))
                            : CatalogueEntry.status(newCode, StatusCategory.OPEN, Map.of("en", value));
                    Catalogue updated = kit.catalogues().add(actor, kind, entry);
                    (kind == CatalogueKind.SOURCE ? knownSources : knownStatuses).clear();
                    if (kind == CatalogueKind.SOURCE) {
                        sources = updated;
                    } else {
                        statuses = updated;
                    }
                } else if (addedCodes.add(field.key() + ":" + newCode)) {
                    warnings.add(new ImportIssue(row.number(), row.line(), ImportIssue.Severity.WARNING, column,
                            ImportIssue.safe(value), "import." + field.key() + ".would_add",
                            "a real run adds this " + field.key() + " to its catalogue as '" + newCode + "'."));
                }
                values.put(field, newCode);
                if (!options.dryRun()) {
                    warnings.add(new ImportIssue(row.number(), row.line(), ImportIssue.Severity.WARNING, column,
                            ImportIssue.safe(value), "import." + field.key() + ".added",
                            "the " + field.key() + " was unknown and is added to its catalogue as '" + newCode + "'."));
                }
            } else {
                String fallback = catalogue.defaultCode();
                values.remove(field);
                warnings.add(new ImportIssue(row.number(), row.line(), ImportIssue.Severity.WARNING, column,
                        ImportIssue.safe(value), "import." + field.key() + ".unknown",
                        "the " + field.key() + " is not in its catalogue; the lead gets the default '" + fallback
                                + "' (allow adding unknown values to add it instead)."));
            }
        }

        // ---- one batch

        private void flush(List<Prepared> batch, ImportCounts pending, long lastRow) {
            List<Prepared> creates = new ArrayList<>(batch.size());
            List<Prepared> matched = new ArrayList<>();
            ImportCounts done = pending;
            if (check != null && !batch.isEmpty()) {
                List<MatchRecord> records = new ArrayList<>(batch.size());
                batch.forEach(p -> records.add(p.record));
                List<List<Match>> found = check.check(records);
                for (int i = 0; i < batch.size(); i++) {
                    if (!found.get(i).isEmpty()) {
                        batch.get(i).duplicateOf = Optional.of(found.get(i).get(0).otherId());
                    }
                }
            }
            for (Prepared p : batch) {
                OnDuplicate policy = options.onDuplicate();
                boolean storedMatch = p.duplicateOf.filter(id -> !id.startsWith("row:")).isPresent();
                if (p.duplicateOf.isPresent() && policy == OnDuplicate.SKIP) {
                    duplicateIssue(p, "import.duplicate.skipped", "the row matches lead %s and is left out.");
                    done = done.plus(new ImportCounts(0, 0, 0, 1, 0, 0, 0));
                } else if (storedMatch && (policy == OnDuplicate.UPDATE || policy == OnDuplicate.MERGE)) {
                    matched.add(p);
                } else {
                    creates.add(p);
                }
            }
            for (Prepared p : matched) {
                done = done.plus(applyToMatch(p));
            }
            done = create(creates, done, lastRow);
            commitProgress(done, lastRow);
        }

        private void duplicateIssue(Prepared p, String code, String reason) {
            String other = p.duplicateOf.orElse("");
            String shown = other.startsWith("row:") ? "in row " + other.substring(4) + " of this file" : other;
            issues.accept(new ImportIssue(p.row.number(), p.row.line(), ImportIssue.Severity.DUPLICATE, "", "", code,
                    String.format(reason, shown)));
        }

        private ImportCounts applyToMatch(Prepared p) {
            boolean merge = options.onDuplicate() == OnDuplicate.MERGE;
            LeadId id = LeadId.of(p.duplicateOf.orElseThrow());
            try {
                Lead lead = kit.leads().get(actor, id);
                LeadPatch.Builder patch = LeadPatch.builder();
                int changes = 0;
                for (Map.Entry<LeadField, String> e : p.draft.values().entrySet()) {
                    Optional<String> current = lead.get(e.getKey());
                    if (merge ? current.isEmpty() : !current.filter(e.getValue()::equals).isPresent()) {
                        patch.set(e.getKey(), e.getValue());
                        changes++;
                    }
                }
                if (!options.dryRun()) {
                    if (changes > 0) {
                        kit.leads().update(actor, id, patch.build(), lead.version());
                    }
                    Set<String> newTags = new LinkedHashSet<>(p.draft.tags());
                    newTags.removeAll(lead.tags());
                    if (!newTags.isEmpty()) {
                        kit.leads().tag(actor, id, newTags);
                    }
                }
                p.warnings.forEach(issues::accept);
                duplicateIssue(p, merge ? "import.duplicate.merged" : "import.duplicate.updated",
                        merge ? "the row matches lead %s; its empty fields are filled from the row."
                                : "the row matches lead %s, which takes the row's values.");
                return new ImportCounts(0, merge ? 0 : 1, merge ? 1 : 0, 0, 0, 0, p.warnings.isEmpty() ? 0 : 1);
            } catch (ValidationException e) {
                for (FieldError fe : e.errors()) {
                    error(p.row, fe.field(), null, fe.code(), fe.message());
                }
                return new ImportCounts(0, 0, 0, 0, 1, 0, 0);
            } catch (LeadKitException e) {
                error(p.row, "", null, e.code(), e.getMessage());
                return new ImportCounts(0, 0, 0, 0, 1, 0, 0);
            }
        }

        /** Creates the rows (all of them with the job's progress in one transaction); returns the counts with them. */
        private ImportCounts create(List<Prepared> creates, ImportCounts done, long lastRow) {
            List<Prepared> left = new ArrayList<>(creates);
            while (!left.isEmpty()) {
                ImportCounts withThese = done.plus(outcome(left));
                ImportJob advanced = job.advance(lastRow, counts.plus(withThese), kit.clock().instant());
                List<LeadDraft> drafts = new ArrayList<>(left.size());
                left.forEach(p -> drafts.add(p.draft));
                try {
                    List<Lead> created = kit.leads().createAll(actor, drafts, tx -> {
                        if (options.dryRun()) {
                            throw new DryRunRollback();
                        }
                        tx.importJobs().update(advanced);
                    });
                    created(left, created);
                    job = advanced;
                    counts = advanced.counts();
                    return null;
                } catch (DryRunRollback dry) {
                    created(left, null);
                    if (check != null) {
                        // Nothing was stored: later batches see these rows only if the check keeps them.
                        List<MatchRecord> records = new ArrayList<>(left.size());
                        left.forEach(p -> records.add(p.record));
                        check.remember(records);
                    }
                    return withThese;
                } catch (ValidationException e) {
                    Map<Integer, List<FieldError>> byDraft = byDraft(e, left.size());
                    List<Prepared> next = new ArrayList<>();
                    for (int i = 0; i < left.size(); i++) {
                        List<FieldError> errors = byDraft.get(i);
                        if (errors == null) {
                            next.add(left.get(i));
                        } else {
                            Prepared p = left.get(i);
                            for (FieldError fe : errors) {
                                error(p.row, columnFor(fe.field()), valueFor(p, fe.field()), fe.code(), fe.message());
                            }
                            done = done.plus(new ImportCounts(0, 0, 0, 0, 1, 0, 0));
                        }
                    }
                    left = next;
                } catch (ConflictException e) {
                    if (left.size() == 1) {
                        Prepared p = left.get(0);
                        error(p.row, e.code().startsWith("lead.external_id") ? columnOf(CsvTarget.of(LeadField.EXTERNAL_ID))
                                : "", null, e.code(), e.getMessage());
                        return done.plus(new ImportCounts(0, 0, 0, 0, 1, 0, 0));
                    }
                    // Which row holds a taken external id is not said: go row by row, each row
                    // committed with the job's progress up to it.
                    for (Prepared p : left) {
                        done = create(List.of(p), done, p.row.number());
                        if (done == null) {
                            done = ImportCounts.ZERO;
                        }
                    }
                    return done;
                }
            }
            return done;
        }

        private ImportCounts outcome(List<Prepared> creates) {
            long flagged = creates.stream().filter(p -> p.duplicateOf.isPresent()).count();
            long warned = creates.stream().filter(p -> !p.warnings.isEmpty()).count();
            return new ImportCounts(creates.size(), 0, 0, 0, 0, options.onDuplicate() == OnDuplicate.FLAG ? flagged : 0,
                    warned);
        }

        private void created(List<Prepared> rows, List<Lead> leads) {
            for (int i = 0; i < rows.size(); i++) {
                Prepared p = rows.get(i);
                p.warnings.forEach(issues::accept);
                if (p.duplicateOf.isPresent() && options.onDuplicate() == OnDuplicate.FLAG) {
                    duplicateIssue(p, "import.duplicate.flagged", "the row looks like lead %s; it is imported and flagged.");
                }
            }
        }

        private Map<Integer, List<FieldError>> byDraft(ValidationException e, int size) {
            Map<Integer, List<FieldError>> byDraft = new HashMap<>();
            for (FieldError fe : e.errors()) {
                java.util.regex.Matcher m = DRAFT_INDEX.matcher(fe.field());
                if (m.matches()) {
                    String message = fe.message().replaceFirst("^drafts\\[\\d+]: ", "");
                    byDraft.computeIfAbsent(Integer.parseInt(m.group(1)), k -> new ArrayList<>())
                            .add(new FieldError(m.group(2), fe.code(), message));
                } else if (size == 1) {
                    byDraft.computeIfAbsent(0, k -> new ArrayList<>()).add(fe);
                } else {
                    throw e;
                }
            }
            return byDraft;
        }

        private String columnFor(String field) {
            return LeadField.byKey(field).map(f -> columnOf(CsvTarget.of(f)))
                    .orElseGet(() -> field.startsWith("custom.") || field.startsWith("cf.") ? columnOf(CsvTarget.custom(field.substring(field.indexOf('.') + 1)))
                            : field.equals(TAGS_COLUMN) && tagsColumn.isPresent() ? header(tagsColumn.getAsInt()) : field);
        }

        private String valueFor(Prepared p, String field) {
            return LeadField.byKey(field).flatMap(p.draft::get).orElse(null);
        }

        private void commitProgress(ImportCounts done, long lastRow) {
            if (done == null) {
                options.listener().committed(job);
                return;
            }
            ImportJob advanced = job.advance(lastRow, counts.plus(done), kit.clock().instant());
            if (!options.dryRun()) {
                kit.store().inTransaction(tx -> {
                    tx.importJobs().update(advanced);
                    return null;
                });
            }
            job = advanced;
            counts = advanced.counts();
            options.listener().committed(job);
        }
    }

    /**
     * Splits a full name as Pipedrive and others export it: the last word is the last name, the
     * words before it the first name; one word is a last name alone.
     *
     * @param fullName a person's full name
     * @return {first, last}
     */
    static String[] splitName(String fullName) {
        String name = fullName.strip().replaceAll("\\s+", " ");
        int cut = name.lastIndexOf(' ');
        return cut < 0 ? new String[] {"", name} : new String[] {name.substring(0, cut), name.substring(cut + 1)};
    }
}
