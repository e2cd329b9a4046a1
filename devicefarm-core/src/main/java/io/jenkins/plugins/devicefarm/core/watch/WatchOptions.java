package io.jenkins.plugins.devicefarm.core.watch;

import io.jenkins.plugins.devicefarm.core.InvalidInputException;
import java.time.Duration;

/** What one watch waits for and for how long. */
public final class WatchOptions {
    /** Longer than any run can last (150 minutes a device, queued); beyond it a value is a typo. */
    public static final Duration MAX_TIMEOUT = Duration.ofDays(30);

    private final WatchTarget target;
    private final Duration timeout;
    private final boolean stopOnTimeout;

    private WatchOptions(WatchTarget target, Duration timeout, boolean stopOnTimeout) {
        this.target = target;
        this.timeout = timeout;
        this.stopOnTimeout = stopOnTimeout;
    }

    /** Until COMPLETED, no deadline. */
    public static WatchOptions untilCompleted() {
        return new WatchOptions(WatchTarget.COMPLETED, null, true);
    }

    /** Until a session is RUNNING (or ended), no deadline. */
    public static WatchOptions untilRunning() {
        return new WatchOptions(WatchTarget.RUNNING, null, true);
    }

    /**
     * A deadline from now; null for none. When it passes the watch fails with
     * {@link WatchTimeoutException}, after stopping the resource if {@code stopOnTimeout}.
     */
    public WatchOptions timeout(Duration timeout, boolean stopOnTimeout) {
        return new WatchOptions(target, timeout == null ? null : validTimeout(timeout), stopOnTimeout);
    }

    /** {@code timeout} if it is more than 0 and at most {@link #MAX_TIMEOUT}; else the field's message. */
    public static Duration validTimeout(Duration timeout) {
        if (timeout.isNegative() || timeout.isZero() || timeout.compareTo(MAX_TIMEOUT) > 0) {
            throw new InvalidInputException("timeoutMinutes", "must be more than 0 and at most " + MAX_TIMEOUT.toMinutes()
                    + " (30 days), was " + timeout.toMinutes(), "Leave it empty to wait without a deadline");
        }
        return timeout;
    }

    public WatchTarget target() { return target; }
    public Duration timeout() { return timeout; }
    public boolean stopOnTimeout() { return stopOnTimeout; }
}
