package io.jenkins.plugins.devicefarm.core.watch;

import io.jenkins.plugins.devicefarm.core.arn.DeviceFarmArn;
import io.jenkins.plugins.devicefarm.core.model.Outcome;
import io.jenkins.plugins.devicefarm.core.session.RemoteEndpoints;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * One run, job or session followed by the shared scheduler. No thread waits for it: the
 * outcome arrives on {@link #outcome()}.
 */
public interface Watch {
    DeviceFarmArn arn();

    /**
     * Completes with the outcome once the target is reached, or after {@link #cancel} once the
     * resource has been stopped and followed to its end. Fails with {@link WatchTimeoutException},
     * {@link StopFailedException} or {@link DeviceFarmCallException}.
     */
    CompletableFuture<Outcome> outcome();

    /**
     * Stops the resource on Device Farm (retrying until Device Farm accepts the stop), follows it
     * to its final state and completes {@link #outcome()} with it, marked as stopped by us with
     * {@code reason}. Does nothing more when the watch is already done or already stopping.
     */
    CompletableFuture<Outcome> cancel(String reason);

    /**
     * Stops following without stopping anything on Device Farm (e.g. a step told not to stop on
     * abort). {@link #outcome()} fails with a {@link java.util.concurrent.CancellationException}.
     */
    void abandon();

    /** The latest state seen, or null before the first answer. */
    Outcome lastSeen();

    /**
     * A session's endpoint as last seen; null for runs and jobs or before it is RUNNING.
     * Secret-bearing: never log or persist it.
     */
    String sessionEndpoint();

    /**
     * A session's endpoints (remote driver, interactive, and the deprecated endpoint) as last
     * seen; empty for runs and jobs or before it is RUNNING. Secrets: never log or persist them.
     */
    RemoteEndpoints sessionEndpoints();

    /** Called on the scheduler's thread whenever status, result or counters change. Must not block. */
    void onChange(Consumer<Outcome> listener);

    /**
     * Called on the scheduler's thread when Device Farm stops answering (no answer, server
     * errors, throttling): once per run of failed polls, with a message saying what failed. The
     * watch keeps trying. Must not block.
     */
    void onTrouble(Consumer<String> listener);
}
