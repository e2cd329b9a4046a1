package io.jenkins.plugins.devicefarm.freestyle;

import hudson.AbortException;
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
import io.jenkins.plugins.devicefarm.core.session.PreparedSession;
import io.jenkins.plugins.devicefarm.core.session.RemoteEndpoints;
import io.jenkins.plugins.devicefarm.core.session.SessionRequest;
import io.jenkins.plugins.devicefarm.core.watch.WatchOptions;
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

    Opened open(SessionRequest request) throws InterruptedException, AbortException {
        DeviceFarmLifecycle lifecycle = DeviceFarmEngine.lifecycle();
        try (ClientLease lease = DeviceFarmClients.lease(build, credentialsId, region)) {
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
