package io.jenkins.plugins.devicefarm;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.devicefarm.core.arn.DeviceFarmArn;
import io.jenkins.plugins.devicefarm.core.lifecycle.Ledger;
import io.jenkins.plugins.devicefarm.core.model.Outcome;

/**
 * The lifecycle's ledger for one build: what Device Farm confirmed goes into the build's
 * {@link DeviceFarmBuildAction} (build.xml, read by the safety net) with the credentials id and
 * region to reach it again; lines for the user go to the build log. The lifecycle calls it on
 * Jenkins' timer pool, never on the engine's threads, so saving build.xml here is fine.
 */
public final class BuildLedger implements Ledger {
    private final Run<?, ?> run;
    private final String credentialsId;
    private final String region;
    private final TaskListener listener;
    private final boolean leaveRunning;

    /** {@code listener} may be {@link TaskListener#NULL} when the build's log is closed. */
    public BuildLedger(@NonNull Run<?, ?> run, @CheckForNull String credentialsId, @CheckForNull String region,
                       @NonNull TaskListener listener) {
        this(run, credentialsId, region, listener, false);
    }

    private BuildLedger(Run<?, ?> run, String credentialsId, String region, TaskListener listener, boolean leaveRunning) {
        this.run = run;
        this.credentialsId = credentialsId;
        this.region = region;
        this.listener = listener;
        this.leaveRunning = leaveRunning;
    }

    /** The same ledger for something the user asked not to stop: shown on the build, never stopped by the safety net. */
    @NonNull
    public BuildLedger leavingItRunning() {
        return new BuildLedger(run, credentialsId, region, listener, true);
    }

    @Override
    public void track(DeviceFarmArn arn) {
        DeviceFarmBuildAction action = DeviceFarmBuildAction.of(run);
        action.track(arn.toString(), credentialsId, region);
        if (leaveRunning) {
            action.leaveRunning(arn.toString());
        }
    }

    @Override
    public void record(Outcome outcome) {
        DeviceFarmBuildAction.of(run).record(outcome);
    }

    @Override
    public void stopFailed(DeviceFarmArn arn, String message) {
        listener.error("[Device Farm] COULD NOT STOP " + arn + ": " + message);
        DeviceFarmBuildAction.of(run).recordStopFailure(arn.toString(), message);
    }

    @Override
    public void unknown(DeviceFarmArn arn, String message) {
        listener.getLogger().println("[Device Farm] " + message);
        DeviceFarmBuildAction.of(run).recordUnknown(arn.toString(), message);
    }

    @Override
    public void say(String line) {
        listener.getLogger().println("[Device Farm] " + line);
    }

    @Override
    public void warn(String line) {
        listener.error("[Device Farm] " + line);
    }
}
