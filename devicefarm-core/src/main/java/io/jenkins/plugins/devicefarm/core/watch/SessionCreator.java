package io.jenkins.plugins.devicefarm.core.watch;

import io.jenkins.plugins.devicefarm.core.arn.DeviceFarmArn;
import io.jenkins.plugins.devicefarm.core.model.Outcome;
import io.jenkins.plugins.devicefarm.core.session.PreparedSession;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import software.amazon.awssdk.services.devicefarm.DeviceFarmClient;
import software.amazon.awssdk.services.devicefarm.model.CreateRemoteAccessSessionRequest;
import software.amazon.awssdk.services.devicefarm.model.RemoteAccessSession;

/**
 * Creates a remote access session without ever losing one. CreateRemoteAccessSession has no
 * idempotency token, so a create whose answer was lost (network fault, server error) may
 * still have made a session that bills. Then we look for it by its unique name and adopt it
 * rather than create a second one; only when it is certainly absent do we try again.
 */
final class SessionCreator {
    private static final int MAX_ATTEMPTS = 8;

    private final DeviceFarmClient client;
    private final CreateRemoteAccessSessionRequest request;
    private final DeviceFarmArn project;
    private final Lanes lanes;
    private final Backoff backoff;
    private final CompletableFuture<Outcome> result = new CompletableFuture<>();
    private int attempts;

    /** Creates a session Device Farm has confirmed with {@link SessionPreparer}, under its unique name. */
    SessionCreator(DeviceFarmClient client, PreparedSession prepared, PollSettings settings, Lanes lanes) {
        this.request = prepared.request().toBuilder()
                .overrideConfiguration(prepared.parameters().isEmpty() ? DeviceFarmCalls.SINGLE_ATTEMPT
                        : ConfigurationParameters.singleAttemptWith(prepared.parameters()))
                .build();
        this.project = prepared.project();
        this.client = client;
        this.lanes = lanes;
        this.backoff = new Backoff(PollSettings.of(Duration.ofMillis(Math.min(500, settings.minInterval().toMillis())),
                settings.maxInterval().compareTo(Duration.ofSeconds(10)) < 0 ? settings.maxInterval() : Duration.ofSeconds(10)));
    }

    CompletableFuture<Outcome> start() {
        later(Duration.ZERO, this::create);
        return result;
    }

    private void create() {
        attempts++;
        try {
            RemoteAccessSession s = client.createRemoteAccessSession(request).remoteAccessSession();
            result.complete(OutcomeMapper.of(s));
        } catch (RuntimeException e) {
            if (DeviceFarmErrors.isThrottling(e) && attempts < MAX_ATTEMPTS) {
                later(backoff.nextAfterThrottle(), this::create); // throttled calls were not carried out
            } else if (DeviceFarmErrors.isRetryable(e) && attempts < MAX_ATTEMPTS) {
                later(backoff.next(), this::reconcile);
            } else {
                result.completeExceptionally(new DeviceFarmCallException(DeviceFarmErrors.describe(
                        "CreateRemoteAccessSession", "session '" + request.name() + "' in project " + project, e),
                        DeviceFarmErrors.code(e), e));
            }
        }
    }

    /** After a create with no answer: adopt the session if Device Farm made it, else create again. */
    private void reconcile() {
        List<RemoteAccessSession> ours;
        try {
            ours = named(listSessions(client, project), request.name());
        } catch (RuntimeException e) {
            if (attempts++ < MAX_ATTEMPTS * 2 && DeviceFarmErrors.isRetryable(e)) {
                later(backoff.nextAfterThrottle(), this::reconcile);
            } else {
                result.completeExceptionally(new DeviceFarmCallException("Could not tell whether Device Farm created session '"
                        + request.name() + "' in project " + project + ": " + DeviceFarmErrors.describe(
                        "ListRemoteAccessSessions", "project " + project, e)
                        + " If it exists it is billing: stop it at " + project.consoleUrl(), DeviceFarmErrors.code(e), e));
            }
            return;
        }
        if (ours.isEmpty()) {
            later(backoff.next(), this::create);
        } else {
            result.complete(OutcomeMapper.of(ours.get(ours.size() - 1)));
        }
    }

    /** The sessions of that unique name, oldest first. */
    static List<RemoteAccessSession> named(List<RemoteAccessSession> sessions, String uniqueName) {
        return sessions.stream()
                .filter(s -> uniqueName.equals(s.name()))
                .sorted(Comparator.comparing(RemoteAccessSession::created, Comparator.nullsFirst(Comparator.naturalOrder())))
                .toList();
    }

    /** ListRemoteAccessSessions has no SDK paginator: follow nextToken by hand. */
    static List<RemoteAccessSession> listSessions(DeviceFarmClient client, DeviceFarmArn project) {
        List<RemoteAccessSession> all = new java.util.ArrayList<>();
        String token = null;
        do {
            String t = token;
            var page = client.listRemoteAccessSessions(r -> r.arn(project.toString()).nextToken(t)
                    .overrideConfiguration(DeviceFarmCalls.SINGLE_ATTEMPT));
            all.addAll(page.remoteAccessSessions());
            token = page.nextToken();
        } while (token != null && !token.isEmpty());
        return all;
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
        } catch (java.util.concurrent.RejectedExecutionException e) {
            result.completeExceptionally(new IllegalStateException("The Device Farm watcher was shut down", e));
        }
    }
}
