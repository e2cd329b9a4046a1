package io.jenkins.plugins.devicefarm.core.watch;

import io.jenkins.plugins.devicefarm.core.arn.DeviceFarmArn;
import io.jenkins.plugins.devicefarm.core.model.Outcome;
import io.jenkins.plugins.devicefarm.core.session.RemoteEndpoints;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import software.amazon.awssdk.services.devicefarm.DeviceFarmClient;

/**
 * A watch as a small state machine on the shared scheduler: WATCHING polls with backoff;
 * cancel moves to STOPPING (stop retried until accepted), then FOLLOWING (polls until the
 * final state), then DONE. At most one task of a watch is pending at any time.
 */
final class PolledWatch implements Watch {
    private static final Logger LOG = Logger.getLogger(PolledWatch.class.getName());

    private enum Phase { WATCHING, STOPPING, FOLLOWING, DONE }

    private final DeviceFarmClient client;
    private final DeviceFarmArn arn;
    private final WatchOptions options;
    private final PollSettings settings;
    private final Lanes lanes;
    private final CompletableFuture<Outcome> outcome = new CompletableFuture<>();
    private final List<Consumer<Outcome>> listeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<String>> troubleListeners = new CopyOnWriteArrayList<>();
    private final long deadlineNanos;

    private volatile Outcome lastSeen;
    private volatile RemoteEndpoints endpoints = RemoteEndpoints.NONE;
    /** True from a failed poll to the next answer: trouble is reported once per streak. */
    private volatile boolean troubled;
    private volatile String trouble;

    // Guarded by this.
    private Phase phase = Phase.WATCHING;
    private ScheduledFuture<?> pending;
    private Backoff backoff;
    private String stopReason;
    private boolean timedOut;
    private boolean stopTookEffect;
    private long giveUpNanos;

    PolledWatch(DeviceFarmClient client, DeviceFarmArn arn, WatchOptions options, PollSettings settings,
                Lanes lanes) {
        this.client = client;
        this.arn = arn;
        this.options = options;
        this.settings = settings;
        this.lanes = lanes;
        this.backoff = new Backoff(settings);
        this.deadlineNanos = options.timeout() == null ? Long.MAX_VALUE : System.nanoTime() + options.timeout().toNanos();
    }

    synchronized void start() {
        schedule(Duration.ZERO, this::poll);
    }

    @Override
    public DeviceFarmArn arn() {
        return arn;
    }

    @Override
    public CompletableFuture<Outcome> outcome() {
        return outcome;
    }

    @Override
    public Outcome lastSeen() {
        return lastSeen;
    }

    @Override
    public String sessionEndpoint() {
        return endpoints.endpoint();
    }

    @Override
    public RemoteEndpoints sessionEndpoints() {
        return endpoints;
    }

    @Override
    public void onChange(Consumer<Outcome> listener) {
        listeners.add(listener);
    }

    @Override
    public void onTrouble(Consumer<String> listener) {
        String current;
        synchronized (this) { // serialised with reportTrouble: a listener hears of a streak once
            troubleListeners.add(listener);
            current = troubled ? trouble : null;
        }
        if (current != null) {
            listener.accept(current); // the first poll failed before the listener was there
        }
    }

    @Override
    public CompletableFuture<Outcome> cancel(String reason) {
        synchronized (this) {
            if (phase == Phase.WATCHING) {
                beginStop(reason);
            }
        }
        return outcome;
    }

    @Override
    public void abandon() {
        Runnable completion = null;
        synchronized (this) {
            if (phase == Phase.WATCHING) {
                if (pending != null) {
                    pending.cancel(false);
                }
                completion = fail(new java.util.concurrent.CancellationException("No longer following " + arn
                        + "; it was left running on Device Farm"));
            }
        }
        run(completion);
    }

    /** Called with the lock held. Replaces any pending poll with an immediate stop attempt. */
    private void beginStop(String reason) {
        phase = Phase.STOPPING;
        stopReason = reason;
        if (pending != null) {
            pending.cancel(false);
        }
        giveUpNanos = System.nanoTime() + settings.stopRetryTimeout().toNanos();
        backoff = new Backoff(stopRetrySettings());
        scheduleUrgent(Duration.ZERO, this::stopAttempt);
    }

    /** Stops are retried sooner than polls: every second a device keeps running is billed. */
    private PollSettings stopRetrySettings() {
        Duration min = settings.minInterval().compareTo(Duration.ofMillis(250)) < 0 ? settings.minInterval() : Duration.ofMillis(250);
        return PollSettings.of(min, settings.maxInterval().compareTo(Duration.ofSeconds(10)) < 0 ? settings.maxInterval() : Duration.ofSeconds(10));
    }

