package io.jenkins.plugins.devicefarm.core.lifecycle;

import io.jenkins.plugins.devicefarm.core.arn.DeviceFarmArn;
import io.jenkins.plugins.devicefarm.core.client.ClientLease;
import io.jenkins.plugins.devicefarm.core.model.Outcome;
import io.jenkins.plugins.devicefarm.core.session.PreparedSession;
import io.jenkins.plugins.devicefarm.core.session.SessionRequest;
import io.jenkins.plugins.devicefarm.core.watch.DeviceFarmCallException;
import io.jenkins.plugins.devicefarm.core.watch.DeviceFarmWatcher;
import io.jenkins.plugins.devicefarm.core.watch.PollSettings;
import io.jenkins.plugins.devicefarm.core.watch.StopFailedException;
import io.jenkins.plugins.devicefarm.core.watch.WatchOptions;
import java.time.Clock;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * The one lifecycle of everything a build owns on Device Farm — track, follow, stop once,
 * record — for the Pipeline steps, the freestyle steps and the safety net alike. The engine's
 * threads only make calls; every record goes through a {@link Ledger} on the records executor.
 * Operations take a {@link ClientLease} and release it when they end (a stop begun by a follow
 * holds its own), so a client is never closed under a call still being retried.
 */
public final class DeviceFarmLifecycle {
    private final DeviceFarmWatcher watcher;
    private final Executor records;
    private final Clock clock;
    private final StopRegistry stops = new StopRegistry();

    /** {@code records} runs the ledgers' calls (in Jenkins: its timer pool, never the engine's threads). */
    public DeviceFarmLifecycle(DeviceFarmWatcher watcher, Executor records) {
        this(watcher, records, Clock.systemUTC());
    }

    public DeviceFarmLifecycle(DeviceFarmWatcher watcher, Executor records, Clock clock) {
        this.watcher = watcher;
        this.records = records;
        this.clock = clock;
    }

    /**
     * Follows a run, job or session until {@code options}' target. Tracks it on the ledger once
     * Device Farm first answers for it. Takes ownership of {@code lease}. Invalid input throws at
     * once, before any request; the lease is then released.
     */
    public Followed follow(ClientLease lease, DeviceFarmArn arn, WatchOptions options, PollSettings settings, Ledger ledger) {
        try {
            FollowedResource f = new FollowedResource(this, lease, arn, options, new SerialLedger(ledger, records), clock);
            f.start(watcher, settings);
            return f;
        } catch (RuntimeException e) {
            lease.close();
            throw e;
        }
    }

    /**
     * Stops a run, job or session the user named (e.g. a stop step), or joins the stop already
     * under way for that ARN; follows it to its end and records it. It is tracked only once Device
     * Farm's answer confirms it exists: an unknown ARN, refused credentials or a stop that never got
     * an answer leave nothing behind for the safety net, and the future fails with the reason.
     * Takes ownership of {@code lease}. Completes after the ledger has written the outcome.
     */
    public CompletableFuture<Outcome> stop(ClientLease lease, DeviceFarmArn arn, String reason, Ledger ledger) {
        return stop(lease, arn, reason, ledger, false);
    }

    /**
     * As {@link #stop}, for something the ledger already tracks (the safety net, a session's
     * disposer): a refused stop is recorded as such (it may still be billing), an ARN Device Farm
     * does not know any more is recorded as unknown (nothing to try again).
     */
    public CompletableFuture<Outcome> stopTracked(ClientLease lease, DeviceFarmArn arn, String reason, Ledger ledger) {
        return stop(lease, arn, reason, ledger, true);
    }

    private CompletableFuture<Outcome> stop(ClientLease lease, DeviceFarmArn arn, String reason, Ledger ledger, boolean tracked) {
        return stopOnce(arn, () -> watcher.stop(lease.client(), arn, reason), lease::close, new SerialLedger(ledger, records), tracked);
    }

    /**
     * Creates a remote access session (see {@link DeviceFarmWatcher#createSession}); once Device
     * Farm has made it (or a lost answer's session was found and adopted) it is tracked and
     * recorded, then the future completes. Takes ownership of {@code lease}; invalid input throws
     * at once, before any request.
     */
    public CompletableFuture<Outcome> createSession(ClientLease lease, SessionRequest request, Ledger ledger) {
        CompletableFuture<Outcome> creating;
        try {
            creating = watcher.createSession(lease.client(), request);
        } catch (RuntimeException e) {
            lease.close();
            throw e;
        }
        return recordCreated(lease, creating, ledger);
    }

