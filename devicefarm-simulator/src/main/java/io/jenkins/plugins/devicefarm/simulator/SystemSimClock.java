package io.jenkins.plugins.devicefarm.simulator;

import java.time.Instant;

/** Wall-clock time: runs take as long as their scripts say. */
public final class SystemSimClock implements SimClock {
    @Override
    public Instant now() {
        return Instant.now();
    }
}
