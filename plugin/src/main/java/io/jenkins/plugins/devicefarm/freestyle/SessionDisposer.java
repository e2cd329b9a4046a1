package io.jenkins.plugins.devicefarm.freestyle;

import hudson.model.Result;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.devicefarm.DeviceFarmBuildAction;
import io.jenkins.plugins.devicefarm.DeviceFarmClients;
import io.jenkins.plugins.devicefarm.DeviceFarmEngine;
import io.jenkins.plugins.devicefarm.core.arn.ArnKind;
import io.jenkins.plugins.devicefarm.core.arn.DeviceFarmArn;
import io.jenkins.plugins.devicefarm.core.client.ClientLease;
import io.jenkins.plugins.devicefarm.core.model.Outcome;
import io.jenkins.plugins.devicefarm.core.upload.Uploader;
import io.jenkins.plugins.devicefarm.safety.ResourceStopper;
import java.util.List;
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
    /** Made of workspace apps by this build: deleted once the session has stopped, unless kept. */
    private final List<String> uploads;
    private final boolean keepUploads;

    SessionDisposer(String arn, String credentialsId, String region, List<String> uploads, boolean keepUploads) {
        this.arn = arn;
        this.credentialsId = credentialsId;
        this.region = region;
        this.uploads = List.copyOf(uploads);
        this.keepUploads = keepUploads;
    }

    @Override
    public void tearDown(Run<?, ?> build, TaskListener listener) throws InterruptedException {
        try {
            stopSession(build, listener);
        } finally {
            deleteUploads(build, credentialsId, region, uploads == null ? List.of() : uploads, keepUploads, listener);
        }
    }

    /**
     * Deletes the uploads a build made of its workspace apps (best effort: a failure is a line in
     * the log), or says they are kept. Waits for each on the executor thread, which the build holds anyway.
     */
    static void deleteUploads(Run<?, ?> build, String credentialsId, String region, List<String> uploads, boolean keep,
                              TaskListener listener) throws InterruptedException {
        if (uploads.isEmpty()) {
            return;
        }
        if (keep) {
            listener.getLogger().println("[Device Farm] Kept the upload(s) made of workspace apps (keepUploads): " + String.join(", ", uploads));
            return;
        }
        try (ClientLease lease = DeviceFarmClients.lease(build, credentialsId, region)) {
            Uploader uploader = new Uploader(lease.client(), DeviceFarmEngine.get());
            for (String upload : uploads) {
                try {
                    uploader.delete(DeviceFarmArn.parse("arn", upload, ArnKind.UPLOAD)).get(SessionOpener.STOP_WAIT_SECONDS, TimeUnit.SECONDS);
                    listener.getLogger().println("[Device Farm] Deleted upload " + upload + ", which this build made of a workspace app");
                } catch (ExecutionException | TimeoutException e) {
                    listener.error("[Device Farm] Could not delete upload " + upload + ": " + ResourceStopper.unwrap(e).getMessage());
                }
            }
        } catch (RuntimeException e) { // e.g. the credentials are gone
            listener.error("[Device Farm] Could not delete the upload(s) made of workspace apps: " + e.getMessage());
        }
    }

    private void stopSession(Run<?, ?> build, TaskListener listener) throws InterruptedException {
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
