package io.jenkins.plugins.devicefarm.simulator;

import java.time.Instant;

/**
 * Real time sped up by a factor, for people running the simulator by hand: with factor 60 a
 * scripted 10-minute run completes in 10 seconds while every timestamp still looks plausible.
 */
public final class ScaledSimClock implements SimClock {
    private final double factor;
    private final Instant origin = Instant.now();
    private final long originNanos = System.nanoTime();

    public ScaledSimClock(double factor) {
        if (!(factor > 0) || Double.isInfinite(factor)) {
            throw new IllegalArgumentException("time scale must be a positive number: " + factor);
        }
        this.factor = factor;
    }

    public double factor() {
        return factor;
    }

    @Override
    public Instant now() {
        long elapsed = System.nanoTime() - originNanos;
        return origin.plusNanos((long) (elapsed * factor));
    }
}
