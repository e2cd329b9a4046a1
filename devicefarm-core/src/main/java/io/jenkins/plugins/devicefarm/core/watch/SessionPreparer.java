package io.jenkins.plugins.devicefarm.core.watch;

import io.jenkins.plugins.devicefarm.core.InvalidInputException;
import io.jenkins.plugins.devicefarm.core.arn.DeviceFarmArn;
import io.jenkins.plugins.devicefarm.core.session.AppReference;
import io.jenkins.plugins.devicefarm.core.session.PreparedSession;
import io.jenkins.plugins.devicefarm.core.session.SessionRequest;
import io.jenkins.plugins.devicefarm.core.upload.UploadFinder;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import software.amazon.awssdk.services.devicefarm.DeviceFarmClient;
import software.amazon.awssdk.services.devicefarm.model.CreateRemoteAccessSessionConfiguration;
import software.amazon.awssdk.services.devicefarm.model.CreateRemoteAccessSessionRequest;
import software.amazon.awssdk.services.devicefarm.model.DevicePlatform;
import software.amazon.awssdk.services.devicefarm.model.UploadType;

/**
 * Checks a session request against Device Farm before anything is created: the project, the
 * device (and that it allows remote access) and every app exist, app names become upload ARNs
 * (through {@link UploadFinder}, of the type the device's platform installs). A NotFoundException
 * here names the field, which the create's own NotFoundException cannot. Calls run one after
 * another on the poll threads; throttling and server errors are tried again later.
 */
final class SessionPreparer {
    private final DeviceFarmWatcher engine;
    private final DeviceFarmClient client;
    private final SessionRequest request;
    private final CreateRemoteAccessSessionRequest validated;
    private final String uniqueName;

    /** Validates the text of every field at once: bad input throws here, before any request. */
    SessionPreparer(DeviceFarmWatcher engine, DeviceFarmClient client, SessionRequest request, String uniqueName) {
        this.validated = request.toSdkRequest();
        if (!request.workspaceApps().isEmpty()) { // the front end uploads these first
            AppReference a = request.workspaceApps().get(0);
            throw new InvalidInputException(a.field(), "'" + a.path() + "' is a workspace file that was not uploaded",
                    "Give it where a workspace is (deviceFarmSession inside node), or give an upload ARN or name");
        }
        this.engine = engine;
        this.client = client;
        this.request = request;
        this.uniqueName = uniqueName;
    }

    CompletableFuture<PreparedSession> start() {
        DeviceFarmArn project = request.project();
        DeviceFarmArn deviceArn = request.device();
        AppReference app = request.appReference();
        List<AppReference> auxiliary = request.auxiliaryAppReferences();
        UploadFinder uploads = new UploadFinder(client, engine);
        CompletableFuture<PreparedSession> result = new CompletableFuture<>();
        call("GetProject", "projectArn", project,
                () -> client.getProject(r -> r.arn(project.toString()).overrideConfiguration(DeviceFarmCalls.SINGLE_ATTEMPT)).project())
                .thenCompose(p -> call("GetDevice", "deviceArn", deviceArn,
                        () -> client.getDevice(r -> r.arn(deviceArn.toString()).overrideConfiguration(DeviceFarmCalls.SINGLE_ATTEMPT)).device()))
                .thenCompose(device -> {
                    if (Boolean.FALSE.equals(device.remoteAccessEnabled())) {
                        throw new InvalidInputException("deviceArn", "device '" + device.name() + "' (" + deviceArn
                                + ") does not allow remote access", "Pick a device whose remote access is enabled");
                    }
                    UploadType type = device.platform() == DevicePlatform.IOS ? UploadType.IOS_APP : UploadType.ANDROID_APP;
                    CompletableFuture<List<String>> arns = CompletableFuture.completedFuture(new ArrayList<>());
                    List<AppReference> all = new ArrayList<>();
                    if (app != null) {
                        all.add(app);
                    }
                    all.addAll(auxiliary);
                    for (AppReference a : all) {
                        arns = arns.thenCompose(list -> find(uploads, project, a, type).thenApply(arn -> {
                            list.add(arn);
                            return list;
                        }));
                    }
                    return arns;
                })
                .thenApply(arns -> app == null ? build(project, null, arns) : build(project, arns.get(0), arns.subList(1, arns.size())))
                .whenComplete((prepared, error) -> {
                    if (error != null) {
                        result.completeExceptionally(error instanceof CompletionException && error.getCause() != null
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
            b.configuration(configuration.auxiliaryApps(List.copyOf(auxiliaryArns)).build());
        }
        return new PreparedSession(project, b.build(), request.parameters());
    }

    /** The ARN of a processed upload given by ARN or name; an ARN Device Farm does not know is named by its field. */
    private CompletableFuture<String> find(UploadFinder uploads, DeviceFarmArn project, AppReference app, UploadType type) {
        String value = app.arn() != null ? app.arn().toString() : app.uploadName();
        return namingTheField(uploads.find(app.field(), project, value, type), app.field(), "upload " + value)
                .thenApply(u -> u.arn());
    }

    private <T> CompletableFuture<T> call(String operation, String field, DeviceFarmArn arn, Supplier<T> call) {
        return namingTheField(engine.call(operation, arn.toString(), call), field, arn.toString());
    }

    /** Device Farm's NotFoundException, which names no field, becomes a refusal of the field that held the value. */
    private static <T> CompletableFuture<T> namingTheField(CompletableFuture<T> answer, String field, String what) {
        return answer.handle((value, error) -> {
            Throwable e = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
            if (e == null) {
                return value;
            }
            if (e instanceof DeviceFarmCallException d && "NotFoundException".equals(d.getErrorCode())) {
                throw new InvalidInputException(field, "Device Farm has no " + what + " (NotFoundException)",
                        "Check the value, the region, and that the credentials belong to the account that owns it");
            }
            throw e instanceof RuntimeException r ? r : new CompletionException(e);
        });
    }
}
