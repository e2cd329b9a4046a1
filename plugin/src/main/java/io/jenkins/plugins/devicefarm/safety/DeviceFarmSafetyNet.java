package io.jenkins.plugins.devicefarm.safety;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.model.Result;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.model.listeners.RunListener;
import io.jenkins.plugins.devicefarm.DeviceFarmBuildAction;
import io.jenkins.plugins.devicefarm.TrackedResource;
import io.jenkins.plugins.devicefarm.freestyle.SessionEndpointMask;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The guarantee behind every step: when any build ends (Pipeline or freestyle, aborted or not),
 * whatever it tracked on Device Farm and was not seen to end is stopped, followed to its end and
 * recorded. Uses {@code onCompleted}, not {@code onFinalized}: the build log is still open, so
 * the user reads there what was stopped. The stops go through the core's lifecycle (one per ARN,
 * whoever else asks) on the engine; this thread never waits. Only what Device Farm confirmed is
 * ever tracked, so nothing that never existed is stopped here or by the startup sweep.
 */
@Extension
public class DeviceFarmSafetyNet extends RunListener<Run<?, ?>> {
    private static final Logger LOGGER = Logger.getLogger(DeviceFarmSafetyNet.class.getName());

    @Override
    public void onCompleted(Run<?, ?> run, @NonNull TaskListener listener) {
        stopOpen(run, listener, Result.ABORTED.equals(run.getResult()) ? "build aborted" : "build ended");
    }

    @Override
    public void onFinalized(Run<?, ?> run) {
        // The log is closed: nothing can print the session endpoint into it any more.
        SessionEndpointMask.forget(run);
    }

    /** Stops what {@code run} left open; {@code listener} may be {@link TaskListener#NULL} when the log is gone. */
    static void stopOpen(Run<?, ?> run, TaskListener listener, String why) {
        DeviceFarmBuildAction action = run.getAction(DeviceFarmBuildAction.class);
        if (action == null) {
            return;
        }
        List<TrackedResource> open = action.getOpen();
        for (TrackedResource r : open) {
            String reason = why + " (" + run.getFullDisplayName() + ")";
            listener.getLogger().println("[Device Farm] " + r.getArn() + " was still open when the build ended: stopping it.");
            LOGGER.log(Level.INFO, "Stopping {0}, left open by {1} ({2})", new Object[] {r.getArn(), run, why});
            ResourceStopper.stop(run, r.getArn(), r.getCredentialsId(), r.getRegion(), reason)
                    .whenComplete((outcome, error) -> {
                        if (error != null) {
                            LOGGER.log(Level.WARNING, "Safety net could not stop {0} of {1}: {2}",
                                    new Object[] {r.getArn(), run, ResourceStopper.unwrap(error).getMessage()});
                        } else {
                            LOGGER.log(Level.INFO, "Safety net: {0}", outcome);
                        }
                    });
        }
    }
}
