package io.jenkins.plugins.devicefarm.core.watch;

import io.jenkins.plugins.devicefarm.core.InvalidInputException;
import java.time.Duration;

/**
 * How often to ask Device Farm about a watched resource. Intervals grow exponentially from
 * {@code minInterval} to {@code maxInterval} with random jitter, and faster still on throttling.
 */
public final class PollSettings {
    public static final Duration DEFAULT_MIN = Duration.ofSeconds(5);
    public static final Duration DEFAULT_MAX = Duration.ofSeconds(60);

    private final Duration minInterval;
    private final Duration maxInterval;
    private final double multiplier;
    private final double jitter;
    private final double throttleMultiplier;
    private final Duration stopRetryTimeout;
    private final Duration followTimeout;

    private PollSettings(Duration minInterval, Duration maxInterval, double multiplier, double jitter,
                         double throttleMultiplier, Duration stopRetryTimeout, Duration followTimeout) {
        this.minInterval = minInterval;
        this.maxInterval = maxInterval;
        this.multiplier = multiplier;
        this.jitter = jitter;
        this.throttleMultiplier = throttleMultiplier;
        this.stopRetryTimeout = stopRetryTimeout;
        this.followTimeout = followTimeout;
    }

    /** 5 s growing to 60 s: fewer calls than a fixed 30 s poll on anything longer than a few minutes. */
    public static PollSettings defaults() {
        return of(DEFAULT_MIN, DEFAULT_MAX);
    }

    /** Validated intervals (fields named {@code minPollSeconds} / {@code maxPollSeconds} in messages). */
    public static PollSettings of(Duration min, Duration max) {
        if (min == null || min.isNegative() || min.isZero() || min.compareTo(Duration.ofHours(1)) > 0) {
            throw new InvalidInputException("minPollSeconds", "must be more than 0 and at most 3600, was " + seconds(min),
                    "Use a few seconds, e.g. 5");
        }
        if (max == null || max.compareTo(min) < 0 || max.compareTo(Duration.ofHours(1)) > 0) {
            throw new InvalidInputException("maxPollSeconds", "must be between the minimum (" + seconds(min)
                    + ") and 3600, was " + seconds(max), "Use e.g. 60");
        }
        return new PollSettings(min, max, 1.5, 0.2, 2.0, Duration.ofMinutes(10), Duration.ofMinutes(20));
    }

    /**
     * Intervals as a form holds them, in whole seconds as text: a value that is not a whole
     * number is refused with a message naming its field, like an out-of-range one.
     */
    public static PollSettings ofSeconds(String minSeconds, String maxSeconds) {
        long min = wholeSeconds("minPollSeconds", minSeconds);
        long max = wholeSeconds("maxPollSeconds", maxSeconds);
        return of(Duration.ofSeconds(min), Duration.ofSeconds(max));
    }

    private static long wholeSeconds(String field, String text) {
        String t = text == null ? "" : text.strip();
        try {
            return Long.parseLong(t);
        } catch (NumberFormatException e) {
            throw new InvalidInputException(field, "must be a whole number of seconds, was '" + t + "'", "Use e.g. 5 or 60");
        }
    }

    /** A copy that gives up retrying a refused stop after {@code d} and stops following after {@code follow}. */
    public PollSettings withStopLimits(Duration stopRetry, Duration follow) {
        return new PollSettings(minInterval, maxInterval, multiplier, jitter, throttleMultiplier, stopRetry, follow);
    }

    public Duration minInterval() { return minInterval; }
    public Duration maxInterval() { return maxInterval; }
    /** Growth of the interval after each poll. */
    public double multiplier() { return multiplier; }
    /** Fraction of random spread either side of each interval, so many watches do not poll in step. */
    public double jitter() { return jitter; }
    /** Growth of the interval after a throttled call. */
    public double throttleMultiplier() { return throttleMultiplier; }
    /** How long a stop that Device Farm keeps refusing (throttling, faults) is retried. */
    public Duration stopRetryTimeout() { return stopRetryTimeout; }
    /** How long a stopped resource is followed to its final state. */
    public Duration followTimeout() { return followTimeout; }

    private static String seconds(Duration d) {
        return d == null ? "nothing" : (d.toMillis() / 1000.0) + " s";
    }
}
