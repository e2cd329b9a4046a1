package io.jenkins.plugins.devicefarm.core.watch;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/** Exponential backoff with jitter, bounded by the poll settings. Not thread-safe: one per watch. */
final class Backoff {
    private final PollSettings settings;
    private long currentMillis;

    Backoff(PollSettings settings) {
        this.settings = settings;
        this.currentMillis = settings.minInterval().toMillis();
    }

    /** The delay before the next poll; grows the interval for the one after. */
    Duration next() {
        long d = jittered(currentMillis);
        currentMillis = Math.min(settings.maxInterval().toMillis(), (long) (currentMillis * settings.multiplier()));
        return Duration.ofMillis(d);
    }

    /** After a throttled or failed call: slow down harder than a normal step. */
    Duration nextAfterThrottle() {
        currentMillis = Math.min(settings.maxInterval().toMillis(), (long) (currentMillis * settings.throttleMultiplier()));
        return next();
    }

    private long jittered(long millis) {
        double spread = settings.jitter();
        double factor = 1 - spread + ThreadLocalRandom.current().nextDouble() * 2 * spread;
        return Math.max(1, Math.round(millis * factor));
    }
}
