package dev.leadkit.dedupe;

/**
 * How {@link DuplicateService#scan} runs (requirement D4).
 *
 * <pre>{@code
 * ScanResult result = kit.duplicates().scan(admin, LeadScanOptions.defaults().withThreads(2),
 *         p -> log.info("{} {} leads read", p.phase(), p.recordsRead()));
 * }</pre>
 *
 * @param maxClusterSize the largest cluster the scan forms (the guard against chaining), at least 2
 * @param threads        threads comparing pairs, at least 1
 * @param pageSize       leads read per store transaction, 1 to 1,000: the memory the store side holds at once
 * @since 0.2
 */
public record LeadScanOptions(int maxClusterSize, int threads, int pageSize) {

    /** Checks the bounds. */
    public LeadScanOptions {
        if (maxClusterSize < 2) {
            throw new IllegalArgumentException("a cluster holds at least 2 leads");
        }
        if (threads < 1) {
            throw new IllegalArgumentException("a scan needs at least 1 thread");
        }
        if (pageSize < 1 || pageSize > 1_000) {
            throw new IllegalArgumentException("a page holds 1 to 1000 leads");
        }
    }

    /** @return clusters of at most 50, one thread per processor, pages of 1,000 leads */
    public static LeadScanOptions defaults() {
        return new LeadScanOptions(50, Runtime.getRuntime().availableProcessors(), 1_000);
    }

    /**
     * @param count threads comparing pairs
     * @return these options with that many threads
     */
    public LeadScanOptions withThreads(int count) {
        return new LeadScanOptions(maxClusterSize, count, pageSize);
    }

    /**
     * @param size the largest cluster
     * @return these options with that cluster limit
     */
    public LeadScanOptions withMaxClusterSize(int size) {
        return new LeadScanOptions(size, threads, pageSize);
    }

    /**
     * @param size leads per page
     * @return these options with that page size
     */
    public LeadScanOptions withPageSize(int size) {
        return new LeadScanOptions(maxClusterSize, threads, size);
    }
}
