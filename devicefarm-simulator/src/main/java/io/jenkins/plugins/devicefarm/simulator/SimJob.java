package io.jenkins.plugins.devicefarm.simulator;

import java.time.Instant;

/** One device's share of a run. Only the stop request is state; everything else is derived. */
final class SimJob {
    private final String arn;
    private final SimRun run;
    private final ScenarioDevice device;
    private final String instanceArn;
    private Instant stopRequested; // guarded by this

    /** {@code instanceArn} is the private instance the job runs on, null on a public device. */
    SimJob(String arn, SimRun run, ScenarioDevice device, String instanceArn) {
        this.arn = arn;
        this.run = run;
        this.device = device;
        this.instanceArn = instanceArn;
    }

    String instanceArn() {
        return instanceArn;
    }

    String arn() {
        return arn;
    }

    SimRun run() {
        return run;
    }

    ScenarioDevice device() {
        return device;
    }

    synchronized JobState state(Instant now) {
        return JobTimeline.at(run.created(), run.script(), run.jobTimeoutMinutes(), stopRequested, now);
    }

    /** Stopping a completed job, or one already stopping, changes nothing (no error either, as on AWS). */
    synchronized void requestStop(Instant now) {
        if (stopRequested == null && !state(now).completed()) {
            stopRequested = now;
        }
    }
}
