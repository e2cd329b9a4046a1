package io.jenkins.plugins.devicefarm.core.report;

import io.jenkins.plugins.devicefarm.core.watch.DeviceFarmCallException;
import io.jenkins.plugins.devicefarm.core.watch.DeviceFarmErrors;
import io.jenkins.plugins.devicefarm.core.watch.DeviceFarmWatcher;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;

/**
 * Every page of a Device Farm List call, one page per task on the engine's scheduler: no thread
 * waits between pages or retries. Throttling, server errors and network failures are retried with
 * jittered exponential backoff (within the watcher's poll interval bounds); anything else fails
 * with Device Farm's message.
 */
public final class ScheduledPages {
    /** One attempt per call: retries are scheduled here, not slept through by the SDK. */
    public static final AwsRequestOverrideConfiguration SINGLE_ATTEMPT = AwsRequestOverrideConfiguration.builder()
            .addPlugin(config -> config.overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry())))
            .build();
    static final int MAX_ATTEMPTS = 8;

    /** One page: its items and the token of the next, or null after the last. */
    public record Page<T>(List<T> items, String nextToken) {}

    private final DeviceFarmWatcher watcher;
    private final AtomicInteger calls = new AtomicInteger();

    public ScheduledPages(DeviceFarmWatcher watcher) {
        this.watcher = watcher;
    }

    /**
     * All items of a List call. {@code fetch} makes one call for a token (null for the first page);
     * {@code operation} and {@code subject} word the error, e.g. "ListSuites" and a job ARN.
     */
    public <T> CompletableFuture<List<T>> all(String operation, String subject, Function<String, Page<T>> fetch) {
        CompletableFuture<List<T>> done = new CompletableFuture<>();
        next(operation, subject, fetch, null, new ArrayList<>(), done, 1, Duration.ZERO);
        return done;
    }

    /** One call, retried like a page. */
    public <T> CompletableFuture<T> one(String operation, String subject, java.util.function.Supplier<T> call) {
        return all(operation, subject, token -> new Page<>(List.of(call.get()), null)).thenApply(l -> l.get(0));
    }

    /** Calls made so far, retries included. */
    public int calls() {
        return calls.get();
    }

    private <T> void next(String operation, String subject, Function<String, Page<T>> fetch, String token, List<T> items,
                          CompletableFuture<List<T>> done, int attempt, Duration delay) {
        watcher.call(delay, () -> {
            calls.incrementAndGet();
            return fetch.apply(token);
        }).whenComplete((page, failure) -> {
            if (failure == null) {
                items.addAll(page.items());
                if (page.nextToken() == null || page.nextToken().isEmpty()) {
                    done.complete(items);
                } else {
                    next(operation, subject, fetch, page.nextToken(), items, done, 1, Duration.ZERO);
                }
            } else if (DeviceFarmErrors.isRetryable(failure) && attempt < MAX_ATTEMPTS) {
                next(operation, subject, fetch, token, items, done, attempt + 1, backoff(attempt, DeviceFarmErrors.isThrottling(failure)));
            } else if (failure instanceof IllegalStateException) {
                done.completeExceptionally(failure); // the watcher was shut down
            } else {
                done.completeExceptionally(new DeviceFarmCallException(DeviceFarmErrors.describe(operation, subject, failure),
                        DeviceFarmErrors.code(failure), failure));
            }
        });
    }

    private Duration backoff(int attempt, boolean throttled) {
        long min = watcher.settings().minInterval().toMillis();
        long max = watcher.settings().maxInterval().toMillis();
        long base = Math.min(max, min << Math.min(attempt - 1 + (throttled ? 1 : 0), 20));
        return Duration.ofMillis(Math.max(1, Math.round(base * (0.75 + ThreadLocalRandom.current().nextDouble() * 0.5))));
    }
}
