package io.jenkins.plugins.devicefarm.safety;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.devicefarm.BuildLedger;
import io.jenkins.plugins.devicefarm.DeviceFarmBuildAction;
import io.jenkins.plugins.devicefarm.DeviceFarmClients;
import io.jenkins.plugins.devicefarm.DeviceFarmEngine;
import io.jenkins.plugins.devicefarm.core.arn.ArnKind;
import io.jenkins.plugins.devicefarm.core.arn.DeviceFarmArn;
import io.jenkins.plugins.devicefarm.core.lifecycle.DeviceFarmLifecycle;
import io.jenkins.plugins.devicefarm.core.model.Outcome;
import java.util.concurrent.CompletableFuture;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Stops what a build already tracks (the safety net, the freestyle session disposer) through the
 * core's lifecycle, which asks Device Farm once per ARN whoever else asks, and records the
 * outcome, a refused stop or an ARN Device Farm no longer knows on the build. Never blocks.
 */
public final class ResourceStopper {
    private static final Logger LOGGER = Logger.getLogger(ResourceStopper.class.getName());

    private ResourceStopper() {}

    /**
     * Stops a tracked {@code arn} (or joins the stop under way) and records what it came to on the
     * build when Device Farm has answered.
     */
    @NonNull
    public static CompletableFuture<Outcome> stop(@NonNull Run<?, ?> run, @NonNull String arn, @CheckForNull String credentialsId,
                                                  @CheckForNull String region, @NonNull String reason) {
        try {
            if (DeviceFarmEngine.isClosing()) {
                // Do not start a new engine while Jenkins shuts down; the restart sweep stops it.
                throw new IllegalStateException("Jenkins was shutting down before " + arn + " could be stopped;"
                        + " it is stopped when Jenkins starts again");
            }
            DeviceFarmArn parsed = DeviceFarmArn.parse("arn", arn, ArnKind.RUN, ArnKind.JOB, ArnKind.SESSION);
            return DeviceFarmEngine.lifecycle().stopTracked(DeviceFarmClients.lease(run, credentialsId, region), parsed, reason,
                    new BuildLedger(run, credentialsId, region, TaskListener.NULL));
        } catch (RuntimeException e) {
            // E.g. its credentials were deleted since: it was confirmed once, so it may still be billing.
            recordFailure(run, arn, e);
            return CompletableFuture.failedFuture(e);
        }
    }

    /** The cause of a failed future, without the wrappers the JDK adds. */
    @NonNull
    public static Throwable unwrap(@NonNull Throwable t) {
        return DeviceFarmLifecycle.unwrap(t);
    }

    private static void recordFailure(Run<?, ?> run, String arn, Throwable error) {
        // The core's messages name the ARN and the console page, and never carry credentials or endpoints.
        String message = error.getMessage() == null ? error.toString() : error.getMessage();
        LOGGER.log(Level.WARNING, "Could not stop {0} of {1}: {2}", new Object[] {arn, run, message});
        DeviceFarmBuildAction.of(run).recordStopFailure(arn, message);
    }
}
