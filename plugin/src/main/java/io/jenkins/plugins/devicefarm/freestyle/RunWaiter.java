package io.jenkins.plugins.devicefarm.freestyle;

import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.devicefarm.DeviceFarmBuildAction;
import io.jenkins.plugins.devicefarm.DeviceFarmEngine;
import io.jenkins.plugins.devicefarm.core.arn.DeviceFarmArn;
import io.jenkins.plugins.devicefarm.core.model.Outcome;
import io.jenkins.plugins.devicefarm.core.watch.Watch;
import io.jenkins.plugins.devicefarm.core.watch.WatchOptions;
import io.jenkins.plugins.devicefarm.core.watch.WatchTimeoutException;
import io.jenkins.plugins.devicefarm.safety.ResourceStopper;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import software.amazon.awssdk.services.devicefarm.DeviceFarmClient;

/**
 * Waits on the executor thread for several runs or jobs to complete. The engine follows them
 * (no thread per watch); this thread only waits for the futures. On abort every watch is
 * cancelled, which stops its resource on Device Farm; the stops are awaited, bounded, then the
 * InterruptedException goes on.
 */
final class RunWaiter {
    /** What became of the runs: final outcomes, and failures (timeouts, refused calls) as messages. */
    record Results(List<Outcome> outcomes, List<String> failures) {}

    private final Run<?, ?> build;
    private final TaskListener listener;

    RunWaiter(Run<?, ?> build, TaskListener listener) {
        this.build = build;
        this.listener = listener;
    }

    /** Takes ownership of the client: it is closed once every watch (and stop) has ended. */
    Results await(DeviceFarmClient client, List<DeviceFarmArn> arns, WatchOptions options) throws InterruptedException {
        DeviceFarmBuildAction action = DeviceFarmBuildAction.of(build);
        List<Watch> watches = new ArrayList<>();
        try {
            for (DeviceFarmArn arn : arns) {
                Watch w = DeviceFarmEngine.get().watch(client, arn, options, DeviceFarmEngine.pollSettings());
                w.onChange(action::record);
                watches.add(w);
            }
        } finally {
            CompletableFuture.allOf(watches.stream().map(Watch::outcome).toArray(CompletableFuture[]::new))
                    .whenComplete((v, e) -> client.close());
        }
        List<Outcome> outcomes = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < watches.size(); i++) {
            Watch w = watches.get(i);
            try {
                Outcome o = w.outcome().get();
                action.record(o);
                outcomes.add(o);
                listener.getLogger().println("[Device Farm] " + o);
            } catch (InterruptedException e) {
                cancelAll(watches.subList(i, watches.size()));
                throw e;
            } catch (ExecutionException e) {
                Throwable cause = ResourceStopper.unwrap(e);
                if (cause instanceof WatchTimeoutException t && t.getOutcome() != null) {
                    action.record(t.getOutcome());
                }
                failures.add(cause.getMessage());
                listener.error("[Device Farm] " + cause.getMessage());
            }
        }
        return new Results(outcomes, failures);
    }

    private void cancelAll(List<Watch> watches) {
        listener.getLogger().println("[Device Farm] Build aborted: stopping " + watches.size() + " run(s)/job(s)");
        List<CompletableFuture<Outcome>> stops = new ArrayList<>();
        for (Watch w : watches) {
            stops.add(ResourceStopper.adopt(build, w.arn().toString(), w.cancel("build aborted")));
        }
        try {
            CompletableFuture.allOf(stops.toArray(CompletableFuture[]::new)).get(SessionOpener.STOP_WAIT_SECONDS, TimeUnit.SECONDS);
            stops.forEach(s -> listener.getLogger().println("[Device Farm] Stopped: " + s.join()));
        } catch (InterruptedException again) {
            Thread.currentThread().interrupt();
            listener.getLogger().println("[Device Farm] The stops go on in the background and are recorded on the build.");
        } catch (TimeoutException e) {
            listener.getLogger().println("[Device Farm] The stops go on in the background and are recorded on the build.");
        } catch (ExecutionException e) {
            listener.error("[Device Farm] " + ResourceStopper.unwrap(e).getMessage());
        }
    }
}
