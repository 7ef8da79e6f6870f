package dev.leadkit.csv;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Where an import's issues go as they happen: kept in memory up to a bound, or streamed to a CSV
 * report with {@link ImportIssueWriter}. The import never holds more than a bounded number of
 * issues itself, so a file with a million bad rows costs no more memory than a good one.
 *
 * <pre>{@code
 * try (ImportIssueWriter errors = ImportIssueWriter.open(Path.of("errors.csv"))) {
 *     LeadImport.of(kit).run(admin, file, ImportOptions.builder().issues(errors).build());
 * }
 * }</pre>
 *
 * @since 0.4
 */
@FunctionalInterface
public interface ImportIssueSink {

    /** @param issue one issue, in row order */
    void accept(ImportIssue issue);

    /**
     * @param max the most issues kept; later ones are counted by the job, not kept
     * @return a sink that keeps the first {@code max} issues, readable with {@link Keeping#issues()}
     */
    static Keeping keeping(int max) {
        return new Keeping(max);
    }

    /** A sink that keeps the first issues in memory. */
    final class Keeping implements ImportIssueSink {
        private final int max;
        private final List<ImportIssue> kept = new ArrayList<>();

        private Keeping(int max) {
            if (max < 0) {
                throw new IllegalArgumentException("max must not be negative");
            }
            this.max = max;
        }

        @Override
        public synchronized void accept(ImportIssue issue) {
            if (kept.size() < max) {
                kept.add(issue);
            }
        }

        /** @return the issues kept, in row order */
        public synchronized List<ImportIssue> issues() {
            return Collections.unmodifiableList(new ArrayList<>(kept));
        }
    }
}
