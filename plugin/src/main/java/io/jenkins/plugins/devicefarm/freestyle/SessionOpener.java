package io.jenkins.plugins.devicefarm.freestyle;

import hudson.AbortException;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.devicefarm.DeviceFarmBuildAction;
import io.jenkins.plugins.devicefarm.DeviceFarmEngine;
import io.jenkins.plugins.devicefarm.core.arn.ArnKind;
import io.jenkins.plugins.devicefarm.core.arn.DeviceFarmArn;
import io.jenkins.plugins.devicefarm.core.model.Outcome;
import io.jenkins.plugins.devicefarm.core.session.PreparedSession;
import io.jenkins.plugins.devicefarm.core.session.RemoteEndpoints;
import io.jenkins.plugins.devicefarm.core.session.SessionRequest;
import io.jenkins.plugins.devicefarm.core.watch.Watch;
import io.jenkins.plugins.devicefarm.core.watch.WatchOptions;
import io.jenkins.plugins.devicefarm.safety.ResourceStopper;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import software.amazon.awssdk.services.devicefarm.DeviceFarmClient;

/**
 * Opens a remote access session for a freestyle build: creates it, tracks its ARN on the build
 * before waiting, then waits on the executor thread (which the build holds anyway) until it is
 * RUNNING. An abort arrives as InterruptedException: the session is then stopped before the
 * exception goes on, so an aborted setUp never leaves a device billing.
 */
final class SessionOpener {
    /** How long an aborted setUp waits for Device Farm to confirm the stop before moving on. */
    static final long STOP_WAIT_SECONDS = 120;

    /** A RUNNING session and its endpoints (kept in memory only). */
    record Opened(Outcome outcome, RemoteEndpoints endpoints) {}

    private final Run<?, ?> build;
    private final DeviceFarmClient client;
    private final String credentialsId;
    private final String region;
    private final TaskListener listener;

    SessionOpener(Run<?, ?> build, DeviceFarmClient client, String credentialsId, String region, TaskListener listener) {
        this.build = build;
        this.client = client;
        this.credentialsId = credentialsId;
        this.region = region;
        this.listener = listener;
    }

    /** Takes ownership of the client: it is closed once nothing needs it any more. */
    Opened open(SessionRequest request) throws InterruptedException, AbortException {
        DeviceFarmBuildAction action = DeviceFarmBuildAction.of(build);
        PreparedSession prepared;
        try {
            // Project, device and apps confirmed by Device Farm (names resolved) before anything is created.
            prepared = DeviceFarmEngine.get().prepareSession(client, request).get();
        } catch (InterruptedException e) {
            client.close();
            throw e;
        } catch (ExecutionException e) {
            client.close();
            throw new AbortException("[Device Farm] " + ResourceStopper.unwrap(e).getMessage());
        }
        listener.getLogger().println("[Device Farm] Creating remote access session '" + prepared.uniqueName() + "' on "
                + prepared.request().deviceArn());
        CompletableFuture<Outcome> creating = DeviceFarmEngine.get().createSession(client, prepared);
        Outcome created;
        try {
            created = creating.get();
        } catch (InterruptedException e) {
            // The create may still succeed after the abort: stop whatever it makes.
            creating.whenComplete((o, error) -> {
                if (o != null) {
                    action.track(o.getArn(), credentialsId, region);
                    action.record(o);
                    ResourceStopper.stop(build, o.getArn(), credentialsId, region, "build aborted while creating the session");
                }
                client.close();
            });
            throw e;
        } catch (ExecutionException e) {
            client.close();
            throw new AbortException(ResourceStopper.unwrap(e).getMessage());
        }
        String arn = created.getArn();
        action.track(arn, credentialsId, region);
        action.record(created);
        listener.getLogger().println("[Device Farm] Created " + created + "; waiting until it is RUNNING");

        Watch watch = DeviceFarmEngine.get().watch(client, DeviceFarmArn.parse("sessionArn", arn, ArnKind.SESSION),
                WatchOptions.untilRunning(), DeviceFarmEngine.pollSettings());
        watch.onChange(action::record);
        Outcome seen;
        try {
            seen = watch.outcome().get();
        } catch (InterruptedException e) {
            listener.getLogger().println("[Device Farm] Build aborted: stopping session " + arn);
            CompletableFuture<Outcome> stopping = ResourceStopper.adopt(build, arn, watch.cancel("build aborted"));
            stopping.whenComplete((o, error) -> client.close());
            awaitStop(stopping);
            throw e;
        } catch (ExecutionException e) {
            // The session may exist although following it failed: stop it rather than leave it billing.
            client.close();
            ResourceStopper.stop(build, arn, credentialsId, region, "could not follow the session");
            throw new AbortException(ResourceStopper.unwrap(e).getMessage());
        }
        client.close();
        action.record(seen);
        if (!"RUNNING".equals(seen.getStatus())) {
            throw new AbortException("[Device Farm] The session ended before it was ready: " + seen);
        }
        return new Opened(seen, watch.sessionEndpoints());
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
            listener.error("[Device Farm] " + ResourceStopper.unwrap(e).getMessage());
        }
    }
}
