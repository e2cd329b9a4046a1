package io.jenkins.plugins.devicefarm.core.lifecycle;

import io.jenkins.plugins.devicefarm.core.arn.DeviceFarmArn;
import io.jenkins.plugins.devicefarm.core.model.Outcome;
import io.jenkins.plugins.devicefarm.core.session.RemoteEndpoints;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * A run, job or session followed through its lifecycle: tracked once Device Farm confirms it,
 * every change recorded, stopped at most once, the end recorded. Every callback and completion
 * happens after the ledger has written what came before it, off the engine's threads.
 */
public interface Followed {
    DeviceFarmArn arn();

    /**
     * Completes with the final outcome (already recorded) when the target is reached, or once a
     * {@link #stop} has been accepted and followed to the end. Fails with
     * {@link io.jenkins.plugins.devicefarm.core.watch.WatchTimeoutException} at the deadline
     * (on time: a stop it starts goes on and is recorded when it ends),
     * {@link io.jenkins.plugins.devicefarm.core.watch.DeviceFarmCallException} (e.g. an unknown
     * ARN, never tracked), {@link io.jenkins.plugins.devicefarm.core.watch.StopFailedException}, or a
     * {@link java.util.concurrent.CancellationException} after {@link #abandon()}.
     */
    CompletableFuture<Outcome> outcome();

    /**
     * Stops it on Device Farm, once whoever else asks (a second abort, the safety net): the stop
     * is retried until Device Farm accepts it, followed to the end and recorded.
     */
    CompletableFuture<Outcome> stop(String reason);

    /** Stops following, leaving it running on Device Farm (the user asked not to stop it). */
    void abandon();

    /** True once Device Farm confirmed it exists (and it was tracked). */
    boolean confirmed();

    /** The latest state seen, or null before Device Farm answered. */
    Outcome lastSeen();

    /** A session's endpoint as last seen; secret-bearing: never log or persist it. */
    String sessionEndpoint();

    /** A session's endpoints (remote driver, interactive, deprecated endpoint) as last seen; secrets. */
    RemoteEndpoints sessionEndpoints();

    /** Called after each recorded change (status, result or counters), in order, off the engine's threads. */
    void onChange(Consumer<Outcome> listener);
}
