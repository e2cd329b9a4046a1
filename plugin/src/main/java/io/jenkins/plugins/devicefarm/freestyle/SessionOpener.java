package io.jenkins.plugins.devicefarm.freestyle;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.AbortException;
import hudson.FilePath;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.devicefarm.BuildLedger;
import io.jenkins.plugins.devicefarm.DeviceFarmClients;
import io.jenkins.plugins.devicefarm.DeviceFarmEngine;
import io.jenkins.plugins.devicefarm.core.arn.ArnKind;
import io.jenkins.plugins.devicefarm.core.arn.DeviceFarmArn;
import io.jenkins.plugins.devicefarm.core.client.ClientLease;
import io.jenkins.plugins.devicefarm.core.lifecycle.DeviceFarmLifecycle;
import io.jenkins.plugins.devicefarm.core.lifecycle.Followed;
import io.jenkins.plugins.devicefarm.core.model.Outcome;
import io.jenkins.plugins.devicefarm.core.session.AppReference;
import io.jenkins.plugins.devicefarm.core.session.PreparedSession;
import io.jenkins.plugins.devicefarm.core.session.RemoteEndpoints;
import io.jenkins.plugins.devicefarm.core.session.SessionRequest;
import io.jenkins.plugins.devicefarm.core.upload.UploadProgress;
import io.jenkins.plugins.devicefarm.core.upload.Uploader;
import io.jenkins.plugins.devicefarm.core.watch.WatchOptions;
import io.jenkins.plugins.devicefarm.steps.SessionAppUploads;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Opens a remote access session for a freestyle build through the core's lifecycle, as the
 * Pipeline step does: Device Farm confirms the request, the session is created (tracked and
 * recorded on the build as soon as Device Farm answers), then followed until RUNNING, every change
 * recorded. The executor thread (which the build holds anyway) waits for each part. An abort
 * arrives as InterruptedException: what exists is then stopped, once, before the exception goes on.
 */
final class SessionOpener {
    /** How long an aborted setUp waits for Device Farm to confirm the stop before moving on. */
    static final long STOP_WAIT_SECONDS = 120;

    /** A RUNNING session and its endpoints (kept in memory only). */
    record Opened(Outcome outcome, RemoteEndpoints endpoints) {}

    private final Run<?, ?> build;
    private final String credentialsId;
    private final String region;
    private final TaskListener listener;
    private final BuildLedger ledger;

    SessionOpener(Run<?, ?> build, String credentialsId, String region, TaskListener listener) {
        this.build = build;
        this.credentialsId = credentialsId;
        this.region = region;
        this.listener = listener;
        this.ledger = new BuildLedger(build, credentialsId, region, listener);
    }

    /**
     * Uploads the apps given as workspace paths from {@code workspace} (each created upload goes to
     * {@code uploads} at once: the caller deletes them), then opens the session.
     */
    Opened open(SessionRequest request, @CheckForNull FilePath workspace, List<String> uploads) throws IOException, InterruptedException {
        DeviceFarmLifecycle lifecycle = DeviceFarmEngine.lifecycle();
        try (ClientLease lease = DeviceFarmClients.lease(build, credentialsId, region)) {
            if (!request.workspaceApps().isEmpty()) {
                request.withUploadedApps(uploadApps(request, workspace, lease, uploads));
            }
            PreparedSession prepared = await(DeviceFarmEngine.get().prepareSession(lease.client(), request));
            listener.getLogger().println("[Device Farm] Creating remote access session '" + prepared.uniqueName() + "' on "
                    + prepared.request().deviceArn());
            CompletableFuture<Outcome> creating = lifecycle.createSession(lease.retain(), prepared, ledger);
            Outcome created;
            try {
                created = await(creating);
            } catch (InterruptedException e) {
                // The create may still succeed after the abort: stop whatever it makes, once.
                ClientLease forTheStop = lease.retain();
                creating.whenComplete((o, error) -> {
                    if (o != null) {
                        lifecycle.stopTracked(forTheStop, arn(o), "build aborted while creating the session", ledger);
                    } else {
                        forTheStop.close();
                    }
                });
                throw e;
            }
            listener.getLogger().println("[Device Farm] Created " + created + "; waiting until it is RUNNING");

            Followed followed = lifecycle.follow(lease.retain(), arn(created), WatchOptions.untilRunning(),
                    DeviceFarmEngine.pollSettings(), ledger);
            Outcome seen;
            try {
                seen = await(followed.outcome());
            } catch (InterruptedException e) {
                listener.getLogger().println("[Device Farm] Build aborted: stopping session " + created.getArn());
                awaitStop(followed.stop("build aborted"));
                throw e;
            } catch (AbortException e) {
                // The session may exist although following it failed: stop it rather than leave it billing.
                lifecycle.stopTracked(lease.retain(), arn(created), "could not follow the session", ledger);
                throw e;
            }
            if (!seen.isRunning()) {
                throw new AbortException("[Device Farm] The session ended before it was ready: " + seen);
            }
            return new Opened(seen, followed.sessionEndpoints());
        }
    }

