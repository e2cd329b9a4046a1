package io.jenkins.plugins.devicefarm.core.lifecycle;

import io.jenkins.plugins.devicefarm.core.model.Outcome;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * One stop per ARN at a time: a step, a second abort, the freestyle disposer and the safety net
 * may all ask; Device Farm is asked once and everyone gets the same answer.
 */
final class StopRegistry {
    private final Map<String, CompletableFuture<Outcome>> inFlight = new ConcurrentHashMap<>();

    /** The stop under way for {@code arn}, or a new one from {@code start}. */
    CompletableFuture<Outcome> stop(String arn, Supplier<CompletableFuture<Outcome>> start) {
        CompletableFuture<Outcome> mine = new CompletableFuture<>();
        CompletableFuture<Outcome> existing = inFlight.putIfAbsent(arn, mine);
        if (existing != null) {
            return existing;
        }
        mine.whenComplete((o, e) -> inFlight.remove(arn, mine));
        try {
            start.get().whenComplete((o, e) -> {
                if (e != null) {
                    mine.completeExceptionally(e);
                } else {
                    mine.complete(o);
                }
            });
        } catch (RuntimeException e) {
            mine.completeExceptionally(e);
        }
        return mine;
    }

    boolean isStopping(String arn) {
        return inFlight.containsKey(arn);
    }
}