    private void poll() {
        synchronized (this) {
            if (phase != Phase.WATCHING && phase != Phase.FOLLOWING) {
                return;
            }
        }
        Observation obs;
        try {
            obs = DeviceFarmCalls.get(client, arn);
        } catch (RuntimeException e) {
            onPollFailure(e);
            return;
        }
        observe(obs);
        Runnable completion = null;
        synchronized (this) {
            Outcome o = obs.outcome();
            if (phase == Phase.WATCHING) {
                if (options.target().reachedBy(o.getStatus())) {
                    completion = finish(o);
                } else if (System.nanoTime() >= deadlineNanos) {
                    completion = onDeadline();
                } else {
                    schedule(capToDeadline(backoff.next()), this::poll);
                }
            } else if (phase == Phase.FOLLOWING) {
                if (o.isEnded()) {
                    completion = finish(markStopped(o));
                } else if (System.nanoTime() >= giveUpNanos) {
                    completion = finish(markStopped(o.toBuilder().message("Stop accepted; still " + o.getStatus()
                            + " after " + settings.followTimeout().toMinutes() + " minutes of following").build()));
                } else {
                    schedule(backoff.next(), this::poll);
                }
            }
        }
        run(completion);
    }

    private void onPollFailure(RuntimeException e) {
        Runnable completion = null;
        synchronized (this) {
            if (phase != Phase.WATCHING && phase != Phase.FOLLOWING) {
                return;
            }
            if (DeviceFarmErrors.isRetryable(e)) {
                LOG.log(Level.FINE, "Will poll {0} again: {1}", new Object[] {arn, e.toString()});
                reportTrouble(e);
                if (phase == Phase.WATCHING && System.nanoTime() >= deadlineNanos) {
                    completion = onDeadline();
                } else if (phase == Phase.FOLLOWING && System.nanoTime() >= giveUpNanos) {
                    Outcome last = lastSeen == null ? Outcome.builder(arn.kind(), arn.toString()).build() : lastSeen;
                    completion = finish(markStopped(last.toBuilder().message("Stop accepted; final state unknown: "
                            + DeviceFarmErrors.describe("Get", arn.toString(), e)).build()));
                } else {
                    schedule(phase == Phase.WATCHING ? capToDeadline(backoff.nextAfterThrottle()) : backoff.nextAfterThrottle(), this::poll);
                }
            } else {
                completion = fail(new DeviceFarmCallException(DeviceFarmErrors.describe("Get", arn.toString(), e),
                        DeviceFarmErrors.code(e), e));
            }
        }
        run(completion);
    }

    private void stopAttempt() {
        synchronized (this) {
            if (phase != Phase.STOPPING) {
                return;
            }
        }
        Observation obs;
        try {
            obs = DeviceFarmCalls.stop(client, arn);
        } catch (RuntimeException e) {
            onStopFailure(e);
            return;
        }
        observe(obs);
        Runnable completion;
        synchronized (this) {
            Outcome o = obs.outcome();
            // Stopping something that had already ended on its own changes nothing: not "stopped by us".
            stopTookEffect = !o.isEnded() || "STOPPED".equals(o.getResult());
            phase = Phase.FOLLOWING;
            giveUpNanos = System.nanoTime() + settings.followTimeout().toNanos();
            backoff = new Backoff(settings);
            if (o.isEnded()) {
                completion = finish(markStopped(o));
            } else {
                completion = null;
                schedule(backoff.next(), this::poll);
            }
        }
        run(completion);
    }

    private void onStopFailure(RuntimeException e) {
        Runnable completion = null;
        synchronized (this) {
            if (phase != Phase.STOPPING) {
                return;
            }
            if (DeviceFarmErrors.isRetryable(e) && System.nanoTime() < giveUpNanos) {
                LOG.log(Level.FINE, "Will retry stopping {0}: {1}", new Object[] {arn, e.toString()});
                scheduleUrgent(DeviceFarmErrors.isThrottling(e) ? backoff.nextAfterThrottle() : backoff.next(), this::stopAttempt);
            } else if ("NotFoundException".equals(DeviceFarmErrors.code(e))) {
                // Nothing by that ARN exists for these credentials: nothing runs, nothing bills.
                completion = fail(new DeviceFarmCallException(DeviceFarmErrors.describe("Stop", arn.toString(), e),
                        DeviceFarmErrors.code(e), e));
            } else {
                String console = arn.consoleUrl();
                completion = fail(new StopFailedException(arn.toString(), "Could not stop " + arn.kind().displayName() + " "
                        + arn + ": " + DeviceFarmErrors.describe("Stop", arn.toString(), e)
                        + " It may still be running and billing device minutes"
                        + (console == null ? "." : "; stop it at " + console), lastSeen, e));
            }
        }
        run(completion);
    }

