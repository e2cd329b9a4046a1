package io.jenkins.plugins.devicefarm.core.watch;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/** Test helpers that wait with a bound, so a broken engine fails a test instead of hanging it. */
public final class Await {
    private Await() {}

    public static void until(String what, BooleanSupplier condition) {
        long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("Timed out waiting until " + what);
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    public static <T> T result(CompletableFuture<T> f) {
        try {
            return f.get(10, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new AssertionError("Failed: " + e.getCause(), e.getCause());
        } catch (Exception e) {
            throw new AssertionError("No result in 10 s", e);
        }
    }

    public static Throwable failure(CompletableFuture<?> f) {
        try {
            Object v = f.get(10, TimeUnit.SECONDS);
            throw new AssertionError("Expected a failure, got " + v);
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (java.util.concurrent.CancellationException e) {
            // A future failed with a CancellationException throws it as is up to JDK 24; JDK 25 wraps it.
            return e.getCause() instanceof java.util.concurrent.CancellationException c ? c : e;
        } catch (Exception e) {
            throw new AssertionError("No result in 10 s", e);
        }
    }
}
