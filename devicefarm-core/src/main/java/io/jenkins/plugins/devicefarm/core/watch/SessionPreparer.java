package io.jenkins.plugins.devicefarm.core.watch;

import io.jenkins.plugins.devicefarm.core.InvalidInputException;
import io.jenkins.plugins.devicefarm.core.arn.DeviceFarmArn;
import io.jenkins.plugins.devicefarm.core.session.AppReference;
import io.jenkins.plugins.devicefarm.core.session.PreparedSession;
import io.jenkins.plugins.devicefarm.core.session.SessionRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;
import software.amazon.awssdk.services.devicefarm.DeviceFarmClient;
import software.amazon.awssdk.services.devicefarm.model.CreateRemoteAccessSessionConfiguration;
import software.amazon.awssdk.services.devicefarm.model.CreateRemoteAccessSessionRequest;
import software.amazon.awssdk.services.devicefarm.model.Upload;
import software.amazon.awssdk.services.devicefarm.model.UploadStatus;

/**
 * Checks a session request against Device Farm before anything is created: the project, the
 * device (and that it allows remote access) and every app exist, app names become upload ARNs.
 * A NotFoundException here names the field, which the create's own NotFoundException cannot.
 * Calls run one after another on the poll threads; throttling and server errors are retried later.
 */
final class SessionPreparer {
    private static final int MAX_ATTEMPTS = 8;

    private final DeviceFarmClient client;
    private final SessionRequest request;
    private final CreateRemoteAccessSessionRequest validated;
    private final String uniqueName;
    private final Lanes lanes;
    private final Backoff backoff;
    private final CompletableFuture<PreparedSession> result = new CompletableFuture<>();

    /** Validates the text of every field at once: bad input throws here, before any request. */
    SessionPreparer(DeviceFarmClient client, SessionRequest request, String uniqueName, PollSettings settings, Lanes lanes) {
        this.validated = request.toSdkRequest();
        this.client = client;
        this.request = request;
        this.uniqueName = uniqueName;
        this.lanes = lanes;
        this.backoff = new Backoff(PollSettings.of(Duration.ofMillis(Math.min(500, settings.minInterval().toMillis())),
                settings.maxInterval().compareTo(Duration.ofSeconds(10)) < 0 ? settings.maxInterval() : Duration.ofSeconds(10)));
    }

    CompletableFuture<PreparedSession> start() {
        DeviceFarmArn project = request.project();
        DeviceFarmArn deviceArn = request.device();
        AppReference app = request.appReference();
        List<AppReference> auxiliary = request.auxiliaryAppReferences();
        call("GetProject", "projectArn", project.toString(),
                () -> client.getProject(r -> r.arn(project.toString()).overrideConfiguration(DeviceFarmCalls.SINGLE_ATTEMPT)).project())
                .thenCompose(p -> call("GetDevice", "deviceArn", deviceArn.toString(),
                        () -> client.getDevice(r -> r.arn(deviceArn.toString()).overrideConfiguration(DeviceFarmCalls.SINGLE_ATTEMPT)).device()))
                .thenCompose(device -> {
                    if (Boolean.FALSE.equals(device.remoteAccessEnabled())) {
                        throw new InvalidInputException("deviceArn", "device '" + device.name() + "' (" + deviceArn
                                + ") does not allow remote access", "Pick a device whose remote access is enabled");
                    }
                    return app == null ? CompletableFuture.completedFuture((String) null) : resolve(project, app);
                })
                .thenCompose(appArn -> {
                    CompletableFuture<List<String>> arns = CompletableFuture.completedFuture(new ArrayList<>());
                    for (AppReference a : auxiliary) {
                        arns = arns.thenCompose(list -> resolve(project, a).thenApply(arn -> {
                            list.add(arn);
                            return list;
                        }));
                    }
                    return arns.thenApply(aux -> build(project, appArn, aux));
                })
                .whenComplete((prepared, error) -> {
                    if (error != null) {
                        result.completeExceptionally(error instanceof java.util.concurrent.CompletionException && error.getCause() != null
                                ? error.getCause() : error);
                    } else {
                        result.complete(prepared);
                    }
                });
        return result;
    }

