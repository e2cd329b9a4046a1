package io.jenkins.plugins.devicefarm.simulator;

import java.time.Instant;

/**
 * The simulator's notion of "now". Every state (status, counters, billed minutes) is derived from
 * it on each request, so a manual clock makes the whole simulator deterministic.
 */
public interface SimClock {
    Instant now();
}
