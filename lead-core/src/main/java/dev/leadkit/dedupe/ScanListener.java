package dev.leadkit.dedupe;

/**
 * Receives progress reports from a {@link DuplicateScan}: at every phase change and about once
 * a second within a phase. Called from the scan's threads, one call at a time; keep it quick.
 *
 * <pre>{@code
 * ScanListener listener = p -> System.err.printf("%s %,d records%n", p.phase(), p.recordsRead());
 * }</pre>
 *
 * @since 0.3
 */
@FunctionalInterface
public interface ScanListener {

    /**
     * @param progress where the scan stands
     */
    void progress(ScanProgress progress);

    /** @return a listener that ignores every report */
    static ScanListener none() {
        return p -> {
        };
    }
}
