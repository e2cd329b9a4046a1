package io.jenkins.plugins.devicefarm.core.watch;

import io.jenkins.plugins.devicefarm.core.model.Outcome;

/** One answer from Device Farm: the outcome, plus a session's endpoint, which Outcome never keeps. */
record Observation(Outcome outcome, String endpoint) {}