    /** Called with the lock held, phase WATCHING. */
    private Runnable onDeadline() {
        timedOut = true;
        String reason = "timed out after " + describe(options.timeout());
        if (options.stopOnTimeout()) {
            beginStop(reason);
            return null;
        }
        return fail(new WatchTimeoutException(arn.kind().displayName() + " " + arn + " " + reason
                + "; it was left running", lastSeen));
    }

    private Outcome markStopped(Outcome o) {
        return stopTookEffect ? o.stoppedByUs(stopReason) : o;
    }

    /** Called with the lock held; the returned action completes the future once the lock is released. */
    private Runnable finish(Outcome o) {
        phase = Phase.DONE;
        if (timedOut) {
            return fail(new WatchTimeoutException(arn.kind().displayName() + " " + arn + " " + stopReason
                    + (o.isStoppedByUs() ? "; it was stopped" : ""), o));
        }
        return () -> outcome.complete(o);
    }

    private Runnable fail(RuntimeException e) {
        phase = Phase.DONE;
        return () -> outcome.completeExceptionally(e);
    }

    private static void run(Runnable completion) {
        if (completion != null) {
            completion.run();
        }
    }

    /** Called with the lock held; listeners only hand the message on. */
    private void reportTrouble(RuntimeException e) {
        if (troubled) {
            return;
        }
        troubled = true;
        String message = DeviceFarmErrors.describe("Get", arn.toString(), e);
        trouble = message;
        for (Consumer<String> l : troubleListeners) {
            try {
                l.accept(message);
            } catch (RuntimeException x) {
                LOG.log(Level.WARNING, "A listener of " + arn + " failed", x);
            }
        }
    }

    private void observe(Observation obs) {
        troubled = false;
        Outcome previous = lastSeen;
        lastSeen = obs.outcome();
        if (obs.endpoints() != null && !obs.endpoints().isEmpty()) {
            endpoints = obs.endpoints();
        }
        if (previous == null || !Objects.equals(previous.getStatus(), obs.outcome().getStatus())
                || !Objects.equals(previous.getResult(), obs.outcome().getResult())
                || !previous.getCounters().equals(obs.outcome().getCounters())) {
            for (Consumer<Outcome> l : listeners) {
                try {
                    l.accept(obs.outcome());
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "A listener of " + arn + " failed", e);
                }
            }
        }
    }

    private Duration capToDeadline(Duration d) {
        if (deadlineNanos == Long.MAX_VALUE) {
            return d;
        }
        long left = Math.max(0, deadlineNanos - System.nanoTime());
        return left < d.toNanos() ? Duration.ofNanos(left) : d;
    }

    /** Called with the lock held. */
    private void schedule(Duration delay, Runnable task) {
        if (phase == Phase.DONE) {
            return;
        }
        try {
            pending = lanes.poll(delay, () -> guarded(task));
        } catch (RejectedExecutionException e) {
            shutDown(e);
        }
    }

    /** Called with the lock held: stop attempts go to the stop thread, ahead of any polls. */
    private void scheduleUrgent(Duration delay, Runnable task) {
        try {
            lanes.urgent(delay, () -> guarded(task));
        } catch (RejectedExecutionException e) {
            shutDown(e);
        }
    }

    private void shutDown(RejectedExecutionException e) {
        phase = Phase.DONE;
        outcome.completeExceptionally(new IllegalStateException("The Device Farm watcher was shut down while following "
                + arn + "; it may still be running", e));
    }

    /** A task must never die silently: that would leave the watch hanging forever. */
    private void guarded(Runnable task) {
        try {
            task.run();
        } catch (RuntimeException | Error e) {
            LOG.log(Level.WARNING, "Unexpected failure while following " + arn, e);
            Runnable completion;
            synchronized (this) {
                completion = phase == Phase.DONE ? null : fail(new IllegalStateException(
                        "Unexpected failure while following " + arn + ": " + e, e));
            }
            run(completion);
        }
    }

    private static String describe(Duration d) {
        long s = d.getSeconds();
        return s % 60 == 0 ? (s / 60) + " minutes" : (d.toMillis() / 1000.0) + " seconds";
    }
}
