package io.jenkins.plugins.devicefarm.core.watch;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;

/**
 * Runs an {@link AdoptableCreate} on the engine's stop thread without ever making two: a
 * throttled create is retried (it was not carried out), a create with no answer (network fault,
 * server error) is followed by a look for the resource by name, which is adopted when found.
 */
final class CreateOrAdopt<T> {
    private static final int MAX_ATTEMPTS = 8;

    private final AdoptableCreate<T> spec;
    private final Lanes lanes;
    private final Backoff backoff;
    private final CompletableFuture<T> result = new CompletableFuture<>();
    private int attempts;

    CreateOrAdopt(AdoptableCreate<T> spec, PollSettings settings, Lanes lanes) {
        this.spec = spec;
        this.lanes = lanes;
        this.backoff = new Backoff(PollSettings.of(Duration.ofMillis(Math.min(500, settings.minInterval().toMillis())),
                settings.maxInterval().compareTo(Duration.ofSeconds(10)) < 0 ? settings.maxInterval() : Duration.ofSeconds(10)));
    }

    /**
     * {@code name} plus a random tag, at most {@code maxLength} characters, so that after a lost
     * answer the resource can be told apart from any other of the same name (clocks of Jenkins
     * and AWS may differ, so time cannot do it).
     */
    static String uniqueName(String name, int maxLength) {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        if (name == null || name.isBlank()) {
            return "jenkins-" + tag;
        }
        String base = name.length() > maxLength - 11 ? name.substring(0, maxLength - 11) : name;
        return base + " [" + tag + "]";
    }

    CompletableFuture<T> start() {
        later(Duration.ZERO, this::create);
        return result;
    }

    private void create() {
        attempts++;
        try {
            result.complete(spec.create());
        } catch (RuntimeException e) {
            if (DeviceFarmErrors.isThrottling(e) && attempts < MAX_ATTEMPTS) {
                later(backoff.nextAfterThrottle(), this::create); // throttled calls were not carried out
            } else if (DeviceFarmErrors.isRetryable(e) && attempts < MAX_ATTEMPTS) {
                later(backoff.next(), this::reconcile);
            } else {
                result.completeExceptionally(new DeviceFarmCallException(
                        DeviceFarmErrors.describe(spec.operation(), spec.subject(), e), DeviceFarmErrors.code(e), e));
            }
        }
    }

    /** After a create with no answer: adopt the resource if Device Farm made it, else create again. */
    private void reconcile() {
        Optional<T> ours;
        try {
            ours = spec.findCreated();
        } catch (RuntimeException e) {
            if (attempts++ < MAX_ATTEMPTS * 2 && DeviceFarmErrors.isRetryable(e)) {
                later(backoff.nextAfterThrottle(), this::reconcile);
            } else {
                result.completeExceptionally(new DeviceFarmCallException("Could not tell whether Device Farm carried out "
                        + spec.operation() + " for " + spec.subject() + ": " + DeviceFarmErrors.describe("List",
                        spec.subject(), e) + " " + spec.ifUnknown(), DeviceFarmErrors.code(e), e));
            }
            return;
        }
        if (ours.isEmpty()) {
            later(backoff.next(), this::create);
        } else {
            result.complete(ours.get());
        }
    }

    private void later(Duration delay, Runnable task) {
        try {
            lanes.urgent(delay, () -> {
                try {
                    task.run();
                } catch (RuntimeException | Error e) {
                    result.completeExceptionally(e);
                }
            });
        } catch (RejectedExecutionException e) {
            result.completeExceptionally(new IllegalStateException("The Device Farm watcher was shut down", e));
        }
    }
}
