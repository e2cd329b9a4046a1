package io.jenkins.plugins.devicefarm.simulator;

import java.time.Instant;

/** One device's share of a run. Only the stop request is state; everything else is derived. */
final class SimJob {
    private final String arn;
    private final SimRun run;
    private final ScenarioDevice device;
    private final String instanceArn;
    private final long deviceWaitSeconds;
    private final AutomationQueue queue; // null when the job is not metered
    private volatile Instant stopRequested; // written under this

    /**
     * {@code instanceArn} is the private instance the job runs on, null on a public device;
     * {@code queue} is the account's metered concurrency, null for an unmetered job.
     */
    SimJob(String arn, SimRun run, ScenarioDevice device, String instanceArn, long deviceWaitSeconds,
            AutomationQueue queue) {
        this.arn = arn;
        this.run = run;
        this.device = device;
        this.instanceArn = instanceArn;
        this.deviceWaitSeconds = deviceWaitSeconds;
        this.queue = queue;
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

    String instanceArn() {
        return instanceArn;
    }

    Instant ready() {
        return JobTimeline.ready(run.created(), run.script());
    }

    /** The job's timeline inputs, were it to get its concurrency slot at {@code slotAt}. */
    JobTimeline.Plan plan(Instant slotAt) {
        return new JobTimeline.Plan(run.created(), run.script(), run.jobTimeoutMinutes(), deviceWaitSeconds, slotAt,
                stopRequested);
    }

    JobState state(Instant now) {
        return JobTimeline.at(plan(queue == null ? ready() : queue.slotAt(this)), now);
    }

    /** Stopping a completed job, or one already stopping, changes nothing (no error either, as on AWS). */
    synchronized void requestStop(Instant now) {
        if (stopRequested == null && !state(now).completed()) {
            stopRequested = now;
            if (queue != null) {
                queue.changed();
            }
        }
    }
}
