package io.jenkins.plugins.devicefarm.simulator;

import java.time.Instant;

/** Where a remote access session stands at one instant; {@code started}/{@code stopped}/{@code message} may be null. */
record SessionState(String status, String result, Instant started, Instant stopped, double billedMinutes, String message) {

    boolean completed() {
        return "COMPLETED".equals(status);
    }
}
