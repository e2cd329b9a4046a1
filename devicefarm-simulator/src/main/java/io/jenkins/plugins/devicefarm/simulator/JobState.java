package io.jenkins.plugins.devicefarm.simulator;

import java.time.Instant;

/** Where a job stands at one instant; {@code started}/{@code stopped}/{@code message} may be null. */
record JobState(
        String status, String result, Instant started, Instant stopped, Counters counters, double billedMinutes,
        String message) {

    boolean completed() {
        return "COMPLETED".equals(status);
    }
}
