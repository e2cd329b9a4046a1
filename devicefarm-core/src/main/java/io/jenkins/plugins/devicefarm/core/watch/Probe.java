package io.jenkins.plugins.devicefarm.core.watch;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;

/**
 * Asks Device Farm the same question on the poll threads, with backoff, until the answer is
 * there: each ask is one call; an empty answer waits the next interval; throttling, server and
 * network faults wait longer and ask again ({@value #MAX_FAULTS} in a row end it); any other
 * error ends it with Device Farm's words.
 * Cancelling the future stops the asking. No thread waits in between.
 */
final class Probe<T> {
    static final int MAX_FAULTS = 10;

    private final String operation;
    private final String subject;
    private final Supplier<Optional<T>> ask;
    private final Lanes lanes;
    private final Backoff backoff;
    private final long deadlineNanos;
    private final Duration timeout;
    private final CompletableFuture<T> result = new CompletableFuture<>();
    private int faults; // only touched by the one pending task

    Probe(String operation, String subject, Supplier<Optional<T>> ask, PollSettings settings, Duration timeout, Lanes lanes) {
        this.operation = operation;
        this.subject = subject;
        this.ask = ask;
        this.lanes = lanes;
        this.backoff = new Backoff(settings);
        this.timeout = timeout;
        this.deadlineNanos = timeout == null ? Long.MAX_VALUE : System.nanoTime() + timeout.toNanos();
    }

    CompletableFuture<T> start() {
        later(Duration.ZERO);
        return result;
    }

    private void ask() {
        if (result.isDone()) {
            return; // cancelled by the caller
        }
        Optional<T> answer;
        try {
            answer = ask.get();
        } catch (RuntimeException e) {
            if (DeviceFarmErrors.isRetryable(e) && ++faults < MAX_FAULTS && System.nanoTime() < deadlineNanos) {
                later(backoff.nextAfterThrottle());
            } else {
                result.completeExceptionally(new DeviceFarmCallException(DeviceFarmErrors.describe(operation, subject, e),
                        DeviceFarmErrors.code(e), e));
            }
            return;
        }
        faults = 0;
        if (answer.isPresent()) {
            result.complete(answer.get());
        } else if (System.nanoTime() >= deadlineNanos) {
            result.completeExceptionally(new WatchTimeoutException(subject + " was not ready after "
                    + timeout.toMinutes() + " minutes", null));
        } else {
            later(backoff.next());
        }
    }

    private void later(Duration delay) {
        try {
            lanes.poll(delay, () -> {
                try {
                    ask();
                } catch (RuntimeException | Error e) {
                    result.completeExceptionally(e);
                }
            });
        } catch (RejectedExecutionException e) {
            result.completeExceptionally(new IllegalStateException("The Device Farm watcher was shut down", e));
        }
    }
}
