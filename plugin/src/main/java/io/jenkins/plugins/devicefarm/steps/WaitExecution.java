package io.jenkins.plugins.devicefarm.steps;

import hudson.AbortException;
import hudson.model.Result;
import io.jenkins.plugins.devicefarm.DeviceFarmEngine;
import io.jenkins.plugins.devicefarm.core.InvalidInputException;
import io.jenkins.plugins.devicefarm.core.arn.ArnKind;
import io.jenkins.plugins.devicefarm.core.arn.DeviceFarmArn;
import io.jenkins.plugins.devicefarm.core.model.Outcome;
import io.jenkins.plugins.devicefarm.core.result.ResultPolicy;
import io.jenkins.plugins.devicefarm.core.result.Verdict;
import io.jenkins.plugins.devicefarm.core.watch.PollSettings;
import io.jenkins.plugins.devicefarm.core.watch.Watch;
import io.jenkins.plugins.devicefarm.core.watch.WatchOptions;
import java.time.Duration;
import jenkins.util.Timer;
import org.jenkinsci.plugins.workflow.steps.StepContext;

/**
 * Follows a run or job until COMPLETED on the engine's scheduler. Persisted: the ARN, the
 * deadline and the options. After a restart {@link #onResume()} follows the ARN again, so an
 * abort after a restart still stops it.
 */
final class WaitExecution extends DeviceFarmExecution {
    private static final long serialVersionUID = 1L;

    private final String arn;
    private final ArnKind kind;
    private final boolean stopOnAbort;
    private final boolean setBuildResult;
    private final ResultPolicy policy;
    private final Integer minPollSeconds;
    private final Integer maxPollSeconds;
    private final Integer timeoutMinutes;
    /** Epoch millis; 0 = no deadline. Set at start, so a restart does not extend it. */
    private long deadlineMillis;
    /** Set when the build is aborted; the step then fails with it once the stop is recorded. */
    private Throwable abortCause;

    private transient volatile Watch watch;

    WaitExecution(StepContext context, WaitStep step) {
        super(context, step);
        this.arn = step.getArn() == null ? null : step.getArn().strip();
        this.kind = step.kind();
        this.stopOnAbort = step.isStopOnAbort();
        this.setBuildResult = step.isSetBuildResult();
        this.policy = step.policy();
        this.minPollSeconds = step.getMinPollSeconds();
        this.maxPollSeconds = step.getMaxPollSeconds();
        this.timeoutMinutes = step.getTimeoutMinutes();
    }

    @Override
    public boolean start() throws Exception {
        // Validate everything before anything is sent or recorded; messages name the field.
        try {
            DeviceFarmArn.parse("arn", arn, kind);
            pollSettings();
            if (timeoutMinutes != null) {
                deadlineMillis = System.currentTimeMillis() + WatchOptions.validTimeout(Duration.ofMinutes(timeoutMinutes)).toMillis();
            }
        } catch (InvalidInputException e) {
            throw new AbortException(e.getMessage());
        }
        background(() -> {
            action().track(arn, credentialsId, region); // first, so the safety net knows it
            if (!stopOnAbort) {
                action().leaveRunning(arn); // shown on the build, never stopped by the safety net
            }
            listener().getLogger().println("[Device Farm] Waiting for " + kind.displayName() + " " + arn);
            follow();
        });
        return false;
    }

    @Override
    public void onResume() {
        if (isDone()) {
            return;
        }
        background(() -> {
            if (abortCause != null) {
                stopAfterRestart(abortCause);
            } else {
                listener().getLogger().println("[Device Farm] Following " + arn + " again after a Jenkins restart");
                follow();
            }
        });
    }

    @Override
    public void stop(Throwable cause) throws Exception {
        if (abortCause != null || !stopOnAbort) {
            // Second abort, or asked not to stop it: end the step now (the stop, if any, goes on).
            Watch w = watch;
            if (!stopOnAbort && w != null) {
                listener().getLogger().println("[Device Farm] Build aborted: leaving " + arn + " running (stopOnAbort: false)");
                w.abandon(); // stop polling; nothing is stopped on Device Farm
            }
            fail(cause);
            return;
        }
        abortCause = cause;
        Watch w = watch;
        if (w != null) {
            listener().getLogger().println("[Device Farm] Build aborted: stopping " + arn);
            w.cancel(abortReason(cause)); // the watch's outcome then completes via finished()
        } else {
            background(() -> stopAfterRestart(cause));
        }
    }

    @Override
    public String getStatus() {
        Watch w = watch;
        Outcome o = w == null ? null : w.lastSeen();
        return "waiting for " + kind.displayName() + " " + arn + (o == null ? "" : ": " + o.getStatus());
    }

    private void follow() throws Exception {
        WatchOptions options = WatchOptions.untilCompleted();
        if (deadlineMillis > 0) {
            options = options.timeout(Duration.ofMillis(Math.max(1, deadlineMillis - System.currentTimeMillis())), true);
        }
        Watch w = DeviceFarmEngine.get().watch(client(), DeviceFarmArn.parse("arn", arn, kind), options, pollSettings());
        watch = w;
        w.onChange(o -> listener().getLogger().println("[Device Farm] " + kind.displayName() + " "
                + (o.getName() == null ? arn : "'" + o.getName() + "'") + ": " + o.getStatus() + " " + o.getCounters()));
        w.outcome().whenCompleteAsync(this::finished, Timer.get());
    }

    /** No watch to cancel (e.g. aborted right after a restart): stop it directly. */
    private void stopAfterRestart(Throwable cause) throws Exception {
        DeviceFarmEngine.get().stop(client(), DeviceFarmArn.parse("arn", arn, kind), abortReason(cause))
                .whenCompleteAsync(this::finished, Timer.get());
    }

    /** On a Jenkins thread (saves build.xml): record, then complete the step. */
    private void finished(Outcome outcome, Throwable error) {
        try {
            if (error != null) {
                recordFailure(unwrap(error));
                fail(abortCause != null ? abortCause : error);
                return;
            }
            record(outcome);
            if (abortCause != null) {
                fail(abortCause);
                return;
            }
            Verdict v = policy.verdictFor(outcome);
            if (setBuildResult && v != Verdict.SUCCESS) {
                listener().getLogger().println("[Device Farm] Result " + outcome.getResult() + " sets the build to " + v);
                getContext().setResult(Result.fromString(v.name()));
            }
            succeed(outcome.toMap());
        } catch (Exception e) {
            fail(e);
        }
    }

    private PollSettings pollSettings() {
        PollSettings global = DeviceFarmEngine.pollSettings();
        if (minPollSeconds == null && maxPollSeconds == null) {
            return global;
        }
        Duration min = minPollSeconds == null ? global.minInterval() : Duration.ofSeconds(minPollSeconds);
        Duration max = maxPollSeconds == null ? global.maxInterval() : Duration.ofSeconds(maxPollSeconds);
        return PollSettings.of(min, max);
    }
}