    /**
     * Creates a session Device Farm has confirmed with {@link DeviceFarmWatcher#prepareSession}
     * (whose unique name the caller recorded, to find it again after a restart), then as
     * {@link #createSession(ClientLease, SessionRequest, Ledger)}.
     */
    public CompletableFuture<Outcome> createSession(ClientLease lease, PreparedSession prepared, Ledger ledger) {
        CompletableFuture<Outcome> creating;
        try {
            creating = watcher.createSession(lease.client(), prepared);
        } catch (RuntimeException e) {
            lease.close();
            throw e;
        }
        return recordCreated(lease, creating, ledger);
    }

    private CompletableFuture<Outcome> recordCreated(ClientLease lease, CompletableFuture<Outcome> creating, Ledger ledger) {
        SerialLedger serial = new SerialLedger(ledger, records);
        CompletableFuture<Outcome> recorded = new CompletableFuture<>();
        creating.whenComplete((o, e) -> {
            lease.close();
            if (e != null) {
                recorded.completeExceptionally(unwrap(e));
                return;
            }
            DeviceFarmArn arn = DeviceFarmArn.parse("arn", o.getArn(), o.getKind());
            serial.then(l -> {
                l.track(arn);
                l.record(o);
            }).thenRun(() -> recorded.complete(o));
        });
        return recorded;
    }

    /** True while a stop of this ARN is under way (the safety net need not ask again). */
    public boolean isStopping(DeviceFarmArn arn) {
        return stops.isStopping(arn.toString());
    }

    /**
     * Sends a stop unless one of the ARN is under way (then joins it), and records what it came
     * to on {@code ledger} before anyone waiting for it hears: so whoever asks next (the safety
     * net as the build ends) finds it either still under way or recorded, never in between.
     * {@code release} runs once the stop no longer needs its client (at once when joining).
     */
    CompletableFuture<Outcome> stopOnce(DeviceFarmArn arn, Supplier<CompletableFuture<Outcome>> send, Runnable release,
                                        SerialLedger ledger, boolean tracked) {
        AtomicBoolean sent = new AtomicBoolean();
        CompletableFuture<Outcome> stop = stops.stop(arn.toString(), () -> {
            sent.set(true);
            CompletableFuture<Outcome> stopping;
            try {
                stopping = send.get();
            } catch (RuntimeException e) {
                release.run();
                throw e;
            }
            return recordStop(arn, stopping.whenComplete((o, e) -> release.run()), ledger, tracked);
        });
        if (!sent.get()) {
            release.run();
        }
        return stop;
    }

    /**
     * Records what a stop came to on {@code serial}, then completes. An outcome is tracked (Device
     * Farm's answer confirms it) and recorded. A failure is recorded only for what was
     * {@code tracked} before: a refused stop (it may still be billing) or an unknown ARN.
     */
    static CompletableFuture<Outcome> recordStop(DeviceFarmArn arn, CompletableFuture<Outcome> stopping, SerialLedger serial,
                                                 boolean tracked) {
        CompletableFuture<Outcome> recorded = new CompletableFuture<>();
        stopping.whenComplete((o, e) -> {
            Throwable error = e == null ? null : unwrap(e);
            serial.then(l -> {
                if (error == null) {
                    l.track(arn); // no-op for what the ledger already tracks
                    l.record(o);
                } else if (!tracked || error instanceof CancellationException) {
                    return; // never confirmed, or left running on purpose: nothing to record
                } else if (error instanceof StopFailedException s) {
                    if (s.getLastSeen() != null) {
                        l.record(s.getLastSeen());
                    }
                    l.stopFailed(arn, s.getMessage());
                } else if (isUnknown(error)) {
                    l.unknown(arn, error.getMessage());
                } else {
                    l.stopFailed(arn, error.getMessage() == null ? error.toString() : error.getMessage());
                }
            }).thenRun(() -> {
                if (error == null) {
                    recorded.complete(o);
                } else {
                    recorded.completeExceptionally(error);
                }
            });
        });
        return recorded;
    }

    /** Device Farm does not know the ARN (or not with these credentials): nothing exists to stop. */
    static boolean isUnknown(Throwable t) {
        return t instanceof DeviceFarmCallException d && "NotFoundException".equals(d.getErrorCode());
    }

    /** The cause of a failed future, without the wrappers the JDK adds. */
    public static Throwable unwrap(Throwable t) {
        Throwable c = t;
        while ((c instanceof CompletionException || c instanceof ExecutionException) && c.getCause() != null) {
            c = c.getCause();
        }
        return c;
    }
}
