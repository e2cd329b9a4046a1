package io.jenkins.plugins.devicefarm.core.lifecycle;

import io.jenkins.plugins.devicefarm.core.arn.DeviceFarmArn;
import io.jenkins.plugins.devicefarm.core.client.ClientLease;
import io.jenkins.plugins.devicefarm.core.model.Outcome;
import io.jenkins.plugins.devicefarm.core.session.RemoteEndpoints;
import io.jenkins.plugins.devicefarm.core.watch.DeviceFarmWatcher;
import io.jenkins.plugins.devicefarm.core.watch.PollSettings;
import io.jenkins.plugins.devicefarm.core.watch.Watch;
import io.jenkins.plugins.devicefarm.core.watch.WatchOptions;
import io.jenkins.plugins.devicefarm.core.watch.WatchTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * One follow: a watch on the engine whose changes are recorded through the ledger, tracked on
 * Device Farm's first answer. The deadline is the lifecycle's, not the watch's: when it passes
 * the follow fails at once and says so, and the stop it starts goes on and is recorded.
 */
final class FollowedResource implements Followed {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    private final DeviceFarmLifecycle lifecycle;
    private final ClientLease lease;
    private final DeviceFarmArn arn;
    private final WatchOptions options;
    private final SerialLedger ledger;
    private final Clock clock;
    private final CompletableFuture<Outcome> result = new CompletableFuture<>();
    private final List<Consumer<Outcome>> listeners = new CopyOnWriteArrayList<>();
    private DeviceFarmWatcher watcher;
    /** When the follow gives up; null for none. */
    private volatile Instant deadline;
    private volatile Watch watch;
    private volatile boolean confirmed;
    private volatile String trouble;
    /** Set once a stop was asked through this follow: its recorded outcome is the follow's. */
    private volatile CompletableFuture<Outcome> stopRecorded;

    FollowedResource(DeviceFarmLifecycle lifecycle, ClientLease lease, DeviceFarmArn arn, WatchOptions options,
                     SerialLedger ledger, Clock clock) {
        this.lifecycle = lifecycle;
        this.lease = lease;
        this.arn = arn;
        this.options = options;
        this.ledger = ledger;
        this.clock = clock;
    }

    void start(DeviceFarmWatcher engine, PollSettings settings) {
        this.watcher = engine;
        this.deadline = options.timeout() == null ? null : clock.instant().plus(options.timeout());
        // The watch itself never stops on its deadline: we end the follow on time and stop apart.
        WatchOptions own = options.timeout() == null ? options : options.timeout(options.timeout(), false);
        Watch w = engine.watch(lease.client(), arn, own, settings);
        watch = w;
        w.onChange(this::changed);
        w.onTrouble(this::troubled);
        Outcome seen = w.lastSeen();
        if (seen != null) {
            changed(seen); // answered before the listener was there; a repeated record is harmless
        }
        w.outcome().whenComplete(this::ended);
    }

    @Override
    public DeviceFarmArn arn() {
        return arn;
    }

    @Override
    public CompletableFuture<Outcome> outcome() {
        return result;
    }

    @Override
    public boolean confirmed() {
        return confirmed;
    }

    @Override
    public Outcome lastSeen() {
        Watch w = watch;
        return w == null ? null : w.lastSeen();
    }

    @Override
    public String sessionEndpoint() {
        Watch w = watch;
        return w == null ? null : w.sessionEndpoint();
    }

    @Override
    public RemoteEndpoints sessionEndpoints() {
        Watch w = watch;
        return w == null ? RemoteEndpoints.NONE : w.sessionEndpoints();
    }

    @Override
    public void onChange(Consumer<Outcome> listener) {
        listeners.add(listener);
    }

    @Override
    public void abandon() {
        watch.abandon();
    }

