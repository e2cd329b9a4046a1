package io.jenkins.plugins.devicefarm.core.watch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.devicefarm.core.InvalidInputException;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Bad poll intervals and deadlines are refused with the field named, before any watch starts. */
class WatchLimitsTest {

    @ParameterizedTest(name = "min={0} max={1} -> {2}")
    @CsvSource(nullValues = "null", value = {
            "0, 60, minPollSeconds",
            "-5, 60, minPollSeconds",
            "3601, 3601, minPollSeconds",
            "10, 5, maxPollSeconds",
            "5, 3601, maxPollSeconds",
            "five, 60, minPollSeconds",
            "5, 1e3, maxPollSeconds",
            "null, 60, minPollSeconds",
            "'', 60, minPollSeconds",
            "5, 99999999999999999999, maxPollSeconds",
    })
    void badIntervalsNameTheirField(String min, String max, String field) {
        assertThatThrownBy(() -> PollSettings.ofSeconds(min, max))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.getField()).isEqualTo(field))
                .hasMessageStartingWith(field + ": ")
                .hasMessageContaining("e.g.");
    }

    @ParameterizedTest
    @CsvSource({"5, 60", "1, 1", " 3600 , 3600"})
    void goodIntervalsAreKept(String min, String max) {
        PollSettings p = PollSettings.ofSeconds(min, max);
        assertThat(p.minInterval()).isEqualTo(Duration.ofSeconds(Long.parseLong(min.strip())));
        assertThat(p.maxInterval()).isEqualTo(Duration.ofSeconds(Long.parseLong(max.strip())));
    }

    @ParameterizedTest(name = "{0} minutes")
    @CsvSource({"0", "-1", "43201", "2147483647", "-2147483648"})
    void badTimeoutsAreRefused(long minutes) {
        assertThatThrownBy(() -> WatchOptions.untilCompleted().timeout(Duration.ofMinutes(minutes), true))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.getField()).isEqualTo("timeoutMinutes"))
                .hasMessageContaining("Leave it empty to wait without a deadline");
    }

    @ParameterizedTest(name = "{0} minutes")
    @CsvSource({"1", "150", "43200"})
    void timeoutsUpToThirtyDaysAreKept(long minutes) {
        assertThat(WatchOptions.untilCompleted().timeout(Duration.ofMinutes(minutes), true).timeout())
                .isEqualTo(Duration.ofMinutes(minutes));
    }
}