    private PreparedSession build(DeviceFarmArn project, String appArn, List<String> auxiliaryArns) {
        var b = validated.toBuilder().name(uniqueName);
        if (appArn != null) {
            b.appArn(appArn);
        }
        if (!auxiliaryArns.isEmpty()) {
            var configuration = validated.configuration() == null
                    ? CreateRemoteAccessSessionConfiguration.builder() : validated.configuration().toBuilder();
            b.configuration(configuration.auxiliaryApps(auxiliaryArns).build());
        }
        return new PreparedSession(project, b.build(), request.parameters());
    }

    /** An upload ARN that exists and is ready, or the newest ready upload of that name in the project. */
    private CompletableFuture<String> resolve(DeviceFarmArn project, AppReference app) {
        if (app.arn() != null) {
            return call("GetUpload", app.field(), app.arn().toString(),
                    () -> client.getUpload(r -> r.arn(app.arn().toString()).overrideConfiguration(DeviceFarmCalls.SINGLE_ATTEMPT)).upload())
                    .thenApply(u -> ready(app, u).arn());
        }
        return call("ListUploads", app.field(), "project " + project, () -> listUploads(project)).thenApply(uploads -> {
            List<Upload> named = uploads.stream()
                    .filter(u -> app.uploadName().equals(u.name()))
                    .sorted(Comparator.comparing(Upload::created, Comparator.nullsFirst(Comparator.naturalOrder())))
                    .toList();
            if (named.isEmpty()) {
                throw new InvalidInputException(app.field(), "project " + project + " has no upload named '" + app.uploadName() + "'",
                        "Upload the app to that project first, or give its upload ARN");
            }
            List<Upload> ready = named.stream().filter(u -> u.status() == UploadStatus.SUCCEEDED).toList();
            return ready(app, ready.isEmpty() ? named.get(named.size() - 1) : ready.get(ready.size() - 1)).arn();
        });
    }

    private static Upload ready(AppReference app, Upload u) {
        if (u.status() != UploadStatus.SUCCEEDED) {
            throw new InvalidInputException(app.field(), "upload '" + u.name() + "' (" + u.arn() + ") is "
                    + u.statusAsString() + (u.message() == null ? "" : ": " + u.message()),
                    "Use an upload whose processing SUCCEEDED");
        }
        return u;
    }

    private List<Upload> listUploads(DeviceFarmArn project) {
        List<Upload> all = new ArrayList<>();
        String token = null;
        do {
            String t = token;
            var page = client.listUploads(r -> r.arn(project.toString()).nextToken(t).overrideConfiguration(DeviceFarmCalls.SINGLE_ATTEMPT));
            all.addAll(page.uploads());
            token = page.nextToken();
        } while (token != null && !token.isEmpty());
        return all;
    }

    /** One call on a poll thread; throttling and server errors are tried again later, never waited for in place. */
    private <T> CompletableFuture<T> call(String operation, String field, String subject, Supplier<T> call) {
        CompletableFuture<T> answer = new CompletableFuture<>();
        attempt(operation, field, subject, call, answer, 1, Duration.ZERO);
        return answer;
    }

    private <T> void attempt(String operation, String field, String subject, Supplier<T> call, CompletableFuture<T> answer,
                             int attempt, Duration delay) {
        try {
            lanes.poll(delay, () -> {
                try {
                    answer.complete(call.get());
                } catch (RuntimeException e) {
                    if ("NotFoundException".equals(DeviceFarmErrors.code(e))) {
                        answer.completeExceptionally(new InvalidInputException(field, "Device Farm has no " + subject
                                + " (" + operation + ": NotFoundException)",
                                "Check the value, the region, and that the credentials belong to the account that owns it"));
                    } else if (DeviceFarmErrors.isRetryable(e) && attempt < MAX_ATTEMPTS) {
                        attempt(operation, field, subject, call, answer, attempt + 1,
                                DeviceFarmErrors.isThrottling(e) ? backoff.nextAfterThrottle() : backoff.next());
                    } else {
                        answer.completeExceptionally(new DeviceFarmCallException(DeviceFarmErrors.describe(operation, subject, e),
                                DeviceFarmErrors.code(e), e));
                    }
                } catch (Error e) {
                    answer.completeExceptionally(e);
                }
            });
        } catch (RejectedExecutionException e) {
            answer.completeExceptionally(new IllegalStateException("The Device Farm watcher was shut down", e));
        }
    }
}
