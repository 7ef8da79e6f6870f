package dev.leadkit.csv;

import java.util.Objects;
import java.util.Optional;

/**
 * How to run an import: how to read the file, the duplicate policy, dry run, batch size, whether
 * unknown sources and statuses join the catalogues, the job to resume and who hears progress.
 * Immutable; built with {@link #builder()}.
 *
 * <pre>{@code
 * ImportOptions options = ImportOptions.builder()
 *         .csv(CsvOptions.builder().charset(Charset.forName("ISO-8859-9")).build())
 *         .onDuplicate(OnDuplicate.FLAG)
 *         .batchSize(1_000)
 *         .build();
 * }</pre>
 *
 * @since 0.4
 */
public final class ImportOptions {

    /** The default rows per committed batch. */
    public static final int DEFAULT_BATCH = 1_000;

    private final CsvOptions csv;
    private final OnDuplicate onDuplicate;
    private final boolean dryRun;
    private final int batchSize;
    private final boolean addUnknownCatalogueValues;
    private final Optional<String> resumeJob;
    private final ImportListener listener;
    private final ImportIssueSink issues;

    private ImportOptions(Builder b) {
        this.csv = b.csv;
        this.onDuplicate = b.onDuplicate;
        this.dryRun = b.dryRun;
        this.batchSize = b.batchSize;
        this.addUnknownCatalogueValues = b.addUnknownCatalogueValues;
        this.resumeJob = Optional.ofNullable(b.resumeJob);
        this.listener = b.listener;
        this.issues = b.issues;
    }

    /** @return the defaults: detected delimiter, UTF-8, policy FLAG, batches of 1,000 */
    public static ImportOptions defaults() {
        return builder().build();
    }

    /** @return a builder with the defaults */
    public static Builder builder() {
        return new Builder();
    }

    /** @return how the file is read */
    public CsvOptions csv() {
        return csv;
    }

    /** @return what a row that matches a stored lead does */
    public OnDuplicate onDuplicate() {
        return onDuplicate;
    }

    /** @return whether nothing is stored, only reported */
    public boolean dryRun() {
        return dryRun;
    }

    /** @return rows per committed batch */
    public int batchSize() {
        return batchSize;
    }

    /** @return whether an unknown source or status is added to its catalogue (else: default and a warning) */
    public boolean addUnknownCatalogueValues() {
        return addUnknownCatalogueValues;
    }

    /** @return the id of an interrupted job to continue */
    public Optional<String> resumeJob() {
        return resumeJob;
    }

    /** @return who hears progress */
    public ImportListener listener() {
        return listener;
    }

    /** @return where the report's issues go */
    public ImportIssueSink issues() {
        return issues;
    }

    /** Builds {@link ImportOptions}. */
    public static final class Builder {
        private CsvOptions csv = CsvOptions.defaults();
        private OnDuplicate onDuplicate = OnDuplicate.FLAG;
        private boolean dryRun;
        private int batchSize = DEFAULT_BATCH;
        private boolean addUnknownCatalogueValues;
        private String resumeJob;
        private ImportListener listener = ImportListener.NONE;
        private ImportIssueSink issues = ImportIssueSink.keeping(10_000);

        private Builder() {
        }

        /** @param csv how the file is read @return this */
        public Builder csv(CsvOptions csv) {
            this.csv = Objects.requireNonNull(csv, "csv");
            return this;
        }

        /** @param policy the duplicate policy @return this */
        public Builder onDuplicate(OnDuplicate policy) {
            this.onDuplicate = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /** @param dryRun whether to store nothing and only report @return this */
        public Builder dryRun(boolean dryRun) {
            this.dryRun = dryRun;
            return this;
        }

        /** @param rows 1 to 10,000 rows per committed batch @return this */
        public Builder batchSize(int rows) {
            if (rows < 1 || rows > 10_000) {
                throw new IllegalArgumentException("batchSize must be between 1 and 10000");
            }
            this.batchSize = rows;
            return this;
        }

        /** @param add whether unknown sources and statuses join their catalogues @return this */
        public Builder addUnknownCatalogueValues(boolean add) {
            this.addUnknownCatalogueValues = add;
            return this;
        }

        /** @param jobId an interrupted job to continue @return this */
        public Builder resume(String jobId) {
            this.resumeJob = Objects.requireNonNull(jobId, "jobId");
            return this;
        }

        /** @param listener who hears progress @return this */
        public Builder listener(ImportListener listener) {
            this.listener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /** @param sink where the report's issues go @return this */
        public Builder issues(ImportIssueSink sink) {
            this.issues = Objects.requireNonNull(sink, "sink");
            return this;
        }

        /** @return the options */
        public ImportOptions build() {
            return new ImportOptions(this);
        }
    }
}
