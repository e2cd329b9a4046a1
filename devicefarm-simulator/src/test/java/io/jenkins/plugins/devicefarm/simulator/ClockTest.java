package io.jenkins.plugins.devicefarm.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ClockTest {

    @Test
    void manualClockMovesOnlyWhenTold() {
        ManualSimClock clock = new ManualSimClock();
        assertThat(clock.now()).isEqualTo(ManualSimClock.DEFAULT_START);
        assertThat(clock.advance(Duration.ofMinutes(2))).isEqualTo(ManualSimClock.DEFAULT_START.plusSeconds(120));
        clock.set(Instant.EPOCH);
        assertThat(clock.now()).isEqualTo(Instant.EPOCH);
        assertThatThrownBy(() -> clock.advance(Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void scaledClockRunsFasterThanRealTime() throws InterruptedException {
        ScaledSimClock clock = new ScaledSimClock(1000);
        Instant start = clock.now();
        long realStart = System.nanoTime();
        Thread.sleep(20);
        Duration simulated = Duration.between(start, clock.now());
        Duration real = Duration.ofNanos(System.nanoTime() - realStart);
        assertThat(simulated).isGreaterThanOrEqualTo(Duration.ofSeconds(19));
        assertThat(simulated).isLessThanOrEqualTo(real.multipliedBy(1000).plusSeconds(1));
        assertThatThrownBy(() -> new ScaledSimClock(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
