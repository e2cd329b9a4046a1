package io.jenkins.plugins.devicefarm.simulator;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Ends request body reads that go idle, as S3 ends a PUT whose client stops sending (real time, not
 * simulated: it is about sockets). One timer thread serves every read; a read that has had no byte for
 * the timeout is answered (by {@code onIdle}) and its thread interrupted, which closes the connection
 * of the JDK server's blocking channel and so frees the thread blocked in it. Nothing else can end a
 * blocked read there: closing the exchange would itself read the rest of the body.
 */
final class IdleBodyTimer implements AutoCloseable {
    /** How long a timed-out reader waits for the timer to finish answering its client. */
    private static final Duration ANSWER_WAIT = Duration.ofSeconds(10);
    private final Duration timeout;
    private final ScheduledThreadPoolExecutor timer;

    IdleBodyTimer(Duration timeout) {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("an idle timeout must be positive: " + timeout);
        }
        this.timeout = timeout;
        this.timer = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "devicefarm-simulator-idle-bodies");
            t.setDaemon(true);
            return t;
        });
        timer.setRemoveOnCancelPolicy(true);
    }

    Duration timeout() {
        return timeout;
    }

    /** Starts watching the calling thread's reads; {@code onIdle} answers the client when they stall. */
    Watch watch(Runnable onIdle) {
        Watch watch = new Watch(Thread.currentThread(), onIdle);
        watch.schedule(timeout.toNanos());
        return watch;
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }

    /** One request body's reads. The reader calls {@link #reading()} before and {@link #read()} after each read. */
    final class Watch {
        private static final int READING = 0;
        private static final int BUSY = 1; // between reads: writing to disk is not the client's idleness
        private static final int TIMED_OUT = 2;
        private static final int DONE = 3;

        private final Thread reader;
        private final Runnable onIdle;
        private final AtomicInteger state = new AtomicInteger(READING);
        private final CountDownLatch answered = new CountDownLatch(1);
        private volatile long lastByteNanos = System.nanoTime();
        private volatile ScheduledFuture<?> nextCheck;

        private Watch(Thread reader, Runnable onIdle) {
            this.reader = reader;
            this.onIdle = onIdle;
        }

        void reading() {
            lastByteNanos = System.nanoTime();
            state.compareAndSet(BUSY, READING);
        }

        /** After a read returned (bytes, end or failure): false once the read had timed out. */
        boolean read() {
            lastByteNanos = System.nanoTime();
            return state.compareAndSet(READING, BUSY);
        }

        boolean timedOut() {
            return state.get() == TIMED_OUT;
        }

        /**
         * Ends the watch. After a time-out it waits (briefly) until the client has its answer and clears the
         * interrupt meant for the read, so the thread goes back to the pool clean.
         */
        void finish() {
            if (state.compareAndSet(READING, DONE) || state.compareAndSet(BUSY, DONE)) {
                ScheduledFuture<?> check = nextCheck;
                if (check != null) {
                    check.cancel(false); // so a finished body is not held until its check would have come
                }
                return;
            }
            long deadline = System.nanoTime() + ANSWER_WAIT.toNanos();
            while (answered.getCount() > 0 && System.nanoTime() < deadline) {
                try {
                    answered.await(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
                } catch (InterruptedException e) {
                    // the interrupt the timer sent to end the read
                }
            }
            Thread.interrupted();
        }

        private void schedule(long delayNanos) {
            try {
                nextCheck = timer.schedule(this::check, delayNanos, TimeUnit.NANOSECONDS);
            } catch (RejectedExecutionException closing) {
                // the simulator is closing: its server stop interrupts the readers
            }
        }

        private void check() {
            int now = state.get();
            if (now == DONE || now == TIMED_OUT) {
                return;
            }
            long idle = System.nanoTime() - lastByteNanos;
            if (idle < timeout.toNanos()) {
                schedule(timeout.toNanos() - idle);
                return;
            }
            if (!state.compareAndSet(READING, TIMED_OUT)) { // busy between reads (or just done): not idle
                schedule(timeout.toNanos());
                return;
            }
            try {
                onIdle.run();
            } finally {
                reader.interrupt();
                answered.countDown();
            }
        }
    }
}
