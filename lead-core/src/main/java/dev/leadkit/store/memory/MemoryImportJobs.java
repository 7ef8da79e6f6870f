package dev.leadkit.store.memory;

import dev.leadkit.ConflictException;
import dev.leadkit.NotFoundException;
import dev.leadkit.intake.ImportJob;
import dev.leadkit.store.ImportJobRepository;

import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The committed import jobs of an {@link InMemoryStore}, and each transaction's writes to them. */
final class MemoryImportJobs {

    private static final long ABSENT = 0;

    private final Map<String, ImportJob> committed = new ConcurrentHashMap<>();

    /** @param checkOpen throws when the owning transaction has ended */
    Tx begin(Runnable checkOpen) {
        return new Tx(checkOpen);
    }

    /** One transaction's view: committed jobs overlaid by its own writes, applied at commit. */
    final class Tx implements ImportJobRepository {

        private final Runnable checkOpen;
        private final Map<String, ImportJob> written = new LinkedHashMap<>();
        /** The committed version each written job was based on; ABSENT for inserts. */
        private final Map<String, Long> base = new HashMap<>();

        private Tx(Runnable checkOpen) {
            this.checkOpen = checkOpen;
        }

        @Override
        public Optional<ImportJob> find(String id) {
            checkOpen.run();
            ImportJob own = written.get(Objects.requireNonNull(id, "id"));
            return Optional.ofNullable(own != null ? own : committed.get(id));
        }

        @Override
        public void insert(ImportJob job) {
            checkOpen.run();
            if (job.version() != 1) {
                throw new IllegalArgumentException("a new import job is inserted at version 1");
            }
            if (find(job.id()).isPresent()) {
                throw taken(job.id());
            }
            base.put(job.id(), ABSENT);
            written.put(job.id(), job);
        }

        @Override
        public void update(ImportJob job) {
            checkOpen.run();
            ImportJob current = find(job.id()).orElseThrow(() -> new NotFoundException("import_job", job.id()));
            if (current.version() != job.version() - 1) {
                throw ConflictException.staleVersion("import_job", job.id(), job.version() - 1, current.version());
            }
            base.putIfAbsent(job.id(), current.version());
            written.put(job.id(), job);
        }

        @Override
        public List<ImportJob> recent(int limit) {
            checkOpen.run();
            if (limit < 1 || limit > 1_000) {
                throw new IllegalArgumentException("limit must be between 1 and 1000");
            }
            Map<String, ImportJob> all = new HashMap<>(committed);
            all.putAll(written);
            return all.values().stream().sorted(Comparator.comparing(ImportJob::createdAt).reversed()
                    .thenComparing(ImportJob::id, Comparator.reverseOrder())).limit(limit).toList();
        }

        /** Called under the store's commit lock, before anything is applied. */
        void validate() {
            for (Map.Entry<String, Long> b : base.entrySet()) {
                long now = Optional.ofNullable(committed.get(b.getKey())).map(ImportJob::version).orElse(ABSENT);
                if (now != b.getValue()) {
                    throw b.getValue() == ABSENT ? taken(b.getKey())
                            : ConflictException.staleVersion("import_job", b.getKey(), b.getValue(), now);
                }
            }
        }

        /** Called under the store's commit lock, after {@link #validate()}. */
        void apply() {
            committed.putAll(written);
        }
    }

    private static ConflictException taken(String id) {
        return new ConflictException("import_job.id.taken", "An import job with id '" + id + "' is stored already.");
    }
}
