package dev.leadkit.examples.cli;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StoryClockTest {

    private final StoryClock clock = new StoryClock(LocalDate.of(2026, 3, 2), ZoneId.of("UTC"));

    @Test
    void theClockStandsStillUntilTheStoryMovesIt() {
        Instant at = clock.setTime(LocalTime.of(8, 2));

        assertThat(at).isEqualTo(Instant.parse("2026-03-02T08:02:00Z"));
        assertThat(clock.instant()).isEqualTo(at);
        assertThat(clock.instant()).isEqualTo(at);
    }

    @Test
    void aLaterDayMayFollowAndTheStorysDayStaysTheSame() {
        clock.setTime(LocalTime.of(15, 0));

        Instant nextWeek = clock.setTime(LocalDate.of(2026, 3, 9), LocalTime.of(12, 0));

        assertThat(nextWeek).isEqualTo(Instant.parse("2026-03-09T12:00:00Z"));
        assertThat(clock.instant()).isEqualTo(nextWeek);
        assertThat(clock.day()).isEqualTo(LocalDate.of(2026, 3, 2));
    }

    @Test
    void timeNeverRunsBackwards() {
        clock.setTime(LocalDate.of(2026, 3, 9), LocalTime.of(12, 0));

        assertThatThrownBy(() -> clock.setTime(LocalTime.of(16, 0)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("cannot go back");
        assertThat(clock.instant()).isEqualTo(Instant.parse("2026-03-09T12:00:00Z"));
    }
}
