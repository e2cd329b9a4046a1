package io.jenkins.plugins.devicefarm.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/** Time that only moves when a test moves it, so lifecycle tests need no sleeping. */
public final class ManualSimClock implements SimClock {
    /** A fixed start keeps timestamps in test output stable from run to run. */
    public static final Instant DEFAULT_START = Instant.parse("2025-01-01T00:00:00Z");

    private final AtomicReference<Instant> now;

    public ManualSimClock() {
        this(DEFAULT_START);
    }

    public ManualSimClock(Instant start) {
        this.now = new AtomicReference<>(Objects.requireNonNull(start));
    }

    @Override
    public Instant now() {
        return now.get();
    }

    public void set(Instant instant) {
        now.set(Objects.requireNonNull(instant));
    }

    public Instant advance(Duration duration) {
        if (duration.isNegative()) {
            throw new IllegalArgumentException("time only moves forward: " + duration);
        }
        return now.updateAndGet(t -> t.plus(duration));
    }
}
