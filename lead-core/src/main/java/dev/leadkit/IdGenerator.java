package dev.leadkit;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Makes the ids of new records. Injected through {@link LeadKit.Builder#ids(IdGenerator)}, so
 * tests are deterministic and no domain code calls {@code UUID.randomUUID()}.
 * Implementations must be thread-safe and never repeat an id.
 *
 * <pre>{@code
 * LeadKit kit = LeadKit.builder().ids(IdGenerator.sequential("lead-")).build();
 * }</pre>
 *
 * @since 0.1
 */
@FunctionalInterface
public interface IdGenerator {

    /** @return a new id, at most 64 characters of {@code [A-Za-z0-9_-]} */
    String next();

    /**
     * Time-ordered UUIDs (RFC 9562 version 7) from the given clock: new rows land at the end of
     * B-tree indexes, and no database round trip is needed to make one.
     *
     * @param clock the clock whose milliseconds lead the id
     * @return the generator
     */
    static IdGenerator timeOrdered(Clock clock) {
        Objects.requireNonNull(clock, "clock");
        SecureRandom random = new SecureRandom();
        AtomicLong last = new AtomicLong();
        return () -> {
            // Monotonic within one generator even when the clock stands still or steps back.
            long millis = last.updateAndGet(prev -> Math.max(prev + 1, clock.millis() << 12));
            long msb = ((millis >>> 12) << 16) | 0x7000L | (millis & 0xFFFL);
            long lsb = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
            return new UUID(msb, lsb).toString();
        };
    }

    /**
     * Predictable ids {@code prefix1, prefix2, …}, for tests and demos.
     *
     * @param prefix text before the counter
     * @return the generator
     */
    static IdGenerator sequential(String prefix) {
        Objects.requireNonNull(prefix, "prefix");
        AtomicLong counter = new AtomicLong();
        return () -> prefix + counter.incrementAndGet();
    }
}
