package io.jenkins.plugins.devicefarm.core.watch;

import io.jenkins.plugins.devicefarm.core.DaemonThreads;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The engine's threads: a small pool of timer threads that make the polls, and a few threads for
 * stops and session creation, so a stop never waits in line behind a backlog of polls, nor
 * (in a mass abort) behind one slow call.
 */
final class Lanes {
    /** Threads for stops and creates: a call that hangs until its read timeout holds only one. */
    static final int URGENT_THREADS = 4;

    private final ScheduledThreadPoolExecutor timers;
    private final ExecutorService urgent;

    Lanes(int pollThreads) {
        timers = new ScheduledThreadPoolExecutor(pollThreads, DaemonThreads.named("devicefarm-watcher-"));
        timers.setRemoveOnCancelPolicy(true); // cancelled polls must not pile up in the queue
        urgent = new ThreadPoolExecutor(URGENT_THREADS, URGENT_THREADS, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(),
                DaemonThreads.named("devicefarm-watcher-stop-"));
    }

    /** Runs {@code task} on a poll thread after {@code delay}. */
    ScheduledFuture<?> poll(Duration delay, Runnable task) {
        return timers.schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** Runs {@code task} on a stop thread, at once or after {@code delay}. */
    void urgent(Duration delay, Runnable task) {
        if (delay.isZero() || delay.isNegative()) {
            urgent.execute(task);
        } else {
            timers.schedule(() -> urgent.execute(task), delay.toNanos(), TimeUnit.NANOSECONDS);
        }
    }

    int threadCount() {
        return timers.getCorePoolSize() + URGENT_THREADS;
    }

    int pendingTasks() {
        return timers.getQueue().size();
    }

    void shutdown() {
        timers.shutdownNow();
        urgent.shutdownNow();
    }

}