    /** From the agent that holds the workspace; an abort ends the transfer or the processing under way. */
    private Map<String, String> uploadApps(SessionRequest request, @CheckForNull FilePath workspace, ClientLease lease,
                                           List<String> uploads) throws IOException, InterruptedException {
        if (workspace == null) {
            AppReference a = request.workspaceApps().get(0);
            throw new AbortException("[Device Farm] " + a.field() + ": '" + a.path() + "' is a workspace path, but this build has"
                    + " no workspace. Give an upload ARN or the name of an upload");
        }
        // No restart to go on after here: the progress only hands each upload to the caller's list as soon as it is made.
        UploadProgress progress = new UploadProgress();
        SessionAppUploads apps = new SessionAppUploads(workspace, request.project(), new Uploader(lease.client(), DeviceFarmEngine.get()),
                progress, () -> progress.arns().stream().filter(a -> !uploads.contains(a)).forEach(uploads::add), listener.getLogger());
        CompletableFuture<Map<String, String>> uploading;
        try {
            uploading = apps.start(request.workspaceApps());
        } catch (IOException | InterruptedException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException(e);
        }
        try {
            return await(uploading);
        } catch (InterruptedException e) {
            apps.cancel(); // no session is created; the caller deletes what was uploaded
            try {
                uploading.get(STOP_WAIT_SECONDS, TimeUnit.SECONDS); // a create in flight answers, so its upload is known
            } catch (ExecutionException | TimeoutException | CancellationException ended) {
                // ended as expected, or Device Farm is slow: what is known is deleted
            } catch (InterruptedException again) {
                Thread.currentThread().interrupt();
            }
            throw e;
        }
    }

    private static DeviceFarmArn arn(Outcome o) {
        return DeviceFarmArn.parse("arn", o.getArn(), ArnKind.SESSION);
    }

    /** The value, or the failure's user-facing message as one line. */
    private static <T> T await(CompletableFuture<T> future) throws InterruptedException, AbortException {
        try {
            return future.get();
        } catch (ExecutionException e) {
            throw new AbortException("[Device Farm] " + DeviceFarmLifecycle.unwrap(e).getMessage());
        }
    }

    private void awaitStop(CompletableFuture<Outcome> stopping) {
        try {
            Outcome o = stopping.get(STOP_WAIT_SECONDS, TimeUnit.SECONDS);
            listener.getLogger().println("[Device Farm] Stopped: " + o);
        } catch (InterruptedException again) {
            Thread.currentThread().interrupt();
            listener.getLogger().println("[Device Farm] The stop goes on in the background and is recorded on the build.");
        } catch (TimeoutException e) {
            listener.getLogger().println("[Device Farm] The stop goes on in the background and is recorded on the build.");
        } catch (ExecutionException e) {
            listener.error("[Device Farm] " + DeviceFarmLifecycle.unwrap(e).getMessage());
        }
    }
}