    @Override
    public CompletableFuture<Outcome> stop(String reason) {
        CompletableFuture<Outcome> s = stopRecorded;
        if (s != null) {
            return s;
        }
        synchronized (this) {
            if (stopRecorded == null) {
                ClientLease held = retainOrNull(); // null once the watch ended: its cancel makes no call
                Watch w = watch;
                stopRecorded = lifecycle.stopOnce(arn, () -> w.cancel(reason), () -> {
                    if (held != null) {
                        held.close();
                    }
                }, ledger, confirmed);
            }
            return stopRecorded;
        }
    }

    /** On an engine thread: hand the change to the ledger and return. */
    private void changed(Outcome o) {
        boolean first = !confirmed;
        confirmed = true;
        trouble = null;
        ledger.then(l -> {
            if (first) {
                l.track(arn);
            }
            l.record(o);
            for (Consumer<Outcome> listener : listeners) {
                listener.accept(o);
            }
        });
    }

    /** On an engine thread: Device Farm stopped answering; say so at once, and until when we keep trying. */
    private void troubled(String why) {
        trouble = why;
        String until = deadline == null ? "until it answers or the build is aborted"
                : "until " + TIME.format(deadline.truncatedTo(ChronoUnit.SECONDS)) + " (timeoutMinutes), then gives up";
        ledger.then(l -> l.warn(why + " Still trying " + until + "."));
    }

    private void ended(Outcome o, Throwable e) {
        Throwable error = e == null ? null : DeviceFarmLifecycle.unwrap(e);
        CompletableFuture<Outcome> stopped = stopRecorded;
        if (stopped != null) {
            lease.close();
            stopped.whenComplete(this::complete); // the stop's own recording is the follow's end
            return;
        }
        if (error instanceof WatchTimeoutException && options.timeout() != null) {
            timedOut();
            return;
        }
        lease.close();
        if (error != null) {
            ledger.then(l -> { }).thenRun(() -> result.completeExceptionally(error));
            return;
        }
        boolean first = !confirmed;
        confirmed = true;
        ledger.then(l -> {
            if (first) {
                l.track(arn);
            }
            l.record(o);
        }).thenRun(() -> result.complete(o));
    }

    /** The deadline passed: end the follow now; stop what Device Farm confirmed, in the background. */
    private void timedOut() {
        String after = "timed out after " + describe(options.timeout());
        String what = arn.kind().displayName() + " " + arn;
        Outcome last = lastSeen();
        if (!confirmed) {
            lease.close();
            String why = trouble;
            fail(new WatchTimeoutException(what + " " + after + " without an answer from Device Farm"
                    + (why == null ? "" : " (" + why + ")") + "; nothing was stopped", last));
            return;
        }
        if (!options.stopOnTimeout()) {
            lease.close();
            fail(new WatchTimeoutException(what + " " + after + "; it was left running", last));
            return;
        }
        ClientLease held = lease.retain();
        lease.close();
        synchronized (this) {
            stopRecorded = lifecycle.stopOnce(arn, () -> watcher.stop(held.client(), arn, after), held::close, ledger, true);
        }
        fail(new WatchTimeoutException(what + " " + after + ": stopping it; the build's Device Farm page shows"
                + " the outcome once Device Farm confirms the stop", last));
    }

    private void fail(Throwable t) {
        ledger.then(l -> { }).thenRun(() -> result.completeExceptionally(t));
    }

    private void complete(Outcome o, Throwable e) {
        if (e != null) {
            result.completeExceptionally(DeviceFarmLifecycle.unwrap(e));
        } else {
            result.complete(o);
        }
    }

    private ClientLease retainOrNull() {
        try {
            return lease.retain();
        } catch (IllegalStateException released) {
            return null;
        }
    }

    static String describe(Duration d) {
        long ms = d.toMillis();
        return ms > 0 && ms % 60_000 == 0 ? (ms / 60_000) + (ms == 60_000 ? " minute" : " minutes") : (ms / 1000.0) + " seconds";
    }
}
