package io.jenkins.plugins.devicefarm.simulator;

import java.time.Instant;
import java.util.List;

/**
 * A suite or a test of a job at one instant, as ListSuites/ListTests report it. A test has no
 * children; a suite's counters, times and minutes add up its tests. {@code started}, {@code stopped}
 * and {@code message} may be null.
 */
record ResultState(
        String arn, String name, String status, String result, Instant started, Instant stopped,
        Counters counters, String message, double billedMinutes, List<ResultState> tests) {

    boolean completed() {
        return "COMPLETED".equals(status);
    }
}
