package io.jenkins.plugins.devicefarm.steps;

import hudson.AbortException;
import hudson.model.Result;
import io.jenkins.plugins.devicefarm.BuildLedger;
import io.jenkins.plugins.devicefarm.DeviceFarmEngine;
import io.jenkins.plugins.devicefarm.core.InvalidInputException;
import io.jenkins.plugins.devicefarm.core.arn.ArnKind;
import io.jenkins.plugins.devicefarm.core.arn.DeviceFarmArn;
import io.jenkins.plugins.devicefarm.core.lifecycle.Followed;
import io.jenkins.plugins.devicefarm.core.model.Outcome;
import io.jenkins.plugins.devicefarm.core.result.ResultPolicy;
import io.jenkins.plugins.devicefarm.core.result.Verdict;
import io.jenkins.plugins.devicefarm.core.watch.PollSettings;
import io.jenkins.plugins.devicefarm.core.watch.WatchOptions;
import java.time.Duration;
import jenkins.util.Timer;
import org.jenkinsci.plugins.workflow.actions.WarningAction;
import org.jenkinsci.plugins.workflow.graph.FlowNode;
import org.jenkinsci.plugins.workflow.steps.StepContext;

/**
 * Follows a run or job until COMPLETED through the core's lifecycle, which tracks it on the build
 * once Device Farm confirms it, records every change off the engine's threads, stops it at most
 * once and ends the wait on time at the deadline. Persisted: the ARN, the deadline and the
 * options. After a restart {@link #onResume()} follows the ARN again, so an abort after a restart
 * still stops it.
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
    /** Set when the build is aborted (on the CPS VM thread, read on others); the step then fails with it once the stop is recorded. */
    private volatile Throwable abortCause;

    private transient volatile Followed followed;

    WaitExecution(StepContext context, WaitStep step) {
        super(context, step);
        this.arn = step.getArn() == null ? null : step.getArn().strip();
        this.kind = step.kind();
        this.stopOnAbort = step.isStopOnAbort();
        this.setBuildResult = step.isSetBuildResult();
        this.policy = step.policy(); // checked by WaitStep.start
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
        // Known from now on: two quick aborts may end the step before the follow or the stop asks for it.
        run();
        background(() -> {
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
            // Second abort, or asked not to stop it: end the step now (a stop under way goes on and is recorded).
            if (!stopOnAbort) {
                listener().getLogger().println("[Device Farm] Build aborted: leaving " + arn + " running (stopOnAbort: false)");
            }
            fail(cause);
            // Read once the step is done: follow() stores its follow before it checks isDone(), so one of the two abandons it.
            Followed f = followed;
            if (!stopOnAbort && f != null) {
                f.abandon(); // stop polling; nothing is stopped on Device Farm
            }
            return;
        }
        abortCause = cause;
        Followed f = followed;
        if (f != null) {
            listener().getLogger().println("[Device Farm] Build aborted: stopping " + arn);
            f.stop(abortReason(cause)); // the follow's outcome then completes via finished()
        } else {
            background(() -> stopAfterRestart(cause));
        }
    }

    @Override
    public String getStatus() {
        Followed f = followed;
        Outcome o = f == null ? null : f.lastSeen();
        return "waiting for " + kind.displayName() + " " + arn + (o == null ? "" : ": " + o.getStatus());
    }

    /** Leases a client (unknown credentials or a bad region fail here, before anything is tracked) and follows. */
    private void follow() throws Exception {
        WatchOptions options = WatchOptions.untilCompleted();
        if (deadlineMillis > 0) {
            options = options.timeout(Duration.ofMillis(Math.max(1, deadlineMillis - System.currentTimeMillis())), true);
        }
        BuildLedger ledger = stopOnAbort ? ledger() : ledger().leavingItRunning();
        Followed f = lifecycle().follow(lease(), DeviceFarmArn.parse("arn", arn, kind), options, pollSettings(), ledger);
        followed = f;
        if (!stopOnAbort && isDone()) {
            f.abandon(); // aborted (stopOnAbort: false) while the follow was being set up: no poll outlives the step
            return;
        }
        f.onChange(o -> listener().getLogger().println("[Device Farm] " + kind.displayName() + " "
                + (o.getName() == null ? arn : "'" + o.getName() + "'") + ": " + o.getStatus() + " " + o.getCounters()));
        f.outcome().whenCompleteAsync(this::finished, Timer.get());
        if (abortCause != null) {
            f.stop(abortReason(abortCause)); // aborted while the follow was being set up
        }
    }

    /** No follow to stop (e.g. aborted right after a restart): stop it directly, once. */
    private void stopAfterRestart(Throwable cause) throws Exception {
        lifecycle().stop(lease(), DeviceFarmArn.parse("arn", arn, kind), abortReason(cause), ledger())
                .whenCompleteAsync(this::finished, Timer.get());
    }

    /** On a Jenkins thread, after the lifecycle recorded the outcome: complete the step. */
    private void finished(Outcome outcome, Throwable error) {
        try {
            Throwable aborted = abortCause;
            if (error != null) {
                fail(aborted != null ? aborted : error);
                return;
            }
            listener().getLogger().println("[Device Farm] " + outcome);
            if (aborted != null) {
                fail(aborted);
                return;
            }
            Verdict v = policy.verdictFor(outcome);
            if (setBuildResult && v != Verdict.SUCCESS) {
                String why = "Device Farm result " + outcome.getResult() + " sets the build to " + v;
                listener().getLogger().println("[Device Farm] " + why);
                Result result = Result.fromString(v.name());
                getContext().setResult(result);
                flagStep(result, why);
            }
            succeed(outcome.toMap());
        } catch (Exception e) {
            fail(e);
        }
    }

    /** As junit does: a warning on the step's node, so the stage shows the result too, not only the build. */
    private void flagStep(Result result, String why) throws Exception {
        FlowNode node = getContext().get(FlowNode.class);
        if (node != null) {
            node.addOrReplaceAction(new WarningAction(result).withMessage(why));
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
