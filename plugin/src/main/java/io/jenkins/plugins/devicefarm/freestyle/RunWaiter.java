package io.jenkins.plugins.devicefarm.freestyle;

import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.devicefarm.BuildLedger;
import io.jenkins.plugins.devicefarm.DeviceFarmEngine;
import io.jenkins.plugins.devicefarm.core.arn.DeviceFarmArn;
import io.jenkins.plugins.devicefarm.core.client.ClientLease;
import io.jenkins.plugins.devicefarm.core.lifecycle.DeviceFarmLifecycle;
import io.jenkins.plugins.devicefarm.core.lifecycle.Followed;
import io.jenkins.plugins.devicefarm.core.model.Outcome;
import io.jenkins.plugins.devicefarm.core.watch.WatchOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The freestyle front end of the core's lifecycle: follows several runs or jobs (tracked once
 * Device Farm confirms them, recorded off the engine's threads) and waits for them on the
 * executor thread, which a freestyle build holds anyway. On abort each is stopped, once, and the
 * stops are awaited (bounded) before {@link InterruptedException} goes on.
 */
final class RunWaiter {
    /** How long an aborted build waits for Device Farm to confirm its stops before moving on. */
    static final long STOP_WAIT_SECONDS = 120;

    /** What became of the runs: final outcomes, and failures (timeouts, refused calls) as messages. */
    record Results(List<Outcome> outcomes, List<String> failures) {}

    private final Run<?, ?> build;
    private final TaskListener listener;
    private final BuildLedger ledger;

    RunWaiter(Run<?, ?> build, TaskListener listener, String credentialsId, String region) {
        this.build = build;
        this.listener = listener;
        this.ledger = new BuildLedger(build, credentialsId, region, listener);
    }

    /** Each follow takes its own hold on {@code lease}'s client; the caller still releases {@code lease}. */
    Results await(ClientLease lease, List<DeviceFarmArn> arns, WatchOptions options) throws InterruptedException {
        DeviceFarmLifecycle lifecycle = DeviceFarmEngine.lifecycle();
        List<Followed> follows = new ArrayList<>();
        for (DeviceFarmArn arn : arns) {
            follows.add(lifecycle.follow(lease.retain(), arn, options, DeviceFarmEngine.pollSettings(), ledger));
        }
        List<Outcome> outcomes = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < follows.size(); i++) {
            try {
                Outcome o = follows.get(i).outcome().get();
                outcomes.add(o);
                listener.getLogger().println("[Device Farm] " + o);
            } catch (InterruptedException e) {
                stopAll(follows.subList(i, follows.size()));
                throw e;
            } catch (ExecutionException e) {
                String message = DeviceFarmLifecycle.unwrap(e).getMessage();
                failures.add(message);
                listener.error("[Device Farm] " + message);
            }
        }
        return new Results(outcomes, failures);
    }

    /** Stops what is still followed (each once, whoever else asks) and waits a while for Device Farm to confirm. */
    private void stopAll(List<Followed> follows) {
        listener.getLogger().println("[Device Farm] Build aborted: stopping " + follows.size() + " run(s)/job(s)");
        List<CompletableFuture<Outcome>> stops = new ArrayList<>();
        for (Followed f : follows) {
            stops.add(f.stop("build aborted (" + build.getFullDisplayName() + ")"));
        }
        try {
            CompletableFuture.allOf(stops.toArray(CompletableFuture[]::new)).get(STOP_WAIT_SECONDS, TimeUnit.SECONDS);
            stops.forEach(s -> listener.getLogger().println("[Device Farm] Stopped: " + s.join()));
        } catch (InterruptedException again) {
            Thread.currentThread().interrupt();
            listener.getLogger().println("[Device Farm] The stops go on in the background and are recorded on the build.");
        } catch (TimeoutException e) {
            listener.getLogger().println("[Device Farm] The stops go on in the background and are recorded on the build.");
        } catch (ExecutionException e) {
            listener.error("[Device Farm] " + DeviceFarmLifecycle.unwrap(e).getMessage());
        }
    }
}
