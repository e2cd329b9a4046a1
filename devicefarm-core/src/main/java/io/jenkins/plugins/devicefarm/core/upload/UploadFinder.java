package io.jenkins.plugins.devicefarm.core.upload;

import io.jenkins.plugins.devicefarm.core.InvalidInputException;
import io.jenkins.plugins.devicefarm.core.arn.ArnKind;
import io.jenkins.plugins.devicefarm.core.arn.DeviceFarmArn;
import io.jenkins.plugins.devicefarm.core.watch.DeviceFarmCalls;
import io.jenkins.plugins.devicefarm.core.watch.DeviceFarmWatcher;
import java.util.Comparator;
import java.util.concurrent.CompletableFuture;
import software.amazon.awssdk.services.devicefarm.DeviceFarmClient;
import software.amazon.awssdk.services.devicefarm.model.Upload;
import software.amazon.awssdk.services.devicefarm.model.UploadStatus;
import software.amazon.awssdk.services.devicefarm.model.UploadType;

/**
 * An existing upload given by ARN, or by name: the newest SUCCEEDED upload of that name and
 * type in the project. Wrong type, not processed, or no such name fail with
 * {@link InvalidInputException} naming the field.
 */
public final class UploadFinder {
    private final DeviceFarmClient client;
    private final DeviceFarmWatcher engine;

    /** Calls are made on {@code engine}'s scheduler. */
    public UploadFinder(DeviceFarmClient client, DeviceFarmWatcher engine) {
        this.client = client;
        this.engine = engine;
    }

    /** Whether {@code value} is meant as an ARN rather than a name or a path. */
    public static boolean isArn(String value) {
        return value != null && value.strip().startsWith("arn:");
    }

    /**
     * The upload {@code value} (ARN or name) designates, of {@code type}, SUCCEEDED, in {@code project};
     * {@code field} names it in messages. A malformed ARN, or one of another project, throws at once.
     */
    public CompletableFuture<Upload> find(String field, DeviceFarmArn project, String value, UploadType type) {
        if (isArn(value)) {
            DeviceFarmArn arn = DeviceFarmArn.parse(field, value, ArnKind.UPLOAD);
            if (!arn.idSegments().get(0).equals(project.projectId())) {
                throw new InvalidInputException(field, "upload " + arn + " belongs to another project than " + project,
                        "Give an upload of project " + project);
            }
            return engine.call("GetUpload", "upload " + arn, () -> client.getUpload(r -> r.arn(arn.toString())
                    .overrideConfiguration(DeviceFarmCalls.SINGLE_ATTEMPT)).upload()).thenApply(u -> usable(field, u, type));
        }
        String name = UploadTypes.fileName(value);
        return engine.call("ListUploads", "uploads of project " + project, () -> client.listUploadsPaginator(r -> r
                        .arn(project.toString()).type(type).overrideConfiguration(DeviceFarmCalls.SINGLE_ATTEMPT)).uploads().stream()
                        .filter(u -> name.equals(u.name()) && u.status() == UploadStatus.SUCCEEDED)
                        .max(Comparator.comparing(Upload::created, Comparator.nullsFirst(Comparator.naturalOrder()))))
                .thenApply(found -> found.orElseThrow(() -> new InvalidInputException(field, "no processed " + type
                        + " upload named '" + name + "' in project " + project, "Give a file in the workspace, "
                        + "an upload ARN, or the name of an upload that Device Farm processed")));
    }

    private static Upload usable(String field, Upload u, UploadType type) {
        if (u.type() != type) {
            throw new InvalidInputException(field, "upload '" + u.name() + "' is a " + u.typeAsString() + ", not a " + type,
                    "Give an upload of type " + type);
        }
        if (u.status() != UploadStatus.SUCCEEDED) {
            throw new InvalidInputException(field, "upload '" + u.name() + "' is " + u.statusAsString()
                    + (u.message() == null ? "" : " (" + u.message() + ")"), "Give an upload that Device Farm processed");
        }
        return u;
    }
}
