package io.jenkins.plugins.devicefarm.core.watch;

import io.jenkins.plugins.devicefarm.core.model.Outcome;
import io.jenkins.plugins.devicefarm.core.session.RemoteEndpoints;

/** One answer from Device Farm: the outcome, plus a session's endpoints, which Outcome never keeps (null for runs and jobs). */
record Observation(Outcome outcome, RemoteEndpoints endpoints) {}
