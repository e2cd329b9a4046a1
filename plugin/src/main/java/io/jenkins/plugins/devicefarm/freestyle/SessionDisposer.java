package io.jenkins.plugins.devicefarm.freestyle;

import hudson.model.Result;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.devicefarm.DeviceFarmBuildAction;
import io.jenkins.plugins.devicefarm.core.model.Outcome;
import io.jenkins.plugins.devicefarm.safety.ResourceStopper;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import jenkins.tasks.SimpleBuildWrapper;

/**
 * Stops the wrapper's session when the build steps end, aborted or not, and records the outcome.
 * Holds only the ARN and how to reach it (never the endpoint), so it is safe to serialize.
 */
final class SessionDisposer extends SimpleBuildWrapper.Disposer {
    private static final long serialVersionUID = 1L;

    private final String arn;
    private final String credentialsId;
    private final String region;

    SessionDisposer(String arn, String credentialsId, String region) {
        this.arn = arn;
        this.credentialsId = credentialsId;
        this.region = region;
    }

    @Override
    public void tearDown(Run<?, ?> build, TaskListener listener) throws InterruptedException {
        boolean open = DeviceFarmBuildAction.of(build).getOpen().stream().anyMatch(r -> r.getArn().equals(arn));
        if (!open) {
            listener.getLogger().println("[Device Farm] Session " + arn + " had already ended.");
            return;
        }
        String reason = Result.ABORTED.equals(build.getResult()) ? "build aborted" : "build steps ended";
        listener.getLogger().println("[Device Farm] Stopping session " + arn + " (" + reason + ")");
        try {
            Outcome o = ResourceStopper.stop(build, arn, credentialsId, region, reason)
                    .get(SessionOpener.STOP_WAIT_SECONDS, TimeUnit.SECONDS);
            listener.getLogger().println("[Device Farm] Stopped: " + o);
        } catch (TimeoutException e) {
            listener.getLogger().println("[Device Farm] The stop goes on in the background and is recorded on the build.");
        } catch (ExecutionException e) {
            // Recorded on the build; the safety net tries again when the build ends.
            listener.error("[Device Farm] " + ResourceStopper.unwrap(e).getMessage());
        }
    }
}
