package dev.leadkit.examples.cli;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The demo's clock: it stands still on one day until the story moves it to the next scene's time,
 * so every timestamp in the output is the one the story names and the demo prints the same text
 * on every run. LeadKit reads it like any injected {@link Clock}.
 *
 * <pre>{@code
 * StoryClock clock = new StoryClock(LocalDate.of(2026, 3, 2), ZoneId.of("UTC"));
 * clock.setTime(LocalTime.of(8, 2));
 * LeadKit kit = LeadKit.builder().clock(clock).build();
 * }</pre>
 */
final class StoryClock extends Clock {

    private final LocalDate day;
    private final ZoneId zone;
    private final AtomicReference<Instant> now;

    /**
     * @param day  the story's day; the clock starts at its midnight
     * @param zone the zone in which the story's times are given
     */
    StoryClock(LocalDate day, ZoneId zone) {
        this.day = Objects.requireNonNull(day, "day");
        this.zone = Objects.requireNonNull(zone, "zone");
        this.now = new AtomicReference<>(day.atStartOfDay(zone).toInstant());
    }

    private StoryClock(LocalDate day, ZoneId zone, AtomicReference<Instant> shared) {
        this.day = day;
        this.zone = zone;
        this.now = shared;
    }

    /**
     * Moves the clock to a time of the story's day. Time never runs backwards in a story.
     *
     * @param time the time of day in the clock's zone
     * @return the new instant
     */
    Instant setTime(LocalTime time) {
        return setTime(day, time);
    }

    /**
     * Moves the clock to a time of a later day, for scenes that happen after the story's day.
     * Time never runs backwards in a story.
     *
     * @param date the date, the story's day or later
     * @param time the time of day in the clock's zone
     * @return the new instant
     */
    Instant setTime(LocalDate date, LocalTime time) {
        Instant next = date.atTime(time).atZone(zone).toInstant();
        Instant previous = now.getAndUpdate(current -> next.isBefore(current) ? current : next);
        if (next.isBefore(previous)) {
            throw new IllegalStateException("the story clock cannot go back from " + previous + " to " + next);
        }
        return next;
    }

    /** @return the story's day */
    LocalDate day() {
        return day;
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    /** @return a view of the same story time in another zone */
    @Override
    public Clock withZone(ZoneId other) {
        return new StoryClock(day, other, now);
    }

    @Override
    public Instant instant() {
        return now.get();
    }

    /** @return a clock for 2 March 2026 in UTC, the demo's day */
    static StoryClock demoDay() {
        return new StoryClock(LocalDate.of(2026, 3, 2), ZoneId.of("UTC"));
    }
}
