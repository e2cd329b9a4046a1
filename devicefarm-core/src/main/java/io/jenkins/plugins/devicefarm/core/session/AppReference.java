package io.jenkins.plugins.devicefarm.core.session;

import io.jenkins.plugins.devicefarm.core.InvalidInputException;
import io.jenkins.plugins.devicefarm.core.arn.ArnKind;
import io.jenkins.plugins.devicefarm.core.arn.DeviceFarmArn;
import io.jenkins.plugins.devicefarm.core.upload.UploadTypes;
import software.amazon.awssdk.services.devicefarm.model.UploadType;

/**
 * An app as a user names it: an upload ARN, the name of an upload in the session's project
 * (looked up with ListUploads before the session is created), or a workspace path (anything with
 * a folder separator, e.g. {@code ./app.apk}), which the front end uploads from the agent and
 * replaces by the upload's ARN ({@link SessionRequest#withUploadedApps}) before the session is prepared.
 */
public record AppReference(String field, DeviceFarmArn arn, String uploadName, String path) {
    static AppReference parse(String field, String text) {
        String t = text.strip();
        if (t.startsWith("arn:")) {
            return new AppReference(field, DeviceFarmArn.parse(field, t, ArnKind.UPLOAD), null, null);
        }
        if (t.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidInputException(field, "contains control characters", "Give a workspace path, an upload ARN or an upload's name");
        }
        if (t.contains("/") || t.contains("\\")) {
            UploadTypes.forApp(field, t); // an .apk, .ipa or .zip: refused before anything is uploaded
            return new AppReference(field, null, null, t);
        }
        return new AppReference(field, null, t, null);
    }

    /** A workspace file to upload before the session is created. */
    public boolean isPath() {
        return path != null;
    }

    /** The upload type of a workspace file, from its extension. */
    public UploadType pathType() {
        return UploadTypes.forApp(field, path);
    }

    @Override
    public String toString() {
        return arn != null ? arn.toString() : path != null ? "workspace file '" + path + "'" : "upload '" + uploadName + "'";
    }
}
